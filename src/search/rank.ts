import type { SearchIndex } from "./index.js";
import type { ParsedQuery, QueryConcept } from "./query.js";
import { conceptBm25, newSumBudget } from "./bm25-sums.js";
import { kthLargestOf } from "./select.js";

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
  /**
   * A question names when something happened ("the bomb plot foiled in June 2018"); what was learnt of it is reported
   * later too (October's charges). Articles of the `laterDays` after a range the question names get this share of
   * the date's weight and bonus (a named month without a year: none). Defaults to 0.5.
   */
  laterShare?: number;
  /** See laterShare. Defaults to 180. */
  laterDays?: number;
  /**
   * A question naming a month or a day with its year («in December 2019», «۳ مهر ۱۳۹۷») is answered only from articles
   * of that time, of the `laterDays` after it, of the `earlierDays` before it (previews) or without a date: an
   * archive without that time has no answer, and its other years are noise. A bare year, or a month of any year,
   * only prefers. Defaults to true.
   */
  strictDates?: boolean;
  /** See strictDates. Defaults to 31. */
  earlierDays?: number;
  /** Weight of BM25 (normalized to the best paragraph) next to coverage, as a tie-breaker. Defaults to 0.1. */
  bm25Weight?: number;
  /** Paragraphs ranked in full (the rest of those passing are only counted). Defaults to 300. */
  keep?: number;
  /** Score added, for a question asking for an amount, to paragraphs that hold a number. Defaults to 0.1. */
  quantityBonus?: number;
  /** Credit for a multi-word concept of which the paragraph holds only the anchor word. Defaults to 0.5. */
  softCredit?: number;
  /** Of a question naming three names, the share of their weight an article may lack. Defaults to 0.2. */
  missingNameShare?: number;
  /**
   * Of four names or more, the share one name alone may weigh and be missing from the article: an article rarely
   * repeats every name of a long question (the venue). Two or more missing stay under missingNameShare. Defaults to 0.3.
   */
  manyNamesMissingShare?: number;
  /**
   * Score added to a passing paragraph that itself names who the question asks about ("what did **Lavrov** say
   * about …", see speaker.ts): the answer is what they said, not what others said about it. Ordering only, like
   * the domain bonus: it never lets a paragraph pass. Defaults to 0.05.
   */
  speakerBonus?: number;
  /**
   * Score added to paragraphs of articles about the product's subject (see `domain` on rank): the bot follows
   * Iran–Russia diplomacy, so "Yemen" should first show what Tehran and Moscow said about Yemen. Ordering only:
   * it never lets a paragraph pass the coverage floor. Full bonus for a paragraph naming both sides in an article
   * naming both; a third for each of the three marks. Defaults to 0.15.
   */
  domainBonus?: number;
  /**
   * Score added, for a short question (see focusMaxConcepts), to paragraphs of articles whose title or first paragraph
   * names both sides: articles about Iran–Russia relations, not ones that name Moscow once. "sanctions" or "nuclear
   * deal" match thousands of paragraphs equally well; in this bot they mean those of Iran and Russia. Ordering only,
   * like domainBonus. Defaults to 0.1.
   */
  focusBonus?: number;
  /**
   * Questions of at most this many weighted concepts get focusBonus. A longer question says what it is about, and
   * its own words should rank (the Akkuyu plant in Turkey is not an Iran–Russia story). Defaults to 3.
   */
  focusMaxConcepts?: number;
  /**
   * A concept whose terms have at least this many postings keeps its per-paragraph BM25 sums between questions (see
   * conceptBm25): same scores, less work for broad questions. Infinity keeps none. Defaults to 10,000.
   */
  bm25SumMinPostings?: number;
}

const DEFAULTS: Required<RankOptions> = { minCoverage: 0.6, leadCredit: 0.7, docCredit: 0.4, dateBonus: 0.15, laterShare: 0.5, laterDays: 180, strictDates: true, earlierDays: 31, bm25Weight: 0.1, keep: 300, quantityBonus: 0.1, softCredit: 0.5, missingNameShare: 0.2, manyNamesMissingShare: 0.3, speakerBonus: 0.05, domainBonus: 0.15, focusBonus: 0.1, focusMaxConcepts: 3, bm25SumMinPostings: 10_000 };

/**
 * Options over their defaults; one given as undefined keeps its default (a spread would put undefined in, and NaN in
 * every score).
 */
export function withDefaults<T extends object>(defaults: Required<T>, options: T): Required<T> {
  const o = { ...defaults };
  for (const [key, value] of Object.entries(options)) if (value !== undefined) Object.assign(o, { [key]: value });
  return o;
}

const daysBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000;

/** The question names a month (of a year or of any year) or a day: a time as specific as its strongest word. */
function namesMonthOrDay(query: ParsedQuery): boolean {
  return query.dates.some((d) => d.from.startsWith("*") || d.from.slice(0, 7) === d.to.slice(0, 7) || daysBetween(d.from, d.to) <= 40);
}

/**
 * The question names a month or a day with its year: under `strictDates` only articles of about that time can answer
 * it (see RankOptions.strictDates), so "nothing found" may mean "nothing from then".
 */
