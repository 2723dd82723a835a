import { TermLists } from "./term-lists.js";
/**
 * A compact inverted index over the pre-analyzed chunks, answering the one query shape ranking asks of it (an OR of
 * index terms) with exactly MiniSearch 7.2's BM25+ scores and result order for MINISEARCH_OPTIONS (fields text and
 * title, title boost 1.5, no prefix/fuzzy, k 1.2, b 0.7, d 0.5): same per-field scoring, same running-average field
 * lengths, same summation order, same "score × number of distinct query terms matched", same stable sort.
 *
 * Why not MiniSearch itself: at 270k paragraphs its radix tree of Map<field, Map<doc, freq>> took 33 s to fill and
 * ~800 MB of heap, and `loadJSON` re-inserts every term. Here postings are a few typed arrays (built by transposing
 * the per-chunk term lists, loaded from disk as zero-copy views), and a query touches only its terms' postings.
 * test/search/postings.test.ts checks the equivalence against a real MiniSearch on random corpora and queries.
 */

/** The query shape ranking uses: `{ combineWith: "OR", queries: [term, …] }`. */
export interface TermQuery {
  combineWith: "OR";
  queries: readonly string[];
}

export interface TermHit {
  /** Chunk index. */
  id: number;
  score: number;
}

/** The arrays a Postings is made of (what persist.ts writes and reads). */
export interface PostingsData {
  /** Number of chunks (MiniSearch's document count). */
  chunkCount: number;
  /** Document index → first chunk index; length docs + 1. Chunks of a document are contiguous. */
  docFirstChunk: Uint32Array;
  /** Text field: term id → range in textChunks/textTf (length terms + 1); chunk ids ascending within a term. */
  textOffsets: Uint32Array;
  textChunks: Uint32Array;
  textTf: Uint16Array;
  /** Distinct terms of each chunk's text (its MiniSearch field length). */
  textLength: Uint16Array;
  /** Title field, per document: term id → range in titleDocs/titleTf (length terms + 1). */
  titleOffsets: Uint32Array;
  titleDocs: Uint32Array;
  titleTf: Uint16Array;
  /** Distinct terms of each document's title. */
  titleLength: Uint16Array;
  /** MiniSearch's running averages of the two field lengths, bit for bit. */
  avgTextLength: number;
  avgTitleLength: number;
}

const K = 1.2;
const B = 0.7;
const D = 0.5;
const TITLE_BOOST = 1.5;

/** MiniSearch's calcBM25Score, same operations in the same order. */
function bm25(termFreq: number, matchingCount: number, totalCount: number, fieldLength: number, avgFieldLength: number): number {
  return inverseDocFrequency(matchingCount, totalCount) * tfPart(termFreq, fieldLength, avgFieldLength);
}

function inverseDocFrequency(matchingCount: number, totalCount: number): number {
  return Math.log(1 + (totalCount - matchingCount + 0.5) / (matchingCount + 0.5));
}

function tfPart(termFreq: number, fieldLength: number, avgFieldLength: number): number {
  return D + (termFreq * (K + 1)) / (termFreq + K * (1 - B + (B * fieldLength) / avgFieldLength));
}

export class Postings {
  private readonly docOfChunk: Uint32Array;
  // Scratch buffers reused across queries (one query at a time: JavaScript is single-threaded).
  private score: Float64Array;
  private termScore: Float64Array;
  private matchedTerms: Uint16Array;
  private stamp: Uint32Array;
  private termStamp: Uint32Array;
  private generation = 0;

  constructor(
    readonly data: PostingsData,
    private readonly vocab: ReadonlyMap<string, number>,
  ) {
    const n = data.chunkCount;
    this.docOfChunk = new Uint32Array(n);
    for (let d = 0; d + 1 < data.docFirstChunk.length; d++) {
      this.docOfChunk.fill(d, data.docFirstChunk[d]!, data.docFirstChunk[d + 1]!);
    }
    this.score = new Float64Array(n);
    this.termScore = new Float64Array(n);
    this.matchedTerms = new Uint16Array(n);
    this.stamp = new Uint32Array(n);
    this.termStamp = new Uint32Array(n);
  }

