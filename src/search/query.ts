import { aliasKey, isNameType, joinLetterNumbers, type Concept, type Lexicon } from "../lexicon/lexicon.js";
import { designationOf } from "../text/designations.js";
import type { ConceptType } from "../lexicon/schema.js";
import { detectLang, fold, type Lang } from "../text/fold.js";
import { acronymsOf, capitalizedWords, isEnglishWord, withoutEnglishPossessive } from "../text/english.js";
import { latinSkeletons, phonetic, romanize } from "../text/skeleton.js";
import { withoutPossessive } from "../text/stem.js";
import { withoutDialectQuestionWords } from "../text/stopwords.js";
import { tokenizeFolded } from "../text/tokenize.js";
import { readDates, type DateRange } from "./dates.js";
import { allowedEdits, editDistance } from "./fuzzy.js";
import type { SearchIndex } from "./index.js";
import { formParagraphs } from "./rank.js";
import { ROLE_CONCEPTS, roleHolders, type RoleOptions } from "./roles.js";
import { speakerQuestion } from "./speaker.js";

/** How a query concept was understood. */
export type ConceptSource = "lexicon" | "fuzzy" | "term" | "translit" | "unknown";

/** One unit of meaning of a question: an OR group of the ways the corpus may write it. */
export interface QueryConcept {
  /** Concept id for lexicon concepts; otherwise the query word. */
  key: string;
  /** What the user wrote for it (folded). */
  text: string;
  source: ConceptSource;
  type: ConceptType | "term";
  /** Alternative forms, each a list of term ids that must all be present. Empty when the corpus lacks it. */
  forms: number[][];
  /**
   * For a concept written only in several words («مسار أستانا», «ضامني أستانا»), the word most of its forms share:
   * a paragraph holding it alone carries the concept in part. Undefined otherwise.
   */
  anchors?: number[];
  /** The question asks what this one said or did ("what did **Lavrov** say about …"): see speaker.ts. */
  speaker?: boolean;
  /** The verb that frames such a question («كيف **ردت** الخارجية الروسية على…»): an answer need not repeat it. */
  frame?: boolean;
}

export interface ParsedQuery {
  text: string;
  lang: Lang;
  concepts: QueryConcept[];
  dates: DateRange[];
  /** The question asks for an amount ("how much", «كم», «چقدر»): answers holding a number are preferred. */
  wantsQuantity: boolean;
}

/** Folded question openings that ask for an amount, in the three languages. */
const QUANTITY_CUES = [["how", "much"], ["how", "many"], ["how", "far"], ["how", "long"], ["what", "percentage"], ["كم"], ["بكم"], ["قديش"], ["اديش"], ["كام"], ["چقدر"], ["چند"]];

export function wantsQuantity(tokens: readonly string[]): boolean {
  return tokens.some((_, i) => QUANTITY_CUES.some((cue) => cue.every((w, j) => tokens[i + j] === w)));
}

export interface ParseOptions {
  /** Most query tokens considered; the rest of a very long question is ignored. Defaults to 32. */
  maxTokens?: number;
  /** Most corpus terms one unknown Latin name may map to through its skeleton. Defaults to 6. */
  maxTranslitTerms?: number;
  /** How role holders are read from the corpus (see roles.ts). Defaults to RoleOptions' defaults. */
  roles?: RoleOptions;
}

const LATIN = /^[a-z]+$/;
const MIN_TRANSLIT_LENGTH = 4;
const MAX_NAME_LOOKUPS = 8;
/** What «ين», «ان», «ون» sound like, for a stem light stemming cut them from. */
const CUT_ENDINGS = ["in", "an", "on"];

