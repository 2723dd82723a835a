import { createReadStream } from "node:fs";
import { readdir, readFile, realpath, stat } from "node:fs/promises";
import path from "node:path";
import { createInterface } from "node:readline";
import { detectLang, type Lang } from "../text/fold.js";
import { cleanLines } from "./clean.js";
import { chunkParagraphs, linesToParagraphs } from "./chunk.js";
import { parseJsonLine, type JsonArticle } from "./jsonl.js";
import { METADATA_FILE, parseMetadata, type SourceEntry } from "./metadata.js";
import type { CorpusWarning, Doc, SourceInfo } from "./types.js";

/** A corpus folder that cannot be served at all (missing, not a folder, or holding no article). */
export class CorpusError extends Error {
  override name = "CorpusError";
}

export interface LoadOptions {
  /** Largest `.txt`/`.md` file read, in bytes; larger ones are skipped with a warning. Defaults to 5 MB. */
  maxFileBytes?: number;
  /** Called with each warning as it happens. Defaults to collecting them only. */
  onWarning?: (warning: CorpusWarning) => void;
  /** Called every `progressEvery` articles with the count so far. Defaults to none. */
  onProgress?: (articles: number) => void;
  /**
   * Read only these files (absolute paths, as the folders list them; metadata files are read regardless), for an
   * incremental index of new and changed files. Finding no article is then no error. Defaults to every file.
   */
  only?: ReadonlySet<string>;
}

export interface Corpus {
  docs: Doc[];
  warnings: CorpusWarning[];
}

const ARTICLE_EXTENSIONS = new Set([".txt", ".md"]);
const JSONL_EXTENSION = ".jsonl";
/** A corpus folder's own documentation is not news: README, LICENSE, CHANGELOG, NOTICE files are passed over. */
const NOT_ARTICLES = /^(readme|license|licence|changelog|notice|copying)(\.[a-z]+)?$/i;
const DEFAULT_MAX_FILE_BYTES = 5 * 1024 * 1024;
const PROGRESS_EVERY = 5000; // articles

/**
 * Read every article under the given folders: `.txt`/`.md` files (one article each) and `.jsonl` files (one
 * article per line), recursively, following symbolic links. A bad file or line is a warning naming it; the
 * rest is served. Throws CorpusError when a folder is missing or nothing at all could be read.
 */
export async function loadCorpus(folders: readonly string[], options: LoadOptions = {}): Promise<Corpus> {
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const warnings: CorpusWarning[] = [];
  const warn = (w: CorpusWarning) => {
    warnings.push(w);
    options.onWarning?.(w);
  };
  const docs: Doc[] = [];
  const seen = new Map<string, string>(); // doc id → file it came from
  const addDoc = (doc: Doc, where: string, line?: number) => {
    const first = seen.get(doc.id);
    if (first !== undefined) {
      warn({ file: where, line, message: `duplicate document id "${doc.id}" (first read from ${first}); skipped` });
      return;
    }
    if (doc.chunks.length === 0) {
      warn({ file: where, line, message: `no text left after cleaning; skipped` });
      return;
    }
    seen.set(doc.id, line ? `${where}:${line}` : where);
    docs.push(doc);
    if (docs.length % PROGRESS_EVERY === 0) options.onProgress?.(docs.length);
  };

  for (const folder of folders) {
    const root = path.resolve(folder);
    const info = await stat(root).catch(() => undefined);
    if (!info) throw new CorpusError(`corpus folder not found: ${folder}`);
    if (!info.isDirectory()) throw new CorpusError(`corpus path is not a folder: ${folder}`);
    const files = await listFiles(root, warn);
    const metadata = await readMetadata(root, folder, files, warn);
    for (const file of files) {
      if (options.only && !options.only.has(file.path)) continue;
      const rel = path.relative(root, file.path) || path.basename(file.path);
      const shown = path.join(folder, rel);
      const ext = path.extname(file.path).toLowerCase();
      if (ext === JSONL_EXTENSION) {
        await readJsonl(file.path, shown, rel, addDoc, warn);
      } else if (ARTICLE_EXTENSIONS.has(ext) && !NOT_ARTICLES.test(path.basename(file.path))) {
        if (file.size > maxFileBytes) {
          warn({ file: shown, message: `file too large (${file.size} bytes; at most ${maxFileBytes}); skipped` });
          continue;
        }
        const text = await readText(file.path, shown, warn);
        if (text === undefined) continue;
        const id = path.basename(file.path, path.extname(file.path));
        addDoc(articleFromText(id, text, rel, metadata.get(id)), shown);
      }
    }
  }
  if (docs.length === 0 && !options.only) {
    throw new CorpusError(`no readable article (.txt, .md or .jsonl) in ${folders.join(", ") || "(no folder given)"}`);
  }
  return { docs, warnings };
}

