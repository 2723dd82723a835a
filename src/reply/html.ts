/**
 * Telegram HTML building blocks: escaping, display-safe text, bold highlights, bidi isolation, validation and the
 * plain-text view of a message. Pure functions; every piece of corpus or user text goes through `escapeHtml` (usually
 * via `displayText`) before it is put into a message.
 */

/** Characters that break Telegram's HTML parser when they appear in text. */
const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

/** Escape text for Telegram HTML (text and attribute values alike). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => HTML_ESCAPES[c]!);
}

/**
 * Characters removed from displayed text: C0/C1 controls other than tab and newline, bidi embeddings/overrides and
 * isolates (an unbalanced U+202E in a question must not flip the rest of our message), BOM and lone surrogates.
 * Kept: ZWNJ/ZWJ (Persian spelling), LRM/RLM, combining marks (harakat), emoji.
 */
const UNSAFE_CHARS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uFEFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text as it may be shown: unsafe characters removed (see UNSAFE_CHARS), not yet escaped. */
export function cleanText(text: string): string {
  return text.replace(UNSAFE_CHARS, "");
}

/** Clean and escape a piece of corpus or user text for a message. */
export function displayText(text: string): string {
  return escapeHtml(cleanText(text));
}

const FIRST_STRONG = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]|[\p{L}]/u;
const RTL_SCRIPT = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;

/** Whether the text's first letter belongs to a right-to-left script. */
export function startsRtl(text: string): boolean {
  const m = FIRST_STRONG.exec(text);
  return m !== null && RTL_SCRIPT.test(m[0]);
}

/** Whether the text contains any right-to-left letter. */
export function hasRtl(text: string): boolean {
  return RTL_SCRIPT.test(text);
}

/** Left-to-right mark, right-to-left mark, first-strong isolate and pop directional isolate. */
export const LRM = "\u200E";
export const RLM = "\u200F";
const FSI = "\u2068";
const PDI = "\u2069";

/** Wrap already-escaped text that may be right-to-left so it stays one unit inside a line of the other direction. */
export function isolate(html: string, rawText: string): string {
  return hasRtl(rawText) ? `${FSI}${html}${PDI}` : html;
}

/** Sorted, clamped, merged copy of highlight spans (input may be unsorted, overlapping or out of range). */
export function normalizeSpans(spans: readonly (readonly [number, number])[], length: number): [number, number][] {
  const sorted = spans
    .map(([s, e]) => [Math.max(0, Math.min(s, length)), Math.max(0, Math.min(e, length))] as [number, number])
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: [number, number][] = [];
  for (const span of sorted) {
    const last = out[out.length - 1];
    if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
    else out.push([span[0], span[1]]);
  }
  return out;
}

/** Escape `text` and wrap the `[start, end)` spans in `<b>`; spans never cut a surrogate pair. */
export function emphasize(text: string, highlights: readonly (readonly [number, number])[]): string {
  let html = "";
  let at = 0;
  for (const [s0, e0] of normalizeSpans(highlights, text.length)) {
    const s = Math.max(at, safeIndex(text, s0));
    const e = safeIndex(text, e0);
    if (e <= s) continue;
    html += displayText(text.slice(at, s)) + `<b>${displayText(text.slice(s, e))}</b>`;
    at = e;
  }
  return html + displayText(text.slice(at));
}

/** Move an index off the middle of a surrogate pair (to the pair's start). */
function safeIndex(text: string, i: number): number {
  const c = text.charCodeAt(i);
  return c >= 0xdc00 && c <= 0xdfff && i > 0 ? i - 1 : i;
}

/** Tags Telegram's HTML parse mode accepts (https://core.telegram.org/bots/api#html-style). */
const ALLOWED_TAGS = new Set(["b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span", "tg-spoiler", "a", "code", "pre", "blockquote", "tg-emoji"]);

