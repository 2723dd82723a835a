import type { Doc, SourceInfo } from "../corpus/types.js";
import type { SearchResponse, SearchResult } from "../search/engine.js";
import { displayText, emphasize, escapeHtml, isolate, LRM, RLM, startsRtl } from "./html.js";
import { QUESTION_MARK } from "./question.js";
import { MAX_MESSAGE_CHARS, splitHtml } from "./split.js";
import { fill, type Texts, type UiLang } from "./texts.js";

/**
 * Turning search results into Telegram messages: pure functions from data to HTML and abstract buttons. The bot layer
 * encodes the buttons' actions into callback data; the terminal chat shows the same messages as plain text.
 */

/** What pressing a button does; `bot/callback-data.ts` packs it into Telegram's 64 bytes. */
export type Action =
  | { kind: "more"; question: string; offset: number }
  | { kind: "article"; docId: string; part: number }
  | { kind: "example"; lang: UiLang; index: number };

export type Button = { text: string; action: Action } | { text: string; url: string };

/** One message to send: Telegram HTML (≤ 4096 characters) and its inline keyboard. */
export interface OutMessage {
  html: string;
  buttons?: Button[][];
}

/** Results per answer page. */
export const PAGE_SIZE = 3;
/** Excerpts longer than this (characters) are shown in an expandable (collapsed) blockquote. */
export const EXPANDABLE_OVER = 400;
/** Messages sent per "Full article" press; a "Continue" button brings the next ones. */
export const ARTICLE_MESSAGES_PER_PRESS = 3;
/** Characters of an article shown at most (about 25 messages); a longer one ends with a note and its link. */
export const MAX_ARTICLE_CHARS = 100_000;
/** Entries listed by /sources. */
export const MAX_SOURCES_LISTED = 100;
/** Longest link put into a message (longer URLs are left out rather than cut). */
const MAX_URL_CHARS = 1000;

const LOCALES: Record<UiLang, string> = { en: "en-GB", ar: "ar-u-ca-gregory", fa: "fa-u-ca-gregory" };

/** A date as the source gives it: `published` (ISO) in the user's language, else the stated `dateText`. */
export function formatDate(source: Pick<SourceInfo, "published" | "dateText">, lang: UiLang): string | undefined {
  const p = source.published;
  if (p) {
    const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(p);
    if (m) {
      const [, y, mo, d] = m;
      const date = new Date(Date.UTC(Number(y), mo ? Number(mo) - 1 : 0, d ? Number(d) : 1));
      const options: Intl.DateTimeFormatOptions = { timeZone: "UTC", year: "numeric" };
      if (mo) options.month = "short";
      if (d) options.day = "numeric";
      if (!Number.isNaN(date.getTime())) return new Intl.DateTimeFormat(LOCALES[lang], options).format(date);
    }
    return p;
  }
  return source.dateText;
}

/** An http(s) link safe to put in an href, or undefined. */
export function safeUrl(url: string | undefined): string | undefined {
  if (!url || url.length > MAX_URL_CHARS) return undefined;
  try {
    const u = new URL(url);
    return u.protocol === "http:" || u.protocol === "https:" ? u.href : undefined;
  } catch {
    return undefined;
  }
}

/** The line mark that sets a UI line's direction to the language's. */
function lineMark(texts: Texts): string {
  return texts.dir === "rtl" ? RLM : LRM;
}

/** Source line: outlet · date · «title» · ¶paragraph · link (unknown parts left out); RTL parts isolated. Empty when nothing is known. */
export function sourceLine(source: SourceInfo, texts: Texts, lang: UiLang, paragraph?: number, withTitle = true): string {
  const parts: string[] = [];
  if (source.outlet) parts.push(isolate(displayText(source.outlet), source.outlet));
  const date = formatDate(source, lang);
  if (date) parts.push(isolate(displayText(date), date));
  if (withTitle) parts.push(`«${isolate(displayText(source.title), source.title)}»`);
  if (paragraph !== undefined) parts.push(fill(texts.paragraph, { n: paragraph }));
  const url = safeUrl(source.url);
  if (url) parts.push(`<a href="${escapeHtml(url)}">${fill(texts.link)}</a>`);
  return parts.join(" · ");
}

/** An excerpt as a blockquote: matched words bold, RTL text marked RTL, expandable when long. */
export function excerptQuote(text: string, highlights: readonly (readonly [number, number])[]): string {
  const open = text.length > EXPANDABLE_OVER ? "<blockquote expandable>" : "<blockquote>";
  const mark = startsRtl(text) ? RLM : "";
  return `${open}${mark}${emphasize(text, highlights)}</blockquote>`;
}