  /** Chunks holding any of the terms, best BM25+ first (ties in MiniSearch's order). */
  search(query: TermQuery): TermHit[] {
    const p = this.data;
    const n = p.chunkCount;
    if (++this.generation >= 0xfffffff0) this.resetStamps();
    const gen = this.generation;
    const { score, termScore, matchedTerms, stamp, termStamp } = this;
    const order: number[] = []; // chunks in first-seen order (MiniSearch's Map insertion order)
    const termOrder: number[] = [];
    const seenQueries = new Set<string>();

    for (const q of query.queries) {
      const t = this.vocab.get(q);
      if (t === undefined) continue;
      const repeated = seenQueries.has(q);
      seenQueries.add(q);
      // Per term: text field first, then title; a chunk's term score is text + title (MiniSearch's per-term map).
      termOrder.length = 0;
      const termGen = (this.generation = this.generation + 1);
      const tStart = p.textOffsets[t]!;
      const tEnd = p.textOffsets[t + 1]!;
      const textMatching = tEnd - tStart;
      for (let i = tStart; i < tEnd; i++) {
        const c = p.textChunks[i]!;
        const s = 1 * bm25(p.textTf[i]!, textMatching, n, p.textLength[c]!, p.avgTextLength);
        termStamp[c] = termGen;
        termScore[c] = s;
        termOrder.push(c);
      }
      const hStart = p.titleOffsets[t]!;
      const hEnd = p.titleOffsets[t + 1]!;
      if (hEnd > hStart) {
        let titleMatching = 0;
        for (let i = hStart; i < hEnd; i++) {
          const d = p.titleDocs[i]!;
          titleMatching += p.docFirstChunk[d + 1]! - p.docFirstChunk[d]!;
        }
        for (let i = hStart; i < hEnd; i++) {
          const d = p.titleDocs[i]!;
          const s = TITLE_BOOST * bm25(p.titleTf[i]!, titleMatching, n, p.titleLength[d]!, p.avgTitleLength);
          for (let c = p.docFirstChunk[d]!, end = p.docFirstChunk[d + 1]!; c < end; c++) {
            if (termStamp[c] === termGen) termScore[c] = termScore[c]! + s;
            else {
              termStamp[c] = termGen;
              termScore[c] = s;
              termOrder.push(c);
            }
          }
        }
      }
      // OR-combine into the running results.
      for (const c of termOrder) {
        if (stamp[c] === gen) {
          score[c] = score[c]! + termScore[c]!;
          if (!repeated) matchedTerms[c] = matchedTerms[c]! + 1;
        } else {
          stamp[c] = gen;
          score[c] = termScore[c]!;
          matchedTerms[c] = 1;
          order.push(c);
        }
      }
    }
    const hits: TermHit[] = new Array(order.length);
    for (let i = 0; i < order.length; i++) {
      const c = order[i]!;
      hits[i] = { id: c, score: score[c]! * (matchedTerms[c]! || 1) };
    }
    hits.sort(byScore);
    return hits;
  }

  /**
   * Add each listed term's BM25+ (text field, plus the boosted title) into `into[chunk]` for the chunks flagged 1 in
   * `accept`; no result list, no sort. The per-term scores are MiniSearch's (the same operations, with the term's
   * IDF computed once); the "× terms matched" factor of `search` is left out (coverage does that job in ranking).
   */
  scoreInto(termIds: readonly number[], into: Float64Array, accept: Uint8Array): void {
    const p = this.data;
    const n = p.chunkCount;
    const { textChunks, textTf, textLength, avgTextLength } = p;
    for (const t of termIds) {
      const tStart = p.textOffsets[t]!;
      const tEnd = p.textOffsets[t + 1]!;
      const idf = inverseDocFrequency(tEnd - tStart, n);
      for (let i = tStart; i < tEnd; i++) {
        const c = textChunks[i]!;
        if (accept[c] === 1) into[c]! += idf * tfPart(textTf[i]!, textLength[c]!, avgTextLength);
      }
      const hStart = p.titleOffsets[t]!;
      const hEnd = p.titleOffsets[t + 1]!;
      if (hEnd === hStart) continue;
      let titleMatching = 0;
      for (let i = hStart; i < hEnd; i++) titleMatching += p.docFirstChunk[p.titleDocs[i]! + 1]! - p.docFirstChunk[p.titleDocs[i]!]!;
      for (let i = hStart; i < hEnd; i++) {
        const d = p.titleDocs[i]!;
        const score = TITLE_BOOST * bm25(p.titleTf[i]!, titleMatching, n, p.titleLength[d]!, p.avgTitleLength);
        for (let c = p.docFirstChunk[d]!, end = p.docFirstChunk[d + 1]!; c < end; c++) if (accept[c] === 1) into[c]! += score;
      }
    }
  }

  private resetStamps(): void {
    this.stamp.fill(0);
    this.termStamp.fill(0);
    this.generation = 1;
  }
}

const byScore = (a: TermHit, b: TermHit) => b.score - a.score;

/**
 * Incremental builder: add chunks in order (with their distinct term ids and frequencies) and document titles, then
 * transpose into postings once the vocabulary is complete.
 */
export class PostingsBuilder {
  private chunkCount = 0;
  private readonly docFirst: number[] = [0];
  private textLength: number[] = [];
  private titleLength: number[] = [];
  private avgText = 0;
  private avgTitle = 0;
  // Forward lists, concatenated: per chunk its distinct text term ids and their frequencies.
  private fwdIds = new Uint32Array(1 << 16);
  private fwdTf = new Uint16Array(1 << 16);
  private fwdLength = 0;
  private readonly fwdStart: number[] = [0];
  // Per document its distinct title term ids and frequencies.
  private titleIds: number[] = [];
  private titleTfs: number[] = [];
  private readonly titleStart: number[] = [0];

