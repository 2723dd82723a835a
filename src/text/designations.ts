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
 * Latin letters by their Arabic-script names, as in «إف-16», «بي-52», «سي-130». Not "a", "i" and "o": English words
 ("a 5% rise").
 */
const LETTERS: Readonly<Record<string, readonly string[]>> = {
  b: ["بي"], c: ["سي"], d: ["دي"], e: ["اي"], f: ["اف", "إف"], g: ["جي"], h: ["اتش"], j: ["جي"], k: ["كي"],
  l: ["ال"], m: ["ام"], n: ["ان"], p: ["بي"], q: ["كيو"], r: ["ار"], s: ["اس", "إس"], t: ["تي"], u: ["يو"], v: ["في"],
  w: ["دبليو"], x: ["اكس"], y: ["واي"], z: ["زد"],
};

/** Multi-letter prefixes joined to the number that follows them ("su 30" as typed "Su-30" → "su30"). */
export const DESIGNATION_PREFIXES: ReadonlySet<string> = new Set(Object.keys(MAKERS));

export interface Designation {
  /** The Latin prefix ("su" of "su30"). */
  latin: string;
  /** The prefix in Arabic script, each spelling unfolded (callers key them as corpus words). */
  prefixes: readonly string[];
  /** The number, ASCII digits ("22" of "tu22m3"). */
  number: string;
}

/**
 * A folded token read as a designation ("f35", "su30", "tu22m3", "mig29"), or undefined. The prefix is a single
 * letter or a known maker's abbreviation; the number has one to four digits, then at most three letters and digits starting with a letter ("m3" of "tu22m3").
 */
export function designationOf(token: string): Designation | undefined {
  const m = /^([a-z]{1,3})(\d{1,4})(?:[a-z][a-z0-9]{0,2})?$/.exec(token);
  if (!m) return undefined;
  const prefixes = m[1]!.length === 1 ? LETTERS[m[1]!] : MAKERS[m[1]!];
  return prefixes ? { latin: m[1]!, prefixes, number: m[2]! } : undefined;
}