/** Understand a question: dates, lexicon phrases (longest first), typo-tolerant names, corpus words, skeletons. */
export function parseQuery(text: string, index: SearchIndex, lexicon: Lexicon, options: ParseOptions = {}): ParsedQuery {
  const maxTokens = options.maxTokens ?? 32;
  // Typo and skeleton matching cost more than a lookup: only this many unknown Latin words get them.
  let nameBudget = MAX_NAME_LOOKUPS;
  const maxTranslit = options.maxTranslitTerms ?? 6;
  const lang = detectLang(text);
  const allTokens = joinLetterNumbers(tokenizeFolded(fold(withoutDialectQuestionWords(withoutEnglishPossessive(text))))).slice(0, maxTokens);
  const dates = readDates(allTokens);
  const dateTokens = new Set(dates.flatMap((d) => d.tokens));
  // Tokens that are not dates, with their place in the question (the speaker span counts in all tokens).
  const tokens: { token: string; at: number }[] = [];
  allTokens.forEach((token, at) => {
    if (!dateTokens.has(token)) tokens.push({ token, at });
  });
  const asked = speakerQuestion(allTokens);
  const speaker = asked?.speaker;
  const capitalized = capitalizedWords(text);

  // Matching keys, stop words removed (aliases were keyed the same way); an acronym typed in capitals that
  // spells a stop word ("US") is kept.
  const acronyms = acronymsOf(text);
  const keyed: Keyed[] = [];
  for (const { token: typed, at } of tokens) {
    const token = lang === "ar" ? withoutPossessive(typed) : typed;
    const key = acronyms.has(token) ? token : aliasKey(token, lexicon.protectedWords);
    if (!key) continue;
    const exact = acronyms.has(token) ? token : aliasKey(token, lexicon.protectedWords, true) ?? key;
    keyed.push({ token, key, exact, at });
  }

  const concepts: QueryConcept[] = [];
  const seen = new Set<string>();
  // The keyed tokens the concept being pushed was read from, [from, to).
  let from = 0;
  let to = 0;
  // Each concept's place among the question's tokens [first, last + 1), in step with `concepts`.
  const spans: [number, number][] = [];
  const push = (concept: QueryConcept) => {
    if (seen.has(concept.key)) return;
    seen.add(concept.key);
    spans.push([keyed[from]!.at, keyed[to - 1]!.at + 1]);
    if (speaker && keyed.slice(from, to).some((k) => k.at >= speaker[0] && k.at < speaker[1])) concept.speaker = true;
    if (asked && keyed.slice(from, to).some((k) => k.at === asked.verb)) concept.frame = true;
    concepts.push(concept);
  };
  for (let i = 0; i < keyed.length; ) {
    const match = longestAlias(keyed, i, lexicon);
    if (match) {
      [from, to] = [i, i + match.length];
      push(lexiconConcept(match.concept, keyed.slice(i, i + match.length).map((k) => k.token).join(" "), "lexicon", index, lexicon));
      i += match.length;
      continue;
    }
    const { token, key } = keyed[i]!;
    [from, to] = [i, i + 1];
    i++;
    if (LATIN.test(token)) {
      // An ordinary English word is no typo of a name ("according" is not a misspelt anything).
      const nameLike = !isEnglishWord(token) || capitalized.has(token);
      const fuzzy = nameLike && nameBudget-- > 0 ? fuzzyAlias(token, lexicon) : undefined;
      if (fuzzy) {
        push(lexiconConcept(fuzzy, token, "fuzzy", index, lexicon));
        continue;
      }
      // A Latin word of the corpus (an English quote, a brand) counts only when it looks like a name: an ordinary
      // English word found once in an Arabic archive would outweigh the whole question.
      const direct = nameLike ? index.vocab.get(key) : undefined;
      // Only what looks like a name is matched by its consonants: an ordinary English word would find noise.
      // A corpus word that spells another known name is not this one (Peres is not «باريس», Paris).
      const owners = ownersOfTerms(lexicon);
      const spellsOther = (id: number) => (owners.get(index.terms[id]!) ?? []).some((c) => isNameType(c.type) && !c.latinNames.has(token));
      const translit = nameLike && nameBudget >= 0 ? transliterate(token, index, maxTranslit, spellsOther) : [];
      // Both spellings: "david" in a few English captions must not hide «ديفيد» in hundreds of paragraphs.
      const forms = [...(direct === undefined ? [] : [[direct]]), ...translit.map((id) => [id])];
      const source = translit.length ? "translit" : direct !== undefined ? "term" : "unknown";
      push({ key: source === "term" ? `term:${key}` : `name:${token}`, text: token, source, type: "term", forms });
      continue;
    }
    const lookup = (k: string | undefined) => {
      const id = k === undefined ? undefined : index.vocab.get(k);
      return id === undefined ? [] : [[id]];
    };
    const designation = designationForms(token, index);
    if (designation) {
      push(designation);
      continue;
    }
    const plural = withoutPersianPossessive(token);
    const pluralKey = plural === undefined ? undefined : aliasKey(plural, lexicon.protectedWords) ?? undefined;
    const bare = lang === "ar" ? withoutPreposition(token) : undefined;
    const bareKey = bare === undefined ? undefined : aliasKey(bare, lexicon.protectedWords) ?? undefined;
    let forms = [key, withoutFuturePrefix(key), withoutPresentPrefix(key), pluralKey, bareKey].flatMap(lookup);
    if (forms.length === 0) forms = spokenPersianReadings(key).flatMap(lookup).slice(0, 1);
    push({ key: `term:${key}`, text: token, source: forms.length === 0 ? "unknown" : "term", type: "term", forms });
  }
  withRoleHolders(concepts, spans, index, options.roles);
  return { text, lang, concepts, dates, wantsQuantity: wantsQuantity(allTokens) };
}