/** One piece of a Telegram HTML string. */
export type HtmlToken =
  | { kind: "open"; name: string; raw: string }
  | { kind: "close"; name: string; raw: string }
  | { kind: "text"; raw: string };

const TOKEN = /<\/?([a-z][a-z0-9-]*)(?:\s[^<>]*)?>|[^<]+|</gy;

/** Split Telegram HTML into tags and text runs (no validation: see `validateTelegramHtml`). */
export function tokenizeHtml(html: string): HtmlToken[] {
  const tokens: HtmlToken[] = [];
  TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN.exec(html)) !== null) {
    const raw = m[0];
    if (m[1] !== undefined) tokens.push({ kind: raw.startsWith("</") ? "close" : "open", name: m[1], raw });
    else tokens.push({ kind: "text", raw });
  }
  return tokens;
}

/**
 * Problems that would make Telegram refuse the message: unknown tags, unbalanced or crossed tags, raw `<`, `>` or `&`
 * in text, unknown entities, nested blockquotes. An empty list means the HTML is safe to send.
 */
export function validateTelegramHtml(html: string): string[] {
  const problems: string[] = [];
  const stack: string[] = [];
  for (const t of tokenizeHtml(html)) {
    if (t.kind === "text") {
      if (/[<>]/.test(t.raw)) problems.push(`raw angle bracket in text: ${JSON.stringify(t.raw.slice(0, 40))}`);
      for (const m of t.raw.matchAll(/&([^;&\s]*);?/g)) {
        if (!/^&(?:lt|gt|amp|quot|#\d{1,7}|#x[0-9a-f]{1,6});$/i.test(m[0])) problems.push(`bad entity: ${JSON.stringify(m[0].slice(0, 20))}`);
      }
    } else if (!ALLOWED_TAGS.has(t.name)) {
      if (t.kind === "open") problems.push(`tag not allowed: <${t.name}>`);
    } else if (t.kind === "open") {
      if (t.name === "blockquote" && stack.includes("blockquote")) problems.push("nested blockquote");
      if (t.name === "a" && !/^<a href="[^"]*">$/.test(t.raw)) problems.push(`bad link tag: ${t.raw.slice(0, 60)}`);
      stack.push(t.name);
    } else if (stack.pop() !== t.name) {
      problems.push(`unbalanced </${t.name}>`);
      return problems;
    }
  }
  if (stack.length) problems.push(`unclosed tags: ${stack.join(", ")}`);
  return problems;
}

/** Undo `escapeHtml` (and numeric entities). */
export function unescapeHtml(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|#\d{1,7}|#x[0-9a-f]{1,6});/gi, (_, e: string) => {
    const lower = e.toLowerCase();
    if (lower === "lt") return "<";
    if (lower === "gt") return ">";
    if (lower === "amp") return "&";
    if (lower === "quot") return '"';
    const code = lower.startsWith("#x") ? parseInt(lower.slice(2), 16) : parseInt(lower.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : "";
  });
}

/**
 * The message as plain text, for the terminal chat: tags dropped, entities decoded, blockquote lines prefixed with
 * "│ ", links followed by their address in parentheses.
 */
export function htmlToPlain(html: string): string {
  let out = "";
  let quote = false;
  let href: string | undefined;
  for (const t of tokenizeHtml(html)) {
    if (t.kind === "open" && t.name === "blockquote") {
      quote = true;
      out += "│ ";
    } else if (t.kind === "close" && t.name === "blockquote") {
      quote = false;
    } else if (t.kind === "open" && t.name === "a") {
      href = /href="([^"]*)"/.exec(t.raw)?.[1];
    } else if (t.kind === "close" && t.name === "a") {
      if (href) out += ` (${unescapeHtml(href)})`;
      href = undefined;
    } else if (t.kind === "text") {
      const text = unescapeHtml(t.raw);
      out += quote ? text.replace(/\n/g, "\n│ ") : text;
    }
  }
  return out.replace(/[\u200E\u200F\u2068\u2069]/g, "");
}
