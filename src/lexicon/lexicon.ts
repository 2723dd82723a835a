import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { stemmer as porter } from "stemmer";
import { fold } from "../text/fold.js";
import { isStopWord } from "../text/stopwords.js";
import { stemArabic } from "../text/stem.js";
import { tokenizeFolded } from "../text/tokenize.js";
import { arabicSkeleton } from "../text/skeleton.js";
import { DESIGNATION_PREFIXES } from "../text/designations.js";
import { termOf } from "../text/analyze.js";
import { LexiconFileSchema, type ConceptEntry, type ConceptType } from "./schema.js";

/** The folder of the shipped lexicon files. */
export const LEXICON_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), "data");

export interface AliasEntry {
  keys: string[];
  concept: Concept;
  exact: boolean;
}

/** A concept ready for matching and searching. */
export interface Concept {
  id: string;
  type: ConceptType;
  /** The first English alias, for display. */
  label: string;
  entry: ConceptEntry;
  /** Arabic and Persian forms as index-term sequences (a form matches a paragraph holding all its terms). */
  forms: string[][];
  /** Consonant skeletons of its Arabic/Persian words, to cross-check a typo-tolerant Latin match. */
  skeletons: Set<string>;
  /** The Latin words of its English aliases, folded ("dmitry", "medvedev"). */
  latinNames: Set<string>;
  /** The lexicon file it comes from, without `.json` ("politics", "people"…); empty when built from a list. */
  group: string;
}

export interface Lexicon {
  concepts: Concept[];
  byId: Map<string, Concept>;
  /** Alias key sequences (any language) → concept, grouped by first key, longest first. `exact`: unstemmed Latin keys. */
  aliases: Map<string, AliasEntry[]>;
  /** Single-word Latin aliases (folded, unstemmed) for typo-tolerant matching. */
  latinWords: { word: string; concept: Concept }[];
  /** Folded one-word Arabic-script names (people, places, organisations) that the stemmer must not cut. */
  protectedWords: Set<string>;
  /** Content hash input: a stable digest of the data, for index caching. */
  fingerprint: string;
  problems: string[];
}

const LATIN = /^[a-z0-9]+$/;
/** Feminine and plural endings of an Arabic nisba (folded «ة» is «ه»). */
const NISBA_ENDINGS = ["ه", "ين", "ون"];

/** The feminine and plural of a one-word Arabic nisba («أمريكي» → أمريكيه, أمريكيين, أمريكيون); none for other forms. */
export function nisbaInflections(form: string): string[] {
  const tokens = tokenizeFolded(fold(form));
  if (tokens.length !== 1 || !tokens[0]!.endsWith("ي") || tokens[0]!.length < 4) return [];
  return NISBA_ENDINGS.map((ending) => tokens[0]! + ending);
}

/**
 * English words Porter conflates with an unrelated word, keyed apart: "responsible" and "response" both stem to
 * "respons", "officer" and "office" to "offic", "internal" and "international" to "intern". Folded word → key.
 */
const STEM_EXCEPTIONS: ReadonlyMap<string, string> = new Map([
  ...["responsible", "responsibly", "responsibility", "responsibilities"].map((w) => [w, "responsib"] as const),
  ...["officer", "officers"].map((w) => [w, "officer"] as const),
  ...["internal", "internally"].map((w) => [w, "internal"] as const),
  // "rights" (human rights) is not "right" ("right after the World Cup", "far-right").
  ["rights", "rights"],
]);

/**
 * The matching key of a folded query/alias token: the index term for Arabic script; for Latin, the Porter stem
 * (or its exception, see STEM_EXCEPTIONS), or the word itself when `exact` (names are not stemmed: "Fars" must not
 * become the English "far").
 */
export function aliasKey(foldedToken: string, protectedWords: ReadonlySet<string>, exact = false): string | null {
  if (LATIN.test(foldedToken)) {
    if (isStopWord(foldedToken) || foldedToken.length < 2) return null;
    if (exact || foldedToken.length <= 3) return foldedToken;
    const exception = STEM_EXCEPTIONS.get(foldedToken);
    if (exception) return exception;
    // A stem of two letters is too short to tell words apart ("sued" → "su", which "Su-30" then met).
    const stem = porter(foldedToken);
    return stem.length >= 3 ? stem : foldedToken;
  }
  return termOf(foldedToken, { protectedWords });
}

/**
 * A single Latin letter followed by a number is one name ("S-300" → "s300", "G20" typed "G-20" → "g20"): alone,
 * the letter is dropped as too short and the number would stand for the name, so that "300 killed" meant the S-300.
 * So is a maker's prefix and its number ("Su-30" → "su30", see designations.ts). A plural is the name ("S-300s").
 */
