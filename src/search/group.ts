import type { SearchIndex } from "./index.js";
import type { RankedChunk } from "./rank.js";

/** Two paragraphs sharing at least this share of their distinct terms tell the same thing. */
const NEAR_DUPLICATE = 0.8;
/** Only the best results are compared with each other (pairwise). */
const GROUP_WINDOW = 60;

export interface Group {
  best: RankedChunk;
  /** Chunk indexes of the near-duplicates folded into `best`. */
  others: number[];
}

/** Share of the smaller set's terms found in the larger one. */
export function overlap(a: Uint32Array, b: Uint32Array): number {
  const [small, large] = a.length <= b.length ? [a, b] : [b, a];
  if (small.length === 0) return 0;
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < small.length && j < large.length) {
    if (small[i] === large[j]) {
      shared++;
      i++;
      j++;
    } else if (small[i]! < large[j]!) i++;
    else j++;
  }
  return shared / small.length;
}

/**
 * Fold near-identical paragraphs (the same wire story from several outlets, a summary repeated as the lede) into
 * the best-ranked one, so that three excerpts tell three different things.
 */
export function groupNearDuplicates(ranked: RankedChunk[], index: SearchIndex): Group[] {
  const groups: Group[] = [];
  for (let r = 0; r < ranked.length; r++) {
    const item = ranked[r]!;
    if (r < GROUP_WINDOW) {
      const terms = index.chunkTerms[item.chunk]!;
      const twin = groups.find((g) => overlap(index.chunkTerms[g.best.chunk]!, terms) >= NEAR_DUPLICATE);
      if (twin) {
        twin.others.push(item.chunk);
        continue;
      }
    }
    groups.push({ best: item, others: [] });
  }
  return groups;
}
