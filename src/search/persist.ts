/**
 * The persisted search index: one binary file per corpus (set of folders), rebuilt automatically, and only, when its
 * key changes. The key is a SHA-1 over the index format version, the source of the code that shapes the index
 * (analysis, corpus reading, index building), the lexicon fingerprint, the loader options and every corpus file's
 * relative path, size and content. A file whose magic, version, key, section table or checksum does not match is
 * never trusted: it is reported and rebuilt.
 *
 * Layout (little-endian):
 *   "NEWSIDX1" | u32 header byte length | header JSON (UTF-8) | sections, each starting on an 8-byte boundary
 * The header lists the sections (name, kind, byte offset, byte length, element count), the key, a SHA-1 of all
 * section bytes, and the small values. Typed-array sections are read straight into their own ArrayBuffers (no
 * parsing); terms and skeleton keys are newline-joined. Chunk texts are UTF-8 segments that stay in the file: a
 * loaded index reads a paragraph's bytes when its text is asked for (stored-texts.ts), and holds the file open.
 *
 * Why not MiniSearch's toJSON/loadJSON: loadJSON re-inserts every term into its radix tree (the shared notes measured
 * ≈1–1.5 s for 20k paragraphs), and the index no longer uses MiniSearch at all (see postings.ts).
 */
import { createHash } from "node:crypto";
import { closeSync, mkdirSync, openSync, readSync, renameSync, rmSync, writeSync } from "node:fs";
import { readdir, readFile, realpath, stat } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Chunk, CorpusWarning, Doc, SourceInfo } from "../corpus/types.js";
import type { Lang } from "../text/fold.js";
import type { SearchIndex } from "./index.js";
import { Postings, type PostingsData } from "./postings.js";
import { TermLists } from "./term-lists.js";
import { StoredChunk, StoredTexts } from "./stored-texts.js";

/** Bump when the file layout or the meaning of a section changes. */
export const INDEX_FORMAT_VERSION = 3;
const MAGIC = "NEWSIDX1";
/** Chunk texts are written in UTF-8 segments of about this many characters (one buffer at a time while saving). */
const TEXT_SEGMENT_CHARS = 16 * 1024 * 1024;

/** Source folders whose code decides what the index holds; their text is part of the key. */
const SRC = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const CODE_DIRS = ["text", "corpus"];
const CODE_FILES = ["search/index.ts", "search/postings.ts", "search/persist.ts"];

export interface IndexKeyInput {
  folders: readonly string[];
  /** The lexicon's fingerprint (lexicon.fingerprint). */
  lexiconFingerprint: string;
  /** Loader options that change what is read (e.g. maxFileBytes), JSON-serializable. */
  options?: unknown;
  /** Skip this folder while hashing (the cache folder, should it sit inside a corpus folder). */
  exclude?: string;
}

export interface IndexKey {
  /** SHA-1 hex of everything below. */
  key: string;
  /** SHA-1 hex of what is not corpus content: format, code, lexicon, options. An index of another base is unusable for a delta. */
  base: string;
  files: number;
  bytes: number;
  ms: number;
  /** Every corpus file hashed, in walk order (the loader's order). */
  fingerprints: FileFingerprint[];
}

/** One corpus file as hashed: which folder (index into `folders`), its path in it, size and SHA-1 of its content. */
export interface FileFingerprint {
  folder: number;
  rel: string;
  /** Absolute path (as the loader lists it). Not persisted. */
  path?: string;
  size: number;
  sha1: string;
}

/** A corpus file as the persisted index remembers it: its fingerprint and the ids of the articles read from it. */
export interface FileRecord extends FileFingerprint {
  docs: string[];
}

/**
 * Hash what the index is built from. Files are walked like the loader does (recursive, links followed once, names
 * starting with "." skipped), but every file counts, whatever its extension: a superset can only cause a rebuild.
 */
