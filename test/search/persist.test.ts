import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Chunk } from "../../src/corpus/types.js";
import { loadLexicon } from "../../src/lexicon/lexicon.js";
import { createEngine, type Engine } from "../../src/search/engine.js";
import { indexFileFor, openEngine, type IndexEvent } from "../../src/search/open.js";
import { indexKey, loadIndex, saveIndex, StaleIndexError } from "../../src/search/persist.js";
import { listsIn } from "../support/shared.js";

const QUESTIONS = [
  "لافروف في طهران",
  "Lavrov visit to Tehran",
  "What did Pezeshkian say about Russia?",
  "سفر لاوروف به تهران",
  "الاتفاقية الاستراتيجية الشاملة بين إيران وروسيا",
  "Jalali ambassador",
  "nothing about bananas",
  "",
];

const lexicon = loadLexicon();
let dir: string;
let corpus: string;
let cache: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "persist-test-"));
  corpus = path.join(dir, "corpus");
  cache = path.join(dir, "cache");
  cpSync("seeds", corpus, { recursive: true });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function open(events: IndexEvent[] = [], lex = lexicon): Promise<Engine> {
  return openEngine([corpus], { cacheDir: cache, lexicon: lex, onWarning: () => {}, onIndexEvent: (e) => events.push(e) });
}

const kinds = (events: IndexEvent[]) => events.map((e) => e.kind).filter((k) => k !== "hashed");
/** What a chunk says, as a plain object (a loaded one reads its text through a getter). */
const plainChunk = ({ id, docId, n, text }: Chunk) => ({ id, docId, n, text });
const answers = (engine: Engine) => QUESTIONS.map((q) => engine.search(q, { limit: 10 }));

