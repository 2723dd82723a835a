import { cleanText, escapeHtml, tokenizeHtml, unescapeHtml, type HtmlToken } from "./html.js";

/** Telegram's longest message text, in UTF-16 code units (we count the HTML itself, which is never shorter). */
export const MAX_MESSAGE_CHARS = 4096;

/** Break quality, best first: blank line, line break, space, anywhere between characters. */
type BreakKind = 0 | 1 | 2 | 3;

interface Candidate {
  /** Index in the source HTML where the next message starts. */
  at: number;
  /** Index where this message's content ends (before the whitespace being dropped). */
  end: number;
  kind: BreakKind;
  /** Open tags (raw opening tags) at the break. */
  stack: { name: string; raw: string }[];
}

/**
 * Split valid Telegram HTML into messages of at most `limit` characters each. Breaks at a blank line if one falls in
 * the second half of a message, else at a line break, else at a space, else between characters (never inside a tag,
 * an entity, a surrogate pair or before a combining mark). Tags open at a break are closed at the end of the message
 * and reopened at the start of the next, so every message is balanced on its own. Messages with no visible text are
 * dropped. Defaults to Telegram's 4096.
 */
export function splitHtml(html: string, limit = MAX_MESSAGE_CHARS): string[] {
  if (html.length <= limit) return html.trim() ? [html] : [];
  const tokens = tokenizeHtml(html);
  // Positions of tokens in the source, so candidates can refer to source indexes.
  const starts: number[] = [];
  let pos = 0;
  for (const t of tokens) {
    starts.push(pos);
    pos += t.raw.length;
  }
  const out: string[] = [];
  let ti = 0; // token index
  let offset = 0; // offset inside tokens[ti] (text tokens only)
  let stack: { name: string; raw: string }[] = [];
  while (ti < tokens.length) {
    const prefix = stack.map((s) => s.raw).join("");
    const chunkStart = starts[ti]! + offset;
    const result = scan(tokens, starts, ti, offset, stack, prefix.length, limit);
    const body = html.slice(chunkStart, result.cut.end);
    const closers = result.cut.stack.map((s) => `</${s.name}>`).reverse().join("");
    out.push(prefix + body + closers);
    stack = result.cut.stack;
    // Move to the candidate's `at`, skipping whitespace-only text.
    ({ ti, offset } = locate(tokens, starts, result.cut.at));
  }
  return out.map(dropEmptyElements).filter(hasVisibleText).flatMap((m) => (m.length <= limit ? [m] : hardSplitPlain(m, limit)));
}

function locate(tokens: HtmlToken[], starts: number[], at: number): { ti: number; offset: number } {
  let ti = 0;
  while (ti < tokens.length && starts[ti]! + tokens[ti]!.raw.length <= at) ti++;
  if (ti >= tokens.length) return { ti, offset: 0 };
  return { ti, offset: at - starts[ti]! };
}

function isBreakableBefore(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c >= 0xdc00 && c <= 0xdfff) return false; // low surrogate
  const ch = String.fromCodePoint(text.codePointAt(i)!);
  if (/[\p{M}\u200C\u200D\uFE0F]/u.test(ch)) return false; // combining mark, ZWNJ, ZWJ, emoji variation
  if (i > 0 && /[\u200D]/.test(text[i - 1]!)) return false; // inside an emoji ZWJ sequence
  return true;
}