export async function indexKey(input: IndexKeyInput): Promise<IndexKey> {
  const started = performance.now();
  const baseHash = createHash("sha1");
  baseHash.update(`format ${INDEX_FORMAT_VERSION}\n`);
  baseHash.update(`code ${await codeFingerprint()}\n`);
  baseHash.update(`lexicon ${createHash("sha1").update(input.lexiconFingerprint).digest("hex")}\n`);
  baseHash.update(`options ${JSON.stringify(input.options ?? null)}\n`);
  const base = baseHash.digest("hex");
  const hash = createHash("sha1");
  hash.update(`base ${base}\n`);
  const exclude = input.exclude ? await realpath(input.exclude).catch(() => path.resolve(input.exclude!)) : undefined;
  let files = 0;
  let bytes = 0;
  const fingerprints: FileFingerprint[] = [];
  for (const [f, folder] of input.folders.entries()) {
    hash.update(`folder ${folder}\n`);
    const root = path.resolve(folder);
    for (const file of await walk(root, exclude)) {
      const content = await readFile(file).catch(() => undefined);
      const rel = path.relative(root, file);
      // Per-file hashes (kept in the index for incremental reloads); the key hashes them in order.
      const sha1 = content ? createHash("sha1").update(content).digest("hex") : "-";
      const size = content ? content.length : -1;
      hash.update(`file ${rel} ${size} ${sha1}\n`);
      fingerprints.push({ folder: f, rel, path: file, size, sha1 });
      if (content) bytes += content.length;
      files++;
    }
  }
  return { key: hash.digest("hex"), base, files, bytes, ms: performance.now() - started, fingerprints };
}

/**
 * Which file each article came from, for incremental reloads. The loader reads folders in order and each folder's
 * files in walk order, so articles are attributed greedily: an article's file is the first file with its relative
 * path (doc.source.file) at or after the current folder.
 */
export function fileRecords(docs: readonly Doc[], fingerprints: readonly FileFingerprint[]): FileRecord[] {
  const records: FileRecord[] = fingerprints.map(({ folder, rel, size, sha1 }) => ({ folder, rel, size, sha1, docs: [] }));
  const byFolder = new Map<number, Map<string, FileRecord>>();
  for (const r of records) {
    let m = byFolder.get(r.folder);
    if (!m) byFolder.set(r.folder, (m = new Map()));
    m.set(r.rel, r);
  }
  const folders = [...byFolder.keys()].sort((a, b) => a - b);
  let at = 0;
  for (const doc of docs) {
    for (let f = at; f < folders.length; f++) {
      const record = byFolder.get(folders[f]!)!.get(doc.source.file);
      if (record) {
        record.docs.push(doc.id);
        at = f;
        break;
      }
    }
  }
  return records;
}

let codeHash: string | undefined;
async function codeFingerprint(): Promise<string> {
  if (codeHash) return codeHash;
  const hash = createHash("sha1");
  const files: string[] = CODE_FILES.map((f) => path.join(SRC, f));
  for (const dir of CODE_DIRS) {
    const names = await readdir(path.join(SRC, dir)).catch(() => [] as string[]);
    files.push(...names.filter((n) => /\.[cm]?[jt]s$/.test(n)).map((n) => path.join(SRC, dir, n)));
  }
  for (const file of files.sort()) {
    const text = await readFile(file).catch(() => undefined);
    hash.update(`${path.relative(SRC, file)} ${text ? text.length : -1}\n`);
    if (text) hash.update(text);
  }
  codeHash = hash.digest("hex");
  return codeHash;
}

async function walk(root: string, exclude: string | undefined): Promise<string[]> {
  const out: string[] = [];
  const visited = new Set<string>();
  const visit = async (dir: string) => {
    const real = await realpath(dir).catch(() => undefined);
    if (!real || visited.has(real) || real === exclude) return;
    visited.add(real);
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith(".")) continue;
      const full = path.join(dir, entry.name);
      const info = await stat(full).catch(() => undefined);
      if (!info) continue;
      if (info.isDirectory()) await visit(full);
      else if (info.isFile()) out.push(full);
    }
  };
  await visit(root);
  return out;
}

