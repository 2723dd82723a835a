import { describe, expect, it } from "vitest";
import { MAX_JSONL_LINE, parseJsonLine } from "../../src/corpus/jsonl.js";

const full = {
  id: "ant-2018-00001",
  title: "لافروف يلتقي ظريف في موسكو",
  outlet: "BBC Arabic",
  published: "2018-05-14",
  url: "https://www.bbc.com/arabic/1",
  lang: "ar",
  category: "سياسة",
  summary: "التقى وزير الخارجية الروسي نظيره الإيراني.",
  text: "الفقرة الأولى.\n\nالفقرة الثانية.",
};

function article(line: string) {
  const parsed = parseJsonLine(line);
  if (!parsed || !("article" in parsed)) throw new Error(`expected an article, got ${JSON.stringify(parsed)}`);
  return parsed.article;
}
function error(line: string): string {
  const parsed = parseJsonLine(line);
  if (!parsed || !("error" in parsed)) throw new Error(`expected an error, got ${JSON.stringify(parsed)}`);
  return parsed.error;
}

describe("parseJsonLine: good lines", () => {
  it("reads every field", () => {
    expect(article(JSON.stringify(full))).toEqual(full);
  });

  it.each([
    ["only id and text", { id: "x", text: "نص" }],
    ["optional fields null (as the archive writes them)", { id: "x", text: "نص", category: null, url: null, summary: null }],
    ["unknown fields are ignored", { id: "x", text: "نص", views: 1234, tags: ["a"] }],
  ])("%s", (_what, value) => {
    const a = article(JSON.stringify(value));
    expect(a.id).toBe("x");
    expect(a.text).toBe("نص");
    expect(a).not.toHaveProperty("views");
  });

  it("trims the id", () => {
    expect(article(JSON.stringify({ id: "  doc-1 ", text: "نص" })).id).toBe("doc-1");
  });

  it("keeps the text as written: ZWNJ, RLM, harakat, Persian letters, emoji, escaped control characters", () => {
    const text = "همکاری\u200Cها \u200Fمُحَمَّد کیان 🇮🇷\tتاب\u0007";
    expect(article(JSON.stringify({ id: "x", text })).text).toBe(text);
  });

  it("accepts a Windows line end left on the line", () => {
    expect(article(`${JSON.stringify({ id: "x", text: "نص" })}\r`).id).toBe("x");
  });

  it("accepts a byte-order mark before the first line", () => {
    expect(article(`\uFEFF${JSON.stringify({ id: "x", text: "نص" })}`).id).toBe("x");
  });

  it.each([[""], ["   "], ["\t"]])("a blank line %j is skipped (null)", (line) => {
    expect(parseJsonLine(line)).toBeNull();
  });
});

describe("parseJsonLine: bad lines", () => {
  it.each([
    ["truncated JSON", '{"id": "x", "text": "نص', /not valid JSON/],
    ["single quotes", "{'id': 'x', 'text': 'y'}", /not valid JSON/],
    ["trailing garbage", '{"id":"x","text":"y"} extra', /not valid JSON/],
    ["missing id", '{"text": "نص"}', /^id: /],
    ["missing text", '{"id": "x"}', /^text: /],
    ["missing both", '{"title": "t"}', /id: .*; text: /],
    ["empty id", '{"id": "  ", "text": "نص"}', /id: id is empty/],
    ["empty text", '{"id": "x", "text": " \\n\\n "}', /text: text is empty/],
    ["numeric id", '{"id": 42, "text": "نص"}', /^id: /],
    ["text that is not a string", '{"id": "x", "text": ["a", "b"]}', /^text: /],
    ["a title that is not a string", '{"id": "x", "text": "نص", "title": 7}', /^title: /],
    ["an array, not an object", '[{"id": "x", "text": "نص"}]', /^line: /],
    ["null", "null", /^line: /],
    ["a bare string", '"نص"', /^line: /],
  ])("%s", (_what, line, message) => {
    expect(error(line)).toMatch(message);
  });

  it("refuses a line over the limit without parsing it, and says how long it was", () => {
    const huge = JSON.stringify({ id: "x", text: "ن".repeat(MAX_JSONL_LINE) });
    const message = error(huge);
    expect(message).toContain("line too long");
    expect(message).toContain(String(huge.length));
  });

  it("cuts a long JSON error message", () => {
    expect(error(`{"id": "x", "text": "${"ن".repeat(10_000)}`).length).toBeLessThan(200);
  });
});