function alsoLine(result: SearchResult, texts: Texts): string | undefined {
  const own = result.source.outlet;
  const names = [...new Set(result.alsoIn.map((o) => o.source.outlet ?? o.source.title))].filter((n) => n && n !== own);
  if (!names.length) return undefined;
  const list = names.map((n) => isolate(displayText(n), n)).join(texts.dir === "rtl" ? "، " : ", ");
  // `fill` escapes values, so put the (already escaped) list in afterwards.
  return `<i>${fill(texts.alsoReportedBy).replace("{outlets}", list)}</i>`;
}

/** One result: the excerpt, then "N. source line", then "also reported by". */
export function resultBlock(result: SearchResult, n: number, texts: Texts, lang: UiLang): string {
  const lines = [
    excerptQuote(result.text, result.highlights),
    `${lineMark(texts)}<b>${n}.</b> ${sourceLine(result.source, texts, lang, result.paragraph)}`,
  ];
  const also = alsoLine(result, texts);
  if (also) lines.push(`${lineMark(texts)}${also}`);
  return lines.join("\n");
}

/** The first line of every answer: the question restated (recovered from it by "More"). */
export function questionLine(question: string): string {
  return `${QUESTION_MARK} <b>${displayText(question)}</b>`;
}

export interface AnswerOptions {
  /** The normalized question (see normalizeQuestion). */
  question: string;
  /** Index of the first result on this page. Defaults to 0. */
  offset?: number;
  texts: Texts;
  lang: UiLang;
}

/**
 * A page of an answer: the question, "results a–b of n", the excerpts with their sources, a "Full article" button per
 * result and "More" when results remain; split into messages of at most 4096 characters (buttons on the last).
 * With no results: "nothing found" and the example questions as buttons.
 */
export function renderAnswer(response: SearchResponse, options: AnswerOptions): OutMessage[] {
  const { question, texts, lang } = options;
  const offset = options.offset ?? 0;
  if (response.results.length === 0) return [renderNothingFound(question, texts, lang, response.outsideSubject, response.limitedToTime)];
  const to = offset + response.results.length;
  const head = `${questionLine(question)}\n${lineMark(texts)}<i>${fill(texts.resultsHeader, { from: offset + 1, to, total: response.total })}</i>`;
  const blocks = response.results.map((r, i) => resultBlock(r, offset + i + 1, texts, lang));
  const messages = splitHtml([head, ...blocks].join("\n\n"));
  // One "Full article" button per article, labelled with the result numbers it holds ("📄 1, 3").
  const byDoc = new Map<string, number[]>();
  response.results.forEach((r, i) => byDoc.set(r.docId, [...(byDoc.get(r.docId) ?? []), offset + i + 1]));
  const buttons: Button[][] = [
    [...byDoc].map(([docId, numbers]) => ({
      text: texts.buttons.article.replace("{n}", numbers.join(texts.dir === "rtl" ? "، " : ", ")),
      action: { kind: "article", docId, part: 0 },
    })),
  ];
  if (to < response.total) buttons.push([{ text: texts.buttons.more, action: { kind: "more", question, offset: to } }]);
  return messages.map((html, i) => (i === messages.length - 1 ? { html, buttons } : { html }));
}

export function exampleButtons(texts: Texts, lang: UiLang): Button[][] {
  return texts.examples.map((q, index) => [{ text: q, action: { kind: "example", lang, index } }]);
}

/**
 * "Nothing found" (or "outside what I follow", or "nothing from that time": the question's month or day limited the
 * answer) with the example questions (as text and buttons).
 */
export function renderNothingFound(question: string, texts: Texts, lang: UiLang, outsideSubject = false, limitedToTime = false): OutMessage {
  const examples = texts.examples.map((q) => `• ${displayText(q)}`).join("\n");
  const head = question ? `${questionLine(question)}\n\n` : "";
  const why = outsideSubject ? texts.outsideSubject : limitedToTime ? texts.nothingFoundInTime : texts.nothingFound;
  return { html: `${head}${lineMark(texts)}${fill(why)}\n${examples}`, buttons: exampleButtons(texts, lang) };
}