export function limitsToTime(query: ParsedQuery): boolean {
  return namesMonthOrDay(query) && !query.dates.some((d) => d.from.startsWith("*"));
}

/** Concepts beyond this many are ignored (each is a bit in the masks and a doubling of the weight table; a chat question has fewer). */
export const MAX_CONCEPTS = 12;
/** A concept whose terms are in more than this share of paragraphs is "common": it refines candidates, not finds them. */
const COMMON_SHARE = 0.01;
const MIN_COMMON_DF = 100; // paragraphs

/** Weight of a concept by kind: names and places carry a question; generic words less so. */
const TYPE_FACTOR: Record<QueryConcept["type"], number> = { person: 1.5, place: 1.3, org: 1.3, topic: 1, word: 0.4, term: 1 };
/** Words the corpus does not have count against a paragraph, but less than a concept it could have matched. */
const UNKNOWN_FACTOR = 0.5;
const TRANSLIT_FACTOR = 1.2;

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

export interface RankedChunk {
  chunk: number;
  score: number;
  coverage: number;
  /** Indexes (into the query's concepts) of the concepts found in the paragraph itself. */
  matched: number[];
}

/** Paragraphs holding the concept's most frequent form: the union is at least that common. */
function conceptDf(concept: QueryConcept, index: SearchIndex): number {
  let df = 0;
  for (const form of concept.forms) {
    let formDf = Infinity;
    for (const id of form) formDf = Math.min(formDf, index.df[id]!);
    df = Math.max(df, formDf === Infinity ? 0 : formDf);
  }
  return df;
}

function conceptWeight(concept: QueryConcept, df: number, paragraphs: number): number {
  if (concept.source === "unknown") return 0;
  const idf = Math.log(1 + paragraphs / (df + 1));
  // A framing verb the lexicon does not know («ردت» of «كيف ردت X على…») weighs as a generic word: as a rare corpus
  // word it would outweigh the question's subject.
  if (concept.frame && concept.source === "term") return idf * TYPE_FACTOR.word;
  return idf * (concept.source === "translit" ? TRANSLIT_FACTOR : TYPE_FACTOR[concept.type]);
}

/**
 * Scratch space for one ranking at a time (ranking is synchronous): concept bit masks per paragraph and per
 * article (anywhere in it, and in its title or first paragraph), BM25 per paragraph, and lists of what was touched
 * so that resetting costs only that. A paragraph or article is a candidate when its mask is not 0.
 */
class Scratch {
  readonly masks: Uint32Array;
  /** Per paragraph: bit k set when only the anchor word of concept k is there (half credit). */
  readonly softMasks: Uint32Array;
  readonly bm25: Float64Array;
  readonly docMasks: Uint32Array;
  readonly leadMasks: Uint32Array;
  /** Per article touched: published in the question's time (see articlesInTime). */
  readonly inTime: Uint8Array;
  /** Passing paragraphs and their coverage, as flat arrays; a flag for the ones ranked in full. */
  readonly passChunk: Uint32Array;
  readonly passScore: Float64Array;
  readonly selected: Uint8Array;
  /** The paragraphs of a multi-word form (see formParagraphs). */
  readonly formBuffer: Uint32Array;
  /** Score with the BM25 tie-breaker, per selected paragraph. */
  readonly finalScore: Float64Array;
  /** Room for kthLargestOf's heap of the best k scores (no allocation per question). */
  private readonly heapRoom: Float64Array;
  /** Candidate paragraphs (first `touchedCount`) and their articles (first `touchedDocCount`). */
  readonly touched: Uint32Array;
  touchedCount = 0;
  readonly touchedDocs: Uint32Array;
  touchedDocCount = 0;
  constructor(paragraphs: number, articles: number) {
    this.masks = new Uint32Array(paragraphs);
    this.softMasks = new Uint32Array(paragraphs);
    this.bm25 = new Float64Array(paragraphs);
    this.docMasks = new Uint32Array(articles);
    this.leadMasks = new Uint32Array(articles);
    this.inTime = new Uint8Array(articles);
    this.touched = new Uint32Array(paragraphs);
    this.touchedDocs = new Uint32Array(articles);
    this.passChunk = new Uint32Array(paragraphs);
    this.passScore = new Float64Array(paragraphs);
    this.selected = new Uint8Array(paragraphs);
    this.formBuffer = new Uint32Array(paragraphs);
    this.heapRoom = new Float64Array(paragraphs);
    this.finalScore = new Float64Array(paragraphs);
  }
  /** The k-th largest of the first `count` values (left unchanged). */
  kthLargest(values: Float64Array, count: number, k: number): number {
    return kthLargestOf(values, count, k, this.heapRoom);
  }
  reset(): void {
    // A broad question touches most paragraphs: clearing whole arrays (memset) is then faster than one by one.
    if (this.touchedCount * 8 > this.masks.length) {
      this.masks.fill(0);
      this.softMasks.fill(0);
    } else {
      for (let i = 0; i < this.touchedCount; i++) {
        const c = this.touched[i]!;
        this.masks[c] = 0;
        this.softMasks[c] = 0;
      }
    }
    for (let i = 0; i < this.touchedDocCount; i++) {
      const d = this.touchedDocs[i]!;
      this.docMasks[d] = 0;
      this.leadMasks[d] = 0;
      this.inTime[d] = 0;
    }
    this.touchedCount = 0;
    this.touchedDocCount = 0;
  }
}

