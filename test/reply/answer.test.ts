import { beforeAll, describe, expect, it } from "vitest";
import type { Doc, SourceInfo } from "../../src/corpus/types.js";
import { createEngine, type Engine, type SearchResponse, type SearchResult } from "../../src/search/engine.js";
import { articleMessages, EXPANDABLE_OVER, formatDate, renderAnswer, renderArticle, renderInlineItem, renderSources, sourceLine, type Button } from "../../src/reply/answer.js";
import { htmlToPlain, validateTelegramHtml } from "../../src/reply/html.js";
import { formatPlainAnswer } from "../../src/reply/plain.js";
import { restatedQuestion } from "../../src/reply/question.js";
import { MAX_MESSAGE_CHARS } from "../../src/reply/split.js";
import { loadTexts, type TextsByLang } from "../../src/reply/texts.js";

let engine: Engine;
let texts: TextsByLang;
beforeAll(async () => {
  engine = await createEngine(["seeds"]);
  texts = loadTexts();
});

type Over = Omit<Partial<SearchResult>, "source"> & { source?: Partial<SourceInfo> };

function result(over: Over = {}): SearchResult {
  const { source, ...rest } = over;
  return {
    docId: "d1",
    chunkId: "d1#1",
    paragraph: 1,
    text: "وكان لافروف وصل إلى طهران",
    score: 1,
    lang: "ar",
    matched: [],
    highlights: [],
    alsoIn: [],
    ...rest,
    source: { title: "عنوان", outlet: "SANA", file: "d1.txt", ...source },
  };
}

function response(results: SearchResult[], total = results.length, query = "q", limitedToTime = false): SearchResponse {
  return { query, lang: "ar", total, results, understood: [], outsideSubject: false, limitedToTime };
}

function assertSendable(html: string) {
  expect(html.length).toBeLessThanOrEqual(MAX_MESSAGE_CHARS);
  expect(validateTelegramHtml(html)).toEqual([]);
}

const actions = (buttons: Button[][] | undefined) => (buttons ?? []).flat().map((b) => ("action" in b ? b.action : b.url));