/**
 * A designation ("Su-30", "F-35", "MiG-29"): the index holds it as one Latin term whatever the script it was written
 * in («سوخوي 30», «إف-35», "SU-57": see withDesignations in index.ts). A name: the answer's article must hold it.
 * Undefined for a token that is no designation, or one the corpus lacks.
 */
function designationForms(token: string, index: SearchIndex): QueryConcept | undefined {
  const designation = designationOf(token);
  if (!designation) return undefined;
  // The index's term is the prefix and the number alone ("tu22" of "Tu-22M3", see designationTerm).
  const id = index.vocab.get(designation.latin + designation.number);
  return id === undefined ? undefined : { key: `name:${token}`, text: token, source: "translit", type: "term", forms: [[id]] };
}

/**
 * A role the question names ("Iraq's foreign minister") also matches its holder's name as the corpus gives it (see
 * roles.ts). The role's qualifiers are the places, organisations and fields written next to it, word after word:
 * "Iran's oil minister", «وزير النفط الإيراني»; a verb, a name or a gap of two words ends them ("Israel's defence
 * minister said about the Golan").
 */
function withRoleHolders(concepts: QueryConcept[], spans: readonly [number, number][], index: SearchIndex, options?: RoleOptions): void {
  let own: Set<number> | undefined;
  const named = (c: QueryConcept) => c.type === "place" || c.type === "org";
  const field = (c: QueryConcept) => c.type === "topic" && !ROLE_CONCEPTS.has(c.key);
  concepts.forEach((role, k) => {
    if (role.source !== "lexicon" || !ROLE_CONCEPTS.has(role.key)) return;
    let [from, to] = spans[k]!;
    const qualifiers: QueryConcept[] = [];
    // A field next to the role first ("oil" minister, وزير «النفط»), then places and organisations next to those.
    for (const kind of [field, named]) {
      for (let grown = true; grown; ) {
        grown = false;
        concepts.forEach((c, j) => {
          if (j === k || qualifiers.includes(c) || c.frame || c.forms.length === 0 || !kind(c)) return;
          const [qFrom, qTo] = spans[j]!;
          // One token may come between: "Iran**'s** oil", "minister **of** oil".
          if ((qTo <= from && qTo >= from - 1) || (qFrom >= to && qFrom <= to + 1)) {
            qualifiers.push(c);
            [from, to] = [Math.min(from, qFrom), Math.max(to, qTo)];
            grown = true;
          }
        });
      }
    }
    if (!qualifiers.some(named)) return;
    own ??= new Set(concepts.flatMap((c) => c.forms.flat()));
    const holders = roleHolders(role, qualifiers, index, own, options);
    if (holders.length > 0) concepts[k] = { ...role, forms: [...role.forms, ...holders.map((id) => [id])] };
  });
}

/** A query token's matching keys: stemmed (for topics and words) and exact (for names). */
interface Keyed {
  token: string;
  key: string;
  exact: string;
  /** Its place among the question's tokens. */
  at: number;
}

