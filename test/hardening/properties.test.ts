import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { createEngine, type Engine } from "../../src/search/engine.js";
import { fold, detectLang } from "../../src/text/fold.js";
import { tokenize } from "../../src/text/tokenize.js";
import { analyze } from "../../src/text/analyze.js";
import { normalizeQuestion } from "../../src/reply/question.js";
import { renderAnswer, renderInlineItem, renderArticle } from "../../src/reply/answer.js";
import { loadTexts, LANGS, type TextsByLang } from "../../src/reply/texts.js";
import { MAX_CALLBACK_BYTES } from "../../src/bot/callback-data.js";
import { message } from "../bot/harness.js";
import { hasLoneSurrogate, hostileString, messageProblems, parseTelegramHtml, rig, sends } from "./helpers.js";

/**
 * Property-based tests over the whole pipeline with hostile strings (bidi controls, joiners, combining marks, emoji,
 * lone surrogates, control characters, HTML and Markdown, 0–10 000 characters): nothing throws, the engine answers,
 * and every message the bot would send is valid Telegram HTML within 4096 characters that shows the user's text as
 * text, never as markup.
 */

/** Runs per property; HARDENING_RUNS=5000 for a deeper search. */
const RUNS = Number(process.env.HARDENING_RUNS ?? 150);
let engine: Engine;
let texts: TextsByLang;
beforeAll(async () => {
  engine = await createEngine(["seeds"]);
  texts = loadTexts();
});

describe("the test's own Telegram HTML checker", () => {
  it.each([
    ["<b>ok</b> &amp; &lt;b&gt;", []],
    ['<blockquote expandable>x</blockquote><a href="https://x.org/?a=1&amp;b=2">l</a>', []],
    ["<script>x</script>", ["tag not allowed"]],
    ["<b>x", ["unclosed"]],
    ["<b><i>x</b></i>", ["closes"]],
    ["a < b", ['raw "<"']],
    ["a > b", ['raw ">"']],
    ["fish & chips", ['raw "&"']],
    ["&nbsp;", ['raw "&"']],
    ['<a href="javascript:alert(1)">x</a>', ["bad attributes"]],
    ["<b class=\"x\">x</b>", ["bad attributes"]],
    ["<blockquote><blockquote>x</blockquote></blockquote>", ["nested blockquote"]],
    ["<pre><b>x</b></pre>", ["inside pre/code"]],
  ])("%j", (html, expected) => {
    const { problems } = parseTelegramHtml(html);
    expect(problems.length > 0).toBe(expected.length > 0);
    for (const e of expected) expect(problems.some((p) => p.includes(e)), problems.join("; ")).toBe(true);
  });

  it("sees the text a user would see", () => {
    expect(parseTelegramHtml("🔎 <b>&lt;b&gt; &amp; &quot;x&quot;</b>").visible).toBe('🔎 <b> & "x"');
  });
});

describe("text functions on hostile strings", () => {
  it("fold, tokenize, analyze and detectLang never throw and give well-formed output", () => {
    fc.assert(
      fc.property(hostileString(), (s) => {
        const folded = fold(s);
        expect(typeof folded).toBe("string");
        const tokens = tokenize(s);
        for (const t of tokens) expect(t.length).toBeGreaterThan(0);
        for (const term of analyze(s)) expect(typeof term).toBe("string");
        expect(["ar", "fa", "en"]).toContain(detectLang(s));
      }),
      { numRuns: RUNS },
    );
  });

  it("normalizeQuestion gives at most 500 characters, no lone surrogate, no bidi override, idempotent", () => {
    fc.assert(
      fc.property(hostileString(), (s) => {
        const q = normalizeQuestion(s);
        expect(q.length).toBeLessThanOrEqual(500);
        expect(hasLoneSurrogate(q)).toBe(false);
        expect(q).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u0000-\u0008]/);
        expect(normalizeQuestion(q)).toBe(q);
      }),
      { numRuns: RUNS },
    );
  });
});

describe("the engine on hostile strings", () => {
  it("search returns a well-formed response for any question, also when paged", () => {
    fc.assert(
      fc.property(hostileString(), fc.integer({ min: 0, max: 50 }), (q, offset) => {
        const r = engine.search(q, { limit: 3, offset });
        expect(Array.isArray(r.results)).toBe(true);
        expect(r.results.length).toBeLessThanOrEqual(3);
        expect(r.total).toBeGreaterThanOrEqual(0);
        for (const x of r.results) {
          expect(engine.getChunk(x.chunkId)).toBeDefined();
          for (const [s, e] of x.highlights) {
            expect(s).toBeGreaterThanOrEqual(0);
            expect(e).toBeLessThanOrEqual(x.text.length);
            expect(e).toBeGreaterThan(s);
          }
        }
      }),
      { numRuns: RUNS },
    );
  });
});

