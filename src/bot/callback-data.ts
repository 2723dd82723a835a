import { createHash } from "node:crypto";
import type { Action } from "../reply/answer.js";
import { normalizeQuestion, questionHash } from "../reply/question.js";
import { LANGS, type UiLang } from "../reply/texts.js";

/**
 * Button data: stateless and at most 64 bytes, so any replica, or this one after a restart, can answer a press.
 *
 *   q|<offset>|<question>   "More" for a question short enough to carry whole
 *   m|<offset>|<hash>       "More" for a longer question: the hash of the normalized question; the question itself is
 *                           read back from the answer message (its first line) or the message it replies to, and
 *                           the hash proves it is the same question
 *   a|<part>|<docId>        "Full article" from message <part> on
 *   h|<part>|<docHash>      the same for a document id too long to carry (resolved against the loaded corpus)
 *   x|<lang>|<index>        one of the example questions in prompts/<lang>.json
 *
 * Anything else (an old layout, a forged or truncated string) decodes to undefined and gets the "expired" toast.
 */

/** Telegram's limit for callback_data, in bytes (UTF-8). */
export const MAX_CALLBACK_BYTES = 64;
/** Largest offset a "More" press may ask for (a bound on forged data, far past any real answer). */
const MAX_OFFSET = 10_000;

export type Decoded =
  | { kind: "more"; offset: number; question: string }
  | { kind: "moreHashed"; offset: number; hash: string }
  | { kind: "article"; part: number; docId: string }
  | { kind: "articleHashed"; part: number; docHash: string }
  | { kind: "example"; lang: UiLang; index: number };

const bytes = (s: string) => Buffer.byteLength(s, "utf8");

/** A short stable fingerprint of a document id (12 base64url characters). */
export function docHash(docId: string): string {
  return createHash("sha256").update(docId).digest("base64url").slice(0, 12);
}

/** Pack a button's action into callback data of at most 64 bytes. */
export function encodeAction(action: Action): string {
  switch (action.kind) {
    case "more": {
      const question = normalizeQuestion(action.question);
      const whole = `q|${action.offset}|${question}`;
      return bytes(whole) <= MAX_CALLBACK_BYTES ? whole : `m|${action.offset}|${questionHash(question)}`;
    }
    case "article": {
      const whole = `a|${action.part}|${action.docId}`;
      return bytes(whole) <= MAX_CALLBACK_BYTES ? whole : `h|${action.part}|${docHash(action.docId)}`;
    }
    case "example":
      return `x|${action.lang}|${action.index}`;
  }
}

function count(s: string | undefined, max: number): number | undefined {
  if (s === undefined || !/^\d{1,6}$/.test(s)) return undefined;
  const n = Number(s);
  return n <= max ? n : undefined;
}

/** Unpack callback data; undefined for anything this version did not write. */
export function decodeAction(data: string | undefined): Decoded | undefined {
  if (!data || bytes(data) > MAX_CALLBACK_BYTES) return undefined;
  const first = data.indexOf("|");
  const second = data.indexOf("|", first + 1);
  if (first !== 1 || second < 0) return undefined;
  const kind = data[0];
  const a = data.slice(first + 1, second);
  const rest = data.slice(second + 1);
  if (!rest) return undefined;
  switch (kind) {
    case "q": {
      const offset = count(a, MAX_OFFSET);
      const question = normalizeQuestion(rest);
      return offset !== undefined && question ? { kind: "more", offset, question } : undefined;
    }
    case "m": {
      const offset = count(a, MAX_OFFSET);
      return offset !== undefined && /^[A-Za-z0-9_-]{8}$/.test(rest) ? { kind: "moreHashed", offset, hash: rest } : undefined;
    }
    case "a": {
      const part = count(a, MAX_OFFSET);
      return part !== undefined ? { kind: "article", part, docId: rest } : undefined;
    }
    case "h": {
      const part = count(a, MAX_OFFSET);
      return part !== undefined && /^[A-Za-z0-9_-]{12}$/.test(rest) ? { kind: "articleHashed", part, docHash: rest } : undefined;
    }
    case "x": {
      const index = count(rest, 99);
      return (LANGS as readonly string[]).includes(a) && index !== undefined ? { kind: "example", lang: a as UiLang, index } : undefined;
    }
    default:
      return undefined;
  }
}

/** Deep-link payload for /start that opens an article (t.me/<bot>?start=…): [A-Za-z0-9_-], at most 64 characters. */
export function articleStartPayload(docId: string): string {
  return /^[A-Za-z0-9_-]{1,60}$/.test(docId) ? `a-${docId}` : `h-${docHash(docId)}`;
}

export function decodeStartPayload(payload: string): { docId: string } | { docHash: string } | undefined {
  if (payload.startsWith("a-") && payload.length > 2) return { docId: payload.slice(2) };
  if (/^h-[A-Za-z0-9_-]{12}$/.test(payload)) return { docHash: payload.slice(2) };
  return undefined;
}
