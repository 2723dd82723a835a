import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadLexicon } from "../../src/lexicon/lexicon.js";
import { loadTexts } from "../../src/reply/texts.js";
import { buildInWorker, type IndexBuilder } from "../../src/serve/builder.js";
import { EngineHolder } from "../../src/serve/holder.js";
import { inlineQuery, makeHarness, press, privateText, type Call } from "../bot/harness.js";

const lexicon = loadLexicon();
const texts = loadTexts();
const ADMIN = 99;
const NEW_TEXT = "بعثة فلكية في زحلستان\n\nزارت بعثة الكواكب البعيدة مدينة زحلستان لبحث التعاون في مجال الفلك والمراصد الحديثة.\n";

let dir: string;
let corpus: string;
let cache: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "reload-test-"));
  corpus = path.join(dir, "corpus");
  cache = path.join(dir, "cache");
  cpSync("seeds", corpus, { recursive: true });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const sends = (calls: Call[]) => calls.filter((c) => c.method === "sendMessage");
const open = (builder?: IndexBuilder) => EngineHolder.open({ folders: [corpus], cacheDir: cache, lexicon, onWarning: () => {}, ...(builder ? { builder } : {}) });

/** A builder that waits for `release()` before building (in the worker). */
function gated(): { builder: IndexBuilder; release: () => void } {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  return { builder: async (job, p, s) => (await gate, buildInWorker(job, p, s)), release };
}

describe("/reload through grammY", () => {
  it("answers at once, keeps answering during the build, and reports when the new article is findable", async () => {
    const warm = await open();
    await warm.idle();
    const { builder, release } = gated();
    const holder = await open(builder);
    const h = makeHarness({ engine: holder, adminUserIds: [ADMIN] });
    writeFileSync(path.join(corpus, "zz_new.txt"), NEW_TEXT);

    const [started, ...rest] = sends(await h.send(privateText("/reload", { id: ADMIN })));
    expect(started!.payload.text).toBe(texts.en.reloadStarted);
    expect(rest).toEqual([]);
    // While it builds, questions are answered from the previous index.
    const during = sends(await h.send(privateText("Lavrov in Tehran")));
    expect(during[0]!.payload.text).toContain("<blockquote");
    expect(sends(await h.send(privateText("زحلستان")))[0]!.payload.text).toContain(texts.en.nothingFound.slice(0, 20));

    release();
    await holder.idle();
    await new Promise((r) => setTimeout(r, 10));
    const report = h.calls.filter((c) => c.method === "sendMessage").at(-1);
    expect(report!.payload.text).toBe(`Corpus reloaded: ${holder.current.docs.length} articles, ${holder.current.warnings.length} warnings.`);
    const found = sends(await h.send(privateText("زحلستان")));
    expect(found[0]!.payload.text).toContain("زحلستان");
    expect(found[0]!.payload.text).toContain("<blockquote");
    expect(h.logs.find((l) => l.msg === "corpus reloaded")).toMatchObject({ mode: "delta", files: 1 });
  });

  it("a failed build: the reply says why and the previous corpus keeps answering", async () => {
    const warm = await open();
    await warm.idle();
    const holder = await open(async () => {
      throw new Error("cannot write the index file (ENOSPC)");
    });
    const h = makeHarness({ engine: holder, adminUserIds: [ADMIN] });
    writeFileSync(path.join(corpus, "zz_new.txt"), NEW_TEXT);
    expect(sends(await h.send(privateText("/reload", { id: ADMIN })))[0]!.payload.text).toBe(texts.en.reloadStarted);
    await holder.idle();
    await new Promise((r) => setTimeout(r, 10));
    const report = h.calls.filter((c) => c.method === "sendMessage").at(-1);
    expect(report!.payload.text).toBe("Reloading failed (cannot write the index file (ENOSPC)); I keep answering from the previous corpus.");
    expect(h.logs.find((l) => l.msg === "reload failed")).toMatchObject({ level: "error", error: "cannot write the index file (ENOSPC)" });
    expect(sends(await h.send(privateText("Lavrov in Tehran")))[0]!.payload.text).toContain("<blockquote");
  });

  it("/reload is refused to others and starts nothing", async () => {
    const holder = await open();
    await holder.idle();
    const h = makeHarness({ engine: holder, adminUserIds: [ADMIN] });
    expect(sends(await h.send(privateText("/reload")))[0]!.payload.text).toBe(texts.en.adminOnly);
    expect(holder.busy).toBe(false);
  });

  it("with no index yet: questions, presses and inline queries are told the archive is being indexed", async () => {
    const { builder, release } = gated();
    const holder = await open(builder);
    expect(holder.ready).toBe(false);
    const h = makeHarness({ engine: holder, adminUserIds: [ADMIN] });
    const [m] = sends(await h.send(privateText("Lavrov in Tehran")));
    expect(m!.payload.text).toBe(texts.en.indexing);
    const [fa] = sends(await h.send(privateText("سفر لاوروف به تهران", { language_code: "fa" })));
    expect(fa!.payload.text).toBe(texts.fa.indexing);
    const [toast] = await h.send(press("q|3|Lavrov"));
    expect(toast).toMatchObject({ method: "answerCallbackQuery", payload: { text: texts.en.toasts.indexing } });
    const [inline] = await h.send(inlineQuery("Lavrov"));
    expect(inline!.payload).toMatchObject({ results: [], button: { text: texts.en.inline.indexing } });
    expect(sends(await h.send(privateText("/help")))[0]!.payload.text).toBe(texts.en.help);
    release();
    await holder.idle();
    expect(sends(await h.send(privateText("Lavrov in Tehran")))[0]!.payload.text).toContain("<blockquote");
  });
});
