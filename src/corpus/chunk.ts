import { comparable } from "./clean.js";
import type { Chunk } from "./types.js";

export interface ChunkOptions {
  /** Paragraphs with fewer words are dropped as fragments (labels, stray credits). Defaults to 4. */
  minWords?: number;
  /** Paragraphs with fewer words (but at least minWords) are merged into the next one. Defaults to 8. */
  mergeBelowWords?: number;
  /** Paragraphs longer than this many characters are split at sentence ends. Defaults to 1200. */
  maxChars?: number;
}

const DEFAULTS: Required<ChunkOptions> = { minWords: 4, mergeBelowWords: 8, maxChars: 1200 };

const wordCount = (text: string): number => text.split(/\s+/).filter(Boolean).length;

/** Group cleaned lines into paragraphs: blank lines separate them; lines within a block are joined. */
export function linesToParagraphs(lines: readonly string[]): string[] {
  const paragraphs: string[] = [];
  let block: string[] = [];
  const flush = () => {
    if (block.length) paragraphs.push(block.join(" ").replace(/\s+/g, " ").trim());
    block = [];
  };
  for (const line of lines) {
    if (line.trim() === "") flush();
    else block.push(line.trim());
  }
  flush();
  return paragraphs.filter(Boolean);
}

/** Split a long paragraph at sentence ends (. ! ? ؟ ؛ …) into pieces of at most maxChars where possible. */
export function splitLong(paragraph: string, maxChars: number): string[] {
  if (paragraph.length <= maxChars) return [paragraph];
  // Every character belongs to a sentence, including punctuation with no text before it («...وأضاف»).
  const sentences = paragraph.match(/[^.!?؟؛…]*[.!?؟؛…]+["»”')\]]*\s*|[^.!?؟؛…]+$/gu) ?? [paragraph];
  const pieces: string[] = [];
  let current = "";
  for (const sentence of sentences) {
    if (current && current.length + sentence.length > maxChars) {
      pieces.push(current.trim());
      current = "";
    }
    current += sentence;
  }
  if (current.trim()) pieces.push(current.trim());
  // A single sentence longer than maxChars is split at a space so no chunk is unbounded.
  return pieces.flatMap((p) => (p.length <= maxChars * 2 ? [p] : hardSplit(p, maxChars)));
}

function hardSplit(text: string, maxChars: number): string[] {
  const out: string[] = [];
  let rest = text;
  while (rest.length > maxChars) {
    let cut = rest.lastIndexOf(" ", maxChars);
    if (cut < maxChars / 2) cut = maxChars;
    out.push(rest.slice(0, cut).trim());
    rest = rest.slice(cut).trim();
  }
  if (rest) out.push(rest);
  return out;
}

/**
 * Turn an article's paragraphs into chunks: drop fragments, merge short paragraphs into the next, drop a
 * paragraph that repeats (or is contained in) an earlier or later one, split very long ones.
 */
export function chunkParagraphs(docId: string, paragraphs: readonly string[], options: ChunkOptions = {}): Chunk[] {
  const { minWords, mergeBelowWords, maxChars } = { ...DEFAULTS, ...options };
  const merged: string[] = [];
  let carry = "";
  for (const paragraph of paragraphs) {
    const text = carry ? `${carry} ${paragraph}` : paragraph;
    const words = wordCount(text);
    if (words < mergeBelowWords && words >= minWords) {
      carry = text;
      continue;
    }
    carry = "";
    if (words >= minWords) merged.push(text);
  }
  if (carry) {
    if (merged.length) merged[merged.length - 1] += ` ${carry}`;
    else merged.push(carry);
  }
  const unique = dropRepeats(merged);
  const pieces = unique.flatMap((p) => splitLong(p, maxChars));
  return pieces.map((text, i) => ({ id: `${docId}#${i + 1}`, docId, n: i + 1, text }));
}

/** Above this many paragraphs, containment is not checked pairwise (quadratic). */
const MAX_PAIRWISE = 200;

/** Drop paragraphs whose text is contained in another paragraph of the same article (a lede repeated). */
function dropRepeats(paragraphs: readonly string[]): string[] {
  const keys = paragraphs.map(comparable);
  if (paragraphs.length > MAX_PAIRWISE) {
    // Huge articles: exact repeats only, so cleaning stays linear.
    const seen = new Set<string>();
    return paragraphs.filter((_, i) => !seen.has(keys[i]!) && Boolean(seen.add(keys[i]!)));
  }
  return paragraphs.filter((_, i) => {
    const key = keys[i]!;
    return !keys.some((other, j) => j !== i && (other === key ? j < i : other.length > key.length && other.includes(key)));
  });
}
