import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadLexicon } from "../../src/lexicon/lexicon.js";
import { createEngine, Engine } from "../../src/search/engine.js";
import { indexKey, loadIndex } from "../../src/search/persist.js";
import { SegmentedEngine } from "../../src/search/segments.js";
import type { BuildJob } from "../../src/serve/build.js";
import { buildIndexFile } from "../../src/serve/build.js";
import { buildInProcess, buildInWorker, type IndexBuilder } from "../../src/serve/builder.js";
import { EngineHolder, type HolderLog } from "../../src/serve/holder.js";

const lexicon = loadLexicon();
const QUESTIONS = ["لافروف في طهران", "Lavrov visit to Tehran", "سفر لاوروف به تهران", "Jalali ambassador", "nothing about bananas"];
const NEW_ARTICLE = "zz_new.txt";
const NEW_TEXT = "بعثة فلكية في زحلستان\n\nزارت بعثة الكواكب البعيدة مدينة زحلستان لبحث التعاون في مجال الفلك والمراصد الحديثة.\n";

let dir: string;
let corpus: string;
let cache: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "holder-test-"));
  corpus = path.join(dir, "corpus");
  cache = path.join(dir, "cache");
  cpSync("seeds", corpus, { recursive: true });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function recordingLog(): HolderLog & { lines: { level: string; msg: string; fields?: Record<string, unknown> }[] } {
  const lines: { level: string; msg: string; fields?: Record<string, unknown> }[] = [];
  const at = (level: string) => (msg: string, fields?: Record<string, unknown>) => void lines.push({ level, msg, ...(fields ? { fields } : {}) });
  return { lines, debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") };
}

const open = (options: Partial<Parameters<typeof EngineHolder.open>[0]> = {}) =>
  EngineHolder.open({ folders: [corpus], cacheDir: cache, lexicon, onWarning: () => {}, ...options });
const answers = (engine: Engine) => QUESTIONS.map((q) => engine.search(q, { limit: 10 }));
const sha1 = (file: string) => createHash("sha1").update(readFileSync(file)).digest("hex");

async function jobFor(file: string): Promise<BuildJob> {
  const key = await indexKey({ folders: [corpus], lexiconFingerprint: lexicon.fingerprint, options: { maxFileBytes: null }, exclude: cache });
  return { folders: [corpus], file, key: key.key, base: key.base, fingerprints: key.fingerprints, protectedWords: [...lexicon.protectedWords] };
}

describe.each([
  { where: "a worker thread", builder: buildInWorker },
  { where: "a child process", builder: buildInProcess },
])("building in $where", ({ builder }) => {
  it("builds (TypeScript through tsx) the same index file as an in-thread build", async () => {
    const job = await jobFor(path.join(cache, "built.bin"));
    const done = await builder(job, () => {});
    const inThread = await buildIndexFile({ ...job, file: path.join(cache, "thread.bin") });
    expect(done.paragraphs).toBe(inThread.paragraphs);
    const built = new Engine(loadIndex(job.file, job.key, lexicon.protectedWords).index, lexicon);
    const fresh = await createEngine([corpus], { lexicon, onWarning: () => {} });
    expect(answers(built)).toEqual(answers(fresh));
    expect(readFileSync(job.file).equals(readFileSync(path.join(cache, "thread.bin")))).toBe(true);
  });

  it("reports a failing build as an error", async () => {
    const job = await jobFor(path.join(cache, "x.bin"));
    await expect(builder({ ...job, folders: [path.join(dir, "missing")] }, () => {})).rejects.toThrow(/not found/);
  });

  it("stops when aborted, writing no file", async () => {
    const job = await jobFor(path.join(cache, "stopped.bin"));
    const controller = new AbortController();
    const build = builder(job, () => {}, controller.signal);
    controller.abort();
    await expect(build).rejects.toThrow(/stopped/);
    expect(existsSync(job.file)).toBe(false);
  });
});

describe("EngineHolder", () => {
  it("with no index: not ready (an empty engine) until the background build is served", async () => {
    const log = recordingLog();
    const holder = await open({ log });
    expect(holder.ready).toBe(false);
    expect(holder.current.docs).toHaveLength(0);
    await holder.idle();
    expect(holder.ready).toBe(true);
    expect(holder.current.search("لافروف في طهران").results.length).toBeGreaterThan(0);
    expect(log.lines.map((l) => l.msg)).toEqual(expect.arrayContaining(["no usable index: indexing in the background", "indexing the corpus", "index serving"]));
    // The next start loads it.
    const again = await open();
    expect(again.ready).toBe(true);
    expect(again.busy).toBe(false);
  });

  it("swaps atomically: the old engine serves, whole, until the new one replaces it in one step", async () => {
    const holder = await open();
    await holder.idle();
    const before = holder.current;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const slow: IndexBuilder = async (job, onProgress) => {
      await gate;
      return buildInWorker(job, onProgress);
    };
    const slowHolder = await open({ builder: slow });
    const first = slowHolder.current;
    writeFileSync(path.join(corpus, NEW_ARTICLE), NEW_TEXT);
    const pending = slowHolder.reload({ full: true });
    const seen = new Set<Engine>();
    for (let i = 0; i < 20; i++) {
      seen.add(slowHolder.current);
      expect(slowHolder.current.search("زحلستان").results).toHaveLength(0);
      await new Promise((r) => setTimeout(r, 5));
    }
    expect([...seen]).toEqual([first]);
    release();
    const outcome = await pending;
    expect(outcome).toMatchObject({ ok: true, mode: "full" });
    expect(slowHolder.current).not.toBe(first);
    expect(slowHolder.current.search("زحلستان").results).toHaveLength(1);
    expect(before.search("زحلستان").results).toHaveLength(0); // engines are immutable: a question in flight is unaffected
  });

  it("a failing build keeps the old engine serving and says why", async () => {
    const log = recordingLog();
    const failing: IndexBuilder = async () => {
      throw new Error("disk full");
    };
    const built = await open();
    await built.idle();
    const holder = await open({ builder: failing, log });
    const engine = holder.current;
    writeFileSync(path.join(corpus, NEW_ARTICLE), NEW_TEXT);
    const outcome = await holder.reload();
    expect(outcome).toMatchObject({ ok: false, reason: "disk full" });
    expect(holder.current).toBe(engine);
    expect(holder.ready).toBe(true);
    expect(holder.failure).toBe("disk full");
    expect(log.lines.find((l) => l.level === "error")).toMatchObject({ msg: expect.stringMatching(/failed/), fields: { reason: "disk full" } });
    expect(holder.current.search("لافروف في طهران").results.length).toBeGreaterThan(0);
  });

  it("coalesces reloads asked for during a build into one more", async () => {
    let builds = 0;
    const counting: IndexBuilder = (job, p, s) => (builds++, buildInWorker(job, p, s));
    const holder = await open({ builder: counting });
    await holder.idle();
    expect(builds).toBe(1);
    const a = holder.reload({ full: true });
    const b = holder.reload({ full: true });
    const c = holder.reload({ full: true });
    expect(b).toBe(c);
    await Promise.all([a, b, c]);
    expect(builds).toBe(3);
  });
});

describe("incremental reload", () => {
  it("an added article is found without rebuilding the main index (its file untouched)", async () => {
    let fullBuilds = 0;
    const builder: IndexBuilder = (job, p, s) => (job.only ? undefined : fullBuilds++, buildInWorker(job, p, s));
    const holder = await open({ builder });
    await holder.idle();
    expect(fullBuilds).toBe(1);
    const mainHash = sha1(holder.mainFile);
    const mainTime = statSync(holder.mainFile).mtimeMs;
    const articles = holder.current.docs.length;

    writeFileSync(path.join(corpus, NEW_ARTICLE), NEW_TEXT);
    const outcome = await holder.reload();
    expect(outcome).toMatchObject({ ok: true, mode: "delta", files: 1, articles: articles + 1 });
    expect(fullBuilds).toBe(1);
    expect(sha1(holder.mainFile)).toBe(mainHash);
    expect(statSync(holder.mainFile).mtimeMs).toBe(mainTime);
    expect(holder.current).toBeInstanceOf(SegmentedEngine);
    const found = holder.current.search("زحلستان");
    expect(found.results).toHaveLength(1);
    expect(found.results[0]!.docId).toBe("zz_new");
    expect(holder.current.getDoc("zz_new")?.source.title).toBe("بعثة فلكية في زحلستان");
    // The seeds still answer as before.
    const fresh = await createEngine([corpus], { lexicon, onWarning: () => {} });
    expect(holder.current.search("لافروف في طهران").results.length).toBeGreaterThan(0);
    expect(holder.current.docs.map((d) => d.id).sort()).toEqual(fresh.docs.map((d) => d.id).sort());

    // A restart serves main + delta (the delta file is reused), still without a full build.
    let restartBuilds = 0;
    const restarted = await open({ builder: (job, p, s) => (restartBuilds++, buildInWorker(job, p, s)) });
    await restarted.idle();
    expect(restartBuilds).toBe(0);
    expect(restarted.current.search("زحلستان").results).toHaveLength(1);

    // A full rebuild folds the delta in.
    expect(await holder.reload({ full: true })).toMatchObject({ ok: true, mode: "full" });
    expect(holder.current).not.toBeInstanceOf(SegmentedEngine);
    expect(holder.current.search("زحلستان").results).toHaveLength(1);
    expect(await holder.reload()).toMatchObject({ ok: true, mode: "unchanged" });
  });

  it("a changed article replaces its old version and a deleted one disappears, main index untouched", async () => {
    const holder = await open();
    await holder.idle();
    const mainHash = sha1(holder.mainFile);
    const seed = holder.current.docs[0]!;
    const other = holder.current.docs[1]!;
    const seedFile = path.join(corpus, seed.source.file);
    writeFileSync(seedFile, readFileSync(seedFile, "utf8") + "\n\nزارت بعثة الكواكب البعيدة مدينة زحلستان لبحث التعاون في مجال الفلك.\n");
    unlinkSync(path.join(corpus, other.source.file));
    const outcome = await holder.reload();
    expect(outcome).toMatchObject({ ok: true, mode: "delta", files: 2 });
    expect(sha1(holder.mainFile)).toBe(mainHash);
    const engine = holder.current;
    expect(engine.getDoc(other.id)).toBeUndefined();
    expect(engine.docs.map((d) => d.id)).not.toContain(other.id);
    expect(engine.docs.filter((d) => d.id === seed.id)).toHaveLength(1);
    const hit = engine.search("زحلستان").results;
    expect(hit).toHaveLength(1);
    expect(hit[0]!.docId).toBe(seed.id);
    // Nothing of the deleted article is found any more; the changed one is found once per paragraph.
    for (const q of QUESTIONS) {
      const results = engine.search(q, { limit: 50 }).results;
      expect(results.filter((r) => r.docId === other.id)).toEqual([]);
      expect(new Set(results.map((r) => r.chunkId)).size).toBe(results.length);
    }
    // Same answers as a fresh build of the changed corpus, up to order.
    const fresh = await createEngine([corpus], { lexicon, onWarning: () => {} });
    for (const q of QUESTIONS) {
      const ids = (e: Engine) => e.search(q, { limit: 100 }).results.map((r) => r.chunkId).sort();
      expect(ids(engine)).toEqual(ids(fresh));
    }
  });

  it("a changed metadata file needs a full rebuild", async () => {
    const holder = await open();
    await holder.idle();
    const meta = path.join(corpus, "sources.json");
    writeFileSync(meta, readFileSync(meta, "utf8") + "\n");
    expect(await holder.reload()).toMatchObject({ ok: true, mode: "full", reason: expect.stringMatching(/sources\.json/) });
  });
});
