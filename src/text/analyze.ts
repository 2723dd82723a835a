import { fold } from "./fold.js";
import { ARABIC_STOP_WORDS, isStopWord } from "./stopwords.js";
import { stem, type StemOptions } from "./stem.js";
import { tokenizeFolded } from "./tokenize.js";

/** Shortest folded token that can carry meaning (single letters are clitics or noise). */
const MIN_TOKEN_LENGTH = 2;

/**
 * Turns a folded token into its index term, or null for stop words and noise. The same function serves
 * documents and queries, so both sides always meet on one canonical form (never an array of variants).
 */
export function termOf(folded: string, options: StemOptions = {}): string | null {
  if (folded.length < MIN_TOKEN_LENGTH || isStopWord(folded)) return null;
  // «وفي», «ومن»: a conjunction glued to an Arabic stop word is still a stop word («وبا(ء)» is not «و» + Persian «با»).
  if (folded.startsWith("و") && ARABIC_STOP_WORDS.has(folded.slice(1))) return null;
  const term = stem(folded, options);
  if (term.length < MIN_TOKEN_LENGTH || isStopWord(term)) return null;
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
