/**
 * Who holds a role a question names. "Iraq's foreign minister", «المتحدث باسم الكرملين»: an article names the role once
 * («وزير الخارجية العراقي إبراهيم الجعفري») and then the person alone («ووصف الجعفري المحتجين…»), so the paragraph
 * that answers often lacks the role's words. The corpus says who the holder is: among the paragraphs naming the role
 * with its qualifiers (the country, the ministry's field), the holder's name is far more frequent than in the corpus
 * at large. No list of office holders to keep current; the archive's own time decides.
 */

import { isStopWord } from "../text/stopwords.js";
import type { SearchIndex } from "./index.js";
import type { QueryConcept } from "./query.js";
import { paragraphsOfConcept, withDefaults } from "./rank.js";

/** Lexicon concepts that are offices a person holds. */
export const ROLE_CONCEPTS: ReadonlySet<string> = new Set([
  "topic.ambassador", "topic.envoy", "topic.representative", "topic.president", "topic.vice-president",
  "topic.prime-minister", "topic.deputy-prime-minister", "topic.minister", "topic.foreign-minister",
  "topic.deputy-foreign-minister", "topic.deputy-minister", "topic.defence-minister", "topic.interior-minister",
  "topic.intelligence-minister", "topic.justice-minister", "topic.speaker", "topic.supreme-leader", "topic.king",
  "topic.crown-prince", "topic.spokesman", "topic.adviser", "topic.national-security-adviser", "topic.military-adviser",
  "topic.secretary-general", "topic.commander", "topic.chief-of-staff", "topic.security-council-secretary",
  "topic.chief-negotiator", "topic.head-of-delegation",
]);

/** Role-holder tuning; every field states its default. */
export interface RoleOptions {
  /** Fewest paragraphs naming the role with its qualifiers for the corpus to say anything. Defaults to 15. */
  minParagraphs?: number;
  /** Paragraphs read at most (spread evenly over all of them). Defaults to 1500. */
  sample?: number;
  /** Least share of those paragraphs a holder's name must be in. Defaults to 0.1. */
  minShare?: number;
  /**
   * Least lift: how many times more frequent there than in the corpus at large. A name is hundreds of times more
   * frequent (Lieberman next to "Israel's defence minister": 950); a topic word or a capital tens (Tehran: 28).
   * Defaults to 100.
   */
  minLift?: number;
  /** Most names returned (a first and a last name). Defaults to 2. */
  max?: number;
  /** Least share of a holder's paragraphs naming the role that also name each qualifier. Defaults to 0.75. */
  minAgreement?: number;
  /** Least share of a holder's paragraphs that name the role (an article names the office once). Defaults to 0.15. */
  minRoleShare?: number;
  /** Fewest paragraphs read that a holder's name must be in (one article says little). Defaults to 4. */
  minCount?: number;
}

const DEFAULTS: Required<RoleOptions> = { minParagraphs: 15, sample: 1500, minShare: 0.1, minLift: 100, max: 2, minAgreement: 0.75, minRoleShare: 0.15, minCount: 4 };
const ARABIC_SCRIPT = /^[\u0600-\u06FF]{3,}$/;

/** Per index, a count per term for frequentNames (all 0 between calls). */
const counters = new WeakMap<SearchIndex, Uint32Array>();

/** Per index, the holders found for a role and its qualifiers (the same roles come back question after question). */
const cache = new WeakMap<SearchIndex, Map<string, number[]>>();
const CACHE_SIZE = 500;

/**
 * Term ids of the name(s) of whoever holds `role` as qualified by `qualifiers` in this corpus, most frequent first;
 * empty when the corpus does not say. `exclude` holds the question's own terms (never a holder).
 */
