import { createHash } from "node:crypto";
import { cleanText } from "./html.js";

/**
 * Questions as the bot handles them. A question is normalized once (unsafe characters dropped, whitespace collapsed,
 * length capped) and that form is what is searched, restated in the answer and hashed into "More" buttons, so the
 * question can be recovered from the answer message and checked against the button.
 */

/** Longest question kept, in UTF-16 code units (the engine reads 1000; nobody asks more in a chat). */
export const MAX_QUESTION_CHARS = 500;

/** The marker that starts the restated question, the first line of every answer. */
export const QUESTION_MARK = "🔎";

/** Normalize a question: whitespace collapsed to single spaces, unsafe characters removed, capped in length. */
export function normalizeQuestion(text: string): string {
  // Whitespace first: a CR, form feed or NEL between two words separates them (cleanText would drop it and glue them).
  let q = cleanText(text.replace(/[\s\u0085]+/g, " ")).replace(/[\u200E\u200F]/g, "").replace(/\s+/g, " ").trim();
  if (q.length > MAX_QUESTION_CHARS) {
    let end = MAX_QUESTION_CHARS;
    const c = q.charCodeAt(end - 1);
    if (c >= 0xd800 && c <= 0xdbff) end--; // do not keep half a surrogate pair
    q = q.slice(0, end).trim();
  }
  // Nothing but invisible format characters (a lone ZWNJ or ZWJ) is no question.
  return /[^\s\p{Cf}]/u.test(q) ? q : "";
}

/** A short, stable fingerprint of a normalized question (8 base64url characters, 48 bits). */
export function questionHash(question: string): string {
  return createHash("sha256").update(normalizeQuestion(question)).digest("base64url").slice(0, 8);
}

/** The question restated on the first line of a message's text, if the line starts with QUESTION_MARK. */
export function restatedQuestion(messageText: string | undefined): string | undefined {
  if (!messageText) return undefined;
  const first = messageText.split("\n", 1)[0]!.replace(/[\u200E\u200F\u2066-\u2069]/g, "").trim();
  if (!first.startsWith(QUESTION_MARK)) return undefined;
  return normalizeQuestion(first.slice(QUESTION_MARK.length));
}

/** The first candidate whose normalized form has the given hash. */
export function recoverQuestion(hash: string, candidates: readonly (string | undefined)[]): string | undefined {
  for (const c of candidates) {
    if (c === undefined) continue;
    const q = normalizeQuestion(c);
    if (q && questionHash(q) === hash) return q;
  }
  return undefined;
}
