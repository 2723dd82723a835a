import { describe, expect, it } from "vitest";
import { designationOf, designationTerm } from "../../src/text/designations.js";
import { fold } from "../../src/text/fold.js";
import { tokenizeFolded } from "../../src/text/tokenize.js";
import { withoutEnglishPossessive } from "../../src/text/english.js";

describe("designationOf", () => {
  it.each([
    ["f35", "f", "35", "اف"],
    ["s400", "s", "400", "اس"],
    ["su30", "su", "30", "سوخوي"],
    ["su57", "su", "57", "سو"],
    ["mig29", "mig", "29", "ميغ"],
    ["tu22m3", "tu", "22", "توبوليف"],
    ["il20", "il", "20", "ال"],
    ["b52", "b", "52", "بي"],
  ])("%s: prefix %s, number %s, written «%s»", (token, latin, number, spelling) => {
    const d = designationOf(token)!;
    expect(d.latin).toBe(latin);
    expect(d.number).toBe(number);
    expect(d.prefixes).toContain(spelling);
  });

  it.each([
    ["a5", "the article 'a' before a number"],
    ["i20", "'i'"],
    ["in2018", "an English word"],
    ["abc12", "an unknown prefix"],
    ["f", "no number"],
    ["35", "no prefix"],
    ["f123456", "too long a number"],
  ])("%s is none (%s)", (token) => {
    expect(designationOf(token)).toBeUndefined();
  });
});

describe("withoutEnglishPossessive", () => {
  it.each([
    ["the community's 2013 assessment", "the community 2013 assessment"],
    ["Iran’s oil minister", "Iran oil minister"],
    ["Russia's", "Russia"],
    ["the ministers' meeting", "the ministers' meeting"], // a plural possessive has no "s" to drop
    ["it's", "it"],
    ["S-300s", "S-300s"],
    ["«إيران's»", "«إيران's»"], // only after a Latin letter
  ])("%s → %s", (input, expected) => {
    expect(withoutEnglishPossessive(input)).toBe(expected);
  });
});

describe("designationTerm", () => {
  const terms = (text: string) => {
    const tokens = tokenizeFolded(fold(text));
    return tokens.map((t, i) => designationTerm(tokens[i - 1], t)).filter(Boolean);
  };

  it.each([
    ["طائرات إف-35 الإسرائيلية", ["f35"]],
    ["مقاتلات سوخوي 30 وسو-30", ["su30", "su30"]],
    ["وميغ-29", ["mig29"]],
    ["طائرة ال-20 الروسية", ["il20"]], // how most of the archive wrote the Il-20
    ["صورة لطائرة SU-57", ["su57"]],
    ["قاذفات بي-52", ["b52"]],
    ["توبوليف 22 م3", ["tu22"]],
  ])("%s → %j", (text, expected) => {
    expect(terms(text)).toEqual(expected);
  });

  it.each([
    ["قتل 30 شخصا في 30 يوما"], // «في» is no letter V here
    ["أكد أن 30 جنديا قتلوا"], // nor «أن» an N
    ["مهر ۹۷ و دی ۹۷"], // nor the Persian month «دی» a D
    ["Su and 30 others"],
  ])("reads none in %s", (text) => {
    expect(terms(text)).toEqual([]);
  });
});
