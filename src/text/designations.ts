import { fold } from "./fold.js";

/**
 * Designations of aircraft and weapons ("F-35", "Su-30", "MiG-29", "Il-20"): a Latin prefix and a number. Arabic and
 * Persian news write the prefix in their own script, as the letter's name («إف-35», «اس-۴۰۰») or the maker's name
 * («سوخوي 30», «ميغ-29», «إيل-20»), and the number in digits; the tokenizer splits them into two words. A question's
 * "Su-30" must find those two words, not the Latin "su" of three captions.
 */

/** Prefixes of more than one letter, by the maker they abbreviate; a single letter is read by its name. */
const MAKERS: Readonly<Record<string, readonly string[]>> = {
  su: ["سو", "سوخوي"], // Sukhoi
  mig: ["ميغ", "ميج", "میگ"], // Mikoyan-Gurevich
  tu: ["توبوليف", "توپولف"], // Tupolev («تو» alone is a Persian stop word)
  il: ["ايل", "ال", "إليوشن"], // Ilyushin («ال-20» is how most of the archive wrote the Il-20)
  ka: ["كا", "كاموف"], // Kamov
  mi: ["مي"], // Mil helicopters
  yak: ["ياك"], // Yakovlev
};

/**
 * Latin letters by their Arabic-script names, as in «إف-16», «بي-52», «سي-130». Not the letters whose names are
 * common words before a number: "a", "i", "o" (English), «في» (V: "in"), «أن» (N), «أم» (M), «أي» (E), «دي» (D:
 * the Persian month Dey), «كي» (K: Persian "when"); nor J and P, whose names are G's and B's.
 */
const LETTERS: Readonly<Record<string, readonly string[]>> = {
  b: ["بي"], c: ["سي"], f: ["اف", "إف"], g: ["جي"], h: ["اتش"], q: ["كيو"], r: ["ار"], s: ["اس", "إس"], t: ["تي"],
  u: ["يو"], w: ["دبليو"], x: ["اكس"], y: ["واي"], z: ["زد"],
};

/** Multi-letter prefixes joined to the number that follows them ("su 30" as typed "Su-30" → "su30"). */
export const DESIGNATION_PREFIXES: ReadonlySet<string> = new Set(Object.keys(MAKERS));

export interface Designation {
  /** The Latin prefix ("su" of "su30"). */
  latin: string;
  /** The prefix as Arabic and Persian write it, unfolded (the spellings designationTerm reads). */
  prefixes: readonly string[];
  /** The number, ASCII digits ("22" of "tu22m3"). */
  number: string;
}

/**
 * A folded token read as a designation ("f35", "su30", "tu22m3", "mig29"), or undefined. The prefix is a single
 * letter or a known maker's abbreviation; the number has one to four digits, then at most three letters and digits
 * starting with a letter ("m3" of "tu22m3").
 */
export function designationOf(token: string): Designation | undefined {
  const m = /^([a-z]{1,3})(\d{1,4})(?:[a-z][a-z0-9]{0,2})?$/.exec(token);
  if (!m) return undefined;
  const prefixes = m[1]!.length === 1 ? LETTERS[m[1]!] : MAKERS[m[1]!];
  return prefixes ? { latin: m[1]!, prefixes, number: m[2]! } : undefined;
}

/** Folded spellings of every prefix (Latin, and Arabic script with «و» glued on) → its Latin prefix. */
const PREFIX_OF: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  for (const [latin, spellings] of [...Object.entries(LETTERS), ...Object.entries(MAKERS)]) {
    map.set(latin, latin);
    for (const spelling of spellings) {
      const folded = fold(spelling);
      if (!map.has(folded)) map.set(folded, latin);
      if (!map.has(`و${folded}`)) map.set(`و${folded}`, latin);
    }
  }
  return map;
})();

/**
 * The index term of a designation written as two words, a prefix and then a number («سوخوي 30», «إف-35», "SU-57"
 * as folded tokens): its Latin form ("su30", "f35", "su57"), the same whatever the script, so that a question finds
 * the two words only where they stand together. Undefined when the pair is no designation.
 */
export function designationTerm(previous: string | undefined, token: string): string | undefined {
  if (previous === undefined) return undefined;
  const latin = PREFIX_OF.get(previous);
  if (latin === undefined) return undefined;
  const number = /^(\d{1,4})(?:[a-z][a-z0-9]{0,2})?$/.exec(token)?.[1];
  return number === undefined ? undefined : latin + number;
}