  /** Start a document: its title's distinct term ids and their frequencies. */
  addDoc(titleIds: ArrayLike<number>, titleTf: ArrayLike<number>): void {
    for (let i = 0; i < titleIds.length; i++) {
      this.titleIds.push(titleIds[i]!);
      this.titleTfs.push(Math.min(titleTf[i]!, 0xffff));
    }
    this.titleStart.push(this.titleIds.length);
    this.titleLength.push(titleIds.length);
  }

  /** Add a chunk of the current document: distinct term ids (any order) and their frequencies. */
  addChunk(ids: ArrayLike<number>, tf: ArrayLike<number>): void {
    const need = this.fwdLength + ids.length;
    if (need > this.fwdIds.length) {
      let size = this.fwdIds.length;
      while (size < need) size *= 2;
      const grownIds = new Uint32Array(size);
      grownIds.set(this.fwdIds.subarray(0, this.fwdLength));
      const grownTf = new Uint16Array(size);
      grownTf.set(this.fwdTf.subarray(0, this.fwdLength));
      this.fwdIds = grownIds;
      this.fwdTf = grownTf;
    }
    for (let i = 0; i < ids.length; i++) {
      this.fwdIds[this.fwdLength + i] = ids[i]!;
      this.fwdTf[this.fwdLength + i] = Math.min(tf[i]!, 0xffff);
    }
    this.fwdLength = need;
    this.fwdStart.push(need);
    const count = this.chunkCount++;
    const doc = this.titleLength.length - 1;
    // MiniSearch's addFieldLength: a running average, in this exact arithmetic.
    this.avgText = (this.avgText * count + ids.length) / (count + 1);
    this.avgTitle = (this.avgTitle * count + this.titleLength[doc]!) / (count + 1);
    this.textLength.push(ids.length);
  }

  /** Close the current document (after its chunks). */
  endDoc(): void {
    this.docFirst.push(this.chunkCount);
  }

  /** Each chunk's term ids as given to addChunk (sorted there), in one trimmed buffer. */
  chunkTermLists(): TermLists {
    return new TermLists(this.fwdIds.slice(0, this.fwdLength), Uint32Array.from(this.fwdStart));
  }

  build(termCount: number): PostingsData {
    const n = this.chunkCount;
    const textOffsets = new Uint32Array(termCount + 1);
    for (let i = 0; i < this.fwdLength; i++) textOffsets[this.fwdIds[i]! + 1] = textOffsets[this.fwdIds[i]! + 1]! + 1;
    for (let t = 0; t < termCount; t++) textOffsets[t + 1] = textOffsets[t + 1]! + textOffsets[t]!;
    const textChunks = new Uint32Array(this.fwdLength);
    const textTf = new Uint16Array(this.fwdLength);
    const fill = textOffsets.slice(0, termCount);
    for (let c = 0; c < n; c++) {
      for (let i = this.fwdStart[c]!, end = this.fwdStart[c + 1]!; i < end; i++) {
        const at = fill[this.fwdIds[i]!]!++;
        textChunks[at] = c;
        textTf[at] = this.fwdTf[i]!;
      }
    }
    const docs = this.titleLength.length;
    const titleOffsets = new Uint32Array(termCount + 1);
    for (const id of this.titleIds) titleOffsets[id + 1] = titleOffsets[id + 1]! + 1;
    for (let t = 0; t < termCount; t++) titleOffsets[t + 1] = titleOffsets[t + 1]! + titleOffsets[t]!;
    const titleDocs = new Uint32Array(this.titleIds.length);
    const titleTf = new Uint16Array(this.titleIds.length);
    const titleFill = titleOffsets.slice(0, termCount);
    for (let d = 0; d < docs; d++) {
      for (let i = this.titleStart[d]!, end = this.titleStart[d + 1]!; i < end; i++) {
        const at = titleFill[this.titleIds[i]!]!++;
        titleDocs[at] = d;
        titleTf[at] = this.titleTfs[i]!;
      }
    }
    return {
      chunkCount: n,
      docFirstChunk: Uint32Array.from(this.docFirst),
      textOffsets,
      textChunks,
      textTf,
      textLength: Uint16Array.from(this.textLength, (v) => Math.min(v, 0xffff)),
      titleOffsets,
      titleDocs,
      titleTf,
      titleLength: Uint16Array.from(this.titleLength, (v) => Math.min(v, 0xffff)),
      avgTextLength: this.avgText,
      avgTitleLength: this.avgTitle,
    };
  }
}
