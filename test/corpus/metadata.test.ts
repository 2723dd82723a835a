import { describe, expect, it } from "vitest";
import { METADATA_FILE, parseMetadata } from "../../src/corpus/metadata.js";

describe("parseMetadata", () => {
  it("reads entries and skips $-keys", () => {
    const raw = JSON.stringify({
      $comment: "facts stated by the articles themselves",
      "000_944626efaa3a42f1": { title: "مباحثات ايرانية - روسية", outlet: "Al-Alam", published: "2020-02-22", lang: "ar" },
      "001_15c83dcdbf3418e0": { outlet: "IRNA", dateText: "13 October", url: "https://ar.irna.ir/news/1" },
      "004_446af218e34388db": { outlet: "Tasnim", published: "2021-10-06T12:30:00+03:30", lang: "fa", category: "بین‌الملل", note: "citing TASS" },
    });
    const { entries, problems } = parseMetadata(raw);
    expect(problems).toEqual([]);
    expect([...entries.keys()]).toEqual(["000_944626efaa3a42f1", "001_15c83dcdbf3418e0", "004_446af218e34388db"]);
    expect(entries.get("001_15c83dcdbf3418e0")).toEqual({ outlet: "IRNA", dateText: "13 October", url: "https://ar.irna.ir/news/1" });
  });

  it.each([
    ["an unknown field", { publisher: "IRNA" }, /entry "bad": .*publisher/],
    ["a published date that is not ISO", { published: "22/02/2020" }, /entry "bad": published: published must be an ISO date/],
    ["a URL that is not a URL", { url: "ar.irna.ir/news" }, /entry "bad": url: /],
    ["an unknown language", { lang: "persian" }, /entry "bad": lang: /],
    ["an empty title", { title: "" }, /entry "bad": title: /],
    ["a number where a string belongs", { outlet: 7 }, /entry "bad": outlet: /],
    ["an entry that is not an object", "IRNA", /entry "bad": value: /],
  ])("reports %s and keeps the other entries", (_what, bad, message) => {
    const { entries, problems } = parseMetadata(JSON.stringify({ good: { outlet: "IRNA" }, bad }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
    expect([...entries.keys()]).toEqual(["good"]);
  });

  it.each([
    ["not JSON", "{ outlet: IRNA }", /not valid JSON/],
    ["an array", "[]", /expected an object/],
    ["null", "null", /expected an object/],
    ["a string", '"sources"', /expected an object/],
    ["empty", "", /not valid JSON/],
  ])("reports a whole file that is %s", (_what, raw, message) => {
    const { entries, problems } = parseMetadata(raw);
    expect(entries.size).toBe(0);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
  });

  it("accepts a byte-order mark at the start of the file", () => {
    const { entries, problems } = parseMetadata(`\uFEFF${JSON.stringify({ a: { outlet: "IRNA" } })}`);
    expect(problems).toEqual([]);
    expect(entries.get("a")).toEqual({ outlet: "IRNA" });
  });

  it("is named sources.json", () => {
    expect(METADATA_FILE).toBe("sources.json");
  });
});
