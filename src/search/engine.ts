import { loadCorpus, type LoadOptions } from "../corpus/load.js";
import type { Chunk, CorpusWarning, Doc, SourceInfo } from "../corpus/types.js";
import { loadLexicon, type Concept, type Lexicon } from "../lexicon/lexicon.js";
import { isOutsideSubject, SUBJECT_SIDES } from "../lexicon/subject.js";
import { fold, type Lang } from "../text/fold.js";
import { termOf } from "../text/analyze.js";
import { withoutPossessive } from "../text/stem.js";
import { NUMBER_WORDS } from "../text/numbers.js";
import { buildSearchIndex, type SearchIndex } from "./index.js";
import { parseQuery, type ParsedQuery } from "./query.js";
import { limitsToTime, rank, type RankOptions } from "./rank.js";
import { groupNearDuplicates } from "./group.js";

/** One answer: a paragraph, its article's source, and what of the question it carries. */
export interface SearchResult {
  docId: string;
  chunkId: string;
  /** 1-based paragraph number within the article. */
  paragraph: number;
  /** The paragraph's full original text. */
  text: string;
  score: number;
  source: SourceInfo;
  lang: Lang;
  /** Labels of the question's concepts found in this paragraph (for highlighting and explanations). */
  matched: string[];
  /** [start, end) character offsets in `text` of the words that matched, for bolding. */
  highlights: [number, number][];
  /** The same paragraph from other articles (other outlets, or a repeat), folded into this result. */
  alsoIn: { docId: string; chunkId: string; source: SourceInfo }[];
}

export interface SearchResponse {
  query: string;
  lang: Lang;
  /** All relevant results, best first (page with `offset`/`limit` on `search`). */
  total: number;
  results: SearchResult[];
  /** How the question was understood (for debugging and `--json`). */
  understood: { text: string; concept: string; source: string; found: boolean }[];
  /** True when the question is only about things the bot does not follow (sport, weather…): no results by design. */
  outsideSubject: boolean;
  /** True when the month or day the question names limited the answer to about that time (see RankOptions.strictDates). */
  limitedToTime: boolean;
}

export interface SearchOptions extends RankOptions {
  /** Results returned. Defaults to 10. */
  limit?: number;
  /** Results skipped (for "More"). Defaults to 0. */
  offset?: number;
}

/** Longest question read, in characters; a longer one is cut (nobody types more into a chat). */
export const MAX_QUERY_CHARS = 1000;

/** Bound of the highlight word cache (entries); cleared when full, so a long-running bot's memory stays flat. */
const MAX_REMEMBERED_WORDS = 200_000;

/** The retrieval engine: a corpus, a lexicon and the index built from them. */
export class Engine {
  private readonly wordIds = new Map<string, number>();

  constructor(
    readonly index: SearchIndex,
    readonly lexicon: Lexicon,
    readonly warnings: readonly CorpusWarning[] = [],
  ) {
    this.domain = domainMarks(index, lexicon);
  }

  /** Which articles and paragraphs are about the bot's subject. */
  readonly domain: DomainMarks;

  get docs(): readonly Doc[] {
    return this.index.docs;
  }

  getDoc(id: string): Doc | undefined {
    const d = this.index.docIndex.get(id);
    return d === undefined ? undefined : this.index.docs[d];
  }

  getChunk(id: string): Chunk | undefined {
    const c = this.index.chunkIndex.get(id);
    return c === undefined ? undefined : this.index.chunks[c];
  }

  parse(question: string): ParsedQuery {
    return parseQuery(question.slice(0, MAX_QUERY_CHARS), this.index, this.lexicon);
  }

