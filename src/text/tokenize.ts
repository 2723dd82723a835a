import { fold } from "./fold.js";

/**
 * Tokens are runs of letters, digits and combining marks; everything else (whitespace including TAB, the
 * punctuation of all three languages: ، ؛ ؟ « » “ ” and hyphens) separates them.
 */
const TOKEN = /[\p{L}\p{N}\p{M}]+/gu;

/** Longest token kept; a 2000-letter "word" is noise and would only cost time. */
export const MAX_TOKEN_LENGTH = 40;

/** Split already-folded text into tokens. */
export function tokenizeFolded(folded: string): string[] {
  const tokens = folded.match(TOKEN) ?? [];
  return tokens.filter((t) => t.length <= MAX_TOKEN_LENGTH);
}

/** Fold, then split. */
export function tokenize(text: string): string[] {
  return tokenizeFolded(fold(text));
}
