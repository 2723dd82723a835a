import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { articleFromJson, articleFromText, CorpusError, loadCorpus, type Corpus } from "../../src/corpus/load.js";
import type { CorpusWarning } from "../../src/corpus/types.js";

const AR_TITLE = "إيران وروسيا تبحثان التعاون في بحر قزوين";
const AR_BODY = [
  "التقى السفير الإيراني لدى روسيا كاظم جلالي نائب وزير الخارجية الروسي وبحث معه التعاون في بحر قزوين.",
  "وأكد الجانبان ضرورة استمرار التشاور والتعاون بين البلدين في القضايا الإقليمية والدولية.",
];
const FA_TITLE = "دیدار لاوروف و امیرعبداللهیان در مسکو";
const FA_BODY = [
  "وزارت خارجه روسیه با اشاره به روند مثبت توسعه همکاری‌های دوجانبه، یادآور شد که مسائل مهم بررسی می‌شود.",
  "امیرعبداللهیان در صفحه توئیتر خود به نقش مثبت روسیه در این خصوص اشاره کرده است.",
];
const article = (title: string, body: string[]) => [title, "", ...body.flatMap((p) => [p, ""])].join("\n");
const sentence = (i: number) => `وقال المسؤول في التصريح رقم ${i} إن المحادثات بين طهران وموسكو كانت مفيدة وبناءة للطرفين.`;

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), "corpus-test-"));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

/** Write files (path → content) under a new folder in tmp and return it. */
async function tree(name: string, files: Record<string, string | Buffer>): Promise<string> {
  const root = path.join(tmp, name);
  for (const [rel, content] of Object.entries(files)) {
    const file = path.join(root, rel);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, content);
  }
  await mkdir(root, { recursive: true });
  return root;
}

const named = (warnings: CorpusWarning[], fileEnd: string) =>
  warnings.filter((w) => w.file === fileEnd || w.file.endsWith(path.sep + fileEnd) || w.file.endsWith(fileEnd));