// ---------------------------------------------------------------------------------------------------------------

type ArrayKind = "u32" | "u16" | "f64" | "bytes";
interface SectionEntry {
  name: string;
  kind: ArrayKind;
  offset: number;
  byteLength: number;
}

interface StoredDoc {
  id: string;
  lang: Lang;
  source: SourceInfo;
  /** Number of chunks. */
  n: number;
}

interface Header {
  format: number;
  key: string;
  /** IndexKey.base of the build; absent when the index was saved without file records. */
  base?: string;
  checksum: string;
  sections: SectionEntry[];
  chunkCount: number;
  docCount: number;
  termCount: number;
  avgTextLength: number;
  avgTitleLength: number;
  /** Per text segment (section `text<k>`): [first chunk, chunk count]. */
  textSegments: [number, number][];
}

/**
 * A section of the file. `make` gives its bytes; it runs twice (once for the checksum and sizes the header needs,
 * once to write) so that large sections made for the file (texts as UTF-8) never all sit in memory at once.
 */
interface Section {
  name: string;
  kind: ArrayKind;
  make: () => Uint8Array;
}

const bytesOf = (a: ArrayBufferView): Uint8Array => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

/** Concatenate lists (e.g. views) into one buffer and their start offsets. */
function flatten(lists: readonly Uint32Array[]): { values: Uint32Array; starts: Uint32Array } {
  const starts = new Uint32Array(lists.length + 1);
  for (let i = 0; i < lists.length; i++) starts[i + 1] = starts[i]! + lists[i]!.length;
  // Views laid end to end over one buffer (how the index holds them) are that buffer: no copy.
  const first = lists[0];
  if (first && lists.every((l, i) => l.buffer === first.buffer && l.byteOffset === first.byteOffset + starts[i]! * 4)) {
    return { values: new Uint32Array(first.buffer, first.byteOffset, starts[lists.length]!), starts };
  }
  const values = new Uint32Array(starts[lists.length]!);
  for (let i = 0; i < lists.length; i++) values.set(lists[i]!, starts[i]!);
  return { values, starts };
}

function listsOf(values: Uint32Array, starts: Uint32Array): Uint32Array[] {
  const out: Uint32Array[] = new Array(Math.max(0, starts.length - 1));
  for (let i = 0; i + 1 < starts.length; i++) out[i] = values.subarray(starts[i]!, starts[i + 1]!);
  return out;
}

/** Lists laid end to end, checked to cover the buffer in order. */
function termLists(values: Uint32Array, starts: Uint32Array): TermLists {
  let ordered = starts.length > 0 && starts[0] === 0 && starts[starts.length - 1] === values.length;
  for (let i = 1; ordered && i < starts.length; i++) ordered = starts[i]! >= starts[i - 1]!;
  if (!ordered) throw new StaleIndexError("index term lists are out of order");
  return new TermLists(values, starts);
}

export interface SaveResult {
  bytes: number;
  ms: number;
}

/** What an index remembers of its corpus files, for incremental reloads (see IndexKey). */
export interface IndexMeta {
  base: string;
  files: FileRecord[];
}

