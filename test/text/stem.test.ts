import { describe, expect, it } from "vitest";
import { fold } from "../../src/text/fold.js";
import { stem, stemArabic, stemLatin, stripPrefix, withoutPossessive } from "../../src/text/stem.js";

// All inputs are folded, as in the pipeline (ة→ه, ى/ی→ي, ک→ك).
describe("stripPrefix (Light10 clitics)", () => {
  it.each([
    ["ال", "الحرب", "حرب"],
    ["وال", "والتعاون", "تعاون"],
    ["بال", "بالعلاقات", "علاقات"],
    ["كال", "كالعاده", "عاده"],
    ["فال", "فالامر", "امر"],
    ["لل", "للتعاون", "تعاون"],
    ["و on a word of 4+ letters", "وسوريا", "سوريا"],
    ["و then a clitic", "وللتعاون", "تعاون"],
    ["و kept on a 3-letter word", "ولد", "ولد"],
    ["ال must leave 2 letters (الى folded)", "الي", "الي"],
    ["ال leaving exactly 2 letters is stripped", "الذي", "ذي"],
    ["no prefix", "لافروف", "لافروف"],
  ])("%s: %s → %s", (_what, word, expected) => {
    expect(stripPrefix(word)).toBe(expected);
  });
});

describe("stemArabic", () => {
  it.each([
    ["ال + ات", "المباحثات", "مباحث"],
    ["ال + يه (ية folded)", "الايرانيه", "ايران"],
    ["ات", "علاقات", "علاق"],
    ["ين then ي", "السوريين", "سور"],
    ["ون", "المسوولون", "مسوول"],
    ["ها (Arabic pronoun)", "زيارتها", "زيارت"],
    ["ه (ة folded)", "الزياره", "زيار"],
    ["Persian plural ها", "كشورها", "كشور"],
    ["Persian plural with ezafe هاي", "كشورهاي", "كشور"],
    ["Persian ZWNJ-joined plural", fold("همکاری‌های"), "همكار"],
    ["stem of 3 letters is the floor: امين keeps ين", "امين", "امين"],
    ["stem of 3 letters is the floor: بيان keeps ان", "بيان", "بيان"],
    ["short words untouched", "مه", "مه"],
    ["«ان» that is part of the word: بحران (crisis) is not بحر (sea)", "بحران", "بحران"],
    ["… nor its plural", fold("بحران‌ها"), "بحران"],
    ["… nor its adjective", fold("بحرانی"), "بحران"],
    ["البحرية (naval) still stems to the sea", fold("البحرية"), "بحر"],
    ["دوران (era) is not دور (role)", "دوران", "دوران"],
    ["الإنسانية stops at انسان", fold("الإنسانية"), "انسان"],
    ["name without affixes untouched", "لافروف", "لافروف"],
    ["mixed letters and digits untouched", "اس400", "اس400"],
  ])("%s: %s → %s", (_what, word, expected) => {
    expect(stemArabic(word)).toBe(expected);
  });

  it("Arabic and Persian spellings of one word meet after folding", () => {
    const groups = [
      ["روسية", "روسیه", "الروسية", "الروسي"],
      ["کشورهای", "كشورهاي", "کشورها"],
      ["همکاری‌ها", "همکاریهای", "همكاري"],
    ];
    for (const group of groups) {
      const stems = new Set(group.map((w) => stemArabic(fold(w))));
      expect(stems.size, group.join(" / ")).toBe(1);
    }
  });

  it("protected words keep their suffixes, with or without a clitic prefix", () => {
    const protectedWords = new Set(["جلالي", "ولايتي"]);
    expect(stemArabic("جلالي")).toBe("جلال"); // unprotected: Light10 eats the ي
    expect(stemArabic("جلالي", { protectedWords })).toBe("جلالي");
    expect(stemArabic("والجلالي", { protectedWords })).toBe("جلالي");
    expect(stemArabic("ولايتي", { protectedWords })).toBe("ولايتي"); // not read as و + لايتي
  });

  it.each([
    ["بسوريا", "سوريا"],
    ["لموسكو", "موسكو"],
    ["وبموسكو", "موسكو"],
    ["فسوريا", "سوريا"],
  ])("strips a glued ب ل ك ف before a known name: %s → %s", (word, expected) => {
    expect(stemArabic(word, { protectedWords: new Set(["سوريا", "موسكو"]) })).toBe(expected);
  });

  it.each([
    ["والنمسا", "النمسا"],
    ["بالنمسا", "النمسا"],
    ["للنمسا", "النمسا"],
    ["النمسا", "النمسا"],
  ])("gives a name kept whole with its article the same term after a clitic: %s → %s", (word, expected) => {
    expect(stemArabic(word, { protectedWords: new Set(["النمسا"]) })).toBe(expected);
  });

  it("leaves ب ل ك ف alone when the rest is not a known name", () => {
    const protectedWords = new Set(["سوريا"]);
    expect(stemArabic("بريطانيا", { protectedWords })).toBe("بريطانيا");
    expect(stemArabic("لبنان", { protectedWords })).not.toBe("بنان");
  });
});

describe("stemLatin and stem", () => {
  it.each([
    ["discussed", "discuss"],
    ["talks", "talk"],
    ["meetings", "meet"],
    ["gas", "gas"], // 3 letters: kept
    ["2018", "2018"],
    ["covid19", "covid19"],
  ])("%s → %s", (word, expected) => {
    expect(stemLatin(word)).toBe(expected);
  });

  it("dispatches on script", () => {
    expect(stem("المباحثات")).toBe("مباحث");
    expect(stem("talks")).toBe("talk");
    expect(stem("🙂")).toBe("🙂");
  });
});

describe("withoutPossessive (Arabic nouns in «ة» with a pronoun)", () => {
  it.each([
    ["قنصليتها", "قنصليه"],
    ["زيارته", "زياره"],
    ["حكومتهم", "حكومه"],
    ["سياستنا", "سياسه"],
    ["قواتها", "قواتها"], // a plural «ات»
    ["سلمتها", "سلمتها"], // a verb: «she delivered it»
    ["وقتها", "وقتها"], // «ت» of the word
  ])("%s → %s", (word, expected) => {
    expect(withoutPossessive(word)).toBe(expected);
  });
});