export function joinLetterNumbers(tokens: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const next = tokens[i + 1];
    if ((/^[a-z]$/.test(token) || DESIGNATION_PREFIXES.has(token)) && next !== undefined && /^\d+[a-z0-9]{0,3}$/.test(next)) {
      out.push(token + (/^\d+s$/.test(next) ? next.slice(0, -1) : next)); // plural "S-300s" is the S-300
      i++;
    } else {
      out.push(token);
    }
  }
  return out;
}

/** Names of people, places and organisations are matched on unstemmed Latin words. */
export function isNameType(type: ConceptType): boolean {
  return type === "person" || type === "place" || type === "org";
}

/**
 * Key sequence of an alias or a query span; stop words are skipped on both sides alike, except an acronym
 * written in capitals that spells one ("US" is not "us").
 */
export function aliasKeys(text: string, protectedWords: ReadonlySet<string>, exact = false): string[] {
  const keys: string[] = [];
  const acronyms = new Set((text.match(/\b[A-Z]{2,5}\b/g) ?? []).map((w) => w.toLowerCase()));
  for (const token of joinLetterNumbers(tokenizeFolded(fold(text)))) {
    const key = acronyms.has(token) ? token : aliasKey(token, protectedWords, exact);
    if (key) keys.push(key);
  }
  return keys;
}

/** Read and validate every `.json` file of a lexicon folder. A bad file is reported and skipped. */
export function readLexiconEntries(dir: string = LEXICON_DIR): { entries: ConceptEntry[]; problems: string[]; raw: string; groups: Map<string, string> } {
  const entries: ConceptEntry[] = [];
  const groups = new Map<string, string>();
  const problems: string[] = [];
  let raw = "";
  let files: string[] = [];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith(".json")).sort();
  } catch {
    problems.push(`lexicon folder not found: ${dir}`);
  }
  for (const file of files) {
    const text = readFileSync(path.join(dir, file), "utf8");
    raw += `${file}\n${text}\n`;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      problems.push(`${file}: not valid JSON (${(error as Error).message})`);
      continue;
    }
    const parsed = LexiconFileSchema.safeParse(json);
    if (!parsed.success) {
      problems.push(
        `${file}: ${parsed.error.issues
          .slice(0, 5)
          .map((i) => `${i.path.join(".")}: ${i.message}`)
          .join("; ")}`,
      );
      continue;
    }
    entries.push(...parsed.data.concepts);
    for (const c of parsed.data.concepts) if (!groups.has(c.id)) groups.set(c.id, file.replace(/\.json$/, ""));
  }
  return { entries, problems, raw, groups };
}

