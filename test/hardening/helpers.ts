import fc from "fast-check";
import type { Update } from "grammy/types";
import { createBot, type BotDeps } from "../../src/bot/bot.js";
import type { BotContext } from "../../src/bot/context.js";
import { createLogger, type LogLevel } from "../../src/bot/logger.js";
import type { Bot } from "grammy";
import { BOT_INFO, TOKEN } from "../bot/harness.js";

/**
 * Shared pieces of the hardening suite: an independent checker of Telegram's HTML parse mode (not the one in
 * src/reply, so the bot's own validator is not checking itself), hostile-string generators, and a bot harness whose
 * logger level and API answers the test chooses.
 */

// ---------------------------------------------------------------------------------------------------------------
// Telegram HTML (https://core.telegram.org/bots/api#html-style)

/** Tags Telegram accepts, each with the attributes it may carry. */
const TAGS: Record<string, (attrs: Record<string, string | true>) => boolean> = {
  b: none,
  strong: none,
  i: none,
  em: none,
  u: none,
  ins: none,
  s: none,
  strike: none,
  del: none,
  "tg-spoiler": none,
  span: (a) => keys(a, ["class"]) && a.class === "tg-spoiler",
  a: (a) => keys(a, ["href"]) && typeof a.href === "string" && /^(https?:\/\/|tg:\/\/)/.test(decode(a.href)),
  code: (a) => keys(a, ["class"]) && (a.class === undefined || (typeof a.class === "string" && /^language-[\w+#.-]+$/.test(a.class))),
  pre: none,
  blockquote: (a) => keys(a, ["expandable"]) && (a.expandable === undefined || a.expandable === true),
  "tg-emoji": (a) => keys(a, ["emoji-id"]) && typeof a["emoji-id"] === "string" && /^\d+$/.test(a["emoji-id"]),
};
function none(a: Record<string, string | true>): boolean {
  return Object.keys(a).length === 0;
}
function keys(a: Record<string, string | true>, allowed: string[]): boolean {
  return Object.keys(a).every((k) => allowed.includes(k));
}

const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"' };

/** Decode the four named entities Telegram knows and numeric ones. */
export function decode(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|#\d+|#x[0-9a-fA-F]+);/g, (_, e: string) => {
    if (e in NAMED) return NAMED[e]!;
    const code = e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return String.fromCodePoint(code);
  });
}

export interface ParsedHtml {
  problems: string[];
  /** The text a user would see: tags removed, entities decoded. */
  visible: string;
  /** Tag names used, in order. */
  tags: string[];
}

/**
 * Parse a message as Telegram's HTML parse mode would and list what it would reject: unknown tags or attributes,
 * unbalanced or crossed tags, nested blockquotes, entities inside <pre>/<code> other than code-in-pre, a raw `<`,
 * `>` or `&` that is not part of a tag or a known entity, numeric entities out of range.
 */
export function parseTelegramHtml(html: string): ParsedHtml {
  const problems: string[] = [];
  const tags: string[] = [];
  const stack: string[] = [];
  let visible = "";
  let i = 0;
  while (i < html.length) {
    const ch = html[i]!;
    if (ch === "<") {
      const m = /^<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[a-zA-Z-]+(?:="[^"<>]*")?)*)\s*>/.exec(html.slice(i, i + 2000));
      if (!m) {
        problems.push(`raw "<" at ${i}: ${JSON.stringify(html.slice(i, i + 30))}`);
        i++;
        continue;
      }
      const [whole, slash, rawName, rawAttrs] = m;
      const name = rawName!.toLowerCase();
      i += whole.length;
      const check = TAGS[name];
      if (!check) {
        problems.push(`tag not allowed: ${whole.slice(0, 40)}`);
        continue;
      }
      if (slash) {
        if (rawAttrs!.trim()) problems.push(`attributes on a closing tag: ${whole}`);
        const top = stack.pop();
        if (top !== name) problems.push(`</${name}> closes ${top ? `<${top}>` : "nothing"}`);
        continue;
      }
      const attrs: Record<string, string | true> = {};
      for (const a of rawAttrs!.matchAll(/([a-zA-Z-]+)(?:="([^"]*)")?/g)) attrs[a[1]!.toLowerCase()] = a[2] ?? true;
      if (!check(attrs)) problems.push(`bad attributes: ${whole.slice(0, 80)}`);
      if (name === "blockquote" && stack.includes("blockquote")) problems.push("nested blockquote");
      if (stack.includes("code") || (stack.includes("pre") && name !== "code")) problems.push(`<${name}> inside pre/code`);
      stack.push(name);
      tags.push(name);
      continue;
    }
    if (ch === ">") {
      problems.push(`raw ">" at ${i}`);
      i++;
      continue;
    }
    if (ch === "&") {
      const m = /^&(lt|gt|amp|quot|#\d{1,7}|#x[0-9a-fA-F]{1,6});/.exec(html.slice(i, i + 12));
      if (!m) {
        problems.push(`raw "&" at ${i}: ${JSON.stringify(html.slice(i, i + 12))}`);
        i++;
        continue;
      }
      const d = decode(m[0]);
      const cp = d.codePointAt(0)!;
      if (m[1]!.startsWith("#") && (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))) problems.push(`bad numeric entity ${m[0]}`);
      visible += d;
      i += m[0].length;
      continue;
    }
    visible += ch;
    i++;
  }
  if (stack.length) problems.push(`unclosed: ${stack.join(", ")}`);
  return { problems, visible, tags };
}

/** Lone surrogates Telegram would refuse (the message must be valid UTF-8 once encoded). */
export function hasLoneSurrogate(s: string): boolean {
  return /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);
}

/** Everything wrong with one outgoing message text (empty when Telegram would take it). */
export function messageProblems(html: string): string[] {
  const { problems, visible } = parseTelegramHtml(html);
  if (html.length > 4096) problems.push(`${html.length} characters`);
  if (!visible.trim()) problems.push("no visible text");
  if (hasLoneSurrogate(html)) problems.push("lone surrogate");
  return problems;
}

// ---------------------------------------------------------------------------------------------------------------
// Hostile strings

/** Pieces that have broken text pipelines before: bidi controls, joiners, marks, emoji, surrogates, markup. */
export const HOSTILE_PIECES = [
  "\u200E", "\u200F", "\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069", "\u061C",
  "\u200C", "\u200D", "\u200B", "\uFEFF", "\u00AD", "\u2028", "\u2029", "\u0085",
  "\u0301", "\u064E", "\u0651", "\u0670", "\u0654", "\u20DD", "\u0300\u0301\u0302\u0303",
  "🙂", "👍🏽", "🇮🇷", "👨‍👩‍👧", "❤️", "🏳️‍🌈", "\uD83D", "\uDE00", "\uDE00\uD83D", "𝕏", "ﷺ", "ﻻ",
  "\u0000", "\u0007", "\b", "\t", "\n", "\r", "\r\n", "\u001B[31m", "\u007F", "\u009B",
  "<", ">", "&", "\"", "'", "&amp;", "&lt;", "&#60;", "&#x3c;", "&nbsp;", "&#0;", "&#xD800;", "&bogus;", "&",
  "<b>", "</b>", "<i>", "</blockquote>", "<blockquote expandable>", "<a href=\"javascript:alert(1)\">x</a>",
  "<script>alert(1)</script>", "<tg-spoiler>", "<pre><code>", "<!--", "-->", "<b", "a<b>c", "<<>>", "</",
  "**bold**", "__it__", "`code`", "```\npre\n```", "[link](https://evil.example)", "~~s~~", "||spoiler||", "\\", "_*[]()~`>#+-=|{}.!",
  "/start", "/ask", "@thebot", "@otherbot", "#tag", "https://t.me/x", "q|3|x", "a|0|x",
  "لافروف", "طهران", "جلالي", "برجام", "می‌خواهم", "ایران", "روسیه", "بحر قزوين", "Lavrov", "Tehran", "Caspian", "2018", "۱۳۹۷", "٢٠١٨",
  " ", "  ", "؟", "،", "«", "»", "…", "-",
];

/** Any UTF-16 code unit, lone surrogates included. */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));