/** Write the index atomically (temporary file, then rename). */
export function saveIndex(file: string, key: string, index: SearchIndex, warnings: readonly CorpusWarning[] = [], meta?: IndexMeta): SaveResult {
  const started = performance.now();
  const sections: Section[] = [];
  const add = (name: string, kind: ArrayKind, data: ArrayBufferView) => sections.push({ name, kind, make: () => bytesOf(data) });
  const utf8 = (name: string, text: string) => add(name, "bytes", Buffer.from(text, "utf8"));
  // Made when needed: the join and its UTF-8 bytes are dropped once hashed or written.
  const utf8Lazy = (name: string, text: () => string) => sections.push({ name, kind: "bytes", make: () => Buffer.from(text(), "utf8") });

  // Chunks are stored per document and rebuilt as `${docId}#${n}`, n = 1, 2, … (chunk.ts numbers them so).
  let patterned = true;
  const docs: StoredDoc[] = index.docs.map((doc) => {
    doc.chunks.forEach((chunk, i) => {
      if (chunk.id !== `${doc.id}#${i + 1}` || chunk.n !== i + 1) patterned = false;
    });
    return { id: doc.id, lang: doc.lang, source: doc.source, n: doc.chunks.length };
  });
  // The index's chunk order must be the documents' chunks in order (it is, by construction; checked here).
  let c = 0;
  for (const doc of index.docs) for (const chunk of doc.chunks) if (index.chunks[c++] !== chunk) patterned = false;
  if (c !== index.chunks.length) patterned = false;
  if (!patterned) throw new Error("saveIndex: chunks are not the documents' chunks in order; cannot persist this index");

  utf8Lazy("docs", () => JSON.stringify({ docs, warnings, files: meta?.files }));
  // Chunk texts in segments, each chunk's UTF-8 bytes on their own (a loaded index reads them one by one).
  const textSegments: [number, number][] = [];
  const textBytes = new Uint32Array(index.chunks.length);
  for (let first = 0; first < index.chunks.length; ) {
    let chars = 0;
    let bytes = 0;
    let last = first;
    while (last < index.chunks.length && (last === first || chars + index.chunks[last]!.text.length <= TEXT_SEGMENT_CHARS)) {
      const text = index.chunks[last]!.text;
      textBytes[last] = Buffer.byteLength(text, "utf8");
      chars += text.length;
      bytes += textBytes[last]!;
      last++;
    }
    textSegments.push([first, last - first]);
    const [from, to, size] = [first, last, bytes];
    sections.push({
      name: `text${textSegments.length - 1}`,
      kind: "bytes",
      make: () => {
        const segment = Buffer.allocUnsafe(size);
        let at = 0;
        for (let i = from; i < to; i++) {
          const written = segment.write(index.chunks[i]!.text, at, "utf8");
          if (written !== textBytes[i]) throw new Error(`saveIndex: chunk ${i}'s text changed while saving`);
          at += written;
        }
        return segment;
      },
    });
    first = last;
  }
  add("textBytes", "u32", textBytes);
  utf8("terms", index.terms.join("\n"));
  add("df", "u32", index.df);
  add("chunkDoc", "u32", index.chunkDoc);
  for (const [name, lists] of [["chunkTerms", index.chunkTerms], ["titleTerms", index.titleTerms]] as const) {
    add(name, "u32", lists.values.subarray(0, lists.starts[lists.length]));
    add(`${name.slice(0, -1)}Starts`, "u32", lists.starts);
  }
  const skeletonKeys = [...index.skeletons.keys()];
  utf8("skeletonKeys", skeletonKeys.join("\n"));
  const skeletons = flatten(skeletonKeys.map((k) => Uint32Array.from(index.skeletons.get(k)!)));
  add("skeletonIds", "u32", skeletons.values);
  add("skeletonStarts", "u32", skeletons.starts);
  const p = index.postings.data;
  add("docFirstChunk", "u32", p.docFirstChunk);
  add("textOffsets", "u32", p.textOffsets);
  add("textChunks", "u32", p.textChunks);
  add("textTf", "u16", p.textTf);
  add("textLength", "u16", p.textLength);
  add("titleOffsets", "u32", p.titleOffsets);
  add("titleDocs", "u32", p.titleDocs);
  add("titleTf", "u16", p.titleTf);
  add("titleLength", "u16", p.titleLength);

  const checksum = createHash("sha1");
  const entries: SectionEntry[] = [];
  let offset = 0;
  for (const s of sections) {
    const data = s.make();
    entries.push({ name: s.name, kind: s.kind, offset, byteLength: data.byteLength });
    checksum.update(data);
    offset = align8(offset + data.byteLength);
  }
  const header: Header = {
    format: INDEX_FORMAT_VERSION,
    key,
    ...(meta ? { base: meta.base } : {}),
    checksum: checksum.digest("hex"),
    sections: entries,
    chunkCount: index.chunks.length,
    docCount: index.docs.length,
    termCount: index.terms.length,
    avgTextLength: p.avgTextLength,
    avgTitleLength: p.avgTitleLength,
    textSegments,
  };
  const headerBytes = Buffer.from(JSON.stringify(header), "utf8");
  const prefix = Buffer.alloc(align8(MAGIC.length + 4 + headerBytes.length));
  prefix.write(MAGIC, 0, "latin1");
  prefix.writeUInt32LE(headerBytes.length, MAGIC.length);
  headerBytes.copy(prefix, MAGIC.length + 4);

  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = openSync(tmp, "w");
  let written = 0;
  try {
    written += writeSync(fd, prefix);
    const pad = Buffer.alloc(8);
    sections.forEach((s, i) => {
      const data = s.make();
      if (data.byteLength !== entries[i]!.byteLength) throw new Error(`saveIndex: section ${s.name} changed while saving`);
      written += writeAll(fd, data);
      const rest = align8(data.byteLength) - data.byteLength;
      if (rest) written += writeSync(fd, pad, 0, rest);
    });
  } catch (error) {
    closeSync(fd);
    rmSync(tmp, { force: true });
    throw error;
  }
  closeSync(fd);
  renameSync(tmp, file);
  return { bytes: written, ms: performance.now() - started };
}