describe("renderAnswer on the seed corpus", () => {
  it("restates the question, quotes the Arabic excerpt with bold matches and gives its source", () => {
    const question = "لافروف في طهران";
    const messages = renderAnswer(engine.search(question, { limit: 3 }), { question, texts: texts.en, lang: "en" });
    expect(messages).toHaveLength(1);
    const html = messages[0]!.html;
    assertSendable(html);
    expect(html.startsWith("🔎 <b>لافروف في طهران</b>\n")).toBe(true);
    expect(html).toMatch(/Results 1–3 of \d+/);
    expect(html).toContain("<blockquote>\u200F");
    expect(html).toContain("<b>لافروف</b>");
    expect(html).toContain("<b>طهران</b>");
    expect(html).toMatch(/<b>1\.<\/b> Middle East News · February · «\u2068بزشكيان[^»]*\u2069» · ¶\d+/);
    // What Telegram shows as text gives the question back (for "More").
    expect(restatedQuestion(htmlToPlain(html))).toBe(question);
    const acts = actions(messages[0]!.buttons);
    expect(acts).toContainEqual({ kind: "article", docId: "002_d82156b5d301b4e1", part: 0 });
    expect(acts).toContainEqual({ kind: "more", question, offset: 3 });
  });

  it("gives one Full article button per article, labelled with its result numbers", () => {
    const results = [result({ docId: "d1" }), result({ docId: "d2" }), result({ docId: "d1" })];
    const [m] = renderAnswer(response(results, 3), { question: "q", texts: texts.en, lang: "en" });
    expect(m!.buttons![0]!.map((b) => b.text)).toEqual(["📄 1, 3", "📄 2"]);
    expect(actions(m!.buttons)).toEqual([{ kind: "article", docId: "d1", part: 0 }, { kind: "article", docId: "d2", part: 0 }]);
  });

  it("numbers the second page from offset + 1 and has no More on the last page", () => {
    const question = "لافروف في طهران";
    const all = engine.search(question, { limit: 100 }).total;
    const offset = Math.max(0, all - 2);
    const page = renderAnswer(engine.search(question, { limit: 3, offset }), { question, offset, texts: texts.en, lang: "en" });
    expect(page[0]!.html).toContain(`Results ${offset + 1}–${all} of ${all}`);
    expect(page[0]!.html).toContain(`<b>${offset + 1}.</b>`);
    expect(actions(page.at(-1)!.buttons).some((a) => typeof a === "object" && a.kind === "more")).toBe(false);
  });

  it("says nothing was found in the user's language and offers the examples", () => {
    const [m] = renderAnswer(engine.search("xyzzy plugh", { limit: 3 }), { question: "xyzzy plugh", texts: texts.fa, lang: "fa" });
    expect(m!.html).toContain(texts.fa.nothingFound);
    expect(actions(m!.buttons)).toEqual([0, 1, 2].map((index) => ({ kind: "example", lang: "fa", index })));
    assertSendable(m!.html);
  });

  it.each(["en", "ar", "fa"] as const)("says in %s when the month a question names left nothing, and that without it there may be more", (lang) => {
    // The seed corpus has no article of December 2010 (the Caspian article is of February 2020); without the month it has several.
    const question = "Jalali on the Caspian Sea in December 2010";
    const limited = engine.search(question, { limit: 3 });
    expect(limited.results).toEqual([]);
    expect(limited.limitedToTime).toBe(true);
    const [m] = renderAnswer(limited, { question, texts: texts[lang], lang });
    expect(m!.html).toContain(texts[lang].nothingFoundInTime);
    expect(m!.html).not.toContain(texts[lang].nothingFound);
    assertSendable(m!.html);
    expect(engine.search("Jalali on the Caspian Sea", { limit: 3 }).results.length).toBeGreaterThan(0);
  });

  it("says the same in the terminal chat's plain text", () => {
    expect(formatPlainAnswer(engine.search("Jalali on the Caspian Sea in December 2010", { limit: 3 }))).toMatch(/^Nothing found for: .*nothing from the time it names/);
    expect(formatPlainAnswer(engine.search("xyzzy plugh", { limit: 3 }))).toBe("Nothing found for: xyzzy plugh");
  });

  it("does not blame the date when a bare year names none or nothing matches anyway", () => {
    expect(engine.search("Jalali on the Caspian Sea in 2010", { limit: 3 }).limitedToTime).toBe(false);
    const [m] = renderAnswer(engine.search("xyzzy plugh", { limit: 3 }), { question: "xyzzy plugh", texts: texts.en, lang: "en" });
    expect(m!.html).toContain(texts.en.nothingFound);
  });

  it.each(["en", "ar", "fa"] as const)("says in %s when a question is outside what the bot follows", (lang) => {
    const question = "نتائج مباريات كرة القدم";
    const [m] = renderAnswer(engine.search(question, { limit: 3 }), { question, texts: texts[lang], lang });
    expect(m!.html).toContain(texts[lang].outsideSubject);
    expect(m!.html).not.toContain(texts[lang].nothingFound);
    assertSendable(m!.html);
  });
});

