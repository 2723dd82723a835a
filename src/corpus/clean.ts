import { fold } from "../text/fold.js";

/**
 * Removes site boilerplate from an article's lines with general rules (not the seeds' exact lines): repeated
 * titles, bare datelines and bylines, comment forms and captchas, "follow us" lines, bare URLs and subscription
 * numbers, "related articles" teasers, and everything after an end-of-article marker.
 */

/** End-of-article markers: everything from here on is tags, teasers and advertisers. */
const END_MARKER = /^[\s*/]*(انتهى|انتهي|انتهاي پيام|پايان پيام|end of (the )?(story|article))[\s*/.\d-]*$/u;
/**
 * An end marker glued to the last sentence: after sentence-ending punctuation («…الإقليمية. انتهى») or followed by
 * * or / («انتهى/», «انتهای پیام/»). A verb ending a sentence («قد انتهى.») is neither.
 */
const TRAILING_END_MARKER =
  /(?:(?<=[.!?؟»"”)])\s*(?:انتهى|انتهی|انتهای پیام)[\s*/.\d]*|\s+(?:انتهى|انتهی|انتهای پیام)\s*[*/][\s*/.\d]*)$/u;
/** Headers that introduce teasers of other articles. */
const RELATED_HEADER =
  /^(مقالات ذات صله|مواضيع ذات صله|اخبار ذات صله|انظر ايضا|اقرا ايضا|اقرا المزيد|شاهد ايضا|مطالب مرتبط|اخبار مرتبط|بيشتر بخوانيد|بخوانيد|واژه هاي كاربردي مرتبط|related (articles|stories|news)|see also|read more|read also)[\s:.]*$/u;
/** The same headers followed by a teaser title on the same line. */
const RELATED_INLINE = /^(اقرا ايضا|اقرا المزيد|شاهد ايضا|انظر ايضا|بيشتر بخوانيد|read more|see also|read also)\s*[:：-]/u;
/** Comment forms: once one starts, nothing after it belongs to the article. */
const COMMENT_FORM =
  /^(تعليقك|اترك تعليقا|اضف تعليق|اضف تعليقك|التعليقات|ارسال تعليق|ارسال نظر|نظر شما|نظرات|leave a (comment|reply)|you are replying to|add a comment|comments)(?=[\s:.!]|$)/u;
const MAX_COMMENT_HEADER = 40; // characters
const COMMENT_NOTICE = /(لن يتم نشر عنوان بريدك|الحقول الالزاميه|your email address will not be published|زر الذهاب الي الاعلي)/u;
/** "5 + 12 =", «ستة عشر + 9 =»: captcha questions of comment forms. */
const CAPTCHA = /^[\p{L}\p{N} ]{1,20}[+×*-][\p{L}\p{N} ]{1,20}=\s*\??$/u;
/** Whole words only: «التابعة», «متابعة», «اشتركت», "following", "joint" are not "follow" or "join". */
const FOLLOW_VERB =
  /(?<!\p{L})[وف]?(تابع|تابعوا|تابعونا|تابعنا|اشترك|اشتركوا|انضم|انضموا)(?!\p{L})|\b(follow|join|subscribe)\b|ما را در|عضويت|بپيونديد/u;
/** Short names are whole words: «بله» is inside «مقابله», «ايتا» inside «ايتاليا». */
const SOCIAL =
  /(تلغرام|تيلغرام|تلگرام|telegram|واتس|whatsapp|فيسبوك|فيس بوك|facebook|تويتر|twitter|انستغرام|instagram|يوتيوب|youtube|\bvk\b|(?<!\p{L})(سروش|ايتا|بله)(?!\p{L})|الرابط|كلمه اشتراك|channel|قناتنا)/u;
const URL_ONLY = /^(\S*(https?:\/\/|www\.)\S+\s*)+$/u;
const SUBSCRIPTION = /(اشتراك|الرقم|رقم|sms|پيامك)\D{0,40}\d{6,}/u;
/** Words a dateline is made of (folded): weekdays, months of three calendars, time-zone and "updated" words. */
const DATE_WORDS = new Set(
  (
    "السبت الاحد الاثنين الثلاثاء الاربعاء الخميس الجمعه شنبه يكشنبه دوشنبه سه چهارشنبه پنجشنبه جمعه " +
    "يناير فبراير مارس ابريل مايو يونيو يوليو اغسطس سبتمبر اكتوبر نوفمبر ديسمبر كانون شباط اذار نيسان ايار " +
    "حزيران تموز اب ايلول تشرين الاول الثاني فروردين ارديبهشت خرداد تير مرداد شهريور مهر ابان اذر دي بهمن اسفند " +
    "ژانويه فوريه اوريل مه ژوئن ژوئيه اوت سپتامبر اكتبر نوامبر دسامبر " +
    "january february march april may june july august september october november december jan feb mar apr jun " +
    "jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday " +
    "بتوقيت توقيت غرينتش مكه gmt utc ساعه الساعه تاريخ نشر النشر اخر تحديث محدث في am pm ص م ه ش هـ updated published"
  ).split(" "),
);

/** A line that is only a date and time, e.g. «السبت ٢٢ فبراير ٢٠٢٠ - ٠٢:٥٤ بتوقيت غرينتش». */
export function isDateline(folded: string): boolean {
  if (folded.length > 80 || !/\d/.test(folded)) return false;
  const words = folded.split(/[\s\p{P}\p{S}]+/u).filter((w) => w !== "" && !/^\d+$/.test(w));
  return words.filter((w) => !DATE_WORDS.has(w)).length <= 1;
}

/** A short "place - agency" or "outlet - section" credit line, e.g. «العالم - ايران», «موسكو-سانا». */
export function isByline(folded: string): boolean {
  const words = folded.split(/\s+/).filter(Boolean);
  if (words.length > 5 || folded.length > 45) return false;
  return /^[\p{L} ]{2,25}\s*[-–—/|]\s*[\p{L} ]{2,25}$/u.test(folded);
}

/** True for a line that belongs to the site, not to the article. */
export function isBoilerplateLine(line: string): boolean {
  const folded = fold(line).trim();
  if (folded === "") return true;
  if (URL_ONLY.test(folded)) return true;
  if (CAPTCHA.test(folded) || COMMENT_NOTICE.test(folded)) return true;
  if (folded.length < 160 && FOLLOW_VERB.test(folded) && SOCIAL.test(folded)) return true;
  if (folded.length < 160 && SUBSCRIPTION.test(folded)) return true;
  if (RELATED_INLINE.test(folded)) return true;
  return isDateline(folded) || isByline(folded);
}

/** Normalized for comparing lines: folded, punctuation and spacing ignored. */
export function comparable(text: string): string {
  return fold(text)
    .replace(/[\p{P}\p{S}]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * Clean an article's lines. `title` (when known) is used to drop lines that repeat it.
 * Returns the kept lines; blank lines are kept as paragraph separators.
 */
export function cleanLines(lines: readonly string[], title?: string): string[] {
  const titleKey = title ? comparable(title) : undefined;
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === "") {
      kept.push("");
      continue;
    }
    const folded = fold(line).trim();
    // A comment form's header is a short line; «التعليقات التي…», «نظرات کارشناسان…» open real paragraphs.
    if (END_MARKER.test(folded) || (COMMENT_FORM.test(folded) && folded.length <= MAX_COMMENT_HEADER)) break;
    if (RELATED_HEADER.test(folded)) {
      // A teaser block near the end belongs to other articles: stop. Mid-article, drop the header and its teaser.
      if (i >= lines.length * 0.6) break;
      i = skipNextNonEmpty(lines, i);
      continue;
    }
    if (titleKey && comparable(line) === titleKey) continue;
    if (isBoilerplateLine(line)) continue;
    kept.push(line.replace(TRAILING_END_MARKER, ""));
  }
  return kept;
}

function skipNextNonEmpty(lines: readonly string[], i: number): number {
  let j = i + 1;
  while (j < lines.length && lines[j]!.trim() === "") j++;
  return j;
}
