import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createEngine } from "../../src/search/engine.js";
import { DEFAULT_PROMPTS_DIR, fill, LANGS, loadTexts, pickLang, PromptsError, scriptLang } from "../../src/reply/texts.js";

describe("prompts", () => {
  it("loads en, ar and fa", () => {
    const texts = loadTexts();
    expect(Object.keys(texts)).toEqual([...LANGS]);
    expect(texts.ar.dir).toBe("rtl");
  });

  it("every example question finds something in the seed corpus", async () => {
    const engine = await createEngine(["seeds"]);
    const texts = loadTexts();
    for (const lang of LANGS) {
      for (const q of texts[lang].examples) expect(engine.search(q, { limit: 1 }).results.length, `${lang}: ${q}`).toBe(1);
    }
  });

  it("lists every problem of broken prompt files in one error", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "prompts-"));
    const en = JSON.parse(readFileSync(path.join(DEFAULT_PROMPTS_DIR, "en.json"), "utf8"));
    writeFileSync(path.join(dir, "en.json"), JSON.stringify({ ...en, resultsHeader: "Results {from}", help: "<div>x</div>" }));
    writeFileSync(path.join(dir, "ar.json"), "{ not json");
    // fa.json missing
    let message = "";
    try {
      loadTexts(dir);
    } catch (error) {
      expect(error).toBeInstanceOf(PromptsError);
      message = (error as Error).message;
    }
    rmSync(dir, { recursive: true, force: true });
    expect(message).toContain("en.json: resultsHeader: missing placeholder {to}");
    expect(message).toContain("en.json: help: not valid Telegram HTML: tag not allowed: <div>");
    expect(message).toContain("ar.json:");
    expect(message).toContain("fa.json:");
  });

  it("fill escapes values", () => {
    expect(fill("Hi {name}, {n}", { name: "<b>&", n: 3 })).toBe("Hi &lt;b&gt;&amp;, 3");
  });
});

describe("language choice", () => {
  it.each<[string | undefined, string, string]>([
    ["en", "لافروف في طهران", "en"],
    ["ar", "Lavrov", "ar"],
    ["fa-IR", "", "fa"],
    ["ru", "لافروف في طهران", "ar"],
    [undefined, "لاوروف در تهران چه گفت", "fa"],
    [undefined, "همکاری", "fa"],
    [undefined, "Lavrov in Tehran", "en"],
    ["de", "🙂", "en"],
  ])("language_code %s, question %s → %s", (code, question, expected) => {
    expect(pickLang(code, question)).toBe(expected);
  });

  it("tells Persian from Arabic by letters only Persian has", () => {
    expect(scriptLang("گفت‌وگو")).toBe("fa");
    expect(scriptLang("محادثات")).toBe("ar");
    expect(scriptLang("talks")).toBeUndefined();
  });
});
