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
  // Signatures of the groups' best paragraphs within the window, laid end to end (no object per paragraph).
  const window = Math.min(GROUP_WINDOW, ranked.length);
  const bits = new Uint32Array(window * SIGNATURE_WORDS);
  const sizes = new Int32Array(window);
  const own = new Uint32Array(SIGNATURE_WORDS);
  let leaders = 0;
  for (let r = 0; r < ranked.length; r++) {
    const item = ranked[r]!;
    if (r < window) {
      const terms = index.chunkTerms.of(item.chunk);
      signInto(terms, own);
      let twin = -1;
      for (let g = 0; g < leaders && twin < 0; g++) {
        if (mayShare(bits, g * SIGNATURE_WORDS, sizes[g]!, own, terms.length) && overlap(index.chunkTerms.of(groups[g]!.best.chunk), terms) >= NEAR_DUPLICATE) twin = g;
      }
      if (twin >= 0) {
        groups[twin]!.others.push(item.chunk);
        continue;
      }
      bits.set(own, leaders * SIGNATURE_WORDS);
      sizes[leaders++] = terms.length;
    }
    groups.push({ best: item, others: [] });
  }
  return groups;
}

/** Wide enough that a paragraph of a hundred terms leaves most bits clear (64 bits saturate on long paragraphs). */
const SIGNATURE_WORDS = 8;

/** A paragraph's terms hashed onto SIGNATURE_WORDS × 32 bits, written into `into`. */
function signInto(terms: Uint32Array, into: Uint32Array): void {
  into.fill(0);
  for (const t of terms) {
    const bit = Math.imul(t, 0x9e3779b1) >>> 24; // 0–255, spread by a multiplicative hash
    into[bit >>> 5]! |= 1 << (bit & 31);
  }
}

function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/**
 * False when two paragraphs (signature `a` at `at` in `bits` with `aSize` terms, signature `b` with `bSize`) certainly
 * share less than NEAR_DUPLICATE of the smaller one's terms: each hash bit of the smaller one the other lacks stands
 * for at least one term not shared. A cheap test before the exact overlap.
 */
function mayShare(bits: Uint32Array, at: number, aSize: number, b: Uint32Array, bSize: number): boolean {
  const aSmaller = aSize <= bSize;
  const size = aSmaller ? aSize : bSize;
  if (size === 0) return false;
  let missing = 0;
  for (let w = 0; w < SIGNATURE_WORDS; w++) {
    const x = bits[at + w]!;
    const y = b[w]!;
    missing += popcount(aSmaller ? x & ~y : y & ~x);
  }
  // At most size − missing terms are shared; computed as `overlap` computes its share.
  return (size - missing) / size >= NEAR_DUPLICATE;
}
