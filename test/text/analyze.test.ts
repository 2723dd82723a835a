import { describe, expect, it } from "vitest";
import { analyze, termOf } from "../../src/text/analyze.js";
import { fold } from "../../src/text/fold.js";
import { loadLexicon } from "../../src/lexicon/lexicon.js";

describe("analyze", () => {
  it.each([
    ["Arabic question: stop words go, content words are stemmed", "ما هي نتائج زيارة لافروف إلى طهران؟", ["نتايج", "زيار", "لافروف", "طهر"]],
    ["conjunction glued to a stop word is a stop word", "وفي ومن وهذا لقاء", ["لقا"]],
    ["single letters and stop-word-only text give nothing", "و في من a the", []],
    ["English question", "What did Jalali discuss about the Caspian Sea?", ["jalali", "discuss", "caspian", "sea"]],
    ["Persian question", "لاوروف درباره برجام چه گفت؟", ["لاوروف", "برجام"]],
    ["Persian plural with ZWNJ", "همکاری‌های دوجانبه", ["همكار", "دوجانب"]],
    ["numbers are kept as terms", "۲۲ فبراير ٢٠٢٠", ["22", "فبراير", "2020"]],
  ])("%s", (_what, text, expected) => {
    expect(analyze(text)).toEqual(expected);
  });

  it("documents and queries meet on one form whatever the spelling", () => {
    const variants = [
      ["المباحثات الإيرانية الروسية", "مباحثات ايرانيه روسيه", "المُباحَثـات الإيرانيّة الروسيّة"],
      ["همکاری‌های ایران و روسیه", "همكاريهاي ايران و روسيه", "همکاریهای ایران و روسیه"],
      ["السفير كاظم جلالي", "السفیر کاظم جلالی", "\u200Fالسفير\u200F كاظم جلالي"],
    ];
    for (const group of variants) {
      const first = analyze(group[0]!);
      expect(first.length).toBeGreaterThan(0);
      for (const v of group) expect(analyze(v), v).toEqual(first);
    }
  });

  it("keeps protected names whole", () => {
    const protectedWords = new Set(["جلالي"]);
    expect(analyze("جلالی", { protectedWords })).toEqual(["جلالي"]);
    expect(analyze("جلالي")).toEqual(["جلال"]);
  });

  it.each([
    // Content words that begin with و and whose rest (or Light10 stem) is spelled like a function word of the
    // other language must still be indexed: «وزير» is «و» + Persian «زیر» ("under"), «وباء» folds to «وبا» = «و» + «با».
    ["minister (Arabic)", "وزير"],
    ["minister (Persian)", "وزیر"],
    ["minister, feminine", "وزيرة"],
    ["epidemic", "وباء"],
  ])("indexes %s «%s»", (_what, word) => {
    expect(analyze(word)).toHaveLength(1);
  });

  it("gives the same term for «وزير الخارجية» in both languages' spellings", () => {
    expect(analyze("وزیر خارجه")[0]).toBe(analyze("وزير الخارجية")[0]);
  });
});

describe("termOf", () => {
  it.each([
    ["stop word", "في", null],
    ["single letter", "و", null],
    ["stem that is a stop word (Persian plural of this)", fold("اینها"), null],
    ["content word", "المباحثات", "مباحث"],
    ["Latin", "talks", "talk"],
    // A function word with a clitic or a pronoun ending stays a stop word...
    ["conjunction + stop word", "ولكن", null],
    ["conjunction + stop word (after)", "وبعد", null],
    ["stop word + pronoun", "لكنه", null],
    ["stop word + pronoun (her)", "خلالها", null],
    ["stop word + pronoun (him), ending like -iyya", "لديه", null],
    // ...but a content word that only looks like one once a plural or derivational ending is cut is kept whole.
    ["«the states» (-at; stem ولا)", fold("الولايات"), "ولايات"],
    ["Persian «province» (-an; stem است)", fold("استان"), "استان"],
    ["Persian «provinces» (-an + plural -ha) is «province»", fold("استان\u200cها"), "استان"],
    ["Arabic «because it» stays a stop word", fold("لأنها"), null],
    ["«Kurdish» (-iyya; stem كرد, Persian «did»)", fold("الكردية"), "كرديه"],
    ["«Kurdish» (nisba ي on four letters)", fold("الكردي"), "كردي"],
    ["month «Kanun» (-un; stem كان)", fold("كانون"), "كانون"],
    ["«infrastructure» (-iyya; stem تحت)", fold("التحتية"), "تحتيه"],
    ["Persian «nuclear» with ZWNJ (-hay; stem هست)", fold("هسته\u200cای"), "هستهاي"],
  ])("%s: %s → %s", (_what, folded, expected) => {
    expect(termOf(folded)).toBe(expected);
  });

  it("keeps whole a lexicon word that stemming would make a stop word («هسته» → «هست»)", () => {
    expect(termOf("هسته")).toBeNull();
    expect(termOf("هسته", { protectedWords: loadLexicon().protectedWords })).toBe("هسته");
  });

  it("never returns an array (one canonical form per token)", () => {
    expect(typeof termOf("الايرانيه")).toBe("string");
  });
});