describe("persisted index", () => {
  it("round-trips: a loaded index gives the same answers and the same structures as a fresh build", async () => {
    const fresh = await createEngine([corpus], { lexicon, onWarning: () => {} });
    const first: IndexEvent[] = [];
    const built = await open(first);
    expect(kinds(first)).toEqual(["rebuilding", "built", "saved"]);
    const second: IndexEvent[] = [];
    const loaded = await open(second);
    expect(kinds(second)).toEqual(["loaded"]);

    expect(answers(loaded)).toEqual(answers(fresh));
    expect(answers(built)).toEqual(answers(fresh));
    const a = fresh.index;
    const b = loaded.index;
    expect(b.docs.map((d) => ({ ...d, chunks: d.chunks.map(plainChunk) }))).toEqual(a.docs.map((d) => ({ ...d, chunks: d.chunks.map(plainChunk) })));
    // A loaded chunk reads its text from the file when asked (StoredChunk): compare what a chunk says.
    expect(b.chunks.map(plainChunk)).toEqual(a.chunks.map(plainChunk));
    expect(b.terms).toEqual(a.terms);
    expect([...b.vocab]).toEqual([...a.vocab]);
    expect(Array.from(b.df)).toEqual(Array.from(a.df));
    expect(Array.from(b.chunkDoc)).toEqual(Array.from(a.chunkDoc));
    expect(listsIn(b.chunkTerms)).toEqual(listsIn(a.chunkTerms));
    expect(listsIn(b.titleTerms)).toEqual(listsIn(a.titleTerms));
    expect([...b.skeletons]).toEqual([...a.skeletons]);
    expect([...b.docIndex]).toEqual([...a.docIndex]);
    expect([...b.chunkIndex]).toEqual([...a.chunkIndex]);
    expect(b.postings.data.avgTextLength).toBe(a.postings.data.avgTextLength);
    expect(b.postings.data.avgTitleLength).toBe(a.postings.data.avgTitleLength);
    for (const term of a.terms.slice(0, 200)) {
      expect(b.postings.search({ combineWith: "OR", queries: [term] })).toEqual(a.postings.search({ combineWith: "OR", queries: [term] }));
    }
    expect(plainChunk(loaded.getChunk(a.chunks[3]!.id)!)).toEqual(plainChunk(a.chunks[3]!));
    expect(loaded.getDoc(a.docs[1]!.id)?.source).toEqual(a.docs[1]!.source);
  });

  it("writes the same bytes for a loaded index as for the built one (sections made twice, views not copied)", async () => {
    const built = await createEngine([corpus], { lexicon, onWarning: () => {} });
    const a = path.join(dir, "a.bin");
    const b = path.join(dir, "b.bin");
    saveIndex(a, "key", built.index, [], { base: "base", files: [] });
    const loaded = loadIndex(a, "key", lexicon.protectedWords);
    saveIndex(b, "key", loaded.index, loaded.warnings, { base: "base", files: [] });
    expect(readFileSync(b).equals(readFileSync(a))).toBe(true);
  });

  it("leaves paragraph texts in the file and reads them there, even after a rebuild replaced or removed the file", async () => {
    const built = await createEngine([corpus], { lexicon, onWarning: () => {} });
    const texts = built.index.chunks.map((c) => c.text);
    const file = path.join(dir, "index.bin");
    saveIndex(file, "key", built.index);
    const replaced = loadIndex(file, "key", lexicon.protectedWords).index;
    const removed = loadIndex(file, "key", lexicon.protectedWords).index;

    // A rebuild writes a new file (here of another corpus) and renames it over the old one.
    const otherCorpus = path.join(dir, "other");
    mkdirSync(otherCorpus);
    writeFileSync(path.join(otherCorpus, "x.txt"), "مقال آخر\n\nنص مختلف تماما عن المقالات الأخرى في هذا المجلد.\n");
    const other = await createEngine([otherCorpus], { lexicon, onWarning: () => {} });
    saveIndex(path.join(dir, "other.bin"), "key", other.index);
    renameSync(path.join(dir, "other.bin"), file);
    // First reads after the swap: each index still reads its own file.
    expect(replaced.chunks.map((c) => c.text)).toEqual(texts);
    expect(texts.some((t) => /[\u0621-\u064a]/.test(t))).toBe(true);
    rmSync(file);
    expect(removed.chunks.map((c) => c.text)).toEqual(texts);
  });

  it("rebuilds a file whose paragraph text was altered (the checksum covers the texts left in the file)", async () => {
    await open();
    const file = indexFileFor([corpus], cache);
    const bytes = readFileSync(file);
    const built = await createEngine([corpus], { lexicon, onWarning: () => {} });
    const at = bytes.indexOf(Buffer.from(built.index.chunks[2]!.text, "utf8"));
    expect(at).toBeGreaterThan(0);
    bytes[at + 4] = bytes[at + 4]! ^ 0x01;
    writeFileSync(file, bytes);
    const events: IndexEvent[] = [];
    await open(events);
    expect(kinds(events)).toEqual(["rebuilding", "built", "saved"]);
    expect(events.find((e) => e.kind === "rebuilding")).toMatchObject({ reason: expect.stringMatching(/damaged/) });
  });

  it("keeps corpus warnings across a load", async () => {
    writeFileSync(path.join(corpus, "empty.txt"), "   \n");
    const fresh: string[] = [];
    await openEngine([corpus], { cacheDir: cache, lexicon, onWarning: (w) => fresh.push(w.message) });
    const replayed: string[] = [];
    const loaded = await openEngine([corpus], { cacheDir: cache, lexicon, onWarning: (w) => replayed.push(w.message) });
    expect(fresh.length).toBeGreaterThan(0);
    expect(replayed).toEqual(fresh);
    expect(loaded.warnings.map((w) => w.message)).toEqual(fresh);
  });

  it("rebuilds a damaged file (one flipped byte) instead of trusting it", async () => {
    await open();
    const file = indexFileFor([corpus], cache);
    const bytes = readFileSync(file);
    const at = Math.floor(bytes.length * 0.7);
    bytes[at] = bytes[at]! ^ 0x5a;
    writeFileSync(file, bytes);
    const events: IndexEvent[] = [];
    const engine = await open(events);
    expect(kinds(events)).toEqual(["rebuilding", "built", "saved"]);
    expect(events.find((e) => e.kind === "rebuilding")).toMatchObject({ reason: expect.stringMatching(/damaged|disagree|mismatch/) });
    const fresh = await createEngine([corpus], { lexicon, onWarning: () => {} });
    expect(answers(engine)).toEqual(answers(fresh));
    const again: IndexEvent[] = [];
    await open(again);
    expect(kinds(again)).toEqual(["loaded"]);
  });

  it("rebuilds a truncated file, an empty file and a file of garbage", async () => {
    await open();
    const file = indexFileFor([corpus], cache);
    for (const damage of [
      () => truncateSync(file, Math.floor(readFileSync(file).length / 2)),
      () => writeFileSync(file, ""),
      () => writeFileSync(file, Buffer.from("NEWSIDX1\xff\xff\xff\x7fnot json at all", "latin1")),
      () => writeFileSync(file, Buffer.alloc(5000, 0x41)),
    ]) {
      damage();
      const events: IndexEvent[] = [];
      const engine = await open(events);
      expect(kinds(events)).toEqual(["rebuilding", "built", "saved"]);
      expect(engine.search("لافروف في طهران").results.length).toBeGreaterThan(0);
    }
  });

  it("rebuilds when, and only when, the corpus content or the lexicon changes", async () => {
    await open();
    let events: IndexEvent[] = [];
    await open(events);
    expect(kinds(events)).toEqual(["loaded"]);

    // Same content rewritten (new mtime): still current.
    const article = path.join(corpus, "000_944626efaa3a42f1.txt");
    writeFileSync(article, readFileSync(article));
    events = [];
    await open(events);
    expect(kinds(events)).toEqual(["loaded"]);

    // Changed content: rebuilt, and the new text is searchable.
    appendFileSync(article, "\n\nزارت بعثة الكواكب البعيدة مدينة زحلستان لبحث التعاون في مجال الفلك والمراصد الحديثة.\n");
    events = [];
    const changed = await open(events);
    expect(kinds(events)).toEqual(["rebuilding", "built", "saved"]);
    expect(events.find((e) => e.kind === "rebuilding")).toMatchObject({ reason: expect.stringMatching(/changed/) });
    expect(changed.search("زحلستان").results.length).toBe(1);

    // A new file: rebuilt.
    writeFileSync(path.join(corpus, "new.txt"), "عنوان جديد\n\nفقرة جديدة عن موضوع مختلف تماما في مدينة زحلستان البعيدة اليوم.\n");
    events = [];
    await open(events);
    expect(kinds(events)).toEqual(["rebuilding", "built", "saved"]);

    // Another lexicon: rebuilt.
    events = [];
    await open(events, { ...lexicon, fingerprint: `${lexicon.fingerprint}\nchanged` });
    expect(kinds(events)).toEqual(["rebuilding", "built", "saved"]);
  });

  it("refuses a file built for another key", async () => {
    const engine = await createEngine([corpus], { lexicon, onWarning: () => {} });
    const file = path.join(cache, "direct.bin");
    saveIndex(file, "key-a", engine.index);
    expect(() => loadIndex(file, "key-b", lexicon.protectedWords)).toThrow(StaleIndexError);
    expect(loadIndex(file, "key-a", lexicon.protectedWords).index.chunks.length).toBe(engine.index.chunks.length);
    expect(() => loadIndex(path.join(cache, "missing.bin"), "key-a", lexicon.protectedWords)).toThrow(StaleIndexError);
  });

  it("keys on content: the same files give the same key, any byte changed gives another", async () => {
    const a = await indexKey({ folders: [corpus], lexiconFingerprint: "x" });
    const b = await indexKey({ folders: [corpus], lexiconFingerprint: "x" });
    expect(b.key).toBe(a.key);
    expect(a.files).toBe(6);
    const meta = path.join(corpus, "sources.json");
    const text = readFileSync(meta, "utf8");
    writeFileSync(meta, text.replace(/.$/s, (ch) => (ch === " " ? "\n" : " ")));
    expect((await indexKey({ folders: [corpus], lexiconFingerprint: "x" })).key).not.toBe(a.key);
    writeFileSync(meta, text);
    expect((await indexKey({ folders: [corpus], lexiconFingerprint: "y" })).key).not.toBe(a.key);
    expect((await indexKey({ folders: [corpus], lexiconFingerprint: "x", options: { maxFileBytes: 10 } })).key).not.toBe(a.key);
  });
});
