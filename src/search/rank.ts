import { inRange } from "./dates.js";
import { hasTerm, type SearchIndex } from "./index.js";

import type { ParsedQuery, QueryConcept } from "./query.js";

/** Ranking knobs; every field states its default. */
export interface RankOptions {
  /**
   * Share of the question's weight a paragraph must carry (its own words, plus partial credit from its article),
   * for a question of one or two concepts; longer questions need less (see coverageFloor). Defaults to 0.6.
   */
  minCoverage?: number;
  /** Credit for a concept found in the article's title or first paragraph instead of in the paragraph. Defaults to 0.7. */
  leadCredit?: number;
  /** Credit for a concept found elsewhere in the paragraph's article. Defaults to 0.4. */
  docCredit?: number;
  /** Score added to paragraphs of articles dated in a range the question names. Defaults to 0.15. */
  dateBonus?: number;
  /** Weight of BM25 (normalized to the best paragraph) next to coverage, as a tie-breaker. Defaults to 0.1. */
  bm25Weight?: number;
}

const DEFAULTS: Required<RankOptions> = { minCoverage: 0.6, leadCredit: 0.7, docCredit: 0.4, dateBonus: 0.15, bm25Weight: 0.1 };

/**
 * The coverage a paragraph needs, by the number of weighted concepts in the question: a long natural question
 * carries framing words ("how did … describe …") that an answer need not repeat.
 */
export function coverageFloor(concepts: number, base: number): number {
  return Math.max(base - 0.05 * Math.max(0, concepts - 2), base - 0.2);
}

/** Names, places and organisations: a paragraph's article must mention every one the question names. */
function isKey(concept: QueryConcept): boolean {
  return concept.type === "person" || concept.type === "place" || concept.type === "org" || concept.source === "translit";
}

/** Concepts beyond this many are ignored (one bit each in a 32-bit mask; a chat question never has more). */
export const MAX_CONCEPTS = 30;

/** Weight of a concept by kind: names and places carry a question; generic words less so. */
const TYPE_FACTOR: Record<QueryConcept["type"], number> = { person: 1.5, place: 1.3, org: 1.3, topic: 1, word: 0.6, term: 1 };
/** Words the corpus does not have count against a paragraph, but less than a concept it could have matched. */
const UNKNOWN_FACTOR = 0.5;
const TRANSLIT_FACTOR = 1.2;

export interface RankedChunk {
  chunk: number;
  score: number;
  coverage: number;
  /** Indexes (into the query's concepts) of the concepts found in the paragraph itself. */
  matched: number[];
}

/** Inverse document frequency of a concept: its most frequent form decides (the union is at least that common). */
function conceptWeight(concept: QueryConcept, index: SearchIndex): number {
  const n = index.chunks.length;
  if (concept.source === "unknown") return 0;
  let df = 0;
  for (const form of concept.forms) {
    let formDf = Infinity;
    for (const id of form) formDf = Math.min(formDf, index.df[id]!);
    df = Math.max(df, formDf === Infinity ? 0 : formDf);
  }
  const idf = Math.log(1 + n / (df + 1));
  const factor = concept.source === "translit" ? TRANSLIT_FACTOR : TYPE_FACTOR[concept.type];
  return idf * factor;
}

/**
 * Scratch space for one ranking at a time (ranking is synchronous): a concept bit mask per paragraph and per
 * article, BM25 per paragraph, and lists of what was touched so that resetting costs only that.
 */
class Scratch {
  readonly masks: Uint32Array;
  readonly docMasks: Uint32Array;
  /** Per article: concepts in its title or first paragraph (what the article is about). */
  readonly leadMasks: Uint32Array;
  readonly bm25: Float64Array;
  touched: number[] = [];
  touchedDocs: number[] = [];
  constructor(paragraphs: number, articles: number) {
    this.masks = new Uint32Array(paragraphs);
    this.docMasks = new Uint32Array(articles);
    this.leadMasks = new Uint32Array(articles);
    this.bm25 = new Float64Array(paragraphs);
  }
  reset(): void {
    for (const c of this.touched) {
      this.masks[c] = 0;
      this.bm25[c] = 0;
    }
    for (const d of this.touchedDocs) {
      this.docMasks[d] = 0;
      this.leadMasks[d] = 0;
    }
    this.touched = [];
    this.touchedDocs = [];
  }
}

const scratches = new WeakMap<SearchIndex, Scratch>();
function scratchFor(index: SearchIndex): Scratch {
  let s = scratches.get(index);
  if (!s) {
    s = new Scratch(index.chunks.length, index.docs.length);
    scratches.set(index, s);
  }
  s.reset();
  return s;
}