/**
 * The paragraphs holding any form of a common many-form concept ("Iran": ایران, ایرانی, الإيراني…), merged once and
 * kept: such concepts come back in most questions, and walking the merged list skips the paragraphs the forms share.
 * Bounded by MAX_MERGED_ENTRIES paragraph ids in all per index (oldest dropped first).
 */
const merges = new WeakMap<SearchIndex, Map<string, Uint32Array>>();
/** Forms' postings below this total are walked directly (merging would not pay). */
const MIN_MERGE_POSTINGS = 5000;
const MAX_MERGED_ENTRIES = 4_000_000; // 16 MB of ids

function conceptParagraphs(concept: QueryConcept, index: SearchIndex, s: Scratch): Uint32Array | undefined {
  if (concept.forms.length < 2) return undefined;
  const { textOffsets } = index.postings.data;
  let postings = 0;
  for (const form of concept.forms) {
    let rarest = form[0]!;
    for (const id of form) if (index.df[id]! < index.df[rarest]!) rarest = id;
    postings += textOffsets[rarest + 1]! - textOffsets[rarest]!;
  }
  if (postings < MIN_MERGE_POSTINGS) return undefined;
  let cache = merges.get(index);
  if (!cache) merges.set(index, (cache = new Map()));
  const key = concept.forms.map((f) => f.join(",")).join(";");
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key); // most recently used last
    cache.set(key, hit);
    return hit;
  }
  const merged = unionOfForms(concept.forms, index, s.formBuffer);
  let total = merged.length;
  for (const list of cache.values()) total += list.length;
  for (const [oldKey, list] of cache) {
    if (total <= MAX_MERGED_ENTRIES) break;
    cache.delete(oldKey);
    total -= list.length;
  }
  if (merged.length <= MAX_MERGED_ENTRIES) cache.set(key, merged);
  return merged;
}

/** The paragraphs holding any form of the concept, ascending: the kept merged list when it has one (see conceptParagraphs). */
export function paragraphsOfConcept(concept: QueryConcept, index: SearchIndex): Uint32Array {
  const s = scratchFor(index);
  return conceptParagraphs(concept, index, s) ?? unionOfForms(concept.forms, index, s.formBuffer);
}

