/**
 * Building an index file: reading the corpus (all of it, or only new and changed files for a delta), indexing,
 * and saving it with its file records. Runs in a child process (process-body.ts) or a worker thread (worker.ts) so
 * that the bot keeps answering; `buildIndexFile` is the same work in the calling thread (tests, and the reference
 * the other two are checked against).
 */
import { loadCorpus } from "../corpus/load.js";
import type { CorpusWarning } from "../corpus/types.js";
import { buildSearchIndex } from "../search/index.js";
import { fileRecords, saveIndex, type FileFingerprint } from "../search/persist.js";

export interface BuildJob {
  folders: string[];
  /** The index file to write (atomically). */
  file: string;
  /** Key and base written into the file (see IndexKey). */
  key: string;
  base: string;
  /** Fingerprints of the files read, in walk order (with `path` for `only`). */
  fingerprints: FileFingerprint[];
  /** Folded words the stemmer leaves whole (lexicon.protectedWords). */
  protectedWords: string[];
  maxFileBytes?: number;
  /** Read only these files (absolute paths): a delta. Defaults to every file. */
  only?: string[];
}

export type BuildProgress = { phase: "reading"; articles: number } | { phase: "indexing"; paragraphs: number; total: number };

export interface BuildDone {
  articles: number;
  paragraphs: number;
  warnings: CorpusWarning[];
  bytes: number;
  /** Reading and indexing, then saving, in milliseconds. */
  buildMs: number;
  saveMs: number;
}

export async function buildIndexFile(job: BuildJob, onProgress: (p: BuildProgress) => void = () => {}): Promise<BuildDone> {
  const started = performance.now();
  const corpus = await loadCorpus(job.folders, {
    ...(job.maxFileBytes !== undefined ? { maxFileBytes: job.maxFileBytes } : {}),
    ...(job.only ? { only: new Set(job.only) } : {}),
    onProgress: (articles) => onProgress({ phase: "reading", articles }),
  });
  const index = buildSearchIndex(corpus.docs, {
    protectedWords: new Set(job.protectedWords),
    onProgress: (paragraphs, total) => onProgress({ phase: "indexing", paragraphs, total }),
  });
  const buildMs = performance.now() - started;
  const files = fileRecords(corpus.docs, job.fingerprints);
  const saved = saveIndex(job.file, job.key, index, corpus.warnings, { base: job.base, files });
  return { articles: index.docs.length, paragraphs: index.chunks.length, warnings: corpus.warnings, bytes: saved.bytes, buildMs, saveMs: saved.ms };
}