  search(question: string, options: SearchOptions = {}): SearchResponse {
    const { limit = 10, offset = 0, ...rankOptions } = options;
    const parsed = this.parse(question);
    const named = parsed.concepts.flatMap((c) => (c.source === "lexicon" || c.source === "fuzzy" ? [this.lexicon.byId.get(c.key)] : []));
    const outsideSubject = isOutsideSubject(named.filter((c): c is Concept => c !== undefined));
    const understood = parsed.concepts.map((c) => ({
      text: c.text,
      concept: c.source === "lexicon" || c.source === "fuzzy" ? c.key : c.source,
      source: c.source,
      found: c.forms.length > 0,
    }));
    const limitedToTime = (rankOptions.strictDates ?? true) && limitsToTime(parsed);
    if (outsideSubject) return { query: question, lang: parsed.lang, total: 0, results: [], understood, outsideSubject, limitedToTime: false };
    const ranking = rank(parsed, this.index, { ...rankOptions, keep: Math.max(rankOptions.keep ?? 300, offset + limit + 60) }, this.domain);
    const ranked = groupNearDuplicates(ranking.items, this.index);
    // Paragraphs beyond those ranked in full were only counted; near-duplicates among them are not folded.
    const total = ranked.length + (ranking.total - ranking.items.length);
    const page = ranked.slice(offset, offset + limit);
    const results = page.map(({ best, others }) => {
      const chunk = this.index.chunks[best.chunk]!;
      const doc = this.index.docs[this.index.chunkDoc[best.chunk]!]!;
      const matchedConcepts = best.matched.map((k) => parsed.concepts[k]!);
      // The words of the forms the paragraph holds whole: «جمهورية» is Iran only next to «إسلامية».
      const termIds = new Set<number>();
      for (const concept of matchedConcepts) {
        for (const form of concept.forms) {
          if (form.every((id) => this.index.chunkTerms.has(best.chunk, id))) for (const id of form) termIds.add(id);
        }
      }
      return {
        docId: doc.id,
        chunkId: chunk.id,
        paragraph: chunk.n,
        text: chunk.text,
        score: Math.round(best.score * 1000) / 1000,
        source: doc.source,
        lang: doc.lang,
        matched: matchedConcepts.map((c) => (c.source === "lexicon" || c.source === "fuzzy" ? this.lexicon.byId.get(c.key)?.label ?? c.text : c.text)),
        highlights: this.highlight(chunk.text, termIds, doc.lang === "ar"),
        alsoIn: others.map((o) => {
          const other = this.index.chunks[o]!;
          return { docId: other.docId, chunkId: other.id, source: this.index.docs[this.index.chunkDoc[o]!]!.source };
        }),
      } satisfies SearchResult;
    });
    return {
      query: question,
      lang: parsed.lang,
      total,
      results,
      understood,
      outsideSubject,
      limitedToTime,
    };
  }

  /** Offsets of the words in `text` whose index term is one of `termIds` (read as the index read them). */
  private highlight(text: string, termIds: Set<number>, arabic: boolean): [number, number][] {
    const spans: [number, number][] = [];
    for (const match of text.matchAll(/[\p{L}\p{N}\p{M}\u200C\u0640]+/gu)) {
      const id = this.termIdOfWord(match[0], arabic);
      if (id >= 0 && termIds.has(id)) spans.push([match.index, match.index + match[0].length]);
    }
    return spans;
  }

  /** A raw word's term id (-1 for none), remembered: answers show the same words again and again. */
  private termIdOfWord(word: string, arabic: boolean): number {
    // Arabic articles' words go through withoutPossessive (see buildSearchIndex): remembered apart.
    const key = arabic ? `ar:${word}` : word;
    let id = this.wordIds.get(key);
    if (id === undefined) {
      const folded = fold(word);
      const term = termOf(arabic ? withoutPossessive(folded) : folded, { protectedWords: this.index.protectedWords });
      id = term ? this.index.vocab.get(term) ?? -1 : -1;
      if (this.wordIds.size >= MAX_REMEMBERED_WORDS) this.wordIds.clear();
      this.wordIds.set(key, id);
    }
    return id;
  }
}