const piece = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_PIECES) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ unit: codeUnit, maxLength: 10 }) },
);

/** A hostile string of 0 to 10 000 UTF-16 code units: mostly short, sometimes a repeated pattern up to the maximum. */
export const hostileString = (maxLength = 10_000) =>
  fc.oneof(
    { weight: 6, arbitrary: fc.array(piece, { maxLength: 30 }).map((ps) => ps.join("").slice(0, maxLength)) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.array(piece, { minLength: 1, maxLength: 5 }), fc.integer({ min: 1, max: maxLength }))
        .map(([ps, n]) => ps.join("").repeat(Math.ceil(n / Math.max(1, ps.join("").length))).slice(0, n)),
    },
    { weight: 1, arbitrary: fc.constantFrom("", " ", "\n\t ", "\u200F", "<".repeat(maxLength), "&".repeat(maxLength), "🙂".repeat(Math.floor(maxLength / 2))) },
  );

// ---------------------------------------------------------------------------------------------------------------
// A bot with a recording API transformer and a captured log

export interface Call {
  method: string;
  payload: Record<string, any>;
}

export interface Rig {
  bot: Bot<BotContext>;
  calls: Call[];
  /** Raw log lines as written. */
  lines: string[];
  logs: () => Record<string, any>[];
  send(update: Record<string, unknown>): Promise<Call[]>;
  /** The next call of `method` fails with this Telegram error (once per call to fail). */
  fail(method: string, error_code: number, description: string, parameters?: Record<string, unknown>): void;
}

