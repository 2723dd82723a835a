import { stemmer as porter } from "stemmer";

/**
 * Light stemming of folded tokens: Light10-style for Arabic script (Larkey et al.; Lucene's ArabicStemmer),
 * Persian plural suffixes on top, Porter for Latin. Operates on FOLDED text (ة→ه, ى/ی→ي, ک→ك).
 */

/** Clitic prefixes, longest first. و is only stripped from longer words (Light10's guard). */
const PREFIXES = ["وال", "بال", "كال", "فال", "لل", "ال"];
/**
 * Suffixes in Light10 order (folded: ية→يه, ة→ه), then Persian ones. Each strip must leave MIN_STEM letters.
 * «هاي» is the Persian plural with ezafe (کشورهای), «ترين»/«تر» are left alone (they over-stem: بهترین → به).
 */
const SUFFIXES = ["هاي", "ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي"];
/**
 * Words whose «ان» is part of the word, not a plural or dual, and whose cut form is another common word: Persian
 * «بحران» "crisis" would become «بحر» "sea", «دوران» "era" «دور» "role", «عمران» "development" «عمر» "age",
 * «میزان» "amount" «میز» "table", «آسمان» "sky" «اسم» "name"; «انسان» "human" would become «انس». Their
 * inflections («بحران‌ها», «بحرانی») stop at the word. Folded.
 */
const WHOLE_WORDS: ReadonlySet<string> = new Set(["بحران", "دوران", "عمران", "ميزان", "درمان", "پايان", "اسمان", "انسان"]);
const MIN_PREFIX_REST = 2;
/** Light10 allows 2; 3 keeps short words apart (امين ≠ ام, سورية ≠ سو). */
const MIN_STEM = 3;

const ARABIC_LETTER = /^[\u0621-\u064A\u0671-\u06D3]+$/;

/** Whether a folded token is written in Arabic script only (Arabic or Persian letters). */
export const isArabicScriptWord = (word: string): boolean => ARABIC_LETTER.test(word);

export interface StemOptions {
  /** Folded words never stripped of suffixes (names: «جلالي» must not become «جلال»). Defaults to none. */
  readonly protectedWords?: ReadonlySet<string>;
}

/** Strip one clitic prefix (ال، وال، بال، كال، فال، لل، و). */
export function stripPrefix(word: string): string {
  for (const p of PREFIXES) {
    if (word.startsWith(p) && word.length - p.length >= MIN_PREFIX_REST) return word.slice(p.length);
  }
  if (word.startsWith("و") && word.length >= 4) {
    const rest = word.slice(1);
    for (const p of PREFIXES) {
      if (rest.startsWith(p) && rest.length - p.length >= MIN_PREFIX_REST) return rest.slice(p.length);
    }
    return rest;
  }
  return word;
}

/**
 * An Arabic noun in «ة» with a pronoun attached is written with «ت» («قنصليتها» "its consulate", «زيارته» "his
 * visit»): the noun alone («قنصليه», folded «ة»), which stems like the text's «القنصلية». Not a plural «ات»
 * («قواتها»), and not below four letters before «ت»: there it is as often a verb's feminine «ت» («سلمتها» "she
 * delivered it", «وقعتها») or part of the word («وقتها»). For Arabic text and questions only: in Persian, «ته» ends
 * participles («گذشته») and «ها» is the plural («دولت‌ها»).
 */
export function withoutPossessive(token: string): string {
  const match = /^(.{4,})ت(?:ها|هما|هم|هن|ه|كما|كم|نا)$/.exec(token);
  return match && !match[1]!.endsWith("ا") ? `${match[1]}ه` : token;
}

/** Stem one Arabic-script folded token. */
export function stemArabic(word: string, options: StemOptions = {}): string {
  if (!ARABIC_LETTER.test(word)) return word;
  const protectedWords = options.protectedWords;
  if (protectedWords?.has(word)) return word;
  let stem = stripPrefix(word);
  if (protectedWords?.has(stem)) return stem;
  // A name kept whole with its article («النمسا», «الصين») is the same name after a clitic took the article
  // («والنمسا», «بالصين» → «النمسا», «الصين»).
  if (protectedWords?.has(`ال${stem}`)) return `ال${stem}`;
  // ب ل ك ف glue onto nouns («بسوريا», «لموسكو»); Light10 leaves them (بحث is not ب+حث), but when the rest is a
  // known name the reading is safe.
  if (protectedWords && /^[بلكف]/.test(stem) && protectedWords.has(stem.slice(1))) return stem.slice(1);
  for (const suffix of SUFFIXES) {
    if (WHOLE_WORDS.has(stem)) break;
    if (stem.endsWith(suffix) && stem.length - suffix.length >= MIN_STEM) {
      stem = stem.slice(0, -suffix.length);
    }
  }
  return stem;
}

/** Stem one Latin folded token (Porter); numbers and mixed tokens are kept. */
export function stemLatin(word: string): string {
  return /^[a-z]+$/.test(word) && word.length > 3 ? porter(word) : word;
}

/** Stem a folded token of any script. */
export function stem(word: string, options: StemOptions = {}): string {
  return ARABIC_LETTER.test(word) ? stemArabic(word, options) : stemLatin(word);
}
