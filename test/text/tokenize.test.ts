import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { MAX_TOKEN_LENGTH, tokenize, tokenizeFolded } from "../../src/text/tokenize.js";

describe("tokenize", () => {
  it.each([
    ["spaces", "Lavrov met Araghchi", ["lavrov", "met", "araghchi"]],
    ["TAB is a separator", "جلالي\tلافروف", ["جلالي", "لافروف"]],
    ["newline and CR", "طهران\r\nموسكو", ["طهران", "موسكو"]],
    ["no-break and thin spaces", "طهران\u00A0موسكو\u2009باكو", ["طهران", "موسكو", "باكو"]],
    ["Arabic comma, semicolon, question mark", "طهران،موسكو؛باكو؟", ["طهران", "موسكو", "باكو"]],
    ["guillemets and curly quotes", "«تاس» “تسنيم”", ["تاس", "تسنيم"]],
    ["hyphen, slash and ASCII punctuation", "موسكو-سانا/ارنا (TASS).", ["موسكو", "سانا", "ارنا", "tass"]],
    ["apostrophe splits English possessive", "Iran's", ["iran", "s"]],
    ["emoji separates", "🇮🇷ايران🤝روسيا🇷🇺", ["ايران", "روسيا"]],
    ["control characters separate", "ايران\u0000روسيا\u0007x", ["ايران", "روسيا", "x"]],
    ["ZWNJ joins (folded away), not splits", "همکاری\u200Cهای", ["همكاريهاي"]],
    ["ZWJ, LRM, RLM do not split or stay", "لاف\u200Dروف \u200Fطهران\u200E", ["لافروف", "طهران"]],
    ["tatweel and harakat inside a word", "جـَلالـي", ["جلالي"]],
    ["Eastern Arabic and Persian digits become ASCII", "٢٠٢٠ ۱۴۰۰", ["2020", "1400"]],
    ["digits with separators split", "2,344 ٣٫٥", ["2", "344", "3", "5"]],
    ["letters and digits stay together", "COVID19 اس400", ["covid19", "اس400"]],
    ["presentation forms are folded before splitting", "\uFEFB\uFEE3", ["لام"]],
    ["only punctuation and emoji", "؟!… «» 🙂", []],
    ["empty", "", []],
  ])("%s", (_what, input, expected) => {
    expect(tokenize(input)).toEqual(expected);
  });

  it(`drops tokens longer than ${MAX_TOKEN_LENGTH} letters but keeps the rest`, () => {
    const long = "ب".repeat(MAX_TOKEN_LENGTH + 1);
    const edge = "ت".repeat(MAX_TOKEN_LENGTH);
    expect(tokenize(`ايران ${long} ${edge} روسيا`)).toEqual(["ايران", edge, "روسيا"]);
  });

  it("tokenizeFolded does not fold again", () => {
    expect(tokenizeFolded("Lavrov")).toEqual(["Lavrov"]);
  });

  it("every token is non-empty, short and free of separators, for any input", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 300 }), (s) => {
        for (const t of tokenize(s)) {
          expect(t.length).toBeGreaterThan(0);
          expect(t.length).toBeLessThanOrEqual(MAX_TOKEN_LENGTH);
          expect(t).not.toMatch(/[\s\p{P}\p{S}\u200C-\u200F]/u);
        }
      }),
    );
  });
});