function longestAlias(keyed: Keyed[], i: number, lexicon: Lexicon): { concept: Concept; length: number } | undefined {
  const first = keyed[i]!;
  const candidates = [...(lexicon.aliases.get(first.key) ?? []), ...(first.exact !== first.key ? lexicon.aliases.get(first.exact) ?? [] : [])];
  let best: { concept: Concept; length: number } | undefined;
  for (const { keys, concept, exact } of candidates) {
    if (best && keys.length <= best.length) continue;
    if (i + keys.length <= keyed.length && keys.every((k, j) => (exact ? keyed[i + j]!.exact : keyed[i + j]!.key) === k)) {
      best = { concept, length: keys.length };
    }
  }
  if (best) return best;
  // Names are matched whole, not stemmed ("Fars" is not "far"); a people in the plural is its name's demonym
  // ("Iranians", "Israelis" → "Iranian", "Israeli").
  const plural = /^[a-z]+(?:an|i)s$/.test(first.exact) ? first.exact.slice(0, -1) : undefined;
  const demonym = plural === undefined ? undefined : lexicon.aliases.get(plural)?.find((a) => a.exact && a.keys.length === 1 && isNameType(a.concept.type));
  return demonym ? { concept: demonym.concept, length: 1 } : undefined;
}

/**
 * A Latin word within a few edits of exactly one concept's one-word alias ("Lavorv" → Lavrov), confirmed by the
 * skeleton: one of the concept's Arabic/Persian words must sound like what was typed (so "Maria" is not Marib).
 */
function fuzzyAlias(token: string, lexicon: Lexicon): Concept | undefined {
  const max = allowedEdits(token.length);
  if (max === 0) return undefined;
  const sounds = new Set(latinSkeletons(token));
  let best: Concept | undefined;
  let bestDistance = max + 1;
  let tie = false;
  for (const { word, concept } of lexicon.latinWords) {
    if (Math.abs(word.length - token.length) > max) continue;
    const d = editDistance(token, word, max);
    if (d > bestDistance || d > max) continue;
    // The skeleton confirms the match, unless one letter was dropped or doubled and both words are long ("tukish"
    // for "turkish"): that changes the consonants but hardly ever makes another word. Not from a short alias, often
    // an acronym: "Aseman", the airline, is not ASEAN.
    if (!soundsLike(concept, sounds) && !(d === 1 && Math.min(token.length, word.length) >= 6 && word.length !== token.length)) continue;
    if (d < bestDistance) {
      best = concept;
      bestDistance = d;
      tie = false;
    } else if (d === bestDistance && best && concept !== best) {
      tie = true;
    }
  }
  return best && !tie ? best : undefined;
}

function soundsLike(concept: Concept, sounds: Set<string>): boolean {
  for (const skeleton of concept.skeletons) if (sounds.has(skeleton)) return true;
  return false;
}

/**
 * An Arabic verb in the future tense without its «س» («ستسحب» → «تسحب»): light stemming leaves the prefix, since an
 * initial «س» is as often part of the word. Undefined when the word does not look like one.
 */
export function withoutFuturePrefix(term: string): string | undefined {
  return term.length >= 5 && /^س[يتنا]/.test(term) ? term.slice(1) : undefined;
}

/**
 * An Arabic noun without the preposition «ب» ("with, in, by") glued on («بسايق» → «سايق», «بمواجهات» → «مواجهات»):
 * light stemming cuts «بال» but not «ب» alone, which starts as many words as it precedes. The question keeps both
 * readings. Undefined below five letters (the rest would be too short to tell) and for «بي/بت/بن», a spoken present.
 */
export function withoutPreposition(folded: string): string | undefined {
  return folded.length >= 5 && /^ب[^يتن]/.test(folded) ? folded.slice(1) : undefined;
}

/**
 * A spoken Arabic present tense without its «ب» («بتنتج» → «تنتج», «بيقول» → «يقول»): how people type in Levantine
 * and Egyptian Arabic; news writes the verb without it. Undefined when the word does not look like one.
 */
export function withoutPresentPrefix(term: string): string | undefined {
  return term.length >= 5 && /^ب[يتن]/.test(term) ? term.slice(1) : undefined;
}

/**
 * A Persian plural with a possessive pronoun, without the pronoun («مذاکراتش» "his talks" → «مذاکرات», «هایشان»
 * → «ها»): the stemmer leaves the pronoun on, so the word would match only texts that write it the same way.
 * Undefined when the folded word does not end in a plural and a pronoun.
 */
export function withoutPersianPossessive(token: string): string | undefined {
  // «م» and «ت» alone only after «های»: after «ات» or «ه» they are as often the word's own («توجهات»).
  return /^(.{3,}(?:ات|ها|هاي))(?:شان|مان|تان|ش)$/.exec(token)?.[1] ?? /^(.{3,}هاي)[مت]$/.exec(token)?.[1];
}