function writeAll(fd: number, data: Uint8Array): number {
  let done = 0;
  while (done < data.byteLength) done += writeSync(fd, data, done, Math.min(data.byteLength - done, 1 << 26));
  return done;
}

const align8 = (n: number) => (n + 7) & ~7;

/** Why a persisted index was not used. */
export class StaleIndexError extends Error {
  override name = "StaleIndexError";
}

export interface LoadedIndex {
  index: SearchIndex;
  warnings: CorpusWarning[];
  /** The key the file was built for (equal to the one asked for unless `anyKey`). */
  key: string;
  /** Base and file records, when the index was saved with them. */
  meta?: IndexMeta;
  bytes: number;
  ms: number;
}

export interface LoadIndexOptions {
  /**
   * Accept a sound file built for another key (an older corpus, lexicon or code): for serving while a current
   * index is built in the background. Defaults to false.
   */
  anyKey?: boolean;
}

/**
 * Read a persisted index. Throws StaleIndexError when the file is missing, of another format, built for another key
 * (unless `anyKey`), or damaged (truncated, checksum mismatch, inconsistent sections); never returns an index it
 * cannot vouch for.
 */
export function loadIndex(file: string, key: string, protectedWords: ReadonlySet<string>, options: LoadIndexOptions = {}): LoadedIndex {
  const started = performance.now();
  let fd: number;
  let owned = false;
  try {
    fd = openSync(file, "r");
  } catch (error) {
    throw new StaleIndexError(`no persisted index (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  try {
    const readExactly = (into: Uint8Array, position: number) => {
      let done = 0;
      while (done < into.byteLength) {
        const n = readSync(fd, into, done, Math.min(into.byteLength - done, 1 << 26), position + done);
        if (n === 0) throw new StaleIndexError("persisted index is truncated");
        done += n;
      }
    };
    const lead = Buffer.alloc(MAGIC.length + 4);
    readExactly(lead, 0);
    if (lead.toString("latin1", 0, MAGIC.length) !== MAGIC) throw new StaleIndexError("not an index file (bad magic)");
    const headerLength = lead.readUInt32LE(MAGIC.length);
    if (headerLength > 64 * 1024 * 1024) throw new StaleIndexError("index header too large");
    const headerBytes = Buffer.alloc(headerLength);
    readExactly(headerBytes, lead.length);
    let header: Header;
    try {
      header = JSON.parse(headerBytes.toString("utf8")) as Header;
    } catch {
      throw new StaleIndexError("index header is not valid JSON");
    }
    if (header.format !== INDEX_FORMAT_VERSION) throw new StaleIndexError(`index format ${header.format}, expected ${INDEX_FORMAT_VERSION}`);
    if (header.key !== key && !options.anyKey) throw new StaleIndexError("corpus, lexicon or code changed since the index was built");
    const base = align8(lead.length + headerLength);
    const checksum = createHash("sha1");
    const byName = new Map<string, Uint8Array | ArrayBufferView>();
    // Text segments are only checked (through one reused buffer) and located: they stay in the file.
    const textAt = new Map<string, number>();
    let piece: Buffer | undefined;
    let bytes = base;
    for (const s of header.sections) {
      const size = { u32: 4, u16: 2, f64: 8, bytes: 1 }[s.kind];
      if (!size || s.byteLength % size !== 0 || s.offset % 8 !== 0) throw new StaleIndexError(`bad section ${s.name}`);
      bytes += s.byteLength;
      if (TEXT_SECTION.test(s.name)) {
        piece ??= Buffer.allocUnsafe(TEXT_READ_BYTES);
        for (let done = 0; done < s.byteLength; ) {
          const part = piece.subarray(0, Math.min(piece.length, s.byteLength - done));
          readExactly(part, base + s.offset + done);
          checksum.update(part);
          done += part.length;
        }
        textAt.set(s.name, base + s.offset);
        continue;
      }
      const buffer = new ArrayBuffer(s.byteLength);
      const raw = new Uint8Array(buffer);
      readExactly(raw, base + s.offset);
      checksum.update(raw);
      const view =
        s.kind === "u32" ? new Uint32Array(buffer) : s.kind === "u16" ? new Uint16Array(buffer) : s.kind === "f64" ? new Float64Array(buffer) : Buffer.from(buffer);
      byName.set(s.name, view);
    }
    if (checksum.digest("hex") !== header.checksum) throw new StaleIndexError("index file is damaged (checksum mismatch)");
    const index = assemble(header, byName, protectedWords, { fd, file, textAt, textBytes: (name) => header.sections.find((s) => s.name === name)?.byteLength });
    // The chunks read their texts through fd from now on (closed when the index is dropped).
    index.texts.adopt();
    owned = true;
    const meta = header.base && index.files ? { base: header.base, files: index.files } : undefined;
    return { index: index.index, warnings: index.warnings, key: header.key, ...(meta ? { meta } : {}), bytes, ms: performance.now() - started };
  } finally {
    if (!owned) closeSync(fd);
  }
}

/** Sections holding chunk texts (UTF-8), read in pieces of TEXT_READ_BYTES to check them. */
const TEXT_SECTION = /^text\d+$/;
const TEXT_READ_BYTES = 4 * 1024 * 1024;

/** Where a loaded index's texts are: the open file and each text section's position in it. */
interface TextLocation {
  fd: number;
  file: string;
  textAt: ReadonlyMap<string, number>;
  textBytes: (section: string) => number | undefined;
}

function assemble(header: Header, sections: Map<string, Uint8Array | ArrayBufferView>, protectedWords: ReadonlySet<string>, location: TextLocation) {
  const get = <T>(name: string, type: new (...args: never[]) => T): T => {
    const s = sections.get(name);
    if (!(s instanceof type)) throw new StaleIndexError(`index section ${name} missing`);
    return s;
  };
  const text = (name: string) => get(name, Buffer).toString("utf8");
  const n = header.chunkCount;
  const { docs: stored, warnings, files } = JSON.parse(text("docs")) as { docs: StoredDoc[]; warnings: CorpusWarning[]; files?: FileRecord[] };
  const textBytes = get("textBytes", Uint32Array);
  if (stored.length !== header.docCount || textBytes.length !== n) throw new StaleIndexError("index sections disagree");

  // Where each chunk's text is in the file.
  const textOffsets = new Float64Array(n);
  let placed = 0;
  header.textSegments.forEach(([first, count], s) => {
    const start = location.textAt.get(`text${s}`);
    if (start === undefined || first !== placed || first + count > n) throw new StaleIndexError(`index text segment ${s} missing or out of place`);
    let at = start;
    for (let c = first; c < first + count; c++) {
      textOffsets[c] = at;
      at += textBytes[c]!;
    }
    if (at - start !== location.textBytes(`text${s}`)) throw new StaleIndexError("index text segment has the wrong length");
    placed = first + count;
  });
  if (placed !== n) throw new StaleIndexError("index chunk count mismatch");
  const texts = new StoredTexts(location.fd, textOffsets, textBytes, location.file);

  const docs: Doc[] = new Array(stored.length);
  const chunks: Chunk[] = new Array(n);
  const docIndex = new Map<string, number>();
  const chunkIndex = new Map<string, number>();
  let c = 0;
  for (let d = 0; d < stored.length; d++) {
    const s = stored[d]!;
    const docChunks: Chunk[] = new Array(s.n);
    for (let i = 0; i < s.n; i++, c++) {
      if (c >= n) throw new StaleIndexError("index chunk count mismatch");
      const chunk: Chunk = new StoredChunk(`${s.id}#${i + 1}`, s.id, i + 1, texts, c);
      docChunks[i] = chunk;
      chunks[c] = chunk;
      chunkIndex.set(chunk.id, c);
    }
    docs[d] = { id: s.id, lang: s.lang, source: s.source, chunks: docChunks };
    docIndex.set(s.id, d);
  }
  if (c !== n) throw new StaleIndexError("index chunk count mismatch");

  const terms = text("terms").split("\n");
  if (header.termCount === 0) terms.length = 0;
  if (terms.length !== header.termCount) throw new StaleIndexError("index term count mismatch");
  const vocab = new Map<string, number>();
  for (let t = 0; t < terms.length; t++) vocab.set(terms[t]!, t);

  const skeletonKeyText = text("skeletonKeys");
  const skeletonKeys = skeletonKeyText === "" ? [] : skeletonKeyText.split("\n");
  const skeletonLists = listsOf(get("skeletonIds", Uint32Array), get("skeletonStarts", Uint32Array));
  if (skeletonLists.length !== skeletonKeys.length) throw new StaleIndexError("index skeleton sections disagree");
  const skeletons = new Map<string, number[]>();
  skeletonKeys.forEach((k, i) => skeletons.set(k, Array.from(skeletonLists[i]!)));

  const data: PostingsData = {
    chunkCount: n,
    docFirstChunk: get("docFirstChunk", Uint32Array),
    textOffsets: get("textOffsets", Uint32Array),
    textChunks: get("textChunks", Uint32Array),
    textTf: get("textTf", Uint16Array),
    textLength: get("textLength", Uint16Array),
    titleOffsets: get("titleOffsets", Uint32Array),
    titleDocs: get("titleDocs", Uint32Array),
    titleTf: get("titleTf", Uint16Array),
    titleLength: get("titleLength", Uint16Array),
    avgTextLength: header.avgTextLength,
    avgTitleLength: header.avgTitleLength,
  };
  const chunkTerms = termLists(get("chunkTerms", Uint32Array), get("chunkTermStarts", Uint32Array));
  const titleTerms = termLists(get("titleTerms", Uint32Array), get("titleTermStarts", Uint32Array));
  const df = get("df", Uint32Array);
  const chunkDoc = get("chunkDoc", Uint32Array);
  if (
    chunkTerms.length !== n ||
    titleTerms.length !== docs.length ||
    df.length !== terms.length ||
    chunkDoc.length !== n ||
    data.docFirstChunk.length !== docs.length + 1 ||
    data.textOffsets.length !== terms.length + 1 ||
    data.titleOffsets.length !== terms.length + 1 ||
    data.textLength.length !== n ||
    data.titleLength.length !== docs.length
  ) {
    throw new StaleIndexError("index sections disagree");
  }
  const index: SearchIndex = {
    docs,
    chunks,
    chunkDoc,
    docIndex,
    chunkIndex,
    vocab,
    terms,
    df,
    chunkTerms,
    titleTerms,
    postings: new Postings(data, vocab),
    skeletons,
    protectedWords,
  };
  return { index, warnings, files, texts };
}
