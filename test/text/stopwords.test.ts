import { describe, expect, it } from "vitest";
import { fold } from "../../src/text/fold.js";
import { isStopWord, STOP_WORDS, withoutDialectQuestionWords } from "../../src/text/stopwords.js";

describe("stop words", () => {
  it.each([
    ["Arabic", ["في", "من", "على", "إلى", "الذي", "هذه", "لماذا", "بشأن"]],
    ["Arabic dialect question words", ["شو", "ليش", "قديش", "إزاي", "اللي", "رح", "صار", "بالضبط"]],
    ["Arabic question words with a preposition", ["بماذا", "عمّا", "مما", "لمن", "فيما", "بينما"]],
    ["Persian", ["در", "به", "از", "که", "را", "این", "آیا", "چگونه", "درباره"]],
    ["spoken Persian", ["رو", "تو", "کدوم", "بهش", "توش", "باهاش", "ازشون", "براش", "دیگه", "یعنی", "دقیقا", "بالاخره", "واقعا"]],
    ["English", ["the", "of", "what", "did", "about", "tell", "me"]],
  ])("%s function words are stop words (after folding)", (_lang, words) => {
    for (const w of words) expect(isStopWord(fold(w)), w).toBe(true);
  });

  it.each([
    ["Arabic news words", ["زيارة", "لقاء", "وزير", "سفير", "روسيا", "إيران", "قزوين", "اتفاقية"]],
    ["Persian news words", ["دیدار", "وزیر", "سفیر", "روسیه", "همکاری", "مذاکره", "وین", "مین"]],
    ["English news words", ["billion", "minister", "caspian", "sanctions", "visit"]],
  ])("%s are not stop words", (_lang, words) => {
    for (const w of words) expect(isStopWord(fold(w)), w).toBe(false);
  });

  it("are stored folded, so Persian and Arabic spellings both hit", () => {
    for (const w of STOP_WORDS) expect(fold(w), w).toBe(w);
    expect(isStopWord(fold("اين"))).toBe(isStopWord(fold("این")));
    expect(isStopWord(fold("كه"))).toBe(true);
  });

  it("do not match unfolded input (callers fold first)", () => {
    expect(isStopWord("إلى")).toBe(false);
    expect(isStopWord("The")).toBe(false);
  });
});

describe("withoutDialectQuestionWords", () => {
  // Arabic «وين»/«مين» (with «ي» U+064A) are "where"/"who"; Persian «وین»/«مین» (with «ی» U+06CC) are Vienna and a
  // landmine, and must stay.
  it.each([
    ["وين رح يجتمع الوزراء؟", " رح يجتمع الوزراء؟"],
    ["مين قال هيك؟", " قال هيك؟"],
    ["ووين الاجتماع", " الاجتماع"],
    ["الاجتماع وين؟", "الاجتماع ؟"],
    ["مذاکرات وین درباره برجام", "مذاکرات وین درباره برجام"],
    ["خطر مین در مرز", "خطر مین در مرز"],
    ["فيينا", "فيينا"],
    ["ووينتر", "ووينتر"], // a longer word is left alone
    ["لوين كانت رايحة؟", " كانت رايحة؟"], // "to where"
    ["منين جاي", " جاي"], // "from where"
    ["لمين الرسالة", " الرسالة"], // "to whom"
    ["بنيامين نتنياهو", "بنيامين نتنياهو"],
    ["لمينا", "لمينا"],
    ["يمين الوسط", "يمين الوسط"],
  ])("%s → %s", (input, expected) => {
    expect(withoutDialectQuestionWords(input)).toBe(expected);
  });
});