/**
 * Spoken Persian says «ون» for written «ان» («دونست» → «دانست», «تهرون» → «تهران», «میدونه» → «میدانه»), «ا» for the
 * plural «ها» and «شون/مون/تون» for «شان/مان/تان»: the written readings of a word the corpus lacks, one «ون» at a time,
 * last first, then without the ending. Only tried for words the corpus does not have.
 */
export function spokenPersianReadings(term: string): string[] {
  const readings: string[] = [];
  for (let at = term.lastIndexOf("ون"); at > 0; at = term.lastIndexOf("ون", at - 1)) {
    readings.push(`${term.slice(0, at)}ان${term.slice(at + 2)}`);
  }
  // A spoken pronoun ending («جزوشون» "among them") or plural «ا» for «ها» («کشورا» "countries").
  const suffix = /^(.{3,})(?:شون|مون|تون|(?<![هاوي])ا)$/.exec(term);
  if (suffix) readings.push(suffix[1]!);
  return readings;
}

/** A lexicon concept in a question, as the index can match it; the corpus-dependent part is worked out once per index. */
function lexiconConcept(concept: Concept, text: string, source: ConceptSource, index: SearchIndex, lexicon: Lexicon): QueryConcept {
  let byLexicon = resolved.get(index);
  if (!byLexicon) resolved.set(index, (byLexicon = new WeakMap()));
  let known = byLexicon.get(lexicon);
  if (!known) byLexicon.set(lexicon, (known = new Map()));
  let found = known.get(concept.id);
  if (!found) {
    const forms: number[][] = [];
    for (const form of concept.forms) {
      const ids = form.map((t) => index.vocab.get(t));
      if (ids.every((id): id is number => id !== undefined)) forms.push(ids);
    }
    if (concept.type === "person") for (const id of corpusSpellings(concept, forms, index, lexicon)) forms.push([id]);
    const minimal = minimalForms(forms);
    // A topic's shared word carries part of it («عقوبات» of sanctions evasion); a name's must stand for the name.
    found = { forms: minimal, anchors: isNameType(concept.type) ? distinctiveAnchors(minimal, index) : anchorsOf(minimal) };
    known.set(concept.id, found);
  }
  return { key: concept.id, text, source, type: concept.type, forms: found.forms, anchors: found.anchors };
}
const resolved = new WeakMap<SearchIndex, WeakMap<Lexicon, Map<string, { forms: number[][]; anchors: number[] | undefined }>>>();

/** Of the paragraphs holding an anchor word, at least this share must hold one of the concept's full forms. */
const ANCHOR_MIN_SHARE = 0.05;

/**
 * Anchors (see anchorsOf) that stand for their concept in this corpus: «أستانا» for the Astana format, not «اتحاد»
 * ("union") for the Eurasian Economic Union, whose paragraphs are mostly about other unions.
 */
function distinctiveAnchors(forms: number[][], index: SearchIndex): number[] | undefined {
  const anchors = anchorsOf(forms);
  if (!anchors) return undefined;
  let full = 0;
  for (const form of forms) {
    const [, from, to] = formParagraphs(form, index, new Uint32Array(Math.min(...form.map((id) => index.df[id]!))));
    full += to - from;
  }
  const kept = anchors.filter((id) => full >= ANCHOR_MIN_SHARE * index.df[id]!);
  return kept.length > 0 ? kept : undefined;
}

/**
 * Spellings of a person's name that the corpus uses and the lexicon lacks («ميدويديف» beside «ميدفيديف»): words that
 * sound like the English surname, differ from one of the lexicon's spellings by a letter (two for long names) but not
 * in the first, and spell no other known name.
 */
function corpusSpellings(concept: Concept, forms: number[][], index: SearchIndex, lexicon: Lexicon): number[] {
  // The lexicon's own spellings, found in this corpus or not.
  const spellings = concept.forms.filter((f) => f.length === 1).map((f) => f[0]!);
  if (spellings.length === 0) return [];
  const have = new Set(forms.filter((f) => f.length === 1).map((f) => f[0]!));
  const owners = ownersOfTerms(lexicon);
  const extra: number[] = [];
  for (const surname of concept.latinNames) {
    if (surname.length < MIN_TRANSLIT_LENGTH) continue;
    for (const id of transliterate(surname, index, MAX_SPELLING_CANDIDATES)) {
      const term = index.terms[id]!;
      if (have.has(id) || (owners.get(term) ?? []).some((c) => c !== concept)) continue;
      const close = spellings.some((known) => {
        const allowed = Math.min(term.length, known.length) >= 7 ? 2 : 1;
        return known[0] === term[0] && editDistance(known, term, allowed) <= allowed;
      });
      if (close) {
        have.add(id);
        extra.push(id);
      }
    }
  }
  return extra;
}
const MAX_SPELLING_CANDIDATES = 12;

