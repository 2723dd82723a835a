import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadCorpus } from "../../src/corpus/load.js";
import { Prng } from "../../src/bench/prng.js";
import { QUESTIONS, worstCases } from "../../src/bench/questions.js";
import { percentile } from "../../src/bench/stats.js";
import { seedMaterial, writeSyntheticCorpus } from "../../src/bench/synth.js";

describe("bench helpers", () => {
  it("the PRNG is deterministic and uniform-ish; Zipf ranks favour the head", () => {
    const a = new Prng(42);
    const b = new Prng(42);
    const xs = Array.from({ length: 1000 }, () => a.next());
    expect(Array.from({ length: 1000 }, () => b.next())).toEqual(xs);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    const z = new Prng(1);
    const ranks = Array.from({ length: 10_000 }, () => z.zipf(1000));
    expect(ranks.every((r) => r >= 0 && r < 1000)).toBe(true);
    expect(ranks.filter((r) => r < 10).length).toBeGreaterThan(ranks.filter((r) => r >= 500).length);
  });

  it("percentiles use the nearest rank", () => {
    const xs = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(xs, 50)).toBe(50);
    expect(percentile(xs, 99)).toBe(99);
    expect(percentile([3], 99)).toBe(3);
    expect(percentile([], 50)).toBeNaN();
  });

  it("worst cases have the sizes issue 5 names", () => {
    const cases = worstCases(["كلمة", "أخرى", "ثالثة"], new Prng(7));
    expect(cases.map((c) => c.name)).toEqual(["4096-char question", "500 distinct words", "2000-letter word", "stop word ×200"]);
    expect(cases[0]!.question.length).toBe(4096);
    expect(cases[2]!.question.length).toBe(2000);
    expect(cases[3]!.question.split(" ").length).toBe(200);
    expect(QUESTIONS.length).toBeGreaterThanOrEqual(30);
  });

  it("synthetic corpora are deterministic, sized in paragraphs, with a growing vocabulary, and load", async () => {
    const seeds = await loadCorpus(["seeds"], { onWarning: () => {} });
    const material = seedMaterial(seeds.docs);
    const dir = mkdtempSync(path.join(tmpdir(), "synth-test-"));
    try {
      const small = await writeSyntheticCorpus(path.join(dir, "a"), material, { paragraphs: 300 });
      const again = await writeSyntheticCorpus(path.join(dir, "b"), material, { paragraphs: 300 });
      const larger = await writeSyntheticCorpus(path.join(dir, "c"), material, { paragraphs: 3000 });
      expect(readFileSync(path.join(dir, "a", "articles.jsonl"), "utf8")).toBe(readFileSync(path.join(dir, "b", "articles.jsonl"), "utf8"));
      expect(again).toEqual(small);
      expect(small.paragraphs).toBe(300);
      expect(larger.invented).toBeGreaterThan(small.invented);
      expect(larger.vocabulary).toBeGreaterThan(small.vocabulary);
      const corpus = await loadCorpus([path.join(dir, "c")], { onWarning: () => {} });
      const chunks = corpus.docs.reduce((n, d) => n + d.chunks.length, 0);
      expect(chunks).toBeGreaterThan(2700);
      expect(chunks).toBeLessThanOrEqual(3000);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
