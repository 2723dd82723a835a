import type { Chunk, Doc } from "../corpus/types.js";
import { termOf } from "../text/analyze.js";
import { designationTerm } from "../text/designations.js";
import { fold } from "../text/fold.js";
import { arabicSkeleton } from "../text/skeleton.js";
import { withoutPossessive } from "../text/stem.js";
import { tokenizeFolded } from "../text/tokenize.js";
import { Postings, PostingsBuilder } from "./postings.js";
import { TermLists } from "./term-lists.js";

/** Everything retrieval needs, built once per corpus and lexicon. Plain data and typed arrays: easy to persist. */
export interface SearchIndex {
  docs: Doc[];
  chunks: Chunk[];
  /** Chunk index → document index. */
  chunkDoc: Uint32Array;
  docIndex: Map<string, number>;
  chunkIndex: Map<string, number>;
  /** Term → term id; term id → term; term id → number of paragraphs holding it. */
  vocab: Map<string, number>;
  terms: string[];
  df: Uint32Array;
  /** Per paragraph, its sorted distinct term ids. */
  chunkTerms: TermLists;
  /** Per article, the sorted distinct term ids of its title. */
  titleTerms: TermLists;
  postings: Postings;
  /** Consonant skeleton of Arabic-script words → term ids, for names no lexicon knows. */
  skeletons: Map<string, number[]>;
  protectedWords: ReadonlySet<string>;
}

export interface BuildOptions {
  /** Folded words the stemmer must leave whole (names from the lexicon). Defaults to none. */
  protectedWords?: ReadonlySet<string>;
  /** Called with the number of paragraphs indexed so far, every 20,000 paragraphs. Defaults to none. */
  onProgress?: (chunks: number, total: number) => void;
}

const PROGRESS_EVERY = 20_000; // paragraphs
/** Shortest skeleton worth indexing: two consonants collide with too many words. */
const MIN_SKELETON = 3;
const ARABIC_WORD = /^[\u0621-\u064A\u0671-\u06D3]{3,}$/;

/** A per-build analyzer that remembers each distinct folded token's term (news vocabulary repeats a lot). */
export class CachedAnalyzer {
  private readonly cache = new Map<string, string | null>();
  constructor(private readonly protectedWords: ReadonlySet<string>) {}

