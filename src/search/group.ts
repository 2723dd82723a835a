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
  const signatures: Signature[] = [];
  for (let r = 0; r < ranked.length; r++) {
    const item = ranked[r]!;
    if (r < GROUP_WINDOW) {
      const terms = index.chunkTerms[item.chunk]!;
      const signature = signatureOf(terms);
      const twin = groups.findIndex((g, k) => mayShare(signatures[k]!, signature) && overlap(index.chunkTerms[g.best.chunk]!, terms) >= NEAR_DUPLICATE);
      if (twin >= 0) {
        groups[twin]!.others.push(item.chunk);
        continue;
      }
      signatures.push(signature);
    }
    groups.push({ best: item, others: [] });
  }
  return groups;
}

/** A paragraph's terms hashed onto SIGNATURE_BITS bits, and how many terms it has. */
interface Signature {
  bits: Uint32Array;
  size: number;
}

/** Wide enough that a paragraph of a hundred terms leaves most bits clear (64 bits saturate on long paragraphs). */
const SIGNATURE_WORDS = 8;

function signatureOf(terms: Uint32Array): Signature {
  const bits = new Uint32Array(SIGNATURE_WORDS);
  for (const t of terms) {
    const bit = Math.imul(t, 0x9e3779b1) >>> 24; // 0–255, spread by a multiplicative hash
    bits[bit >>> 5]! |= 1 << (bit & 31);
  }
  return { bits, size: terms.length };
}

function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/**
 * False when the two paragraphs certainly share less than NEAR_DUPLICATE of the smaller one's terms: each of its
 * hash bits the other lacks stands for at least one term not shared. A cheap test before the exact overlap.
 */
function mayShare(a: Signature, b: Signature): boolean {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (small.size === 0) return false;
  let missing = 0;
  for (let w = 0; w < SIGNATURE_WORDS; w++) missing += popcount(small.bits[w]! & ~large.bits[w]!);
  // At most size − missing terms are shared; computed as `overlap` computes its share.
  return (small.size - missing) / small.size >= NEAR_DUPLICATE;
}
