import { beforeAll, describe, expect, it } from "vitest";
import { createEngine, type Engine } from "../../src/search/engine.js";
import { rank } from "../../src/search/rank.js";

// Questions of one to many concepts, in the three languages, some sharing words between concepts.
const QUESTIONS = [
  "what did Jalali discuss about the Caspian Sea?",
  "Lavrov in Tehran",
  "nuclear deal",
  "sanctions",
  "برجام",
  "ماذا قال لافروف عن الاتفاق النووي؟",
  "سفر لاوروف به تهران",
  "Syrian refugees",
  "fight against terrorism in Iraq",
  "Maria Zakharova",
  "روابط ایران و روسیه",
  "Iran Russia",
  "العلاقات الإيرانية الروسية",
  "وزیر امور خارجه روسیه",
  "Russian foreign minister Lavrov and the Iranian foreign minister",
];

describe("kept BM25 sums of common concepts (bm25SumMinPostings)", () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await createEngine(["seeds"]);
  });

  it("rank the same paragraphs with the same scores as walking every term's postings", () => {
    let compared = 0;
    for (const question of QUESTIONS) {
      const parsed = engine.parse(question);
      const walked = rank(parsed, engine.index, { bm25SumMinPostings: Infinity }, engine.domain);
      // 0: every concept may be kept. First ask: walked (a concept is kept once it comes back); then summed, two
      // concepts a question at most, and read from the kept sums after that.
      for (let pass = 0; pass < 6; pass++) {
        const kept = rank(parsed, engine.index, { bm25SumMinPostings: 0 }, engine.domain);
        expect(kept.total).toBe(walked.total);
        expect(kept.items.map((i) => i.chunk)).toEqual(walked.items.map((i) => i.chunk));
        kept.items.forEach((item, k) => expect(item.score).toBeCloseTo(walked.items[k]!.score, 12));
      }
      compared += walked.items.length;
    }
    expect(compared).toBeGreaterThan(100);
  });
});