describe("renderAnswer with hostile and tricky corpus text", () => {
  it.each<[string, Over, (html: string) => void]>([
    ["HTML in the excerpt, title and outlet is escaped", { text: "<script>alert(1)</script> & co", source: { title: "<b>t</b>", outlet: "A&B <x>" } }, (h) => {
      expect(h).toContain("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co");
      expect(h).toContain("&lt;b&gt;t&lt;/b&gt;");
      expect(h).toContain("A&amp;B &lt;x&gt;");
    }],
    ["a javascript: link is left out", { source: { url: "javascript:alert(1)" } }, (h) => expect(h).not.toContain("href")],
    ["an http link is kept, quotes escaped", { source: { url: 'https://e.x/a?b="c"&d=1' } }, (h) => expect(h).toContain('<a href="https://e.x/a?b=%22c%22&amp;d=1">link</a>')],
    ["a published date is shown in full", { source: { published: "2020-02-22" } }, (h) => expect(h).toContain("22 Feb 2020")],
    ["a stated date is shown as stated", { source: { dateText: "13 October" } }, (h) => expect(h).toContain("13 October")],
    ["emoji, ZWNJ and RTL marks survive", { text: "می\u200Cخواهم 🇮🇷 \u200Fنص", source: { title: "سلام 👋" } }, (h) => {
      expect(h).toContain("می\u200Cخواهم 🇮🇷 \u200Fنص");
      expect(h).toContain("سلام 👋");
    }],
    ["a bidi override in corpus text cannot flip the message", { text: "abc\u202Edef", source: { title: "t\u202E" } }, (h) => expect(h).not.toContain("\u202E")],
    ["a long excerpt is expandable", { text: "كلمة ".repeat(EXPANDABLE_OVER / 4) }, (h) => expect(h).toContain("<blockquote expandable>")],
    ["also reported by lists other outlets once, not the result's own", {
      alsoIn: [
        { docId: "d2", chunkId: "d2#1", source: { title: "x", outlet: "IRNA", file: "d2" } },
        { docId: "d3", chunkId: "d3#1", source: { title: "y", outlet: "IRNA", file: "d3" } },
        { docId: "d4", chunkId: "d4#1", source: { title: "z", outlet: "SANA", file: "d4" } },
      ],
    }, (h) => expect(h).toContain("<i>Also reported by IRNA</i>")],
  ])("%s", (_, over, check) => {
    const messages = renderAnswer(response([result(over)]), { question: "q", texts: texts.en, lang: "en" });
    const html = messages.map((m) => m.html).join("\n");
    for (const m of messages) assertSendable(m.html);
    check(html);
  });

  it("a question that looks like HTML is escaped in the restated line", () => {
    const [m] = renderAnswer(response([result()]), { question: '<a href="x">&', texts: texts.en, lang: "en" });
    expect(m!.html.startsWith("🔎 <b>&lt;a href=&quot;x&quot;&gt;&amp;</b>")).toBe(true);
  });

  it("splits a page of huge excerpts into messages within 4096 characters, buttons on the last", () => {
    const big = "لافروف ".repeat(1500);
    const results = [1, 2, 3].map((n) => result({ text: big, paragraph: n, highlights: [[0, 6]] }));
    const messages = renderAnswer(response(results, 9), { question: "q", texts: texts.ar, lang: "ar" });
    expect(messages.length).toBeGreaterThan(3);
    for (const m of messages) assertSendable(m.html);
    expect(messages.slice(0, -1).every((m) => m.buttons === undefined)).toBe(true);
    expect(actions(messages.at(-1)!.buttons)).toContainEqual({ kind: "more", question: "q", offset: 3 });
  });
});

describe("sources, articles, inline items", () => {
  it("formats dates per language", () => {
    expect(formatDate({ published: "2020-02-22" }, "en")).toBe("22 Feb 2020");
    expect(formatDate({ published: "2020-02-22" }, "fa")).toMatch(/۲۰۲۰|2020/);
    expect(formatDate({ published: "2020" }, "en")).toBe("2020");
    expect(formatDate({ dateText: "February" }, "en")).toBe("February");
    expect(formatDate({}, "en")).toBeUndefined();
  });

  it("builds a source line with only the known parts", () => {
    expect(sourceLine({ title: "T", file: "f" }, texts.en, "en", 3)).toBe("«T» · ¶3");
  });

  it("shows a whole seed article, every message sendable, paragraphs in order", () => {
    const doc = engine.getDoc("003_95620cfd22d33f1f")!;
    const messages = articleMessages(doc, texts.en, "en");
    for (const m of messages) assertSendable(m);
    const plain = messages.map(htmlToPlain).join("\n");
    expect(plain).toContain(doc.source.title);
    let at = 0;
    for (const chunk of doc.chunks) {
      const i = plain.indexOf(chunk.text.slice(0, 30), at);
      expect(i).toBeGreaterThanOrEqual(at);
      at = i;
    }
  });

  it("pages a long article three messages at a time with Continue", () => {
    const chunks = Array.from({ length: 40 }, (_, i) => ({ id: `big#${i + 1}`, docId: "big", n: i + 1, text: `فقرة ${i + 1} ${"نص ".repeat(400)}` }));
    const doc: Doc = { id: "big", lang: "ar", source: { title: "Big", file: "big.txt" }, chunks };
    const first = renderArticle(doc, 0, texts.en, "en");
    expect(first).toHaveLength(3);
    expect(actions(first[2]!.buttons)).toEqual([{ kind: "article", docId: "big", part: 3 }]);
    expect(renderArticle(doc, 999, texts.en, "en")).toEqual([]);
  });

  it("lists the sources", () => {
    const [m] = renderSources(engine.docs, texts.en, "en");
    assertSendable(m!.html);
    expect(m!.html).toContain(`The ${engine.docs.length} articles I know`);
    expect(m!.html).toContain("Al-Alam · 22 Feb 2020");
  });

  it("makes an inline item that always fits in one message", () => {
    const item = renderInlineItem(result({ text: "<كلمة> ".repeat(2000) }), texts.en, "en");
    assertSendable(item.html);
    expect(item.description.length).toBeLessThan(200);
    expect(item.html).toContain("«\u2068عنوان\u2069»");
  });
});