/** Build the matching structures. Conflicts (an alias claimed twice, an empty form) are listed in `problems`. */
export function buildLexicon(
  entries: readonly ConceptEntry[],
  extraProblems: string[] = [],
  raw = "",
  groups: ReadonlyMap<string, string> = new Map(),
): Lexicon {
  const problems = [...extraProblems];
  const protectedWords = new Set<string>();
  for (const entry of entries) {
    // A word of any concept that stemming would turn into a stop word is kept whole («هسته» would become «هست»).
    for (const form of [...entry.ar, ...entry.fa]) {
      for (const token of tokenizeFolded(fold(form))) {
        if (!isStopWord(token) && token.length >= 3 && termOf(token) === null) protectedWords.add(token);
      }
    }
    if (entry.type === "word" || entry.type === "topic") continue;
    for (const form of [...entry.ar, ...entry.fa]) {
      const tokens = tokenizeFolded(fold(form));
      // Protect the name itself and its clitic-free form, so «وجلالي» and «جلالي» stay «جلالي».
      if (tokens.length === 1 && tokens[0]!.length >= 3) {
        protectedWords.add(tokens[0]!);
        protectedWords.add(stemArabic(tokens[0]!, { protectedWords: new Set([tokens[0]!]) }));
      }
    }
  }
  const concepts: Concept[] = [];
  const byId = new Map<string, Concept>();
  const aliases = new Map<string, AliasEntry[]>();
  const owner = new Map<string, string>();
  const latinWords: { word: string; concept: Concept }[] = [];
  for (const entry of entries) {
    if (byId.has(entry.id)) {
      problems.push(`${entry.id}: id used twice`);
      continue;
    }
    const forms: string[][] = [];
    const seenForms = new Set<string>();
    for (const form of [...entry.ar, ...entry.fa]) {
      const terms = tokenizeFolded(fold(form))
        .map((t) => termOf(t, { protectedWords }))
        .filter((t): t is string => t !== null);
      if (terms.length === 0) {
        problems.push(`${entry.id}: form «${form}» folds to nothing`);
        continue;
      }
      const key = terms.join(" ");
      if (!seenForms.has(key)) {
        seenForms.add(key);
        forms.push(terms);
      }
    }
    // Light stemming cuts the feminine and plural endings off a nisba it does not protect: «الأمريكية» and
    // «الأمريكيين» are indexed «امريك», «الصينية» «صين». A place's nisba («أمريكي») brings those stems along.
    // They are aliases too, for questions written that way.
    const nisbaAliases = entry.type === "place" ? entry.ar.flatMap((form) => nisbaInflections(form)) : [];
    for (const alias of nisbaAliases) {
      const term = termOf(fold(alias), { protectedWords });
      if (term && !seenForms.has(term)) {
        seenForms.add(term);
        forms.push([term]);
      }
    }
    const skeletons = new Set<string>();
    for (const form of [...entry.ar, ...entry.fa]) for (const token of tokenizeFolded(fold(form))) skeletons.add(arabicSkeleton(token));
    const latinNames = new Set(entry.en.flatMap((alias) => tokenizeFolded(fold(alias))).filter((w) => LATIN.test(w)));
    const concept: Concept = { id: entry.id, type: entry.type, label: entry.en[0] ?? entry.ar[0] ?? entry.fa[0] ?? entry.id, entry, forms, skeletons, latinNames, group: groups.get(entry.id) ?? "" };
    concepts.push(concept);
    byId.set(entry.id, concept);
    const exact = isNameType(entry.type);
    const languages = entry.aliasLanguages ?? ["en", "ar", "fa"];
    const derived = new Set(languages.includes("ar") ? nisbaAliases : []);
    for (const alias of [...languages.flatMap((language) => entry[language]), ...derived]) {
      const keys = aliasKeys(alias, protectedWords, exact);
      if (keys.length === 0) {
        problems.push(`${entry.id}: alias «${alias}» folds to nothing`);
        continue;
      }
      const joined = `${exact ? "=" : "~"}${keys.join(" ")}`;
      const previous = owner.get(joined);
      if (previous !== undefined && previous !== entry.id) {
        // A derived inflection yields to a word some concept names itself.
        if (!derived.has(alias)) problems.push(`alias «${alias}» is claimed by ${previous} and ${entry.id}`);
        continue;
      }
      if (previous === entry.id) continue;
      owner.set(joined, entry.id);
      const list = aliases.get(keys[0]!) ?? [];
      list.push({ keys, concept, exact });
      aliases.set(keys[0]!, list);
      const folded = tokenizeFolded(fold(alias));
      if (folded.length === 1 && LATIN.test(folded[0]!) && folded[0]!.length >= 4) latinWords.push({ word: folded[0]!, concept });
    }
  }
  for (const list of aliases.values()) list.sort((a, b) => b.keys.length - a.keys.length);
  expandNameVariants(concepts);
  return { concepts, byId, aliases, latinWords, protectedWords, fingerprint: raw, problems };
}

/** Most spellings generated for one multi-word form. */
const MAX_VARIANTS_PER_FORM = 8;

/**
 * A multi-word form that contains a name inherits the name's other spellings: «صيغة أستانا» also matches
 * «صيغة أستانة» because the place Astana is written both ways. Names are one-word forms of people, places and
 * organisations; a word that spells two names is left alone.
 */
export function expandNameVariants(concepts: Concept[]): void {
  const spellings = new Map<string, string[] | null>();
  for (const c of concepts) {
    if (!isNameType(c.type)) continue;
    const single = c.forms.filter((f) => f.length === 1).map((f) => f[0]!);
    for (const term of single) spellings.set(term, spellings.has(term) ? null : single);
  }
  for (const c of concepts) {
    const seen = new Set(c.forms.map((f) => f.join(" ")));
    const extra: string[][] = [];
    for (const form of c.forms) {
      if (form.length < 2) continue;
      let variants: string[][] = [form];
      form.forEach((term, i) => {
        const others = spellings.get(term);
        if (!others) return;
        variants = variants.flatMap((v) => others.map((o) => v.map((t, j) => (j === i ? o : t)))).slice(0, MAX_VARIANTS_PER_FORM);
      });
      for (const v of variants) {
        const key = v.join(" ");
        if (!seen.has(key)) {
          seen.add(key);
          extra.push(v);
        }
      }
    }
    c.forms.push(...extra);
  }
}

/** The shipped lexicon. */
export function loadLexicon(dir: string = LEXICON_DIR): Lexicon {
  const { entries, problems, raw, groups } = readLexiconEntries(dir);
  return buildLexicon(entries, problems, raw, groups);
}
