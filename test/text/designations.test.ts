import { describe, expect, it } from "vitest";
import { designationOf } from "../../src/text/designations.js";
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
