import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { chunkParagraphs, linesToParagraphs, splitLong } from "../../src/corpus/chunk.js";

const P1 = "ناقش السفير الإيراني لدى روسيا كاظم جلالي ومساعد وزير الخارجية الروسي سيرغي فرشينين آخر المستجدات في سوريا واليمن.";
const P2 = "وأكد الجانبان خلال هذا اللقاء على ضرورة استمرار المشاورات والتعاون بين طهران وموسكو حيال القضايا الإقليمية.";
const P3 = "وأضاف السفير الإيراني أن الدول المطلة على بحر قزوين تعقد اجتماعات منتظمة لاستكمال الاتفاقيات الخاصة بالبحر.";
const noSpace = (s: string) => s.replace(/\s+/g, "");

describe("linesToParagraphs", () => {
  it.each([
    ["blank lines separate paragraphs", ["a b", "", "c d"], ["a b", "c d"]],
    ["lines of one block are joined with a space", ["a", "b", "", "c"], ["a b", "c"]],
    ["runs of blank and whitespace-only lines count once", ["a", "", " \t ", "", "b"], ["a", "b"]],
    ["TABs and repeated spaces collapse", ["a\t\tb   c"], ["a b c"]],
    ["leading and trailing blank lines ignored", ["", "a", ""], ["a"]],
    ["nothing", [], []],
  ])("%s", (_what, lines, expected) => {
    expect(linesToParagraphs(lines)).toEqual(expected);
  });
});

describe("chunkParagraphs", () => {
  it("numbers chunks <docId>#<n> from 1, in article order, with the original text", () => {
    const chunks = chunkParagraphs("000_944626efaa3a42f1", [P1, P2, P3]);
    expect(chunks).toEqual([
      { id: "000_944626efaa3a42f1#1", docId: "000_944626efaa3a42f1", n: 1, text: P1 },
      { id: "000_944626efaa3a42f1#2", docId: "000_944626efaa3a42f1", n: 2, text: P2 },
      { id: "000_944626efaa3a42f1#3", docId: "000_944626efaa3a42f1", n: 3, text: P3 },
    ]);
  });

  it("gives the same ids and texts on every run", () => {
    const paragraphs = [P1, "صورة أرشيفية", "وقال المتحدث باسم الخارجية:", P2, P3.repeat(20)];
    expect(chunkParagraphs("d", paragraphs)).toEqual(chunkParagraphs("d", [...paragraphs]));
  });

  it.each([
    ["drops a fragment under 4 words", [P1, "صورة أرشيفية", P2], [P1, P2]],
    ["drops a lone emoji or a credit", ["🇮🇷🤝🇷🇺", P1, "(تصوير: إرنا)"], [P1]],
    ["merges a 4–7 word paragraph into the next", ["وقال المتحدث باسم الخارجية الروسية:", P2], [`وقال المتحدث باسم الخارجية الروسية: ${P2}`]],
    ["merges a short last paragraph into the previous one", [P1, "وذلك بحسب وكالة إرنا الرسمية."], [`${P1} وذلك بحسب وكالة إرنا الرسمية.`]],
    ["keeps an article made only of short paragraphs as one chunk", ["لافروف يصل إلى طهران اليوم", "في زيارة تستمر يومين"], ["لافروف يصل إلى طهران اليوم في زيارة تستمر يومين"]],
    ["counts words across TABs", ["جلالي\tلافروف\tطهران\tموسكو", P1], [`جلالي\tلافروف\tطهران\tموسكو ${P1}`]],
    ["drops a lede repeated inside the next paragraph", [P1, `ميدل ايست نيوز: ${P1} ${P2}`], [`ميدل ايست نيوز: ${P1} ${P2}`]],
    ["drops a lede repeated in another spelling (harakat, tatweel, Persian letters)", [P1.replace("جلالي", "جـلالی"), `${P1} ${P2}`], [`${P1} ${P2}`]],
    ["keeps the first of two identical paragraphs", [P1, P2, P1], [P1, P2]],
    ["drops a paragraph repeated inside an earlier one", [`${P1} ${P2}`, P2, P3], [`${P1} ${P2}`, P3]],
    ["nothing in, nothing out", [], []],
  ])("%s", (_what, paragraphs, expected) => {
    expect(chunkParagraphs("doc", paragraphs).map((c) => c.text)).toEqual(expected);
  });

  it("splits a very long paragraph at sentence ends into numbered chunks", () => {
    const long = [P1, P2, P3, P1.replace(".", "؟"), P2.replace(".", "!")].join(" ");
    const chunks = chunkParagraphs("doc", [long, P3.replace("السفير", "المسؤول")], { maxChars: 250 });
    expect(chunks.map((c) => c.id)).toEqual(chunks.map((_, i) => `doc#${i + 1}`));
    expect(chunks.length).toBeGreaterThan(2);
    for (const c of chunks) expect(c.text.length).toBeLessThanOrEqual(250);
    for (const c of chunks.slice(0, -1)) expect(c.text).toMatch(/[.!?؟؛…]["»”')\]]*$/u);
    expect(noSpace(chunks.slice(0, -1).map((c) => c.text).join(""))).toBe(noSpace(long));
  });
});

describe("splitLong", () => {
  it("leaves a paragraph within the limit alone", () => {
    expect(splitLong(P1, 1200)).toEqual([P1]);
  });

  it.each([
    ["Latin full stop", ". "],
    ["Arabic question mark", "؟ "],
    ["Arabic semicolon", "؛ "],
    ["ellipsis", "… "],
    ["exclamation", "! "],
  ])("cuts after a %s", (_what, end) => {
    const a = "أ".repeat(30);
    const b = "ب".repeat(30);
    expect(splitLong(`${a}${end}${b}.`, 40)).toEqual([`${a}${end.trim()}`, `${b}.`]);
  });

  it("keeps a closing quote with its sentence", () => {
    const a = "قال لافروف «" + "ت".repeat(30) + ".»";
    expect(splitLong(`${a} ${"ب".repeat(30)}.`, 40)[0]).toBe(a);
  });

  it("cuts a single sentence longer than twice the limit at spaces, never beyond the limit", () => {
    const sentence = Array.from({ length: 200 }, (_, i) => `كلمة${i}`).join(" ");
    const pieces = splitLong(sentence, 100);
    for (const p of pieces) expect(p.length).toBeLessThanOrEqual(100);
    expect(pieces.join(" ")).toBe(sentence);
  });

  it("cuts a word without spaces at the limit", () => {
    const pieces = splitLong("ب".repeat(1000), 300);
    expect(pieces.map((p) => p.length)).toEqual([300, 300, 300, 100]);
  });

  it.each([
    ["a leading ellipsis", "...وأضاف الوزير أن المحادثات كانت مفيدة. وقال أيضا إنها ستستمر في موسكو."],
    ["punctuation after a closing bracket and space", "قال (انظر البيان) . ثم أضاف أن المحادثات كانت مفيدة. وقال أيضا إنها ستستمر."],
    ["a paragraph of punctuation runs", "؟! ... ؛ . وقال إن المحادثات كانت مفيدة جدا للطرفين في موسكو."],
  ])("loses no character with %s", (_what, text) => {
    expect(noSpace(splitLong(text, 20).join(""))).toBe(noSpace(text));
  });

  it("loses no character, whatever the text", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(..."ab .!؟؛…»"), maxLength: 300 }), fc.integer({ min: 5, max: 60 }), (text, max) => {
        expect(noSpace(splitLong(text, max).join(""))).toBe(noSpace(text));
      }),
    );
  });
});