/** Mark every paragraph (and its article) that holds all terms of one form. */
function markForm(form: number[], bit: number, index: SearchIndex, s: Scratch): void {
  let rarest = form[0]!;
  for (const id of form) if (index.df[id]! < index.df[rarest]!) rarest = id;
  const { textOffsets, textChunks } = index.postings.data;
  for (let i = textOffsets[rarest]!, end = textOffsets[rarest + 1]!; i < end; i++) {
    const c = textChunks[i]!;
    if (form.length > 1 && !form.every((id) => id === rarest || hasTerm(index.chunkTerms[c]!, id))) continue;
    if (s.masks[c] === 0) s.touched.push(c);
    s.masks[c]! |= bit;
    const d = index.chunkDoc[c]!;
    if (s.docMasks[d] === 0) s.touchedDocs.push(d);
    s.docMasks[d]! |= bit;
    if (index.chunks[c]!.n === 1) s.leadMasks[d]! |= bit;
  }
}

/** Terms in more than this share of paragraphs only mark presence; rarer ones also give BM25 (bounds the work). */
const COMMON_SHARE = 0.02;

/** Rank the paragraphs for a parsed question; an empty list means nothing is relevant. */
export function rank(query: ParsedQuery, index: SearchIndex, options: RankOptions = {}): RankedChunk[] {
  const o = { ...DEFAULTS, ...options };
  const concepts = query.concepts.slice(0, MAX_CONCEPTS);
  const weights = concepts.map((c) => conceptWeight(c, index));
  const known = weights.filter((w) => w > 0);
  if (known.length === 0) return [];
  // Arabic-script words the corpus lacks still weigh (an answer should carry the question), at a reduced,
  // average weight. English words nothing could translate are left out: they say nothing either way.
  const average = known.reduce((a, b) => a + b, 0) / known.length;
  concepts.forEach((c, k) => {
    if (c.source === "unknown" && !/^[a-z0-9]/.test(c.text)) weights[k] = average * UNKNOWN_FACTOR;
  });
  // A month or year the question names is one more (soft) concept: articles of that time carry it.
  const dateWeight = query.dates.length ? average : 0;
  const total = weights.reduce((a, b) => a + b, 0) + dateWeight;
  const floor = coverageFloor(weights.filter((w) => w > 0).length + (dateWeight ? 1 : 0), o.minCoverage);
  let keyMask = 0;
  concepts.forEach((c, k) => {
    if (isKey(c) && weights[k]! > 0) keyMask |= 1 << k;
  });

  const acc = scratchFor(index);
  concepts.forEach((concept, k) => {
    for (const form of concept.forms) markForm(form, 1 << k, index, acc);
  });
  // BM25 (MiniSearch's, over text and boosted title) as the tie-breaker, from the rarer terms when there are any.
  const distinct = [...new Set(concepts.flatMap((c) => c.forms.flat()))];
  const commonDf = Math.max(200, index.chunks.length * COMMON_SHARE);
  const rare = distinct.filter((id) => index.df[id]! <= commonDf);
  for (const hit of index.postings.search({ combineWith: "OR", queries: (rare.length ? rare : distinct).map((id) => index.terms[id]!) })) {
    if (acc.masks[hit.id] !== 0) acc.bm25[hit.id] = hit.score;
  }
  // Titles count as the article's own words.
  for (const d of acc.touchedDocs) {
    const title = index.titleTerms[d]!;
    if (title.length === 0) continue;
    concepts.forEach((concept, k) => {
      if (concept.forms.some((form) => form.every((id) => hasTerm(title, id)))) {
        acc.docMasks[d]! |= 1 << k;
        acc.leadMasks[d]! |= 1 << k;
      }
    });
  }

  let maxBm25 = 0;
  for (const c of acc.touched) if (acc.bm25[c]! > maxBm25) maxBm25 = acc.bm25[c]!;
  const out: RankedChunk[] = [];
  for (const c of acc.touched) {
    const mask = acc.masks[c]!;
    if (mask === 0) continue;
    const doc = index.chunkDoc[c]!;
    const docMask = acc.docMasks[doc]!;
    if ((docMask & keyMask) !== keyMask) continue; // the article does not mention every name of the question
    const leadMask = acc.leadMasks[doc]!;
    let covered = 0;
    const matched: number[] = [];
    for (let k = 0; k < concepts.length; k++) {
      const bit = 1 << k;
      if (mask & bit) {
        covered += weights[k]!;
        matched.push(k);
      } else if (leadMask & bit) covered += weights[k]! * o.leadCredit;
      else if (docMask & bit) covered += weights[k]! * o.docCredit;
    }
    const published = index.docs[doc]!.source.published;
    const inTime = query.dates.some((range) => inRange(published, range));
    if (inTime) covered += dateWeight;
    const coverage = covered / total;
    if (coverage < floor) continue;
    const dated = inTime ? o.dateBonus : 0;
    out.push({ chunk: c, coverage, matched, score: coverage + o.bm25Weight * (maxBm25 > 0 ? acc.bm25[c]! / maxBm25 : 0) + dated });
  }
  acc.reset();
  out.sort((a, b) => b.score - a.score || a.chunk - b.chunk);
  return out;
}
