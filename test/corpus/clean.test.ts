import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { cleanLines, comparable, isBoilerplateLine, isByline, isDateline } from "../../src/corpus/clean.js";
import { fold } from "../../src/text/fold.js";

const fixture = (name: string) => readFileSync(new URL(`../fixtures/clean/${name}`, import.meta.url), "utf8");

/** Clean a fixture as the loader does (first line = title, the rest = body) and return the kept lines. */
function keptLines(name: string): string[] {
  const [title, ...body] = fixture(name).split("\n");
  return cleanLines(body, title).filter((l) => l.trim() !== "");
}

describe("cleanLines on real-looking articles", () => {
  it("IRNA-style Arabic: repeated title, dateline, byline, mid-article teaser, inline teaser, end marker, tags, comment form", () => {
    expect(keptLines("ar-irna.txt")).toEqual([
      "موسكو/ 13 تشرين الاول/ أكتوبر/ إرنا - التقى سفير الجمهورية الإسلامية الإيرانية لدى روسيا كاظم جلالي نائب وزير الخارجية الروسي لبحث التعاون في بحر قزوين.",
      "وقال جلالي إن الدول المطلة على بحر قزوين تعقد اجتماعات منتظمة لاستكمال الاتفاقيات، مضيفاً أن طهران وموسكو متفقتان على ضرورة حماية البيئة البحرية.",
      // the teaser «لافروف يصل إلى طهران…» under «مقالات ذات صلة» is gone
      "وفي ٢٢ فبراير ٢٠٢٠ وقّع الجانبان مذكرة تفاهم للتعاون في مجال الصيد البحري وحماية ثروة الكافيار في بحر قزوين.",
      "ونشرت الخارجية الروسية نص البيان على قناتها في تلغرام مساء الثلاثاء، مؤكدة أن المشاورات ستستمر.",
      // mentions Telegram and contains «التابعة», which is not «تابع» (follow)
      "وأعلنت قناة المنار التابعة لحزب الله على تلغرام أن الوفد الإيراني وصل إلى موسكو.",
      // starts with «التعليقات» but is a paragraph, not a comment form
      "التعليقات التي أدلى بها لافروف بعد اللقاء أثارت ردود فعل واسعة في العواصم الغربية.",
      // «انتهى» here is the verb ("has ended"), not the end marker
      "وأكد المسؤول الروسي أن عهد القطب الواحد قد انتهى.",
      // an end marker glued after the last sentence is cut off
      "وأضاف أن بلاده ستواصل التشاور مع إيران بشأن القضايا الإقليمية.",
    ]);
  });

  it("SANA-style Arabic: follow-us lines, link lines, subscription number, VK, see-also block at the end", () => {
    expect(keptLines("ar-sana.txt")).toEqual([
      "أعلن رئيس لجنة العلاقات الدولية في مجلس الدوما الروسي أن التعاون العسكري التقني بين روسيا وإيران يتطور بشكل مستمر.",
      "وأشار إلى أن البلدين ينسقان مواقفهما حول الأزمة في سورية ويدعمان الحل السياسي الذي يقرره السوريون أنفسهم.",
    ]);
  });

  it("news-site Arabic: follow line, related header, comment form with a word captcha", () => {
    expect(keptLines("ar-comments.txt")).toEqual([
      "أكد الرئيس الإيراني مسعود بزشكيان أهمية مواصلة التفاعل الإقليمي البنّاء بين إيران وروسيا.",
      "وخلال استقباله وزير الخارجية الروسي في طهران، وصف الرئيس الإيراني العلاقات بأنها استراتيجية ومتنامية.",
      // "following" is not "follow"
      "The following day, Zakharova wrote on Telegram that the talks had been useful.",
    ]);
  });

  it("Tasnim-style Persian: title, dateline, byline, follow lines, read-more, end marker and advertiser list", () => {
    expect(keptLines("fa-tasnim.txt")).toEqual([
      "به گزارش گروه بین‌الملل خبرگزاری تسنیم به نقل از خبرگزاری «تاس»، وزرای امور خارجه روسیه و ایران درباره برجام گفت‌وگو کردند.",
      // «عضویت» (membership) + «مقابله» (which contains «بله», a messenger's name) is not a follow-us line
      "عضویت ایران در سازمان همکاری شانگهای به مقابله با تروریسم در منطقه کمک می‌کند.",
      "وزارت خارجه روسیه متن این بیانیه را در کانال تلگرام خود منتشر کرد و بر ادامه رایزنی‌ها تأکید کرد.",
      // «نظرات» (views) opens a paragraph, not a comment form
      "نظرات کارشناسان روسی درباره این توافق متفاوت است و برخی آن را گامی مهم در روابط دو کشور می‌دانند.",
    ]);
  });
});