/** Every message of an article (title, source, cleaned paragraphs), capped at MAX_ARTICLE_CHARS. */
export function articleMessages(doc: Doc, texts: Texts, lang: UiLang): string[] {
  const meta = sourceLine(doc.source, texts, lang, undefined, false);
  const head = `📄 <b>${displayText(doc.source.title)}</b>${meta ? `\n${lineMark(texts)}${meta}` : ""}`;
  const parts: string[] = [head];
  let size = head.length;
  for (const chunk of doc.chunks) {
    const para = `${startsRtl(chunk.text) ? RLM : ""}${displayText(chunk.text)}`;
    if (size + para.length > MAX_ARTICLE_CHARS) {
      parts.push(`${lineMark(texts)}${fill(texts.articleContinues)}`);
      break;
    }
    parts.push(para);
    size += para.length + 2;
  }
  return splitHtml(parts.join("\n\n"));
}

/** Messages `part … part+2` of an article, with "Continue" when more remain; empty when `part` is past the end. */
export function renderArticle(doc: Doc, part: number, texts: Texts, lang: UiLang): OutMessage[] {
  const all = articleMessages(doc, texts, lang);
  const page = all.slice(part, part + ARTICLE_MESSAGES_PER_PRESS).map((html): OutMessage => ({ html }));
  const next = part + ARTICLE_MESSAGES_PER_PRESS;
  if (page.length && next < all.length) {
    page[page.length - 1]!.buttons = [[{ text: texts.buttons.continue, action: { kind: "article", docId: doc.id, part: next } }]];
  }
  return page;
}

/** What the corpus holds, for /start and /about. */
export interface CorpusStats {
  articles: number;
  paragraphs: number;
  outlets: string[];
}

export function corpusStats(docs: readonly Doc[]): CorpusStats {
  const outlets = [...new Set(docs.map((d) => d.source.outlet).filter((o): o is string => Boolean(o)))].sort();
  return { articles: docs.length, paragraphs: docs.reduce((n, d) => n + d.chunks.length, 0), outlets };
}

function outletList(stats: CorpusStats, texts: Texts): string {
  return stats.outlets.join(texts.dir === "rtl" ? "، " : ", ");
}

/** /start: what the bot knows and three example questions as buttons. */
export function renderStart(stats: CorpusStats, texts: Texts, lang: UiLang): OutMessage {
  return {
    html: fill(texts.start, { articles: stats.articles, outlets: outletList(stats, texts) }),
    buttons: exampleButtons(texts, lang),
  };
}

export function renderAbout(stats: CorpusStats, texts: Texts): OutMessage {
  return { html: fill(texts.about, { articles: stats.articles, paragraphs: stats.paragraphs, outlets: outletList(stats, texts) }) };
}

/** /sources: every article (outlet, date, title), capped at MAX_SOURCES_LISTED, split into messages. */
export function renderSources(docs: readonly Doc[], texts: Texts, lang: UiLang): OutMessage[] {
  const lines = docs
    .slice(0, MAX_SOURCES_LISTED)
    .map((d, i) => `${lineMark(texts)}${i + 1}. ${sourceLine(d.source, texts, lang)}`);
  if (docs.length > MAX_SOURCES_LISTED) lines.push(fill(texts.sourcesMore, { count: docs.length - MAX_SOURCES_LISTED }));
  return splitHtml([fill(texts.sourcesHeader, { count: docs.length }), ...lines].join("\n")).map((html) => ({ html }));
}

/** An inline-mode result: what the list shows and the message posted when it is chosen. */
export interface InlineItem {
  chunkId: string;
  docId: string;
  title: string;
  description: string;
  html: string;
}

/** Longest snippet in the inline list's description. */
const SNIPPET_CHARS = 120;

/** One excerpt with its source, as one message that always fits (the excerpt is shortened if it must be). */
export function renderInlineItem(result: SearchResult, texts: Texts, lang: UiLang): InlineItem {
  const meta = [result.source.outlet, formatDate(result.source, lang)].filter(Boolean).join(" · ");
  const snippet = result.text.length > SNIPPET_CHARS ? `${result.text.slice(0, SNIPPET_CHARS).replace(/\s+\S*$/, "")}…` : result.text;
  const tail = `\n${lineMark(texts)}${sourceLine(result.source, texts, lang, result.paragraph)}`;
  let text = result.text;
  let html = excerptQuote(text, result.highlights) + tail;
  while (html.length > MAX_MESSAGE_CHARS && text.length > 0) {
    text = `${text.slice(0, Math.floor(text.length * 0.9)).replace(/\s+\S*$/, "")}…`;
    html = excerptQuote(text, result.highlights) + tail;
  }
  if (html.length > MAX_MESSAGE_CHARS) html = excerptQuote(text, []);
  return {
    chunkId: result.chunkId,
    docId: result.docId,
    title: result.source.title.slice(0, 200) || result.docId,
    description: `${meta ? `${meta} — ` : ""}${snippet}`.replace(/\s+/g, " "),
    html,
  };
}
