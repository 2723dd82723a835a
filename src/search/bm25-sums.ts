import type { SearchIndex } from "./index.js";

/**
 * A common concept's BM25 share per paragraph (its distinct terms, text and title, as Postings.scoreInto adds them),
 * summed once and kept: a broad question selects thousands of paragraphs, and walking the concept's postings for
 * them was the largest part of its BM25 time. Summing costs a few walks, so a concept is kept only once it comes back
 * (its second miss), and at most MAX_BM25_SUM_BYTES per index are kept (least recently used dropped first): a
 * rotation of more common concepts than fit must not pay a sum per question.
 */
interface Bm25Sums {
  kept: Map<string, Float64Array>;
  /** Concepts asked for but not kept yet: how many times. */
  missed: Map<string, number>;
}
const bm25Sums = new WeakMap<SearchIndex, Bm25Sums>();
const MAX_BM25_SUM_BYTES = 64 * 1024 * 1024;
/** Misses remembered (then forgotten all at once). */
const MAX_MISSED = 1024;
/** Sums made by one question at most (a long question naming many common concepts spreads the cost). */
const MAX_NEW_BM25_SUMS = 2;

/** What one question may add: pass the same budget to every conceptBm25 call of that question. */
export const newSumBudget = () => ({ sums: MAX_NEW_BM25_SUMS });

/**
 * The kept sums of a concept (its distinct term ids), or undefined when its postings should be walked instead: too
 * few of them (under `minPostings`), not asked for often enough yet, or this question's budget spent.
 */
export function conceptBm25(terms: readonly number[], index: SearchIndex, minPostings: number, budget: { sums: number }): Float64Array | undefined {
  const { textOffsets } = index.postings.data;
  let postings = 0;
  for (const t of terms) postings += textOffsets[t + 1]! - textOffsets[t]!;
  const bytes = index.chunks.length * 8;
  if (postings < minPostings || bytes > MAX_BM25_SUM_BYTES) return undefined;
  let sums = bm25Sums.get(index);
  if (!sums) bm25Sums.set(index, (sums = { kept: new Map(), missed: new Map() }));
  const key = terms.join(",");
  const hit = sums.kept.get(key);
  if (hit) {
    sums.kept.delete(key); // most recently used last
    sums.kept.set(key, hit);
    return hit;
  }
  const missed = (sums.missed.get(key) ?? 0) + 1;
  if (missed < 2 || budget.sums <= 0) {
    if (sums.missed.size >= MAX_MISSED) sums.missed.clear();
    sums.missed.set(key, missed);
    return undefined;
  }
  sums.missed.delete(key);
  budget.sums--;
  const sum = new Float64Array(index.chunks.length);
  index.postings.scoreInto(terms, sum, new Uint8Array(index.chunks.length).fill(1));
  while (sums.kept.size > 0 && (sums.kept.size + 1) * bytes > MAX_BM25_SUM_BYTES) sums.kept.delete(sums.kept.keys().next().value!);
  sums.kept.set(key, sum);
  return sum;
}
