/**
 * Orthographic folding for Arabic, Persian and Latin text.
 *
 * Applied identically to documents and queries so that spelling variants meet on one form:
 * Persian letters fold onto the Arabic code points (Lucene's direction), so «جلالی» and «جلالي» are one term.
 * See shared/notes/arabic-persian-search.md for the sources of each rule.
 */

/** Harakat, superscript alef, Quranic marks and tatweel: deleted. */
const DIACRITICS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g;
/** Invisible format characters: ZWJ, LRM/RLM, ALM, bidi embeddings and isolates, BOM, soft hyphen, word joiner. */
const INVISIBLES = /[\u200B\u200D-\u200F\u061C\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\u00AD]/g;
/** ZWNJ (Persian half-space). Real text writes the same word with and without it, so it is dropped (joined). */
const ZWNJ = /\u200C/g;

const LETTER_MAP: Record<string, string> = {
  "\u0623": "\u0627", // أ → ا
  "\u0625": "\u0627", // إ → ا
  "\u0622": "\u0627", // آ → ا
  "\u0671": "\u0627", // ٱ → ا
  "\u0672": "\u0627",
  "\u0673": "\u0627",
  "\u0649": "\u064A", // ى → ي
  "\u06CC": "\u064A", // ی → ي
  "\u06D2": "\u064A", // ے → ي
  "\u0626": "\u064A", // ئ → ي
  "\u06D0": "\u064A", // ې → ي
  "\u0624": "\u0648", // ؤ → و
  "\u06A9": "\u0643", // ک → ك
  "\u06AA": "\u0643", // ڪ → ك
  "\u0629": "\u0647", // ة → ه
  "\u06C0": "\u0647", // ۀ → ه (Unicode decomposes it to ە + hamza, so map it directly)
  "\u06C1": "\u0647", // ہ → ه
  "\u06D5": "\u0647", // ە → ه
  "\u06BE": "\u0647", // ھ → ه
};
const LETTERS = new RegExp(`[${Object.keys(LETTER_MAP).join("")}]`, "g");
/** A lone hamza sitting on the line carries no distinction in running text (الشوون / الشؤون, جزء / جز). */
const HAMZA = /\u0621/g;
const DIGITS = /[\u0660-\u0669\u06F0-\u06F9]/g;

/** Fold one string; length may change. Pure and total: any input gives a string. */
export function fold(text: string): string {
  return text
    .normalize("NFKC")
    .replace(DIACRITICS, "")
    .replace(INVISIBLES, "")
    .replace(ZWNJ, "")
    .replace(LETTERS, (ch) => LETTER_MAP[ch] ?? ch)
    .replace(HAMZA, "")
    .replace(DIGITS, (d) => String((d.charCodeAt(0) & 0xf) % 10))
    .toLowerCase();
}

/** Characters of the Arabic script (after or before folding). */
export const ARABIC_SCRIPT = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;
/** Letters that only Persian writes; their presence marks a text as Persian. */
const PERSIAN_ONLY = /[\u067E\u0686\u0698\u06AF\u06A9\u06CC]/g; // پ چ ژ گ ک ی
const ARABIC_ONLY = /[\u0629\u0643\u064A\u0649]/g; // ة ك ي ى

export type Lang = "ar" | "fa" | "en";

/**
 * Guess the language of a text from its letters: Persian when Persian-only letters are a clear share of the
 * Arabic-script text, Arabic for other Arabic script, English for Latin. Old Persian text writes ي/ك, so a few
 * Persian-only letters already tip the balance.
 */
export function detectLang(text: string): Lang {
  let arabicScript = 0;
  let latin = 0;
  for (const ch of text) {
    if (ARABIC_SCRIPT.test(ch)) arabicScript++;
    else if (/[A-Za-z]/.test(ch)) latin++;
  }
  if (arabicScript === 0 && latin === 0) return "en";
  if (latin > arabicScript) return "en";
  const persian = text.match(PERSIAN_ONLY)?.length ?? 0;
  const arabic = text.match(ARABIC_ONLY)?.length ?? 0;
  return persian > 0 && persian >= arabic * 0.5 ? "fa" : persian >= 3 && persian * 10 >= arabic ? "fa" : "ar";
}
