import { createHash } from "node:crypto";
import path from "node:path";
import { loadCorpus } from "../corpus/load.js";
import { loadLexicon } from "../lexicon/lexicon.js";
import { Engine, type CreateEngineOptions } from "./engine.js";
import { buildSearchIndex } from "./index.js";
import { fileRecords, indexKey, loadIndex, saveIndex, StaleIndexError } from "./persist.js";

export interface OpenEngineOptions extends CreateEngineOptions {
  /** Folder of persisted indexes (INDEX_CACHE_DIR). Defaults to ".cache". */
  cacheDir?: string;
  /** What happened to the persisted index, for logs and the benchmark. Defaults to none. */
  onIndexEvent?: (event: IndexEvent) => void;
}

export type IndexEvent =
  | { kind: "hashed"; files: number; bytes: number; ms: number }
  | { kind: "loaded"; file: string; bytes: number; ms: number }
  | { kind: "rebuilding"; file: string; reason: string }
  | { kind: "built"; ms: number; chunks: number }
  | { kind: "saved"; file: string; bytes: number; ms: number }
  | { kind: "save-failed"; file: string; reason: string };

/** The index file of a set of corpus folders inside the cache folder (one file per set, overwritten on rebuild). */
export function indexFileFor(folders: readonly string[], cacheDir: string): string {
  const id = createHash("sha1")
    .update(folders.map((f) => path.resolve(f)).join("\n"))
    .digest("hex")
    .slice(0, 16);
  return path.join(cacheDir, `index-${id}.bin`);
}

/**
 * Like createEngine, through the persisted index: load it when it is current (same corpus content, lexicon, code and
 * format); otherwise read the corpus, build, save, and serve. A missing, stale or damaged file is rebuilt, never
 * trusted; a failed save is reported and the built index is served anyway.
 */
export async function openEngine(folders: readonly string[], options: OpenEngineOptions = {}): Promise<Engine> {
  const cacheDir = options.cacheDir ?? ".cache";
  const event = options.onIndexEvent ?? (() => {});
  const lexicon = options.lexicon ?? loadLexicon();
  const file = indexFileFor(folders, cacheDir);
  const key = await indexKey({
    folders,
    lexiconFingerprint: lexicon.fingerprint,
    options: { maxFileBytes: options.maxFileBytes ?? null },
    exclude: cacheDir,
  });
  event({ kind: "hashed", files: key.files, bytes: key.bytes, ms: key.ms });
  try {
    const loaded = loadIndex(file, key.key, lexicon.protectedWords);
    event({ kind: "loaded", file, bytes: loaded.bytes, ms: loaded.ms });
    for (const w of loaded.warnings) options.onWarning?.(w);
    return new Engine(loaded.index, lexicon, loaded.warnings);
  } catch (error) {
    if (!(error instanceof StaleIndexError)) {
      event({ kind: "rebuilding", file, reason: `unreadable index (${(error as Error).message})` });
    } else {
      event({ kind: "rebuilding", file, reason: error.message });
    }
  }
  const started = performance.now();
  const corpus = await loadCorpus(folders, options);
  const index = buildSearchIndex(corpus.docs, { protectedWords: lexicon.protectedWords, onProgress: options.onIndexProgress });
  event({ kind: "built", ms: performance.now() - started, chunks: index.chunks.length });
  try {
    const saved = saveIndex(file, key.key, index, corpus.warnings, { base: key.base, files: fileRecords(corpus.docs, key.fingerprints) });
    event({ kind: "saved", file, bytes: saved.bytes, ms: saved.ms });
  } catch (error) {
    event({ kind: "save-failed", file, reason: (error as Error).message });
  }
  return new Engine(index, lexicon, corpus.warnings);
}
