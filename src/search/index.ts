import MiniSearch, { type Options } from "minisearch";
import type { Chunk, Doc } from "../corpus/types.js";
import { termOf } from "../text/analyze.js";
import { fold } from "../text/fold.js";
import { arabicSkeleton } from "../text/skeleton.js";
import { tokenizeFolded } from "../text/tokenize.js";

/** What MiniSearch indexes per chunk: the chunk's and its article title's terms, already analyzed. */
export interface IndexedChunk {
  id: number;
  text: string;
  title: string;
}

/**
 * The one MiniSearch options object, shared by build and load. Documents arrive as space-joined index terms
 * (analysis happens once, in our own analyzer), so tokenizing is a split and processTerm the identity.
 */
export const MINISEARCH_OPTIONS: Options<IndexedChunk> = {
  idField: "id",
  fields: ["text", "title"],
  storeFields: [],
  tokenize: (text) => (text === "" ? [] : text.split(" ")),
  processTerm: (term) => term,
  searchOptions: {
    boost: { title: 1.5 },
    prefix: false,
    fuzzy: false,
    tokenize: (text) => [text],
    processTerm: (term) => term,
  },
};

/** Everything retrieval needs, built once per corpus and lexicon. */
export interface SearchIndex {
  docs: Doc[];
  chunks: Chunk[];
  /** Chunk index → document index. */
  chunkDoc: Int32Array;
  docIndex: Map<string, number>;
  chunkIndex: Map<string, number>;
  /** Term → term id; term id → term; term id → number of chunks holding it. */
  vocab: Map<string, number>;
  terms: string[];
  df: Uint32Array;
  /** Per chunk and per document, the sorted distinct term ids (documents include their title). */
  chunkTerms: Uint32Array[];
  docTerms: Uint32Array[];
  /** Consonant skeleton of Arabic-script words → term ids, for names no lexicon knows. */
  skeletons: Map<string, number[]>;
  mini: MiniSearch<IndexedChunk>;
  protectedWords: ReadonlySet<string>;
}

export interface BuildOptions {
  /** Folded words the stemmer must leave whole (names from the lexicon). Defaults to none. */
  protectedWords?: ReadonlySet<string>;
  /** Called with the number of chunks indexed so far, every 20,000 chunks. Defaults to none. */
  onProgress?: (chunks: number, total: number) => void;
}

const PROGRESS_EVERY = 20_000; // chunks
/** Shortest skeleton worth indexing: two consonants collide with too many words. */
const MIN_SKELETON = 3;
const ARABIC_WORD = /^[\u0621-\u064A\u0671-\u06D3]{3,}$/;

/** A per-build analyzer that remembers each distinct folded token's term (news vocabulary repeats a lot). */
export class CachedAnalyzer {
  private readonly cache = new Map<string, string | null>();
  constructor(private readonly protectedWords: ReadonlySet<string>) {}

  /** Terms of a text, in order. */
  terms(text: string): string[] {
    const out: string[] = [];
    for (const token of tokenizeFolded(fold(text))) {
      const term = this.term(token);
      if (term) out.push(term);
    }
    return out;
  }

  term(folded: string): string | null {
    let term = this.cache.get(folded);
    if (term === undefined) {
      term = termOf(folded, { protectedWords: this.protectedWords });
      this.cache.set(folded, term);
    }
    return term;
  }

  /** The folded surface tokens seen so far with their terms. */
  surfaces(): IterableIterator<[string, string | null]> {
    return this.cache.entries();
  }
}

export function buildSearchIndex(docs: Doc[], options: BuildOptions = {}): SearchIndex {
  const protectedWords = options.protectedWords ?? new Set<string>();
  const analyzer = new CachedAnalyzer(protectedWords);
  const vocab = new Map<string, number>();
  const terms: string[] = [];
  const dfList: number[] = [];
  const idOf = (term: string): number => {
    let id = vocab.get(term);
    if (id === undefined) {
      id = terms.length;
      vocab.set(term, id);
      terms.push(term);
      dfList.push(0);
    }
    return id;
  };

  const chunks: Chunk[] = [];
  const chunkDocList: number[] = [];
  const chunkTerms: Uint32Array[] = [];
  const docTerms: Uint32Array[] = [];
  const docIndex = new Map<string, number>();
  const chunkIndex = new Map<string, number>();
  const mini = new MiniSearch<IndexedChunk>(MINISEARCH_OPTIONS);
  const total = docs.reduce((n, d) => n + d.chunks.length, 0);

  docs.forEach((doc, d) => {
    docIndex.set(doc.id, d);
    const titleTerms = analyzer.terms(doc.source.title);
    const title = titleTerms.join(" ");
    const docSet = new Set<number>(titleTerms.map(idOf));
    for (const chunk of doc.chunks) {
      const c = chunks.length;
      chunks.push(chunk);
      chunkDocList.push(d);
      chunkIndex.set(chunk.id, c);
      const chunkTermList = analyzer.terms(chunk.text);
      const ids = new Set<number>(chunkTermList.map(idOf));
      for (const id of ids) {
        dfList[id]!++;
        docSet.add(id);
      }
      chunkTerms.push(Uint32Array.from(ids).sort());
      mini.add({ id: c, text: chunkTermList.join(" "), title });
      if (chunks.length % PROGRESS_EVERY === 0) options.onProgress?.(chunks.length, total);
    }
    docTerms.push(Uint32Array.from(docSet).sort());
  });

  return {
    docs,
    chunks,
    chunkDoc: Int32Array.from(chunkDocList),
    docIndex,
    chunkIndex,
    vocab,
    terms,
    df: Uint32Array.from(dfList),
    chunkTerms,
    docTerms,
    skeletons: buildSkeletons(analyzer, vocab),
    mini,
    protectedWords,
  };
}

function buildSkeletons(analyzer: CachedAnalyzer, vocab: Map<string, number>): Map<string, number[]> {
  const skeletons = new Map<string, number[]>();
  for (const [surface, term] of analyzer.surfaces()) {
    if (!term || !ARABIC_WORD.test(surface)) continue;
    const id = vocab.get(term);
    if (id === undefined) continue;
    const skeleton = arabicSkeleton(surface);
    if (skeleton.length < MIN_SKELETON) continue;
    const list = skeletons.get(skeleton);
    if (!list) skeletons.set(skeleton, [id]);
    else if (!list.includes(id)) list.push(id);
  }
  return skeletons;
}

/** True when a sorted id array holds the id (binary search). */
export function hasTerm(sorted: Uint32Array, id: number): boolean {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = sorted[mid]!;
    if (v === id) return true;
    if (v < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}