/** Build a document from a plain-text article: first line is the title unless metadata gives one. */
export function articleFromText(id: string, text: string, file: string, entry?: SourceEntry): Doc {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const firstLine = lines.findIndex((l) => l.trim() !== "");
  const title = (entry?.title ?? lines[firstLine]?.trim() ?? id).slice(0, 300);
  const rest = firstLine >= 0 ? lines.slice(firstLine + 1) : [];
  // A file that is one line (no line breaks at all) is all body: its line is not dropped as a repeated title.
  const oneLine = !rest.some((l) => l.trim() !== "");
  const body = oneLine && firstLine >= 0 ? [lines[firstLine]!] : rest;
  const paragraphs = linesToParagraphs(cleanLines(body, oneLine ? undefined : title));
  const source: SourceInfo = { title, file };
  if (entry?.outlet) source.outlet = entry.outlet;
  if (entry?.published) source.published = entry.published;
  if (entry?.dateText) source.dateText = entry.dateText;
  if (entry?.url) source.url = entry.url;
  if (entry?.category) source.category = entry.category;
  const lang: Lang = entry?.lang ?? detectLang(text.slice(0, 4000));
  return { id, lang, source, chunks: chunkParagraphs(id, paragraphs) };
}

/** Build a document from one JSON-lines article; its own metadata is kept. */
export function articleFromJson(article: JsonArticle, file: string): Doc {
  const title = (article.title?.trim() || article.text.trim().split("\n")[0] || article.id).slice(0, 300);
  // Only a title the line gives is dropped from the text; one taken from the text's first line is still text.
  const paragraphs = linesToParagraphs(cleanLines(article.text.replace(/\r\n?/g, "\n").split("\n"), article.title?.trim() || undefined));
  const source: SourceInfo = { title, file };
  if (article.outlet) source.outlet = article.outlet;
  if (article.published) source.published = article.published;
  if (article.url && /^https?:\/\//.test(article.url)) source.url = article.url;
  if (article.category) source.category = article.category;
  const lang = article.lang === "ar" || article.lang === "fa" || article.lang === "en" ? article.lang : detectLang(article.text.slice(0, 4000));
  return { id: article.id.trim(), lang, source, chunks: chunkParagraphs(article.id.trim(), paragraphs) };
}

interface FileEntry {
  path: string;
  size: number;
}

/** All files below root, sorted for a stable order, following links once (cycles are cut). */
async function listFiles(root: string, warn: (w: CorpusWarning) => void): Promise<FileEntry[]> {
  const out: FileEntry[] = [];
  const visited = new Set<string>();
  const realRoot = await realpath(root);
  const walk = async (dir: string) => {
    const real = await realpath(dir).catch(() => undefined);
    if (!real || visited.has(real)) return;
    visited.add(real);
    const entries = await readdir(dir, { withFileTypes: true }).catch((error: Error) => {
      warn({ file: dir, message: `cannot read folder (${error.message})` });
      return [];
    });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith(".")) continue;
      const full = path.join(dir, entry.name);
      let info;
      try {
        info = await stat(full); // follows links
      } catch {
        warn({ file: full, message: "broken link or unreadable entry; skipped" });
        continue;
      }
      if (entry.isSymbolicLink()) {
        const target = await realpath(full).catch(() => full);
        if (target !== realRoot && !target.startsWith(realRoot + path.sep)) {
          warn({ file: full, message: `link to ${target}, outside the corpus folder: followed` });
        }
      }
      if (info.isDirectory()) await walk(full);
      else if (info.isFile()) out.push({ path: full, size: info.size });
    }
  };
  await walk(root);
  return out;
}

async function readMetadata(root: string, folder: string, files: FileEntry[], warn: (w: CorpusWarning) => void) {
  const entries = new Map<string, SourceEntry>();
  for (const file of files.filter((f) => path.basename(f.path) === METADATA_FILE)) {
    const shown = path.join(folder, path.relative(root, file.path));
    const raw = await readFile(file.path, "utf8").catch(() => undefined);
    if (raw === undefined) {
      warn({ file: shown, message: "cannot read metadata file" });
      continue;
    }
    const result = parseMetadata(raw);
    for (const problem of result.problems) warn({ file: shown, message: `metadata ${problem}; that entry is ignored` });
    for (const [id, entry] of result.entries) entries.set(id, entry);
  }
  return entries;
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

async function readText(file: string, shown: string, warn: (w: CorpusWarning) => void): Promise<string | undefined> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    warn({ file: shown, message: `cannot read file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); skipped` });
    return undefined;
  }
  if (bytes.includes(0)) {
    warn({ file: shown, message: "binary file (contains NUL bytes); skipped" });
    return undefined;
  }
  try {
    const text = utf8.decode(bytes);
    if (text.trim() === "") {
      warn({ file: shown, message: "empty file; skipped" });
      return undefined;
    }
    return text;
  } catch {
    warn({ file: shown, message: "not valid UTF-8; skipped" });
    return undefined;
  }
}

async function readJsonl(
  file: string,
  shown: string,
  rel: string,
  addDoc: (doc: Doc, where: string, line?: number) => void,
  warn: (w: CorpusWarning) => void,
): Promise<void> {
  const stream = createReadStream(file, { encoding: "utf8" });
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let lineNo = 0;
  try {
    for await (const line of lines) {
      lineNo++;
      const parsed = parseJsonLine(line);
      if (parsed === null) continue;
      if ("error" in parsed) {
        warn({ file: shown, line: lineNo, message: `${parsed.error}; skipped` });
        continue;
      }
      addDoc(articleFromJson(parsed.article, rel), shown, lineNo);
    }
  } catch (error) {
    warn({ file: shown, line: lineNo, message: `cannot read further (${(error as Error).message})` });
  }
}
