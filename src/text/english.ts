import { createRequire } from "node:module";

/**
 * Ordinary English words (an-array-of-english-words: 275k lower-case dictionary words, almost no proper names).
 * Used to tell a name the lexicon lacks ("Nebenzia") from an ordinary word ("according"): only names are worth
 * matching across scripts by their consonants. Loaded on first use.
 */
let words: Set<string> | undefined;

export function isEnglishWord(folded: string): boolean {
  if (!words) {
    const require = createRequire(import.meta.url);
    words = new Set(require("an-array-of-english-words") as string[]);
  }
  return words.has(folded);
}

/**
 * Lower-cased words written with a capital inside a mixed-case question (not counting its first word): in
 * "what did Nikki Haley say", Nikki and Haley. All-lower-case or all-upper-case questions tell nothing.
 */
export function capitalizedWords(text: string): Set<string> {
  const out = new Set<string>();
  if (!/[a-z]/.test(text) || !/[A-Z]/.test(text)) return out;
  const latin = text.match(/[A-Za-z]+/g) ?? [];
  latin.forEach((w, i) => {
    if (i > 0 && /^[A-Z][a-z]/.test(w)) out.add(w.toLowerCase());
  });
  return out;
}

/** Lower-cased words typed entirely in capitals (2 to 5 letters): "US", "UN", "EU", "IAEA". */
export function acronymsOf(text: string): Set<string> {
  return new Set((text.match(/\b[A-Z]{2,5}\b/g) ?? []).map((w) => w.toLowerCase()));
}

/**
 * The text without English possessive endings ("Iran's" → "Iran", "ministers'" kept): the "s" is a stop word anyway,
 * but before a number it would join it as a designation ("the community's 2013 assessment" read as "S-2013", and
 * the year lost).
 */
export function withoutEnglishPossessive(text: string): string {
  return text.replace(/(?<=[A-Za-z])['’‘`]s(?![A-Za-z0-9])/g, "");
}
