import { mkdir, mkdtemp, rm, writeFile, open } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEngine, type Engine } from "../../src/search/engine.js";
import { rig, sends, messageProblems } from "./helpers.js";
import { message } from "../bot/harness.js";

/**
 * The corpus cases of the issue are in test/corpus/load.test.ts (empty, binary, invalid UTF-8, oversized under a
 * small limit, no paragraph breaks, duplicate ids in nested folders, a metadata entry with a wrong field, links out of
 * the folder and broken links, each named in a warning while the rest is served). What it lacks: a real 50 MB file at
 * the default limit through the whole engine, and corpus text that is itself hostile reaching users through the bot.
 */

const AR = [
  "التقى السفير الإيراني لدى روسيا كاظم جلالي نائب وزير الخارجية الروسي وبحث معه التعاون في بحر قزوين.",
  "وأكد الجانبان ضرورة استمرار التشاور والتعاون بين البلدين في القضايا الإقليمية والدولية.",
];

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), "hardening-corpus-"));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe("a 50 MB file at the default limit", () => {
  let engine: Engine;
  beforeAll(async () => {
    const root = path.join(tmp, "big");
    await mkdir(root, { recursive: true });
    await writeFile(path.join(root, "good.txt"), ["جلالي في موسكو", "", ...AR.flatMap((p) => [p, ""])].join("\n"));
    // 50 MB of Arabic text without a single line break, written without holding it in memory.
    const fh = await open(path.join(root, "huge.txt"), "w");
    const block = Buffer.from(`${AR[0]} `.repeat(500));
    for (let written = 0; written < 50 * 1024 * 1024; written += block.length) await fh.write(block);
    await fh.close();
    engine = await createEngine([root]);
  });

  it("is skipped with a warning naming it, and the rest is served", () => {
    const w = engine.warnings.filter((x) => x.file.endsWith("huge.txt"));
    expect(w).toHaveLength(1);
    expect(w[0]!.message).toMatch(/too large/);
    expect(engine.docs.map((d) => d.id)).toEqual(["good"]);
    expect(engine.search("جلالي", { limit: 3 }).results[0]?.docId).toBe("good");
  });
});

describe("hostile corpus text through the bot", () => {
  let engine: Engine;
  beforeAll(async () => {
    const root = path.join(tmp, "hostile");
    await mkdir(root, { recursive: true });
    const evil = '<b>جلالي</b> & <a href="javascript:alert(1)">x</a> </blockquote> \u202E\u001B \uD800 *bold* [l](http://e)';
    await writeFile(path.join(root, "evil.txt"), [`${evil} عنوان`, "", `${evil} ${AR[0]}`, "", `${AR[1]} ${evil}`, ""].join("\n"));
    await writeFile(
      path.join(root, "sources.json"),
      JSON.stringify({ evil: { outlet: '<i>Outlet</i> & "Co"', url: 'https://example.org/a?x=1&y="2"<b>', title: `${evil} title`, dateText: "<13 October>" } }),
    );
    engine = await createEngine([root]);
  });

  it("answers, /sources, the full article and inline results are valid HTML showing the text as text", async () => {
    expect(engine.docs).toHaveLength(1);
    const r = rig({ engine });
    const answer = sends(await r.send({ message: message("جلالي") }));
    expect(answer.length).toBeGreaterThan(0);
    const article = sends(await r.send({ callback_query: { id: "c", from: { id: 7, is_bot: false, first_name: "A" }, chat_instance: "ci", data: "a|0|evil", message: message("x") } }));
    expect(article.length).toBeGreaterThan(0);
    const sources = sends(await r.send({ message: message("/sources") }));
    const [inline] = await r.send({ inline_query: { id: "iq", from: { id: 7, is_bot: false, first_name: "A" }, query: "جلالي", offset: "", chat_type: "sender" } });
    const htmls = [...answer, ...article, ...sources].map((c) => c.payload.text as string);
    htmls.push(...(inline!.payload.results as any[]).map((x) => x.input_message_content.message_text as string));
    expect((inline!.payload.results as unknown[]).length).toBeGreaterThan(0);
    for (const html of htmls) {
      expect(messageProblems(html)).toEqual([]);
      expect(html).not.toMatch(/<a href="(?!https?:)/); // links only to http(s); the rest stays text
      expect(html).not.toContain("\u202E");
    }
    expect(htmls.join("\n")).toContain("&lt;b&gt;");
    expect(r.logs().filter((l) => l.level === "error")).toEqual([]);
  });
});