describe("replies to hostile questions", () => {
  it("renderAnswer: every page in every language is valid Telegram HTML, ≤ 4096 characters, restating the question as text", () => {
    fc.assert(
      fc.property(hostileString(), fc.constantFrom(...LANGS), fc.integer({ min: 0, max: 9 }), (raw, lang, offset) => {
        const question = normalizeQuestion(raw);
        if (!question) return;
        const response = engine.search(question, { limit: 3, offset });
        const messages = renderAnswer(response, { question, offset, texts: texts[lang], lang });
        expect(messages.length).toBeGreaterThan(0);
        for (const m of messages) expect(messageProblems(m.html)).toEqual([]);
        // The first line shows the question exactly as the user wrote it (normalized), as text: nothing of it was
        // taken as markup, nothing was double-escaped.
        const firstLine = parseTelegramHtml(messages[0]!.html).visible.split("\n", 1)[0]!;
        expect(firstLine).toBe(`🔎 ${question.split("\n", 1)[0]}`);
      }),
      { numRuns: RUNS },
    );
  });

  it("through the bot (handleUpdate): every message sent is valid, within limits, with buttons ≤ 64 bytes and a reply that survives a deleted question", async () => {
    const r = rig({ engine });
    await fc.assert(
      fc.asyncProperty(hostileString(), async (text) => {
        const calls = await r.send({ message: message(text) });
        const out = sends(calls);
        // Whatever came in, the user hears back (an answer, "nothing found", the usage hint or the note that
        // questions are written), and the bot never fails.
        expect(out.length).toBeGreaterThan(0);
        for (const c of out) {
          expect(messageProblems(c.payload.text)).toEqual([]);
          expect(c.payload.parse_mode).toBe("HTML");
          if (c.payload.reply_parameters) expect(c.payload.reply_parameters.allow_sending_without_reply).toBe(true);
          for (const b of (c.payload.reply_markup?.inline_keyboard ?? []).flat() as { callback_data?: string; text: string }[]) {
            if (b.callback_data !== undefined) expect(Buffer.byteLength(b.callback_data)).toBeLessThanOrEqual(MAX_CALLBACK_BYTES);
            expect(hasLoneSurrogate(b.text)).toBe(false);
          }
        }
        const question = normalizeQuestion(text);
        // Leading commands and mentions of the bot are not part of the question.
        if (question && !question.startsWith("/") && !/@thebot/i.test(text)) {
          expect(parseTelegramHtml(out[0]!.payload.text).visible.startsWith(`🔎 ${question.split("\n", 1)[0]}`)).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
    expect(r.logs().filter((l) => l.level === "error")).toEqual([]);
  });

  it("inline mode: every result posts valid HTML within limits, with ids ≤ 64 bytes, for any query and offset", async () => {
    const r = rig({ engine });
    await fc.assert(
      fc.asyncProperty(hostileString(300), fc.oneof(fc.constant(""), fc.string({ maxLength: 8 }), fc.nat({ max: 2000 }).map(String)), async (query, offset) => {
        const calls = await r.send({ inline_query: { id: "iq", from: { id: 7, is_bot: false, first_name: "A" }, query, offset, chat_type: "sender" } });
        expect(calls.map((c) => c.method)).toEqual(["answerInlineQuery"]);
        const results = calls[0]!.payload.results as any[];
        expect(results.length).toBeLessThanOrEqual(50);
        expect(new Set(results.map((x) => x.id)).size).toBe(results.length);
        for (const x of results) {
          expect(Buffer.byteLength(x.id)).toBeLessThanOrEqual(64);
          expect(messageProblems(x.input_message_content.message_text)).toEqual([]);
          expect(hasLoneSurrogate(x.title + x.description)).toBe(false);
        }
      }),
      { numRuns: RUNS },
    );
  });
});

describe("hostile corpus text", () => {
  it("renders paragraphs, titles, outlets and links from an arbitrary article as valid HTML", () => {
    const sample = engine.search("لافروف في طهران", { limit: 1 }).results[0]!;
    fc.assert(
      fc.property(hostileString(6000), hostileString(300), hostileString(60), fc.oneof(fc.constant(undefined), hostileString(200), fc.constant('https://x.org/"><b>x</b>&a=1')), fc.constantFrom(...LANGS), (text, title, outlet, url, lang) => {
        const result = { ...sample, text, source: { ...sample.source, title, outlet, url }, highlights: [[0, 5], [3, 9], [text.length - 3, text.length + 2]] as [number, number][] };
        const t = texts[lang];
        const answer = renderAnswer({ ...engine.search("x", { limit: 0 }), total: 1, results: [result] }, { question: "q", texts: t, lang });
        for (const m of answer) expect(messageProblems(m.html)).toEqual([]);
        expect(messageProblems(renderInlineItem(result, t, lang).html)).toEqual([]);
        const doc = { ...engine.getDoc(sample.docId)!, source: result.source, chunks: [{ ...engine.getDoc(sample.docId)!.chunks[0]!, text }] };
        for (const part of [0, 3]) for (const m of renderArticle(doc, part, t, lang)) expect(messageProblems(m.html)).toEqual([]);
      }),
      { numRuns: 80 },
    );
  });
});

describe("regressions found by the properties", () => {
  it.each([
    ["a\rb", "a b"],
    ["Lavrov\u000BTehran", "Lavrov Tehran"],
    ["Lavrov\u0085Tehran", "Lavrov Tehran"],
    ["Lavrov\fTehran", "Lavrov Tehran"],
    ["a\u0000b", "ab"],
  ])("a control character that separates words keeps them apart: %j", (input, expected) => {
    expect(normalizeQuestion(input)).toBe(expected);
  });
});