describe("cleanLines rules", () => {
  const para = "وأكد الجانبان ضرورة استمرار التشاور والتعاون بين البلدين في القضايا الإقليمية.";
  it("keeps blank lines as paragraph separators", () => {
    expect(cleanLines([para, "", para + " ثانية"])).toEqual([para, "", para + " ثانية"]);
  });

  it("drops lines that repeat the title in another spelling", () => {
    const title = "مباحثات ايرانية - روسية بشان اخر المستجدات";
    const variants = ["مُباحثات إيرانيّة – روسيّة بشأن آخر المستجدات", "مباحثـات ايرانيه روسيه بشان اخر المستجدات!", "\u200Fمباحثات ايرانية - روسية بشان اخر المستجدات\u200F"];
    expect(cleanLines([...variants, para], title)).toEqual([para]);
  });

  it("stops at an end marker, whatever follows", () => {
    for (const marker of ["انتهى", "انتهى** 2344", "** انتهى **", "انتهای پیام/", "انتهای پیام", "/انتهی/", "End of story"]) {
      expect(cleanLines([para, marker, "تگ‌ها: روسیه، ایران", para + " بعد"]), marker).toEqual([para]);
    }
  });

  it("a related-articles header mid-article drops itself and one teaser; near the end it ends the article", () => {
    const body = ["فقرة أولى: " + para, "", "انظر أيضاً", "", "عنوان مقال آخر عن روسيا", "", "فقرة ثانية: " + para, "", "فقرة ثالثة: " + para, "", "فقرة رابعة: " + para];
    expect(cleanLines(body).filter(Boolean)).toEqual(["فقرة أولى: " + para, "فقرة ثانية: " + para, "فقرة ثالثة: " + para, "فقرة رابعة: " + para]);
    // header at line 5 of 8 (past 60%): everything from it on is other articles
    const paras = ["1", "2", "3", "4", "5"].map((n) => `${n}: ${para}`);
    expect(cleanLines([...paras, "Related articles", "Another story about Iran", "Yet another story about Russia"])).toEqual(paras);
  });

  it("a comment form ends the article", () => {
    for (const form of ["تعليقك", "اترك تعليقاً", "Leave a Reply", "You are replying to: .", "ارسال نظر", "Comments (3)"]) {
      expect(cleanLines([para, form, para + " بعد"]), form).toEqual([para]);
    }
  });
});

