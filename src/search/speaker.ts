/**
 * Who a question asks about, when it asks what someone said or did: "what did **the Russian deputy foreign minister**
 * urge …", «كيف علّق **وزير الخارجية الأمريكي** على …», «**لاوروف** درباره … چه گفت». An answer must come from that
 * speaker; the rest of the question is what they spoke about. Works on folded tokens (stop words still in).
 */

import { fold } from "../text/fold.js";

/** The word lists below are written as typed and compared folded («على» is folded «علي»). */
const folded = (words: string[]) => new Set(words.map((w) => fold(w)));

/** English: a question word and an auxiliary open the question; a verb closes the speaker. */
const EN_QUESTION = folded(["what", "how", "why", "who", "whom", "when", "where", "whether"]);
const EN_AUX = folded(["did", "does", "do", "has", "have", "had", "will", "would", "is", "was", "can", "could", "should"]);
const EN_VERBS = folded([
  "say", "said", "tell", "told", "think", "comment", "describe", "react", "respond", "reply", "announce", "urge",
  "demand", "warn", "claim", "deny", "ask", "call", "propose", "discuss", "agree", "expect", "plan", "mean", "want",
  "meet", "offer", "promise", "reject", "accept", "decide", "sign", "suggest", "threaten", "explain", "insist",
  "stress", "accuse", "blame", "criticise", "criticize", "welcome", "condemn", "predict", "estimate", "argue", "see",
  "view", "consider", "believe", "hope", "intend", "do", "mention", "write", "report", "confirm", "support", "oppose",
]);

/** Arabic: a verb of saying (after a question word, or first) opens the speaker; a preposition closes it. */
const AR_QUESTION = folded(["ماذا", "كيف", "بماذا", "هل", "شو", "لماذا", "بم", "ما", "متى", "ليش", "ليه", "ايش", "وش", "ازاي"]);
const AR_VERBS = folded([
  "قال", "قالت", "علق", "علقت", "رد", "ردت", "وصف", "وصفت", "اعلن", "اعلنت", "اكد", "اكدت", "طالب", "طالبت",
  "اعتبر", "اعتبرت", "يقول", "تقول", "ابلغ", "ابلغت", "حذر", "حذرت", "دعا", "دعت", "بحث", "بحثت", "ناقش", "ناقشت",
  "اقترح", "اقترحت", "يرى", "ترى", "طلب", "طلبت", "هدد", "هددت", "نفى", "نفت", "صرح", "صرحت", "كشف", "كشفت",
]);
const AR_CLOSERS = folded([
  "على", "عن", "حول", "بشان", "الى", "مع", "من", "خلال", "بعد", "قبل", "في", "ازاء", "تجاه", "بخصوص", "لدى",
  // A relative pronoun or «أن» opens what the speaker spoke of: «بماذا وصف الوزير الذين أحرقوا القنصلية».
  "الذي", "التي", "الذين", "اللذين", "اللتين", "اللواتي", "اللاتي", "اللي", "أن", "بأن",
]);

/** Persian: «واکنش / موضع X به …», or «X درباره … چه گفت». */
const FA_OPENERS = folded(["واكنش", "موضع", "ديدگاه", "نظر"]);
const FA_SAID = folded(["گفت", "گفته", "گفتند", "گفتن"]);
// Spoken Persian: «رو» for «را», «تو» for «در», «چی» for «چه».
const FA_CLOSERS = folded(["به", "در", "درباره", "نسبت", "از", "با", "مورد", "پيرامون", "چه", "را", "رو", "كه", "تو", "چي"]);
const FA_QUESTION = folded(["ايا", "چرا", "چگونه"]);

/** Longest speaker, in tokens: longer spans are not a speaker ("what did … say" around a whole clause). */
const MAX_SPEAKER_TOKENS = 8;

/** A question about what someone said or did: the speaker's token range [from, to), and the verb that asks it. */
export interface SpeakerQuestion {
  speaker: [number, number];
  /** The token of the framing verb ("say", «ردت», «واکنش»): the question's form, not what an answer must repeat. */
  verb: number;
}

/** The speaker and framing verb in the folded question tokens, or undefined when it names none. */
export function speakerQuestion(tokens: readonly string[]): SpeakerQuestion | undefined {
  return english(tokens) ?? arabic(tokens) ?? persian(tokens);
}

function span(from: number, to: number, verb: number): SpeakerQuestion | undefined {
  return to > from && to - from <= MAX_SPEAKER_TOKENS ? { speaker: [from, to], verb } : undefined;
}

function english(tokens: readonly string[]): SpeakerQuestion | undefined {
  for (let i = 0; i + 2 < tokens.length; i++) {
    if (!EN_QUESTION.has(tokens[i]!) || !EN_AUX.has(tokens[i + 1]!)) continue;
    for (let j = i + 2; j < tokens.length; j++) if (EN_VERBS.has(tokens[j]!)) return span(i + 2, j, j);
    return undefined;
  }
  return undefined;
}

function arabic(tokens: readonly string[]): SpeakerQuestion | undefined {
  for (let i = 0; i < tokens.length; i++) {
    if (!AR_VERBS.has(tokens[i]!) || (i > 0 && !AR_QUESTION.has(tokens[i - 1]!))) continue;
    let j = i + 1;
    while (j < tokens.length && !AR_CLOSERS.has(tokens[j]!)) j++;
    return span(i + 1, j, i);
  }
  return undefined;
}

function persian(tokens: readonly string[]): SpeakerQuestion | undefined {
  const close = (from: number, verb: number) => {
    let j = from;
    while (j < tokens.length && !FA_CLOSERS.has(tokens[j]!)) j++;
    return span(from, j, verb);
  };
  const opener = tokens.findIndex((t) => FA_OPENERS.has(t));
  if (opener >= 0) return close(opener + 1, opener);
  const said = tokens.findIndex((t) => FA_SAID.has(t));
  if (said < 0) return undefined;
  let from = 0;
  while (from < tokens.length && FA_QUESTION.has(tokens[from]!)) from++;
  return close(from, said);
}
