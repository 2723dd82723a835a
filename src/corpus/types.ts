import type { Lang } from "../text/fold.js";

/** What is known about an article's source. Every field is optional: unknown facts are left out, never guessed. */
export interface SourceInfo {
  title: string;
  outlet?: string;
  /** ISO date (YYYY-MM-DD or a full timestamp) when the article states it. */
  published?: string;
  /** The date as the article states it when it is incomplete (e.g. "13 October"), shown instead of `published`. */
  dateText?: string;
  url?: string;
  category?: string;
  /** The file the article was read from, relative to the corpus folder. */
  file: string;
}

/** One article, cleaned: boilerplate removed, split into paragraphs. */
export interface Doc {
  id: string;
  lang: Lang;
  source: SourceInfo;
  /** Cleaned paragraphs, as chunks, in article order. */
  chunks: Chunk[];
}

/** A paragraph-sized piece of an article: the unit of retrieval. */
export interface Chunk {
  /** `<docId>#<n>`: stable across runs for the same article text. */
  id: string;
  docId: string;
  /** 1-based position in the article, shown to users as the paragraph number. */
  n: number;
  /** The original (not folded) text. */
  text: string;
}

/** Something wrong with one corpus file or line, reported and skipped while the rest is served. */
export interface CorpusWarning {
  file: string;
  line?: number;
  message: string;
}