export function roleHolders(role: QueryConcept, qualifiers: readonly QueryConcept[], index: SearchIndex, exclude: ReadonlySet<number>, options: RoleOptions = {}): number[] {
  if (role.forms.length === 0 || qualifiers.length === 0 || qualifiers.some((q) => q.forms.length === 0)) return [];
  const o = withDefaults(DEFAULTS, options);
  const key = `${[role, ...qualifiers].map((c) => c.key).join("|")} ${JSON.stringify(options)}`;
  let memo = cache.get(index);
  if (!memo) cache.set(index, (memo = new Map()));
  const hit = memo.get(key);
  if (hit) return hit.filter((id) => !exclude.has(id)).slice(0, o.max);

  const roleParagraphs = paragraphsOfConcept(role, index);
  const lists = qualifiers.map((q) => paragraphsOfConcept(q, index));
  const paragraphs = lists.reduce((both, list) => intersect(both, list), roleParagraphs);
  // The role's and qualifiers' own words are in every paragraph read: never a holder.
  const own = new Set([role, ...qualifiers].flatMap((c) => c.forms.flat()));
  let holders = paragraphs.length < o.minParagraphs ? [] : frequentNames(paragraphs, index, o, own);
  // Russia's energy minister is named next to "Iran's oil minister" too, but most of his paragraphs with the role
  // name Russia, not Iran: a holder's paragraphs naming the role mostly carry its qualifiers.
  holders = holders.filter((id) => agreement(id, roleParagraphs, lists, index, o) >= o.minAgreement);
  if (memo.size >= CACHE_SIZE) memo.delete(memo.keys().next().value!);
  memo.set(key, holders);
  return holders.filter((id) => !exclude.has(id)).slice(0, o.max);
}

/** Arabic-script words much more frequent in `paragraphs` than in the corpus: a name, not a topic word. */
function frequentNames(paragraphs: Uint32Array, index: SearchIndex, o: Required<RoleOptions>, own: ReadonlySet<number>): number[] {
  const step = Math.max(1, paragraphs.length / o.sample);
  // Counts per term in a table kept per index (zeroed after use), not a Map: a sample holds tens of thousands of terms.
  let counts = counters.get(index);
  if (!counts) counters.set(index, (counts = new Uint32Array(index.terms.length)));
  const seen: number[] = [];
  const { values, starts } = index.chunkTerms;
  let read = 0;
  for (let i = 0; i < paragraphs.length; i += step) {
    read++;
    const c = paragraphs[Math.floor(i)]!;
    for (let k = starts[c]!, end = starts[c + 1]!; k < end; k++) {
      const id = values[k]!;
      if (counts[id]!++ === 0) seen.push(id);
    }
  }
  const total = index.chunks.length;
  const found: { id: number; share: number }[] = [];
  for (const id of seen) {
    const count = counts[id]!;
    counts[id] = 0;
    const share = count / read;
    if (own.has(id) || count < o.minCount || share < o.minShare || share / (index.df[id]! / total) < o.minLift) continue;
    const term = index.terms[id]!;
    if (!ARABIC_SCRIPT.test(term) || isStopWord(term)) continue;
    found.push({ id, share });
  }
  found.sort((a, b) => b.share - a.share || a.id - b.id);
  // A few more than asked: the question's other words are left out afterwards.
  return found.slice(0, 8).map((f) => f.id);
}

/**
 * Of the paragraphs holding term `id` and the role, the least share holding each qualifier; 0 when the term is not
 * mostly written with the role (a person is introduced by office, «وزير النفط الإيراني بيجن زنغنه»; a company next
 * to the minister, Total, is not).
 */
function agreement(id: number, roleParagraphs: Uint32Array, qualifierLists: readonly Uint32Array[], index: SearchIndex, o: Required<RoleOptions>): number {
  const { textOffsets, textChunks } = index.postings.data;
  const own = textChunks.subarray(textOffsets[id]!, textOffsets[id + 1]!);
  const withRole = intersect(own, roleParagraphs);
  if (withRole.length === 0 || withRole.length < o.minRoleShare * own.length) return 0;
  return Math.min(...qualifierLists.map((list) => intersect(withRole, list).length / withRole.length));
}

/** Values in both ascending lists. */
function intersect(a: Uint32Array, b: Uint32Array): Uint32Array {
  const out: number[] = [];
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i]! < b[j]!) i++;
    else if (a[i]! > b[j]!) j++;
    else {
      out.push(a[i]!);
      i++;
      j++;
    }
  }
  return Uint32Array.from(out);
}