let nextUpdateId = 1_000_000;
let nextMessageId = 900_000;

/** A real bot from createBot with preset botInfo; every API call is recorded and answered as Telegram would. */
export function rig(deps: Omit<BotDeps, "token" | "botInfo" | "logger"> & { level?: LogLevel; secrets?: string[] }): Rig {
  const lines: string[] = [];
  const { level, secrets, ...rest } = deps;
  const logger = createLogger({ level: level ?? "debug", secrets: [TOKEN, ...(secrets ?? [])], write: (line) => lines.push(line) });
  const bot = createBot({ token: TOKEN, botInfo: BOT_INFO, logger, rateLimit: { max: 0 }, ...rest });
  const calls: Call[] = [];
  const failures: { method: string; error_code: number; description: string; parameters?: Record<string, unknown> }[] = [];
  bot.api.config.use(async (_prev, method, payload) => {
    const p = payload as Record<string, any>;
    calls.push({ method, payload: p });
    const at = failures.findIndex((f) => f.method === method);
    if (at >= 0) {
      const [f] = failures.splice(at, 1);
      return { ok: false, error_code: f!.error_code, description: f!.description, ...(f!.parameters ? { parameters: f!.parameters } : {}) } as any;
    }
    if (method === "sendMessage") {
      return {
        ok: true,
        result: { message_id: nextMessageId++, date: Math.floor(Date.now() / 1000), chat: { id: p.chat_id, type: p.chat_id < 0 ? "supergroup" : "private" }, from: BOT_INFO, text: parseTelegramHtml(p.text).visible },
      } as any;
    }
    return { ok: true, result: true } as any;
  });
  return {
    bot,
    calls,
    lines,
    logs: () => lines.map((l) => JSON.parse(l) as Record<string, any>),
    async send(update) {
      const before = calls.length;
      await bot.handleUpdate({ update_id: nextUpdateId++, ...update } as unknown as Update);
      return calls.slice(before);
    },
    fail(method, error_code, description, parameters) {
      failures.push({ method, error_code, description, parameters });
    },
  };
}

export const sends = (calls: readonly Call[]) => calls.filter((c) => c.method === "sendMessage");
/** The texts a user would see from a list of calls: messages, toasts, inline results and their buttons. */
export function everythingShown(calls: readonly Call[]): string {
  return calls.map((c) => JSON.stringify(c.payload)).join("\n");
}