describe("loadCorpus: a messy folder", () => {
  let corpus: Corpus;
  let root: string;
  const seen: CorpusWarning[] = [];

  beforeAll(async () => {
    const outside = await tree("outside", { "linked.txt": article("مقال من مجلد مرتبط عن روسيا", AR_BODY) });
    root = await tree("messy", {
      "a.txt": article(AR_TITLE, AR_BODY),
      "nested/deeper/b.md": article(FA_TITLE, FA_BODY),
      "nested/a.txt": article("نسخة أخرى من المقال", AR_BODY.map((p) => `${p} (نسخة)`)),
      "empty.txt": "",
      "blank.txt": " \n\t\n\u200F\n",
      "binary.txt": Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff, 0x10]),
      "latin1.txt": Buffer.from("Caf\xe9 T\xe9h\xe9ran: un article en latin-1, pas en UTF-8.", "latin1"),
      "big.txt": article(AR_TITLE, Array.from({ length: 200 }, (_, i) => sentence(i))),
      "oneline.txt": Array.from({ length: 40 }, (_, i) => sentence(i)).join(" "),
      "nobreaks.txt": [AR_TITLE, ...Array.from({ length: 40 }, (_, i) => sentence(i))].join("\n"),
      "crlf.txt": article(FA_TITLE, FA_BODY).replace(/\n/g, "\r\n"),
      "sources.json": JSON.stringify({
        a: { outlet: "Al-Alam", published: "2020-02-22", url: "https://example.com/a" },
        b: { outlet: "Tasnim", publisher: "Tasnim News Agency" },
      }),
      "archive/articles.jsonl": [
        JSON.stringify({ id: "j1", title: "لافروف في طهران", outlet: "BBC Arabic", published: "2018-05-14", url: "https://bbc.com/1", category: "سياسة", lang: "ar", text: AR_BODY.join("\n\n") }),
        '{"id": "j2", "text": "نص مقطوع',
        "",
        JSON.stringify({ text: "بلا معرف" }),
        JSON.stringify({ id: "j4" }),
        JSON.stringify({ id: "a", text: AR_BODY.join("\n\n") }),
        JSON.stringify({ id: "j6", text: FA_BODY.join("\n\n") }),
      ].join("\n"),
      "notes.csv": "id,outlet\na,Al-Alam\n",
      ".hidden.txt": article("مخفي", AR_BODY),
    });
    await symlink(outside, path.join(root, "link-out"));
    await symlink(root, path.join(root, "loop"));
    await symlink(path.join(root, "no-such-target"), path.join(root, "broken"));
    corpus = await loadCorpus([root], { maxFileBytes: 16_384, onWarning: (w) => seen.push(w) });
  });

  it("serves every good article, from nested folders, linked folders and .jsonl lines", () => {
    expect(corpus.docs.map((d) => d.id).sort()).toEqual(["a", "b", "crlf", "j1", "j6", "linked", "nobreaks", "oneline"]);
  });

  it.each([
    ["nested/a.txt", /duplicate document id "a"/],
    ["empty.txt", /empty file/],
    ["blank.txt", /empty file|no text left/], // whitespace and an RLM only
    ["binary.txt", /binary/],
    ["latin1.txt", /not valid UTF-8/],
    ["big.txt", /too large/],
    ["sources.json", /entry "b".*publisher/],
    ["broken", /broken link/],
    ["link-out", /outside the corpus folder/],
  ])("names %s in a warning", (file, message) => {
    const hits = named(corpus.warnings, file);
    expect(hits.length, JSON.stringify(corpus.warnings, null, 1)).toBeGreaterThan(0);
    expect(hits.some((w) => message.test(w.message))).toBe(true);
  });

  it.each([
    [2, /not valid JSON/],
    [4, /id: /],
    [5, /text: /],
    [6, /duplicate document id "a"/],
  ])("names line %i of the .jsonl file", (line, message) => {
    const hits = named(corpus.warnings, path.join("archive", "articles.jsonl")).filter((w) => w.line === line);
    expect(hits).toHaveLength(1);
    expect(hits[0]!.message).toMatch(message);
  });

  it("warns about nothing else: no hidden file, no .csv, no blank .jsonl line, no loop", () => {
    const expected = 9 + 4;
    expect(corpus.warnings).toHaveLength(expected);
    expect(corpus.warnings.some((w) => /hidden|notes\.csv/.test(w.file))).toBe(false);
  });

  it("reports each warning through onWarning as it happens", () => {
    expect(seen).toEqual(corpus.warnings);
  });

  it("keeps the first of two documents with the same id (sorted path order)", () => {
    const a = corpus.docs.find((d) => d.id === "a")!;
    expect(a.source.file).toBe("a.txt");
    expect(a.chunks.map((c) => c.text)).toEqual(AR_BODY);
  });

  it("applies good metadata and ignores a bad entry (title from the first line)", () => {
    const a = corpus.docs.find((d) => d.id === "a")!;
    expect(a.source).toMatchObject({ title: AR_TITLE, outlet: "Al-Alam", published: "2020-02-22", url: "https://example.com/a" });
    const b = corpus.docs.find((d) => d.id === "b")!;
    expect(b.source.title).toBe(FA_TITLE);
    expect(b.source.outlet).toBeUndefined();
    expect(b.source.file).toBe(path.join("nested", "deeper", "b.md"));
  });

  it("detects the language from the letters", () => {
    const lang = Object.fromEntries(corpus.docs.map((d) => [d.id, d.lang]));
    expect(lang).toMatchObject({ a: "ar", b: "fa", crlf: "fa", nobreaks: "ar" });
  });

  it("reads Windows line ends", () => {
    const doc = corpus.docs.find((d) => d.id === "crlf")!;
    expect(doc.source.title).toBe(FA_TITLE);
    expect(doc.chunks.every((c) => !c.text.includes("\r"))).toBe(true);
  });

  it("carries a .jsonl article's own metadata", () => {
    const j1 = corpus.docs.find((d) => d.id === "j1")!;
    expect(j1.source).toMatchObject({ title: "لافروف في طهران", outlet: "BBC Arabic", published: "2018-05-14", url: "https://bbc.com/1", category: "سياسة" });
    expect(j1.source.file).toBe(path.join("archive", "articles.jsonl"));
    expect(j1.lang).toBe("ar");
    expect(corpus.docs.find((d) => d.id === "j6")!.lang).toBe("fa");
  });

  it("splits a file without blank lines at sentence ends into chunks of bounded size", () => {
    const doc = corpus.docs.find((d) => d.id === "nobreaks")!;
    expect(doc.source.title).toBe(AR_TITLE);
    expect(doc.chunks.length).toBeGreaterThan(1);
    for (const c of doc.chunks) expect(c.text.length).toBeLessThanOrEqual(1200);
  });

  it("serves a file that is one long line", () => {
    const doc = corpus.docs.find((d) => d.id === "oneline")!;
    expect(doc.chunks.length).toBeGreaterThan(1);
    expect(doc.chunks[0]!.text.startsWith(sentence(0))).toBe(true);
  });
});