/** The paragraphs holding any of the forms, ascending and distinct (a bitmap of paragraphs, read in order). */
export function unionOfForms(forms: readonly (readonly number[])[], index: SearchIndex, buffer: Uint32Array): Uint32Array {
  const seen = new Uint8Array(index.chunks.length);
  let count = 0;
  for (const form of forms) {
    const [list, from, to] = formParagraphs(form, index, buffer);
    for (let i = from; i < to; i++) {
      const c = list[i]!;
      if (seen[c] === 0) {
        seen[c] = 1;
        count++;
      }
    }
  }
  const merged = new Uint32Array(count);
  for (let c = 0, k = 0; k < count; c++) if (seen[c] === 1) merged[k++] = c;
  return merged;
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

/** True when paragraph c holds every term of the form. */
function holdsForm(index: SearchIndex, c: number, form: readonly number[]): boolean {
  for (const id of form) if (!index.chunkTerms.has(c, id)) return false;
  return true;
}

/** Mark paragraph c (a candidate or not) and its article with a concept bit (soft: the anchor word only). */
function mark(index: SearchIndex, s: Scratch, c: number, d: number, bit: number, candidate: boolean, soft = false): void {
  const lead = c === index.postings.data.docFirstChunk[d];
  if (candidate) {
    if (soft) s.softMasks[c]! |= bit;
    else s.masks[c]! |= bit;
  }
  s.docMasks[d]! |= bit;
  if (lead) s.leadMasks[d]! |= bit;
}

/**
 * Mark the paragraphs (and their articles) holding all terms of a form, walking its rarest term's postings, and
 * make them candidates.
 */
function discoverForm(form: readonly number[], bit: number, index: SearchIndex, s: Scratch): void {
  const [list, from, to] = formParagraphs(form, index, s.formBuffer);
  discoverList(list, from, to, bit, index, s);
}

/** Mark the paragraphs `list[from..to)` (ascending) and their articles with a concept bit; make them candidates. */
function discoverList(list: Uint32Array, from: number, to: number, bit: number, index: SearchIndex, s: Scratch): void {
  const { chunkDoc } = index;
  const { masks, docMasks, touched, touchedDocs } = s;
  // Counters in locals: this loop runs over up to every paragraph.
  let touchedCount = s.touchedCount;
  let touchedDocCount = s.touchedDocCount;
  let previousDoc = -1;
  for (let i = from; i < to; i++) {
    const c = list[i]!;
    // A paragraph (article) is a candidate once it has a bit: the first bit makes it one.
    if (masks[c] === 0) touched[touchedCount++] = c;
    masks[c]! |= bit;
    // Postings run in paragraph order: the article's mark is done once per run of its paragraphs.
    const d = chunkDoc[c]!;
    if (d === previousDoc) continue;
    previousDoc = d;
    if (docMasks[d] === 0) touchedDocs[touchedDocCount++] = d;
    docMasks[d]! |= bit;
  }
  s.touchedCount = touchedCount;
  s.touchedDocCount = touchedDocCount;
}

/** Make the articles holding a term candidates (their paragraphs are not, by this), as an anchor word marks them. */
function discoverArticles(term: number, bit: number, index: SearchIndex, s: Scratch): void {
  const { textOffsets, textChunks, docFirstChunk } = index.postings.data;
  for (let i = textOffsets[term]!, end = textOffsets[term + 1]!; i < end; i++) {
    const c = textChunks[i]!;
    const d = index.chunkDoc[c]!;
    if (s.docMasks[d] === 0) s.touchedDocs[s.touchedDocCount++] = d;
    s.docMasks[d]! |= bit;
    if (c === docFirstChunk[d]) s.leadMasks[d]! |= bit;
  }
}

/** Make the articles whose title holds every term of a form candidates (their paragraphs are not, by this). */
function discoverTitleForm(form: readonly number[], bit: number, index: SearchIndex, s: Scratch): void {
  const { titleOffsets, titleDocs } = index.postings.data;
  let rarest = form[0]!;
  for (const id of form) if (titleOffsets[id + 1]! - titleOffsets[id]! < titleOffsets[rarest + 1]! - titleOffsets[rarest]!) rarest = id;
  for (let i = titleOffsets[rarest]!, end = titleOffsets[rarest + 1]!; i < end; i++) {
    const d = titleDocs[i]!;
    if (form.length > 1 && !form.every((id) => index.titleTerms.has(d, id))) continue;
    if (s.docMasks[d] === 0) s.touchedDocs[s.touchedDocCount++] = d;
    s.docMasks[d]! |= bit;
    s.leadMasks[d]! |= bit;
  }
}

/**
 * The paragraphs holding every term of a form, ascending, as `list[from..to)`: a one-word form's own postings; for
 * more words, the rarest word's postings intersected with the others' (written to `buffer`). Postings are sorted
 * by paragraph, so each other word is walked forward by galloping search, never from its start.
 */
export function formParagraphs(form: readonly number[], index: SearchIndex, buffer: Uint32Array): [Uint32Array, number, number] {
  const { textOffsets, textChunks } = index.postings.data;
  let rarest = form[0]!;
  for (const id of form) if (index.df[id]! < index.df[rarest]!) rarest = id;
  if (form.length === 1) return [textChunks, textOffsets[rarest]!, textOffsets[rarest + 1]!];
  const others = [...new Set(form)].filter((id) => id !== rarest);
  const at = others.map((id) => textOffsets[id]!);
  const ends = others.map((id) => textOffsets[id + 1]!);
  let n = 0;
  next: for (let i = textOffsets[rarest]!, end = textOffsets[rarest + 1]!; i < end; i++) {
    const c = textChunks[i]!;
    for (let k = 0; k < others.length; k++) {
      const j = seek(textChunks, at[k]!, ends[k]!, c);
      at[k] = j;
      if (j === ends[k]) break next; // that word occurs in no later paragraph
      if (textChunks[j] !== c) continue next;
    }
    buffer[n++] = c;
  }
  return [buffer, 0, n];
}

/** The first index in [from, end) whose value is ≥ target (end if none), for ascending `values`: galloping search. */
export function seek(values: Uint32Array, from: number, end: number, target: number): number {
  let lo = from;
  let hi = from;
  let step = 1;
  while (hi < end && values[hi]! < target) {
    lo = hi + 1;
    hi += step;
    step *= 2;
  }
  if (hi > end) hi = end;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid]! < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Mark a common form only where it matters: in the candidate paragraphs and anywhere in the candidate articles.
 * Walks whichever is shorter: the form's postings, or the candidate articles' paragraphs.
 */
function refineForm(form: readonly number[], bit: number, index: SearchIndex, s: Scratch, soft = false, adds = false): void {
  let rarest = form[0]!;
  for (const id of form) if (index.df[id]! < index.df[rarest]!) rarest = id;
  const { textOffsets, textChunks, docFirstChunk } = index.postings.data;
  const postings = textOffsets[rarest + 1]! - textOffsets[rarest]!;
  let articleParagraphs = 0;
  for (let j = 0; j < s.touchedDocCount; j++) articleParagraphs += docFirstChunk[s.touchedDocs[j]! + 1]! - docFirstChunk[s.touchedDocs[j]!]!;
  if (articleParagraphs * form.length * 4 < postings) {
    for (let j = 0; j < s.touchedDocCount; j++) {
      const d = s.touchedDocs[j]!;
      for (let c = docFirstChunk[d]!, end = docFirstChunk[d + 1]!; c < end; c++) {
        if (holdsForm(index, c, form)) markRefined(index, s, c, d, bit, soft, adds);
      }
    }
    return;
  }
  const [list, from, to] = formParagraphs(form, index, s.formBuffer);
  refineList(list, from, to, bit, index, s, soft, adds);
}

/** Mark the paragraphs `list[from..to)` that lie in candidate articles (markRefined inlined: a hot loop). */
function refineList(list: Uint32Array, from: number, to: number, bit: number, index: SearchIndex, s: Scratch, soft: boolean, adds: boolean): void {
  const { docFirstChunk } = index.postings.data;
  const { chunkDoc } = index;
  const { masks, softMasks, docMasks, leadMasks, touched } = s;
  const paragraphMasks = soft ? softMasks : masks;
  let touchedCount = s.touchedCount;
  for (let i = from; i < to; i++) {
    const c = list[i]!;
    const d = chunkDoc[c]!;
    if (docMasks[d] === 0) continue;
    if (masks[c] !== 0) paragraphMasks[c]! |= bit;
    else if (adds) {
      touched[touchedCount++] = c;
      paragraphMasks[c]! |= bit;
    }
    docMasks[d]! |= bit;
    if (c === docFirstChunk[d]) leadMasks[d]! |= bit;
  }
  s.touchedCount = touchedCount;
}

/** Mark a paragraph of a candidate article; `adds`: it becomes a candidate itself (see rank's key restriction). */
function markRefined(index: SearchIndex, s: Scratch, c: number, d: number, bit: number, soft: boolean, adds: boolean): void {
  if (adds && s.masks[c] === 0) s.touched[s.touchedCount++] = c;
  mark(index, s, c, d, bit, adds || s.masks[c] !== 0, soft);
}

/** Mark touched articles whose title holds a form of the concept (walking each form's rarest title postings). */
function markTitles(concept: QueryConcept, bit: number, index: SearchIndex, s: Scratch): void {
  const { titleOffsets, titleDocs } = index.postings.data;
  const { docMasks, leadMasks } = s;
  for (const form of concept.forms) {
    let rarest = form[0]!;
    for (const id of form) if (titleOffsets[id + 1]! - titleOffsets[id]! < titleOffsets[rarest + 1]! - titleOffsets[rarest]!) rarest = id;
    for (let i = titleOffsets[rarest]!, end = titleOffsets[rarest + 1]!; i < end; i++) {
      const d = titleDocs[i]!;
      if (docMasks[d] === 0) continue;
      if (form.length > 1) {
        let all = true;
        for (const id of form) if (!index.titleTerms.has(d, id)) all = false;
        if (!all) continue;
      }
      docMasks[d]! |= bit;
      leadMasks[d]! |= bit;
    }
  }
}

/**
 * Marks computed once per engine (domainMarks in engine.ts): on topic per article 0, 1 (names both sides) or 2 (its
 * title or first paragraph does), per paragraph 0/1/2 (sides it names); per paragraph 1 when it holds a number.
 */
export interface Domain {
  articles: Uint8Array;
  paragraphs: Uint8Array;
  numbers?: Uint8Array;
}

/** Most concepts for which the weight of every subset is tabulated (2^12 entries). */
const MAX_TABLE_BITS = 12;

/** weightOf[bits] = the summed weight of the concepts whose bits are set (at most MAX_CONCEPTS of them). */
function weightTable(weights: readonly number[]): Float64Array {
  if (weights.length > MAX_TABLE_BITS) throw new RangeError(`at most ${MAX_TABLE_BITS} concepts are ranked`);
  const table = new Float64Array(1 << weights.length);
  for (let bits = 1; bits < table.length; bits++) {
    const low = bits & -bits;
    table[bits] = table[bits ^ low]! + weights[31 - Math.clz32(low)]!;
  }
  return table;
}

/** Publication day numbers per article (days since 1970; -1 unknown) and month (1–12; 0 unknown), computed once. */
const calendars = new WeakMap<SearchIndex, { day: Int32Array; month: Uint8Array }>();
function calendarOf(index: SearchIndex): { day: Int32Array; month: Uint8Array } {
  let cal = calendars.get(index);
  if (!cal) {
    const day = new Int32Array(index.docs.length).fill(-1);
    const month = new Uint8Array(index.docs.length);
    index.docs.forEach((doc, d) => {
      const p = doc.source.published;
      if (!p || !/^\d{4}-\d{2}-\d{2}/.test(p)) return;
      day[d] = Math.floor(Date.parse(p.slice(0, 10)) / 86_400_000);
      month[d] = Number(p.slice(5, 7));
    });
    cal = { day, month };
    calendars.set(index, cal);
  }
  return cal;
}

/** Where an article's date falls against the question's time (articlesInTime). */
const OUTSIDE = 0;
const IN_TIME = 1;
const LATER = 2;
/** Just before the time (a preview), or undated: neither preferred nor, under `strictDates`, left out. */
const NEAR_OR_UNDATED = 3;

/**
 * Per article touched: IN_TIME when published in a range the question names, LATER in the `laterDays` after one,
 * NEAR_OR_UNDATED in the `earlierDays` before one or without a date, else OUTSIDE.
 */
function articlesInTime(index: SearchIndex, query: ParsedQuery, s: Scratch, laterDays: number, earlierDays: number): Uint8Array {
  const { day, month } = calendarOf(index);
  const ranges = query.dates.map((r) =>
    r.from.startsWith("*")
      ? { anyYear: true, month: Number(r.from.slice(2, 4)), from: 0, to: 0 }
      : { anyYear: false, month: 0, from: Math.floor(Date.parse(r.from) / 86_400_000), to: Math.floor(Date.parse(r.to) / 86_400_000) },
  );
  const out = s.inTime;
  for (let j = 0; j < s.touchedDocCount; j++) {
    const d = s.touchedDocs[j]!;
    out[d] = ranges.some((r) => (r.anyYear ? month[d] === r.month : day[d]! >= r.from && day[d]! <= r.to))
      ? IN_TIME
      : ranges.some((r) => !r.anyYear && day[d]! > r.to && day[d]! <= r.to + laterDays)
        ? LATER
        : day[d]! < 0 || ranges.some((r) => !r.anyYear && day[d]! < r.from && day[d]! >= r.from - earlierDays)
          ? NEAR_OR_UNDATED
          : OUTSIDE;
  }
  return out;
}

/** What the coverage pass needs, gathered once per question (one object shape, so the loop stays optimized). */
interface PassContext {
  chunkDoc: Uint32Array;
  weightOf: Float64Array;
  keyMask: number;
  /** The weight of names an article may lack, in all; and of a single name it may lack. */
  missingAllowed: number;
  oneMissingAllowed: number;
  leadCredit: number;
  softCredit: number;
  docCredit: number;
  /** Per article: where its date falls, IN_TIME, LATER, NEAR_OR_UNDATED or OUTSIDE (empty when the question names no time). */
  inTime: Uint8Array;
  laterShare: number;
  /** Leave out articles dated OUTSIDE the question's time (see RankOptions.strictDates). */
  strictDates: boolean;
  dateWeight: number;
  dateBonus: number;
  total: number;
  floor: number;
  domainBonus: number;
  focusBonus: number;
  domainArticles: Uint8Array;
  domainParagraphs: Uint8Array;
  /** Per paragraph: holds a number (empty unless the question asks for an amount). */
  numbers: Uint8Array;
  quantityBonus: number;
  /** Bits of the concepts naming the speaker (0: none), and the bonus for a paragraph holding them all. */
  speakerMask: number;
  speakerBonus: number;
}

/**
 * Score every touched paragraph by coverage and write those reaching the floor to s.passChunk/passScore; returns
 * how many. A hot loop over up to every paragraph, kept apart from rank() so that it is optimized on its own.
 */
function collectPassing(s: Scratch, x: PassContext): number {
  const { touched, masks, softMasks, docMasks, leadMasks, passChunk, passScore } = s;
  const { chunkDoc, weightOf, keyMask, missingAllowed, oneMissingAllowed, leadCredit, softCredit, docCredit, inTime, laterShare, dateWeight, dateBonus, total, floor } = x;
  const { domainBonus, focusBonus, domainArticles, domainParagraphs, numbers, quantityBonus, speakerMask, speakerBonus } = x;
  const dates = inTime.length > 0;
  const strictDates = x.strictDates;
  const onTopic = domainArticles.length > 0;
  const quantity = numbers.length > 0;
  const count = s.touchedCount;
  let n = 0;
  for (let j = 0; j < count; j++) {
    const c = touched[j]!;
    const mask = masks[c]!;
    const doc = chunkDoc[c]!;
    const docMask = docMasks[doc]!;
    const missing = keyMask & ~docMask;
    // The article does not mention every name of the question: acceptable only for minor ones.
    if (missing !== 0 && weightOf[missing]! > ((missing & (missing - 1)) === 0 ? oneMissingAllowed : missingAllowed)) continue;
    const lead = leadMasks[doc]! & ~mask;
    const soft = softMasks[c]! & ~mask & ~lead;
    const elsewhere = docMask & ~mask & ~lead & ~soft;
    let covered = weightOf[mask]! + leadCredit * weightOf[lead]! + softCredit * weightOf[soft]! + docCredit * weightOf[elsewhere]!;
    const time = dates ? inTime[doc]! : OUTSIDE;
    if (strictDates && time === OUTSIDE) continue;
    const dated = time === IN_TIME;
    if (dated) covered += dateWeight;
    else if (time === LATER) covered += laterShare * dateWeight;
    const coverage = covered / total;
    if (coverage < floor) continue;
    let score = coverage;
    if (dated) score += dateBonus;
    else if (time === LATER) score += laterShare * dateBonus;
    if (onTopic) {
      const article = domainArticles[doc]!;
      score += (domainBonus * (Math.min(article, 1) + domainParagraphs[c]!)) / 3;
      if (article === 2) score += focusBonus;
    }
    if (quantity && numbers[c] === 1) score += quantityBonus;
    if (speakerMask !== 0 && (mask & speakerMask) === speakerMask) score += speakerBonus;
    passChunk[n] = c;
    passScore[n] = score;
    n++;
  }
  return n;
}

export interface Ranking {
  /** The best `keep` paragraphs (fewer when fewer pass), best first, in full order. */
  items: RankedChunk[];
  /** How many paragraphs passed the coverage floor in all. */
  total: number;
}

/** Best first; equal scores in paragraph order. */
const byScore = (a: RankedChunk, b: RankedChunk) => b.score - a.score || a.chunk - b.chunk;

/** Rank the paragraphs for a parsed question; no items means nothing is relevant. */
export function rank(query: ParsedQuery, index: SearchIndex, options: RankOptions = {}, domain?: Domain): Ranking {
  const o = withDefaults(DEFAULTS, options);
  const concepts = query.concepts.slice(0, MAX_CONCEPTS);
  const paragraphs = index.chunks.length;
  const dfs = concepts.map((c) => conceptDf(c, index));
  const weights = concepts.map((c, k) => conceptWeight(c, dfs[k]!, paragraphs));
  const known = weights.filter((w) => w > 0);
  if (known.length === 0) return { items: [], total: 0 };
  // Arabic-script words the corpus lacks still weigh (an answer should carry the question), at a reduced,
  // average weight. English words nothing could translate are left out: they say nothing either way.
  const average = known.reduce((a, b) => a + b, 0) / known.length;
  concepts.forEach((c, k) => {
    if (c.source === "unknown" && !/^[a-z0-9]/.test(c.text)) weights[k] = average * UNKNOWN_FACTOR;
  });
  // A month or year the question names is one more (soft) concept: articles of that time carry it. A month (with
  // or without its year) is as specific as the question's strongest word; a bare year, an average one.
  const monthNamed = namesMonthOrDay(query);
  const dateWeight = query.dates.length === 0 ? 0 : monthNamed ? Math.max(...known) : average;
  const total = weights.reduce((a, b) => a + b, 0) + dateWeight;
  const floor = coverageFloor(known.length + (dateWeight ? 1 : 0), o.minCoverage);
  let keyMask = 0;
  let keyCount = 0;
  let keyWeight = 0;
  concepts.forEach((c, k) => {
    if (isKey(c) && weights[k]! > 0) {
      keyMask |= 1 << k;
      keyCount++;
      keyWeight += weights[k]!;
    }
  });
  // Of three names or more, the article may lack minor ones (a venue, a country), never a distinctive one; of four
  // or more, one name may weigh more (see manyNamesMissingShare).
  const missingAllowed = keyCount >= 3 ? keyWeight * o.missingNameShare : 0;
  const oneMissingAllowed = keyCount >= 4 ? keyWeight * Math.max(o.manyNamesMissingShare, o.missingNameShare) : missingAllowed;

  // Rare concepts find candidates. Common ones ("Iran", "Russia") only refine them, unless a paragraph carrying
  // common concepts alone (with the rare ones in its article at best) could still reach the floor.
  const commonDf = Math.max(MIN_COMMON_DF, paragraphs * COMMON_SHARE);
  const rare = concepts.map((c, k) => c.forms.length > 0 && dfs[k]! <= commonDf);
  let commonOnly = dateWeight;
  concepts.forEach((_, k) => (commonOnly += rare[k] ? weights[k]! * o.leadCredit : weights[k]!));
  const prune = rare.some(Boolean) && commonOnly / total < floor;

  const s = scratchFor(index);
  // Every name must be in the article (none may be missing): only articles holding the rarest name can answer.
  // Its paragraphs find those articles; the other concepts then mark paragraphs there only, each becoming a
  // candidate as discovery would have made it. Same answers, a fraction of the work when the name is rarer than
  // the rest ("Lavrov meeting with Pezeshkian").
  let keyFirst = -1;
  if (!prune && missingAllowed === 0) {
    concepts.forEach((c, k) => {
      if ((keyMask & (1 << k)) !== 0 && c.forms.length > 0 && (keyFirst < 0 || dfs[k]! < dfs[keyFirst]!)) keyFirst = k;
    });
  }
  concepts.forEach((concept, k) => {
    if ((prune && !rare[k]) || (keyFirst >= 0 && k !== keyFirst)) return;
    const merged = conceptParagraphs(concept, index, s);
    if (merged) discoverList(merged, 0, merged.length, 1 << k, index, s);
    else for (const form of concept.forms) discoverForm(form, 1 << k, index, s);
  });
  // An article naming it in its title only, or by its anchor word only, is one of those articles too.
  if (keyFirst >= 0) {
    for (const form of concepts[keyFirst]!.forms) discoverTitleForm(form, 1 << keyFirst, index, s);
    for (const anchor of concepts[keyFirst]!.anchors ?? []) discoverArticles(anchor, 1 << keyFirst, index, s);
  }
  // An article's lead carries what its first paragraph does (once per article, not per posting).
  const { docFirstChunk } = index.postings.data;
  for (let j = 0; j < s.touchedDocCount; j++) {
    const d = s.touchedDocs[j]!;
    s.leadMasks[d]! |= s.masks[docFirstChunk[d]!]!;
  }
  if (keyFirst >= 0) {
    concepts.forEach((concept, k) => {
      if (k === keyFirst) return;
      const merged = conceptParagraphs(concept, index, s);
      if (merged) refineList(merged, 0, merged.length, 1 << k, index, s, false, true);
      else for (const form of concept.forms) refineForm(form, 1 << k, index, s, false, true);
    });
  }
  // Anchor words of multi-word concepts only refine: they make a paragraph carry the concept in part.
  concepts.forEach((concept, k) => {
    for (const anchor of concept.anchors ?? []) refineForm([anchor], 1 << k, index, s, true);
  });
  if (prune) {
    concepts.forEach((concept, k) => {
      if (rare[k]) return;
      for (const form of concept.forms) refineForm(form, 1 << k, index, s);
    });
  }
  // Titles count as the article's own words.
  concepts.forEach((concept, k) => markTitles(concept, 1 << k, index, s));

  // Coverage from the masks; passing paragraphs go to flat arrays (no objects for the thousands a broad
  // question passes). The weight of any set of concepts is one table lookup.
  const none = new Uint8Array(0);
  const n = collectPassing(s, {
    chunkDoc: index.chunkDoc,
    weightOf: weightTable(weights),
    keyMask,
    missingAllowed,
    oneMissingAllowed,
    leadCredit: o.leadCredit,
    softCredit: o.softCredit,
    docCredit: o.docCredit,
    inTime: dateWeight > 0 ? articlesInTime(index, query, s, o.laterDays, o.earlierDays) : none,
    laterShare: o.laterShare,
    // A month or day with its year: a place in time. A bare year or a month of any year only prefers.
    strictDates: o.strictDates && dateWeight > 0 && limitsToTime(query),
    dateWeight,
    dateBonus: o.dateBonus,
    total,
    floor,
    domainBonus: domain ? o.domainBonus : 0,
    focusBonus: domain && known.length <= o.focusMaxConcepts ? o.focusBonus : 0,
    domainArticles: domain?.articles ?? none,
    domainParagraphs: domain?.paragraphs ?? none,
    numbers: query.wantsQuantity ? (domain?.numbers ?? none) : none,
    quantityBonus: o.quantityBonus,
    speakerMask: concepts.reduce((bits, c, k) => (c.speaker && c.forms.length > 0 ? bits | (1 << k) : bits), 0),
    speakerBonus: o.speakerBonus,
  });
  if (n === 0) {
    s.reset();
    return { items: [], total: 0 };
  }

  // Only the best `keep` by coverage are ranked in full (BM25 can move a paragraph by at most bm25Weight).
  const keep = Math.max(o.keep, 1);
  let threshold = -Infinity;
  if (n > keep) threshold = s.kthLargest(s.passScore, n, keep) - o.bm25Weight;
  // The selected move to the front of passChunk/passScore (m ≤ i: compaction in place).
  const { passChunk, passScore, finalScore, bm25 } = s;
  let m = 0;
  for (let i = 0; i < n; i++) {
    if (passScore[i]! >= threshold) {
      const c = passChunk[i]!;
      passChunk[m] = c;
      passScore[m] = passScore[i]!;
      s.selected[c] = 1;
      m++;
    }
  }
  // BM25 (MiniSearch's, over text and boosted title) breaks ties among the selected, from the rarer terms.
  // A common concept's share comes from its kept per-paragraph sums (see conceptBm25), unless it shares a term with
  // another concept (a term counts once); the other terms walk their postings for the selected paragraphs.
  const counted = concepts.map((c, k) => (rare[k] || !prune ? [...new Set(c.forms.flat())] : []));
  const conceptsOfTerm = new Map<number, number>();
  for (const terms of counted) for (const t of terms) conceptsOfTerm.set(t, (conceptsOfTerm.get(t) ?? 0) + 1);
  const walked = new Set<number>();
  const sums: Float64Array[] = [];
  const budget = newSumBudget();
  for (const terms of counted) {
    const sum = terms.every((t) => conceptsOfTerm.get(t) === 1) ? conceptBm25(terms, index, o.bm25SumMinPostings, budget) : undefined;
    if (sum) sums.push(sum);
    else for (const t of terms) walked.add(t);
  }
  index.postings.scoreInto([...walked], bm25, s.selected);
  for (const sum of sums) {
    for (let j = 0; j < m; j++) {
      const c = passChunk[j]!;
      bm25[c]! += sum[c]!;
    }
  }
  let maxBm25 = 0;
  for (let j = 0; j < m; j++) maxBm25 = Math.max(maxBm25, bm25[passChunk[j]!]!);
  for (let j = 0; j < m; j++) finalScore[j] = passScore[j]! + (maxBm25 > 0 ? (o.bm25Weight * bm25[passChunk[j]!]!) / maxBm25 : 0);
  // Many paragraphs may tie within the BM25 margin (a broad question passes most of the corpus): only the best
  // `keep` by final score become results (ties by paragraph order), so the objects made and sorted stay few.
  const best: number[] = [];
  if (m > keep) {
    const cut = s.kthLargest(finalScore, m, keep);
    const at: number[] = [];
    for (let j = 0; j < m; j++) {
      if (finalScore[j]! > cut) best.push(j);
      else if (finalScore[j] === cut) at.push(j);
    }
    at.sort((a, b) => passChunk[a]! - passChunk[b]!);
    for (let j = 0; best.length < keep && j < at.length; j++) best.push(at[j]!);
  } else {
    for (let j = 0; j < m; j++) best.push(j);
  }
  const out: RankedChunk[] = best.map((j) => {
    const c = passChunk[j]!;
    const matched: number[] = [];
    for (let k = 0; k < concepts.length; k++) if (s.masks[c]! & (1 << k)) matched.push(k);
    return { chunk: c, coverage: passScore[j]!, matched, score: finalScore[j]! };
  });
  // BM25 was only added for the selected: clearing them clears it.
  for (let j = 0; j < m; j++) {
    s.selected[passChunk[j]!] = 0;
    bm25[passChunk[j]!] = 0;
  }
  s.reset();
  out.sort(byScore);
  return { items: out, total: n };
}
