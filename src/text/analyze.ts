import { fold } from "./fold.js";
import { ARABIC_STOP_WORDS, isStopWord } from "./stopwords.js";
import { isArabicScriptWord, stem, stripPrefix, type StemOptions } from "./stem.js";
import { tokenizeFolded } from "./tokenize.js";

/** Shortest folded token that can carry meaning (single letters are clitics or noise). */
const MIN_TOKEN_LENGTH = 2;

/**
 * Plural and derivational endings: a word that becomes a stop word only once one of them is cut is a content word
 * (الولايات → ولا, استان → است, الكردية → كرد, كانون → كان, هسته‌ای → هست), and a Persian plural of such a word
 * is the word (استان‌ها → استان). So is one that loses only a nisba ي from four letters or more (الكردي). A pronoun ending cut from a function word (لكنه، خلالها، لديه) leaves a stop
 * word, as it should.
 */
const CONTENT_ENDING = /(?:ات|ان|ون|ين|يه|هاي)$/;

/** Whether `term`, a stop word, came from `folded` by cutting a content ending (see CONTENT_ENDING). */
function cutContentEnding(folded: string, term: string): string | null {
  const bare = stripPrefix(folded);
  if (bare === term || !bare.startsWith(term) || isStopWord(bare) || !isArabicScriptWord(bare)) return null;
  const cut = bare.slice(term.length);
  // A Persian plural in «ها» of such a word is the word («استان‌ها» → «استان»).
  if (cut === "انها") return bare.slice(0, -2);
  return CONTENT_ENDING.test(cut) || (cut === "ي" && bare.length >= 4) ? bare : null;
}

/**
 * Turns a folded token into its index term, or null for stop words and noise. The same function serves
 * documents and queries, so both sides always meet on one canonical form (never an array of variants).
 */
export function termOf(folded: string, options: StemOptions = {}): string | null {
  if (folded.length < MIN_TOKEN_LENGTH || isStopWord(folded)) return null;
  // «وفي», «ومن»: a conjunction glued to an Arabic stop word is still a stop word («وبا(ء)» is not «و» + Persian «با»).
  if (folded.startsWith("و") && ARABIC_STOP_WORDS.has(folded.slice(1))) return null;
  const term = stem(folded, options);
  if (term.length < MIN_TOKEN_LENGTH) return null;
  // A content word that only looks like a stop word once stemmed is kept with its endings (its prefix still cut).
  if (isStopWord(term)) return cutContentEnding(folded, term);
  return term;
}

/** Fold, tokenize and stem a text into its terms, in order, stop words removed. */
export function analyze(text: string, options: StemOptions = {}): string[] {
  const terms: string[] = [];
  for (const token of tokenizeFolded(fold(text))) {
    const term = termOf(token, options);
    if (term) terms.push(term);
  }
  return terms;
}