/** The lexicon concepts each one-word form belongs to (computed once per lexicon). */
function ownersOfTerms(lexicon: Lexicon): Map<string, Concept[]> {
  let owners = ownersByLexicon.get(lexicon);
  if (!owners) {
    owners = new Map();
    for (const concept of lexicon.concepts) {
      for (const form of concept.forms) {
        if (form.length !== 1) continue;
        const list = owners.get(form[0]!);
        if (!list) owners.set(form[0]!, [concept]);
        else if (!list.includes(concept)) list.push(concept);
      }
    }
    ownersByLexicon.set(lexicon, owners);
  }
  return owners;
}
const ownersByLexicon = new WeakMap<Lexicon, Map<string, Concept[]>>();

/**
 * The terms shared by the most forms (at least two) when every form has several words: «أستانا» and its other
 * spellings for the Astana format. Undefined when the concept has a one-word form.
 */
export function anchorsOf(forms: number[][]): number[] | undefined {
  if (forms.length < 2 || forms.some((f) => f.length === 1)) return undefined;
  const counts = new Map<number, number>();
  for (const form of forms) for (const id of new Set(form)) counts.set(id, (counts.get(id) ?? 0) + 1);
  const most = Math.max(...counts.values());
  if (most < 2) return undefined;
  return [...counts].filter(([, n]) => n === most).map(([id]) => id);
}

/**
 * Corpus words whose consonant skeleton matches a Latin word, re-checked by how close a rough romanization of the
 * Arabic word is to the Latin one (edit distance over a phonetic folding; vowels the Arabic script leaves
 * unwritten cost little). The closest few are kept.
 *
 * Light stemming cuts «ين», «ان», «ون» from names it does not know (كوجين Kozhin is indexed as «كوج», كاشان Kashan
 * as «كاش»); skeletons are of the words as written: for a Latin name ending in a vowel and n, the indexed stem is
 * also compared with each of those endings put back.
 */
export function transliterate(token: string, index: SearchIndex, max: number, exclude?: (id: number) => boolean): number[] {
  if (token.length < MIN_TRANSLIT_LENGTH) return [];
  const target = phonetic(token);
  // Short vowels are not written in Arabic: each missing vowel of the Latin word is forgiven.
  const vowels = (target.match(/[aio]/g) ?? []).length;
  const best = new Map<number, number>();
  const consider = (id: number, endings: readonly string[]) => {
    if (exclude?.(id)) return;
    const romanized = romanize(index.terms[id]!);
    for (const ending of endings) {
      const candidate = phonetic(romanized + ending);
      const distance = Math.max(0, editDistance(target, candidate, target.length) - vowels * 0.5);
      if (distance <= Math.max(1, target.length * 0.3) && distance < (best.get(id) ?? Infinity)) best.set(id, distance);
    }
  };
  const endings = /[aeiouy]n$/.test(token) ? ["", ...CUT_ENDINGS] : [""];
  for (const skeleton of latinSkeletons(token)) {
    if (skeleton.length < 3) continue;
    for (const id of index.skeletons.get(skeleton) ?? []) consider(id, endings);
  }
  const scored = [...best].map(([id, distance]) => ({ id, distance }));
  scored.sort((a, b) => a.distance - b.distance || index.df[b.id]! - index.df[a.id]!);
  return scored.slice(0, max).map((s) => s.id);
}

/**
 * Drop forms that contain another form of the same concept: a paragraph holding «جمهورية إسلامية إيران» already
 * holds «إيران», so the longer form finds nothing more and only costs time.
 */
export function minimalForms(forms: number[][]): number[][] {
  const sorted = [...forms].sort((a, b) => a.length - b.length);
  const kept: number[][] = [];
  for (const form of sorted) {
    if (!kept.some((k) => k.every((id) => form.includes(id)))) kept.push(form);
  }
  return kept;
}