export interface DomainMarks {
  /** Per article: 2 when its title or first paragraph names both sides, 1 when it names both elsewhere, else 0. */
  articles: Uint8Array;
  /** Per paragraph: how many sides it names (0, 1, 2). */
  paragraphs: Uint8Array;
  /** Per paragraph: 1 when it holds a number (for "how much" questions). */
  numbers: Uint8Array;
}

/**
 * Mark on-topic articles and paragraphs (see RankOptions.domainBonus and focusBonus): an article naming both sides of
 * the subject, in its lead or anywhere; a paragraph naming one or both. Walks the postings of the sides' one-word forms
 * once.
 */
export function domainMarks(index: SearchIndex, lexicon: Lexicon): DomainMarks {
  const { textOffsets, textChunks, titleOffsets, titleDocs, docFirstChunk } = index.postings.data;
  const paragraphs = new Uint8Array(index.chunks.length);
  const docSides = new Uint8Array(index.docs.length);
  const leadSides = new Uint8Array(index.docs.length);
  SUBJECT_SIDES.forEach((side, k) => {
    const bit = 1 << k;
    for (const id of side) {
      for (const form of lexicon.byId.get(id)?.forms ?? []) {
        if (form.length !== 1) continue;
        const t = index.vocab.get(form[0]!);
        if (t === undefined) continue;
        for (let i = textOffsets[t]!, end = textOffsets[t + 1]!; i < end; i++) {
          const c = textChunks[i]!;
          paragraphs[c]! |= bit;
          const d = index.chunkDoc[c]!;
          docSides[d]! |= bit;
          if (c === docFirstChunk[d]) leadSides[d]! |= bit;
        }
        for (let i = titleOffsets[t]!, end = titleOffsets[t + 1]!; i < end; i++) leadSides[titleDocs[i]!]! |= bit;
      }
    }
  });
  const both = (1 << SUBJECT_SIDES.length) - 1;
  return {
    articles: docSides.map((m, d) => (m === both ? (leadSides[d] === both ? 2 : 1) : 0)),
    paragraphs: paragraphs.map((m) => (m === 0 ? 0 : m === both ? 2 : 1)),
    numbers: paragraphsWithNumbers(index),
  };
}

/**
 * Per paragraph, 1 when it states an amount: a term that is a number (digits of any script were folded to ASCII)
 * or a number word («عشرة بالمئة», «ده درصد»).
 */
export function paragraphsWithNumbers(index: SearchIndex): Uint8Array {
  const numeric = new Uint8Array(index.terms.length);
  index.terms.forEach((t, id) => (numeric[id] = /^\d/.test(t) ? 1 : 0));
  for (const word of NUMBER_WORDS) {
    const term = termOf(fold(word), { protectedWords: index.protectedWords });
    const id = term === null ? undefined : index.vocab.get(term);
    if (id !== undefined) numeric[id] = 1;
  }
  const out = new Uint8Array(index.chunks.length);
  const { values, starts } = index.chunkTerms;
  for (let c = 0; c < index.chunkTerms.length; c++) {
    for (let i = starts[c]!; i < starts[c + 1]!; i++) {
      if (numeric[values[i]!]) {
        out[c] = 1;
        break;
      }
    }
  }
  return out;
}

export interface CreateEngineOptions extends LoadOptions {
  /** The lexicon; defaults to the shipped one. */
  lexicon?: Lexicon;
  onIndexProgress?: (chunks: number, total: number) => void;
}

/** Read the corpus folders, build the index, and return a ready engine. Throws CorpusError when nothing can be served. */
export async function createEngine(folders: readonly string[], options: CreateEngineOptions = {}): Promise<Engine> {
  const lexicon = options.lexicon ?? loadLexicon();
  const corpus = await loadCorpus(folders, options);
  const index = buildSearchIndex(corpus.docs, { protectedWords: lexicon.protectedWords, onProgress: options.onIndexProgress });
  return new Engine(index, lexicon, corpus.warnings);
}
