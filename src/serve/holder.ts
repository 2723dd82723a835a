/**
 * The engine the bot serves, behind a holder that can replace it while the bot keeps answering: builds run in a
 * child process (builder.ts) and write an index file; the holder loads that file and swaps the new engine in with
 * one assignment, so a question is always answered by one whole engine, old or new.
 *
 * Two segments (see SegmentedEngine): the main index, persisted and rebuilt in full only when it must be (no
 * index, other code or lexicon, a changed metadata file, a delta grown too large, or on request), and a delta index
 * of the files that are new or changed since the main index was built, so that adding an article indexes that
 * article only. The next full rebuild folds the delta into the main index.
 */
import { createHash } from "node:crypto";
import { stat } from "node:fs/promises";
import path from "node:path";
import { CorpusError } from "../corpus/load.js";
import type { CorpusWarning } from "../corpus/types.js";
import { loadLexicon, type Lexicon } from "../lexicon/lexicon.js";
import { Engine } from "../search/engine.js";
import { buildSearchIndex, type SearchIndex } from "../search/index.js";
import { indexFileFor } from "../search/open.js";
import { indexKey, loadIndex, type IndexKey, type IndexMeta } from "../search/persist.js";
import { SegmentedEngine } from "../search/segments.js";
import { buildInProcess, type IndexBuilder } from "./builder.js";
import { planReload, type PlanLimits } from "./plan.js";

type Fields = Record<string, unknown>;
/** Where the holder reports what it does (the bot's logger fits). */
export interface HolderLog {
  debug(msg: string, fields?: Fields): void;
  info(msg: string, fields?: Fields): void;
  warn(msg: string, fields?: Fields): void;
  error(msg: string, fields?: Fields): void;
}

export interface EngineHolderOptions {
  folders: readonly string[];
  /** Folder of persisted indexes (INDEX_CACHE_DIR). Defaults to ".cache". */
  cacheDir?: string;
  /** Defaults to the shipped lexicon. */
  lexicon?: Lexicon;
  /** Largest .txt/.md file read (see LoadOptions). Defaults to the loader's. */
  maxFileBytes?: number;
  /** Defaults to no logging. */
  log?: HolderLog;
  /** Called with the corpus warnings of each newly served index. Defaults to none. */
  onWarning?: (warning: CorpusWarning) => void;
  /** How indexes are built. Defaults to a child process (buildInProcess). */
  builder?: IndexBuilder;
  /** When a change is too large for a delta. Defaults to planReload's. */
  limits?: PlanLimits;
}

export type ReloadMode = "unchanged" | "delta" | "full";

export type ReloadOutcome =
  | {
      ok: true;
      mode: ReloadMode;
      /** Articles served now, warnings of the corpus. */
      articles: number;
      warnings: number;
      /** New, changed or removed files taken in (delta), or files read (full). */
      files: number;
      /** Why a full rebuild was needed. */
      reason?: string;
      ms: number;
    }
  | { ok: false; reason: string; ms: number };

interface MainSegment {
  index: SearchIndex;
  key: string;
  meta?: IndexMeta;
  warnings: CorpusWarning[];
}

const noLog: HolderLog = { debug() {}, info() {}, warn() {}, error() {} };
const rounded = (ms: number) => Math.round(ms);

export class EngineHolder {
  private engine: Engine;
  private isReady = false;
  private lastFailure: string | undefined;
  private readonly closed = new AbortController();
  private main: MainSegment | undefined;
  private running: Promise<ReloadOutcome> | undefined;
  private next: { full: boolean; promise: Promise<ReloadOutcome> } | undefined;
  private readonly lexicon: Lexicon;
  private readonly cacheDir: string;
  private readonly log: HolderLog;
  private readonly builder: IndexBuilder;
  readonly mainFile: string;
  readonly deltaFile: string;

  private constructor(private readonly options: EngineHolderOptions) {
    this.lexicon = options.lexicon ?? loadLexicon();
    this.cacheDir = options.cacheDir ?? ".cache";
    this.log = options.log ?? noLog;
    this.builder = options.builder ?? buildInProcess;
    this.mainFile = indexFileFor(options.folders, this.cacheDir);
    this.deltaFile = this.mainFile.replace(/\.bin$/, ".delta.bin");
    this.engine = new Engine(buildSearchIndex([], { protectedWords: this.lexicon.protectedWords }), this.lexicon);
  }