  /** Terms of a text, in order, as the index reads an article in that language (see withoutPossessive). */
  terms(text: string, lang?: string): string[] {
    const out: string[] = [];
    for (const token of tokenizeFolded(fold(text))) {
      const term = this.term(lang === "ar" ? withoutPossessive(token) : token);
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

/**
 * The tokens, each designation written as two words («سوخوي 30», «إف-35», "SU-57") followed by its one-word Latin
 * term ("su30"; see designations.ts): a question's "Su-30" then finds the two words only where they stand together.
 */
function* withDesignations(tokens: readonly string[]): Generator<string> {
  for (let i = 0; i < tokens.length; i++) {
    yield tokens[i]!;
    const joined = designationTerm(tokens[i - 1], tokens[i]!);
    if (joined !== undefined) yield joined;
  }
}

export function buildSearchIndex(docs: Doc[], options: BuildOptions = {}): SearchIndex {
  const protectedWords = options.protectedWords ?? new Set<string>();
  const analyzer = new CachedAnalyzer(protectedWords);
  const vocab = new Map<string, number>();
  const terms: string[] = [];
  const dfList: number[] = [];
  // Per term id, scratch: the last chunk/document that counted it (1-based) and its frequency in that chunk.
  const chunkStamp: number[] = [];
  const docStamp: number[] = [];
  const chunkTf: number[] = [];
  // Folded token → term id (-1 for stop words and noise): one map lookup per token on the hot path.
  const tokenIds = new Map<string, number>();
  const idOfToken = (token: string): number => {
    let id = tokenIds.get(token);
    if (id !== undefined) return id;
    const term = analyzer.term(token);
    if (term === null) id = -1;
    else {
      id = vocab.get(term);
      if (id === undefined) {
        id = terms.length;
        vocab.set(term, id);
        terms.push(term);
        dfList.push(0);
        chunkStamp.push(0);
        docStamp.push(0);
        chunkTf.push(0);
      }
    }
    tokenIds.set(token, id);
    return id;
  };

  const chunks: Chunk[] = [];
  const chunkDoc = new Uint32Array(docs.reduce((n, d) => n + d.chunks.length, 0));
  const docIndex = new Map<string, number>();
  const chunkIndex = new Map<string, number>();
  const postings = new PostingsBuilder();
  const titleLists = new IdListBuilder();
  const total = chunkDoc.length;
  const ids: number[] = [];
  const tfs: number[] = [];
  const docIds: number[] = [];

  for (let d = 0; d < docs.length; d++) {
    const doc = docs[d]!;
    docIndex.set(doc.id, d);
    docIds.length = 0;
    // The title: its distinct terms (with frequencies) for the title field; they also belong to the document.
    ids.length = 0;
    tfs.length = 0;
    const titleStamp = -(d + 1); // title counts use the chunk scratch with a stamp no chunk uses
    // In an Arabic article «قنصليتها» is the consulate's («قنصلية»); see withoutPossessive.
    const arabic = doc.lang === "ar";
    for (const token of withDesignations(tokenizeFolded(fold(doc.source.title)))) {
      const id = idOfToken(arabic ? withoutPossessive(token) : token);
      if (id < 0) continue;
      if (chunkStamp[id] !== titleStamp) {
        chunkStamp[id] = titleStamp;
        chunkTf[id] = 1;
        ids.push(id);
      } else chunkTf[id]!++;
      if (docStamp[id] !== d + 1) {
        docStamp[id] = d + 1;
        docIds.push(id);
      }
    }
    for (const id of ids) tfs.push(chunkTf[id]!);
    postings.addDoc(ids, tfs);
    titleLists.add([...ids].sort(numeric));

    for (const chunk of doc.chunks) {
      const c = chunks.length;
      chunks.push(chunk);
      chunkDoc[c] = d;
      chunkIndex.set(chunk.id, c);
      ids.length = 0;
      tfs.length = 0;
      for (const token of withDesignations(tokenizeFolded(fold(chunk.text)))) {
        const id = idOfToken(arabic ? withoutPossessive(token) : token);
        if (id < 0) continue;
        if (chunkStamp[id] !== c + 1) {
          chunkStamp[id] = c + 1;
          chunkTf[id] = 1;
          ids.push(id);
          dfList[id]!++;
          if (docStamp[id] !== d + 1) {
            docStamp[id] = d + 1;
            docIds.push(id);
          }
        } else chunkTf[id]!++;
      }
      ids.sort(numeric);
      for (const id of ids) tfs.push(chunkTf[id]!);
      postings.addChunk(ids, tfs);
      if (chunks.length % PROGRESS_EVERY === 0) options.onProgress?.(chunks.length, total);
    }
    postings.endDoc();
  }

  const data = postings.build(terms.length);
  return {
    docs,
    chunks,
    chunkDoc,
    docIndex,
    chunkIndex,
    vocab,
    terms,
    df: Uint32Array.from(dfList),
    chunkTerms: postings.chunkTermLists(),
    titleTerms: titleLists.lists(),
    skeletons: buildSkeletons(analyzer, vocab),
    postings: new Postings(data, vocab),
    protectedWords,
  };
}

const numeric = (a: number, b: number) => a - b;

/** Sorted id lists concatenated into one buffer (no per-list allocation). */
export class IdListBuilder {
  private buffer = new Uint32Array(1 << 16);
  private length = 0;
  private readonly starts: number[] = [0];

  add(sortedIds: readonly number[]): void {
    const need = this.length + sortedIds.length;
    if (need > this.buffer.length) {
      let size = this.buffer.length;
      while (size < need) size *= 2;
      const grown = new Uint32Array(size);
      grown.set(this.buffer.subarray(0, this.length));
      this.buffer = grown;
    }
    for (let i = 0; i < sortedIds.length; i++) this.buffer[this.length + i] = sortedIds[i]!;
    this.length = need;
    this.starts.push(need);
  }

  lists(): TermLists {
    return new TermLists(this.buffer.slice(0, this.length), Uint32Array.from(this.starts));
  }
}

/** Distinct term ids of a term list (sorted) with their frequencies. */
function countTerms(list: readonly string[], idOf: (term: string) => number): { ids: Uint32Array; tfs: Uint16Array } {
  const counts = new Map<number, number>();
  for (const term of list) {
    const id = idOf(term);
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  const ids = Uint32Array.from(counts.keys()).sort();
  return { ids, tfs: Uint16Array.from(ids, (id) => counts.get(id)!) };
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