/** Walk from (ti, offset) and return the best break that keeps prefix + body + closers within the limit. */
function scan(
  tokens: HtmlToken[],
  starts: number[],
  ti0: number,
  offset0: number,
  stack0: { name: string; raw: string }[],
  prefixLength: number,
  limit: number,
): { cut: Candidate } {
  const stack = stack0.slice();
  const chunkStart = starts[ti0]! + offset0;
  const best: (Candidate | undefined)[] = [undefined, undefined, undefined, undefined];
  const closersLength = () => stack.reduce((n, s) => n + s.name.length + 3, 0);
  const fits = (end: number) => prefixLength + (end - chunkStart) + closersLength() <= limit;
  const remember = (kind: BreakKind, end: number, at: number) => {
    if (end > chunkStart && fits(end)) best[kind] = { at, end, kind, stack: stack.slice() };
  };
  let sawContent = false;
  for (let ti = ti0; ti < tokens.length; ti++) {
    const t = tokens[ti]!;
    const base = starts[ti]!;
    if (prefixLength + (base - chunkStart) > limit) break;
    if (t.kind === "open") {
      remember(3, base, base);
      stack.push({ name: t.name, raw: t.raw });
      continue;
    }
    if (t.kind === "close") {
      const i = stack.map((s) => s.name).lastIndexOf(t.name);
      if (i >= 0) stack.splice(i, 1);
      remember(3, base + t.raw.length, base + t.raw.length);
      continue;
    }
    const text = t.raw;
    for (let i = ti === ti0 ? offset0 : 0; i < text.length; i++) {
      const at = base + i;
      if (prefixLength + (at - chunkStart) > limit) break;
      const ch = text[i]!;
      if (ch === "&") {
        // Skip the entity as a whole.
        const semi = text.indexOf(";", i);
        if (sawContent && isBreakableBefore(text, i)) remember(3, at, at);
        i = semi > i ? semi : i;
        sawContent = true;
        continue;
      }
      if (ch === "\n" || ch === " " || ch === "\t") {
        let j = i;
        while (j < text.length && /\s/.test(text[j]!)) j++;
        const ws = text.slice(i, j);
        const kind: BreakKind = /\n\s*\n/.test(ws) ? 0 : ws.includes("\n") ? 1 : 2;
        if (sawContent) remember(kind, at, base + j);
        i = j - 1;
        continue;
      }
      if (sawContent && isBreakableBefore(text, i)) remember(3, at, at);
      sawContent = true;
    }
  }
  // The whole rest fits: take it.
  const endOfAll = starts[tokens.length - 1]! + tokens[tokens.length - 1]!.raw.length;
  if (prefixLength + (endOfAll - chunkStart) <= limit) {
    const restStack = simulateStack(tokens, ti0, stack0);
    if (prefixLength + (endOfAll - chunkStart) + restStack.reduce((n, s) => n + s.name.length + 3, 0) <= limit) {
      return { cut: { at: endOfAll, end: endOfAll, kind: 0, stack: restStack } };
    }
  }
  const room = limit - prefixLength;
  const good = (c: Candidate | undefined, share: number) => c !== undefined && c.end - chunkStart >= room * share;
  const pick =
    (good(best[0], 0.5) && best[0]) ||
    (good(best[1], 0.5) && best[1]) ||
    (good(best[2], 0.3) && best[2]) ||
    best[3] ||
    best[2] ||
    best[1] ||
    best[0];
  if (pick) return { cut: pick };
  // Nothing fits (a tag longer than the limit): take one token and let the plain-text fallback deal with it.
  const next = starts[ti0]! + tokens[ti0]!.raw.length;
  return { cut: { at: next, end: next, kind: 3, stack: simulateStack(tokens.slice(0, ti0 + 1), ti0, stack0) } };
}

function simulateStack(tokens: HtmlToken[], from: number, stack0: { name: string; raw: string }[]) {
  const stack = stack0.slice();
  for (let i = from; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind === "open") stack.push({ name: t.name, raw: t.raw });
    else if (t.kind === "close") {
      const j = stack.map((s) => s.name).lastIndexOf(t.name);
      if (j >= 0) stack.splice(j, 1);
    }
  }
  return stack;
}

function dropEmptyElements(html: string): string {
  let prev: string;
  do {
    prev = html;
    html = html.replace(/<([a-z][a-z0-9-]*)(?:\s[^<>]*)?>\s*<\/\1>/g, "");
  } while (html !== prev);
  return html.trim();
}

function hasVisibleText(html: string): boolean {
  return /\S/.test(unescapeHtml(html.replace(/<[^>]*>/g, "")).replace(/[\u200E\u200F\u2068\u2069]/g, ""));
}

/** Last resort: the message's text without markup, cut into pieces that fit. */
function hardSplitPlain(html: string, limit: number): string[] {
  const text = cleanText(unescapeHtml(html.replace(/<[^>]*>/g, "")));
  const pieces: string[] = [];
  let current = "";
  for (const ch of text) {
    const e = escapeHtml(ch);
    if (current.length + e.length > limit) {
      pieces.push(current);
      current = "";
    }
    current += e;
  }
  if (current.trim()) pieces.push(current);
  return pieces;
}