describe("loadCorpus: folders that cannot be served", () => {
  it("names a missing folder", async () => {
    const missing = path.join(tmp, "does-not-exist");
    await expect(loadCorpus([missing])).rejects.toThrow(CorpusError);
    await expect(loadCorpus([missing])).rejects.toThrow(missing);
  });

  it("names a path that is a file", async () => {
    const root = await tree("file-not-folder", { "x.txt": article(AR_TITLE, AR_BODY) });
    await expect(loadCorpus([path.join(root, "x.txt")])).rejects.toThrow(/not a folder.*x\.txt/);
  });

  it.each([
    ["an empty folder", {}],
    ["a folder of unreadable files", { "empty.txt": "", "bin.txt": Buffer.from([0, 1, 2]) }],
    ["a folder with only other file types", { "notes.csv": "a,b", "img.png": Buffer.from([0x89, 0x50]) }],
  ])("names %s", async (what, files) => {
    const root = await tree(`unservable-${what.replace(/\W+/g, "-")}`, files);
    await expect(loadCorpus([root])).rejects.toThrow(CorpusError);
    await expect(loadCorpus([root])).rejects.toThrow(root);
  });

  it("passes over a folder's own README and LICENSE files (they are not news)", async () => {
    const root = await tree("with-readme", { "README.md": "# About this archive\n\nFormat and licence.", "LICENSE.txt": "MIT", "a.txt": article(AR_TITLE, AR_BODY) });
    const corpus = await loadCorpus([root]);
    expect(corpus.docs.map((d) => d.id)).toEqual(["a"]);
  });

  it("a missing folder among good ones is still an error naming it", async () => {
    const good = await tree("good-one", { "x.txt": article(AR_TITLE, AR_BODY) });
    await expect(loadCorpus([good, path.join(tmp, "gone")])).rejects.toThrow(/gone/);
  });
});

describe("loadCorpus: several folders", () => {
  it("reads them in order and reports an id repeated across them", async () => {
    const one = await tree("multi-1", { "x.txt": article(AR_TITLE, AR_BODY) });
    const two = await tree("multi-2", { "x.txt": article(FA_TITLE, FA_BODY), "y.txt": article(FA_TITLE, FA_BODY) });
    const corpus = await loadCorpus([one, two]);
    expect(corpus.docs.map((d) => [d.id, d.lang])).toEqual([["x", "ar"], ["y", "fa"]]);
    expect(corpus.warnings).toHaveLength(1);
    expect(corpus.warnings[0]!.file).toBe(path.join(two, "x.txt"));
    expect(corpus.warnings[0]!.message).toMatch(/duplicate document id "x"/);
  });
});

describe("articleFromText", () => {
  it("uses the first non-empty line as title and drops its repetition", () => {
    const doc = articleFromText("d", `\n\n${AR_TITLE}\n\n${AR_TITLE}\n\n${AR_BODY.join("\n\n")}`, "d.txt");
    expect(doc.source).toEqual({ title: AR_TITLE, file: "d.txt" });
    expect(doc.chunks.map((c) => c.id)).toEqual(["d#1", "d#2"]);
    expect(doc.chunks.map((c) => c.text)).toEqual(AR_BODY);
  });

  it("prefers the metadata title and language", () => {
    const doc = articleFromText("d", article(AR_TITLE, AR_BODY), "d.txt", { title: "عنوان آخر", lang: "fa", outlet: "IRNA" });
    expect(doc.source).toMatchObject({ title: "عنوان آخر", outlet: "IRNA" });
    expect(doc.lang).toBe("fa");
  });

  it("cuts a very long title line to 300 characters", () => {
    expect(articleFromText("d", `${"ع".repeat(1000)}\n\n${AR_BODY.join("\n\n")}`, "d.txt").source.title).toHaveLength(300);
  });

  it("serves a one-line file as its own text (a title cannot be told from an article without line breaks)", () => {
    const doc = articleFromText("d", `${AR_TITLE}\n`, "d.txt");
    expect(doc.source.title).toBe(AR_TITLE);
    expect(doc.chunks.map((c) => c.text)).toEqual([AR_TITLE]);
    expect(articleFromText("d", "صورة أرشيفية\n", "d.txt").chunks).toEqual([]); // a fragment is still dropped
  });
});

describe("articleFromJson", () => {
  it("keeps the first paragraph when the line has no title", () => {
    const doc = articleFromJson({ id: "j", text: AR_BODY.join("\n\n") }, "a.jsonl");
    expect(doc.source.title).toBe(AR_BODY[0]);
    expect(doc.chunks.map((c) => c.text)).toEqual(AR_BODY);
  });

  it("serves a one-paragraph article without a title", () => {
    expect(articleFromJson({ id: "j", text: AR_BODY[0]! }, "a.jsonl").chunks).toHaveLength(1);
  });

  it("drops a paragraph that repeats the given title", () => {
    const doc = articleFromJson({ id: "j", title: AR_TITLE, text: [AR_TITLE, ...AR_BODY].join("\n\n") }, "a.jsonl");
    expect(doc.chunks.map((c) => c.text)).toEqual(AR_BODY);
  });

  it("keeps only http(s) URLs, trims the id and detects the language when the field is unknown", () => {
    const doc = articleFromJson({ id: " j ", url: "javascript:alert(1)", lang: "Farsi", text: FA_BODY.join("\n\n") }, "a.jsonl");
    expect(doc.id).toBe("j");
    expect(doc.chunks[0]!.id).toBe("j#1");
    expect(doc.source.url).toBeUndefined();
    expect(doc.lang).toBe("fa");
  });
});
