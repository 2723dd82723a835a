import { describe, expect, it } from "vitest";
import { groupNearDuplicates, overlap } from "../../src/search/group.js";
import type { SearchIndex } from "../../src/search/index.js";
import type { RankedChunk } from "../../src/search/rank.js";
import { termListsOf } from "../support/shared.js";

/** A deterministic generator (mulberry32), so a failure can be replayed. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sorted = (terms: Iterable<number>) => Uint32Array.from(new Set(terms)).sort();
const ranked = (count: number): RankedChunk[] => Array.from({ length: count }, (_, chunk) => ({ chunk, coverage: 1, matched: [], score: 1 - chunk / 1000 }));
const indexOf = (chunkTerms: Uint32Array[]) => ({ chunkTerms: termListsOf(chunkTerms) }) as unknown as SearchIndex;

/** The definition: each paragraph joins the first earlier group whose best shares 80 % of the smaller term set. */
function naive(items: RankedChunk[], chunkTerms: Uint32Array[]): number[][] {
  const groups: number[][] = [];
  items.forEach((item, r) => {
    const twin = r < 60 ? groups.find((g) => overlap(chunkTerms[g[0]!]!, chunkTerms[item.chunk]!) >= 0.8) : undefined;
    if (twin) twin.push(item.chunk);
    else groups.push([item.chunk]);
  });
  return groups;
}

describe("near-duplicate grouping", () => {
  it("folds a paragraph sharing 80 % of its terms, keeps one sharing less apart", () => {
    const base = Array.from({ length: 10 }, (_, i) => i * 7);
    const chunkTerms = [sorted(base), sorted([...base.slice(0, 8), 1001, 1002]), sorted([...base.slice(0, 7), 2001, 2002, 2003]), sorted(base.slice(0, 5))];
    const groups = groupNearDuplicates(ranked(4), indexOf(chunkTerms));
    // 8 of 10 shared: folded; 7 of 10: apart; a paragraph whose every term is in the first: folded.
    expect(groups.map((g) => [g.best.chunk, ...g.others])).toEqual([[0, 1, 3], [2]]);
  });

  it("groups exactly like the pairwise definition on random paragraphs", () => {
    const random = prng(42);
    for (let round = 0; round < 200; round++) {
      const vocabulary = 20 + Math.floor(random() * 400);
      const base = Array.from({ length: 5 + Math.floor(random() * 60) }, () => Math.floor(random() * vocabulary));
      const chunkTerms = Array.from({ length: 1 + Math.floor(random() * 80) }, () => {
        // Variants of one paragraph (some near-duplicates) mixed with unrelated ones.
        const own = random() < 0.5 ? base.filter(() => random() < 0.85) : [];
        const extra = Array.from({ length: Math.floor(random() * 20) }, () => Math.floor(random() * vocabulary));
        return sorted([...own, ...extra]);
      });
      const items = ranked(chunkTerms.length);
      const got = groupNearDuplicates(items, indexOf(chunkTerms)).map((g) => [g.best.chunk, ...g.others]);
      expect(got).toEqual(naive(items, chunkTerms));
    }
  });
});