describe("isBoilerplateLine", () => {
  it.each([
    ["captcha with digits", "5 + 12 ="],
    ["captcha with Eastern digits and a question mark", "٥ + ١٢ = ?"],
    ["captcha in words", "ستة عشر + 9 ="],
    ["captcha with ×", "3 × 4 ="],
    ["email notice", "لن يتم نشر عنوان بريدك الإلكتروني. الحقول الإلزامية مشار إليها بـ *"],
    ["English email notice", "Your email address will not be published. Required fields are marked *"],
    ["back-to-top button", "زر الذهاب إلى الأعلى"],
    ["follow on Telegram (Arabic)", "تابع ميدل ايست نيوز على التلغرام telegram"],
    ["follow on Telegram with tatweel and RLM", "\u200Fتابعـونا على تيلغرام\u200F"],
    ["join on WhatsApp", "انضموا إلى مجموعتنا على واتساب"],
    ["follow on VK", "تابعوا صفحتنا على موقع (VK) للتواصل الاجتماعي على الرابط:"],
    ["follow in Persian", "ما را در تلگرام دنبال کنید"],
    ["join in Persian (Eitaa, Bale)", "به کانال ما در ایتا و بله بپیوندید"],
    ["follow in English", "Follow us on Telegram and Twitter"],
    ["subscribe in English", "Subscribe to our WhatsApp channel"],
    ["bare URL", "https://telegram.me/SyrianArabNewsAgency"],
    ["bare URL with www", "www.example.com/news/123"],
    ["two bare URLs", "http://vk.com/a   https://t.me/b"],
    ["subscription number", "عبر إرسال كلمة اشتراك على الرقم / 0940777186/ بعد تخزينه"],
    ["SMS number", "برای دریافت اخبار عدد 1 را به شماره پیامک 3000123456 ارسال کنید"],
    ["inline read-also teaser", "اقرأ أيضاً: لافروف يصل إلى طهران"],
    ["inline read-more teaser (Persian)", "بیشتر بخوانید: سفر رئیسی به مسکو"],
    ["Arabic dateline with Eastern digits", "السبت ٢٢ فبراير ٢٠٢٠ - ٠٢:٥٤ بتوقيت غرينتش"],
    ["Persian dateline", "شنبه ۲۲ شهریور ۱۴۰۰ - ۱۰:۳۰"],
    ["English dateline", "Saturday, 22 February 2020 02:54 GMT"],
    ["updated line", "آخر تحديث: ١٣ أكتوبر ٢٠٢٠"],
    ["byline outlet - country", "العالم - ايران"],
    ["byline city-agency", "موسكو-سانا"],
    ["Persian byline", "تهران- ایرنا"],
    ["empty", "   \t "],
    ["invisible marks only", "\u200F\u200E\u200C"],
  ])("drops %s: %s", (_what, line) => {
    expect(isBoilerplateLine(line)).toBe(true);
  });

  it.each([
    ["a paragraph that mentions Telegram", "ونشرت الخارجية الروسية نص البيان على قناتها في تلغرام مساء الثلاثاء."],
    ["«التابعة» is not «تابع»", "وأعلنت قناة المنار التابعة لحزب الله على تلغرام أن الوفد وصل إلى موسكو."],
    ["«متابعة» is not «تابع»", "وقال إن موسكو تواصل متابعة ما ينشر على تلغرام وفيسبوك بشأن الاتفاق."],
    ["«اشتركت» (took part) is not «اشترك» (subscribe)", "اشتركت روسيا وإيران في مناورات بحرية نشرت صورها على تلغرام."],
    ["Persian «مقابله» contains «بله»", "عضویت ایران در سازمان همکاری شانگهای به مقابله با تروریسم کمک می‌کند."],
    ["Persian «ایتالیا» contains «ایتا»", "به گفته وی، عضویت ایران و ایتالیا در این نشست بررسی شد."],
    ["'following' is not 'follow'", "The following day, Zakharova wrote on Telegram that the talks had been useful."],
    ["'joint' is not 'join'", "A joint statement was posted on the ministry's Telegram channel."],
    ["a paragraph with a date", "في ٢٢ فبراير ٢٠٢٠ التقى جلالي بالمسؤول الروسي في موسكو."],
    ["a URL inside a sentence", "ونشرت الوكالة النص الكامل على موقعها https://example.com/statement أمس."],
    ["a sum inside a sentence", "وقال إن 5 + 12 = 17 ليست معادلة صعبة في السياسة الخارجية."],
    ["a long dash sentence", "قال لافروف - وهو يبتسم - إن المحادثات كانت مفيدة جدا للطرفين."],
    ["a title with a colon", "بزشكيان: إيران وروسيا لديهما وجهات نظر متقاربة"],
    ["a big number in a sentence", "بلغ حجم التبادل التجاري بين البلدين 3500000000 دولار العام الماضي."],
  ])("keeps %s", (_what, line) => {
    expect(isBoilerplateLine(line)).toBe(false);
  });
});

describe("isDateline and isByline (on folded lines)", () => {
  it.each([
    ["السبت ٢٢ فبراير ٢٠٢٠ - ٠٢:٥٤ بتوقيت غرينتش", true],
    ["١٣ تشرين الاول ٢٠٢٠", true],
    ["موسكو ٢٢ فبراير ٢٠٢٠", true], // a place and a date: one non-date word is allowed
    ["دوشنبه ۱۰ مهر ۱۴۰۰ ساعت ۱۲:۳۰", true], // «ساعت» (Persian "hour") is not a date word, but one such word is allowed
    ["22 February 2020 | 02:54 GMT", true],
    ["السبت فبراير", false], // no digit
    ["في ٢٢ فبراير ٢٠٢٠ التقى جلالي بالمسؤول الروسي", false],
    [`السبت ٢٢ فبراير ٢٠٢٠ ${"بتوقيت ".repeat(12)}`, false], // too long to be a dateline
  ])("isDateline(%s) → %s", (line, expected) => {
    expect(isDateline(fold(line))).toBe(expected);
  });

  it.each([
    ["العالم - ايران", true],
    ["موسكو-سانا", true],
    ["طهران / إرنا", true],
    ["Moscow - TASS", true],
    ["قال لافروف - وهو يبتسم - إن المحادثات مفيدة", false],
    ["بزشكيان: إيران وروسيا", false],
    ["روسيا", false],
    ["الرئيس الإيراني مسعود بزشكيان - الرئيس الروسي فلاديمير بوتين", false], // too many words
  ])("isByline(%s) → %s", (line, expected) => {
    expect(isByline(fold(line))).toBe(expected);
  });
});

describe("comparable", () => {
  it("ignores orthography, punctuation and spacing", () => {
    expect(comparable("  مُباحثات «إيرانيّة» – روسيّة!  ")).toBe(comparable("مباحثات ايرانيه روسيه"));
    expect(comparable("Lavrov,  Araghchi")).toBe("lavrov araghchi");
  });
});