  /**
   * Serve what the cache holds and bring it up to date in the background. A current index is served at once; an
   * older one (another corpus, lexicon or code) is served while a delta or a full rebuild runs; with none, the
   * holder is not `ready` (an empty engine answers) until the first build is done. Never waits for a build.
   */
  static async open(options: EngineHolderOptions): Promise<EngineHolder> {
    // A folder that is not there is a configuration error, reported at once (not after a background build).
    for (const folder of options.folders) {
      const info = await stat(folder).catch(() => undefined);
      if (!info) throw new CorpusError(`corpus folder not found: ${folder}`);
      if (!info.isDirectory()) throw new CorpusError(`corpus path is not a folder: ${folder}`);
    }
    const holder = new EngineHolder(options);
    const key = await holder.hash();
    try {
      const loaded = loadIndex(holder.mainFile, key.key, holder.lexicon.protectedWords, { anyKey: true });
      holder.main = { index: loaded.index, key: loaded.key, ...(loaded.meta ? { meta: loaded.meta } : {}), warnings: loaded.warnings };
      holder.swap(new Engine(loaded.index, holder.lexicon, loaded.warnings), loaded.warnings);
      const current = loaded.key === key.key;
      holder.log.info(current ? "index loaded" : "serving the previous index while the corpus is re-indexed", {
        file: holder.mainFile,
        ms: rounded(loaded.ms),
        articles: loaded.index.docs.length,
        paragraphs: loaded.index.chunks.length,
      });
      if (current) return holder;
    } catch (error) {
      holder.log.info("no usable index: indexing in the background", { file: holder.mainFile, reason: (error as Error).message });
    }
    void holder.reload({ key });
    return holder;
  }

  /** The engine to answer with now (an empty one until the first index is ready). Read it once per question. */
  get current(): Engine {
    return this.engine;
  }

  /** False only while the very first index is being built: the bot then says so instead of answering. */
  get ready(): boolean {
    return this.isReady;
  }

  /** Why the last reload failed, until one succeeds. */
  get failure(): string | undefined {
    return this.lastFailure;
  }

  /** True while a build or reload runs. */
  get busy(): boolean {
    return this.running !== undefined;
  }

  /**
   * Bring the served engine up to date with the corpus folders, in the background: a delta of new and changed
   * files when possible, else a full rebuild (always with `full`). Resolves when the new engine is served, or with
   * why not (the previous engine keeps serving). One reload runs at a time; requests during one are coalesced into
   * one more after it.
   */
  reload(options: { full?: boolean; key?: IndexKey } = {}): Promise<ReloadOutcome> {
    if (this.closed.signal.aborted) return Promise.resolve({ ok: false, reason: "stopping", ms: 0 });
    if (!this.running) return this.launch(options.full === true, options.key);
    if (this.next) {
      this.next.full ||= options.full === true;
      return this.next.promise;
    }
    const next = { full: options.full === true, promise: undefined as unknown as Promise<ReloadOutcome> };
    next.promise = this.running.then(() => {
      this.next = undefined;
      return this.launch(next.full);
    });
    this.next = next;
    return next.promise;
  }

  /** Stop a running build (the process is stopping); the engine served stays. */
  close(): void {
    this.closed.abort();
  }

  /** Resolves when no reload is running or queued (tests, the terminal chat). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private launch(full: boolean, key?: IndexKey): Promise<ReloadOutcome> {
    const promise: Promise<ReloadOutcome> = this.run(full, key).finally(() => {
      if (this.running === promise) this.running = undefined;
    });
    this.running = promise;
    return promise;
  }

  private swap(engine: Engine, warnings: readonly CorpusWarning[]): void {
    this.engine = engine;
    this.isReady = true;
    for (const w of warnings) this.options.onWarning?.(w);
  }

  private hash(): Promise<IndexKey> {
    return indexKey({
      folders: this.options.folders,
      lexiconFingerprint: this.lexicon.fingerprint,
      options: { maxFileBytes: this.options.maxFileBytes ?? null },
      exclude: this.cacheDir,
    });
  }

  private job(key: IndexKey, file: string, only?: string[]) {
    return {
      folders: [...this.options.folders],
      file,
      key: file === this.mainFile ? key.key : this.deltaKey(key),
      base: key.base,
      fingerprints: only ? key.fingerprints.filter((f) => f.path && only.includes(f.path)) : key.fingerprints,
      protectedWords: [...this.lexicon.protectedWords],
      ...(this.options.maxFileBytes !== undefined ? { maxFileBytes: this.options.maxFileBytes } : {}),
      ...(only ? { only } : {}),
    };
  }

  /** A delta is valid for one main index and one state of the corpus. */
  private deltaKey(key: IndexKey): string {
    return createHash("sha1").update(`delta ${this.main?.key}\n${key.key}`).digest("hex");
  }

