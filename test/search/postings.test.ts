import MiniSearch from "minisearch";
import { beforeAll, describe, expect, it } from "vitest";
import { Prng } from "../../src/bench/prng.js";
import { loadCorpus } from "../../src/corpus/load.js";
import { loadLexicon } from "../../src/lexicon/lexicon.js";
import { buildSearchIndex, CachedAnalyzer, type SearchIndex } from "../../src/search/index.js";

/**
 * The compact postings compute MiniSearch 7's BM25+ bit for bit: the same paragraphs, in the same order, with the
 * same scores, for random OR queries over the seeds plus the fixtures (paragraph terms pre-analyzed the same way).
 */
const MINI_OPTIONS = {
  idField: "id",
  fields: ["text", "title"],
  storeFields: [],
  tokenize: (t: string) => (t === "" ? [] : t.split(" ")),
  processTerm: (t: string) => t,
  searchOptions: { boost: { title: 1.5 }, prefix: false, fuzzy: false, tokenize: (t: string) => [t], processTerm: (t: string) => t },
};

let index: SearchIndex;
let mini: MiniSearch<{ id: number; text: string; title: string }>;
beforeAll(async () => {
  const lexicon = loadLexicon();
  const corpus = await loadCorpus(["seeds", "test/fixtures/wire", "test/fixtures/new-person"], { onWarning: () => {} });
  index = buildSearchIndex(corpus.docs, { protectedWords: lexicon.protectedWords });
  const analyzer = new CachedAnalyzer(lexicon.protectedWords);
  mini = new MiniSearch(MINI_OPTIONS as never);
  let id = 0;
  for (const doc of index.docs) {
    const title = analyzer.terms(doc.source.title, doc.lang).join(" ");
    for (const chunk of doc.chunks) mini.add({ id: id++, text: analyzer.terms(chunk.text, doc.lang).join(" "), title });
  }
});

function randomQuery(rng: Prng): string[] {
  const words: string[] = [];
  for (let i = 0, k = rng.int(1, 6); i < k; i++) words.push(index.terms[rng.chance(0.5) ? rng.zipf(index.terms.length) : rng.int(0, index.terms.length - 1)]!);
  return words;
}

describe("postings", () => {
  it("rank and score like MiniSearch on 1,000 random OR queries", () => {
    const rng = new Prng(3);
    for (let q = 0; q < 1000; q++) {
      const words = randomQuery(rng);
      const expected = mini.search({ combineWith: "OR", queries: words }).map((h) => [h.id, h.score]);
      expect(index.postings.search({ combineWith: "OR", queries: words }).map((h) => [h.id, h.score])).toEqual(expected);
    }
  });

  it("scoreInto adds, for one term, exactly its MiniSearch score, and only where accepted", () => {
    const rng = new Prng(5);
    const into = new Float64Array(index.chunks.length);
    const accept = new Uint8Array(index.chunks.length);
    for (let q = 0; q < 300; q++) {
      const word = randomQuery(rng)[0]!;
      into.fill(0);
      accept.forEach((_, c) => (accept[c] = rng.chance(0.5) ? 1 : 0));
      index.postings.scoreInto([index.vocab.get(word)!], into, accept);
      const expected = new Float64Array(index.chunks.length);
      for (const hit of mini.search({ combineWith: "OR", queries: [word] })) if (accept[hit.id] === 1) expected[hit.id] = hit.score;
      expect(Array.from(into)).toEqual(Array.from(expected));
    }
  });
});