  private async run(full: boolean, known?: IndexKey): Promise<ReloadOutcome> {
    const started = performance.now();
    const took = () => rounded(performance.now() - started);
    try {
      const key = known ?? (await this.hash());
      this.log.debug("corpus hashed", { files: key.files, bytes: key.bytes, ms: rounded(key.ms) });
      const plan = full ? ({ kind: "full", reason: "requested" } as const) : planReload(this.main, key, this.options.limits);
      if (plan.kind === "current") {
        if (this.engine instanceof SegmentedEngine || this.engine.index !== this.main!.index) this.swap(new Engine(this.main!.index, this.lexicon, this.main!.warnings), []);
        return this.done({ ok: true, mode: "unchanged", articles: this.engine.docs.length, warnings: this.engine.warnings.length, files: 0, ms: took() });
      }
      if (plan.kind === "delta" && this.main) {
        const main = this.main;
        const only = plan.changed.map((f) => f.path!).filter(Boolean);
        let delta: SearchIndex | undefined;
        let deltaWarnings: CorpusWarning[] = [];
        if (only.length > 0) {
          const loaded = this.tryLoad(this.deltaFile, this.deltaKey(key));
          if (loaded) {
            delta = loaded.index;
            deltaWarnings = loaded.warnings;
          } else {
            this.log.info("indexing new and changed files", { files: only.length, bytes: plan.bytes, removed: plan.removed.length });
            const built = await this.builder(this.job(key, this.deltaFile, only), (p) => this.log.debug("indexing progress", { mode: "delta", ...p }), this.closed.signal);
            const reloaded = loadIndex(this.deltaFile, this.deltaKey(key), this.lexicon.protectedWords);
            delta = reloaded.index;
            deltaWarnings = reloaded.warnings;
            this.log.debug("delta built", { articles: built.articles, paragraphs: built.paragraphs, ms: rounded(built.buildMs), load_ms: rounded(reloaded.ms) });
          }
          // An article id read again (moved to another file, or re-read) replaces the main index's.
          for (const doc of delta.docs) if (main.index.docIndex.has(doc.id)) plan.hidden.add(doc.id);
        }
        const shownChanged = new Set([...plan.changed, ...plan.removed].map((f) => path.join(this.options.folders[f.folder]!, f.rel)));
        const mainWarnings = main.warnings.filter((w) => !shownChanged.has(w.file));
        deltaWarnings = deltaWarnings.filter((w) => shownChanged.has(w.file));
        const engine = new SegmentedEngine(main.index, this.lexicon, mainWarnings, { ...(delta ? { delta } : {}), hidden: plan.hidden, deltaWarnings });
        this.swap(engine, deltaWarnings);
        return this.done({ ok: true, mode: "delta", articles: engine.docs.length, warnings: engine.warnings.length, files: plan.changed.length + plan.removed.length, ms: took() });
      }
      const reason = plan.kind === "full" ? plan.reason : "no index yet";
      this.log.info("indexing the corpus", { reason, files: key.files, bytes: key.bytes });
      let lastLog = 0;
      const built = await this.builder(this.job(key, this.mainFile), (p) => {
        // Progress: a line at most every 5 s (a large archive takes a minute).
        if (performance.now() - lastLog < 5000) return;
        lastLog = performance.now();
        this.log.info("indexing progress", p.phase === "reading" ? { phase: p.phase, articles: p.articles } : { phase: p.phase, paragraphs: p.paragraphs, total: p.total });
      }, this.closed.signal);
      const loaded = loadIndex(this.mainFile, key.key, this.lexicon.protectedWords);
      this.main = { index: loaded.index, key: key.key, ...(loaded.meta ? { meta: loaded.meta } : {}), warnings: loaded.warnings };
      this.swap(new Engine(loaded.index, this.lexicon, loaded.warnings), loaded.warnings);
      this.log.debug("index built", { articles: built.articles, paragraphs: built.paragraphs, build_ms: rounded(built.buildMs), save_ms: rounded(built.saveMs), load_ms: rounded(loaded.ms), bytes: built.bytes });
      return this.done({ ok: true, mode: "full", reason, articles: built.articles, warnings: loaded.warnings.length, files: key.files, ms: took() });
    } catch (error) {
      const reason = (error as Error)?.message ?? String(error);
      return this.done({ ok: false, reason, ms: took() });
    }
  }

  private tryLoad(file: string, key: string) {
    try {
      return loadIndex(file, key, this.lexicon.protectedWords);
    } catch {
      return undefined;
    }
  }

  private done(outcome: ReloadOutcome): ReloadOutcome {
    this.lastFailure = outcome.ok ? undefined : outcome.reason;
    if (outcome.ok) {
      this.log.info("index serving", { mode: outcome.mode, articles: outcome.articles, warnings: outcome.warnings, files: outcome.files, ms: outcome.ms, ...(outcome.reason ? { reason: outcome.reason } : {}) });
    } else {
      this.log.error("index build failed; the previous index keeps serving", { reason: outcome.reason, ms: outcome.ms, ready: this.isReady });
    }
    return outcome;
  }
}
