import { inRange } from "./dates.js";
import { hasTerm, type SearchIndex } from "./index.js";
import type { ParsedQuery, QueryConcept } from "./query.js";

/** Ranking knobs; every field states its default. */
export interface RankOptions {
  /** Share of the question's weight a paragraph must carry (its own words, plus partial credit from its article). Defaults to 0.55. */
  minCoverage?: number;
  /** Credit for a concept found elsewhere in the paragraph's article instead of in the paragraph. Defaults to 0.5. */
  docCredit?: number;
  /** Most candidate paragraphs examined, best BM25 first. Defaults to 4000. */
  maxCandidates?: number;
  /** Terms in more than this share of paragraphs do not generate candidates when rarer ones exist. Defaults to 0.02. */
  commonShare?: number;
  /** Score added to paragraphs of articles dated in a range the question names. Defaults to 0.15. */
  dateBonus?: number;
}

const DEFAULTS: Required<RankOptions> = { minCoverage: 0.55, docCredit: 0.5, maxCandidates: 4000, commonShare: 0.02, dateBonus: 0.15 };

/** Weight of a concept by kind: names and places carry a question; generic words less so. */
const TYPE_FACTOR: Record<QueryConcept["type"], number> = { person: 1.5, place: 1.3, org: 1.3, topic: 1, word: 0.6, term: 1 };
/** Words the corpus does not have count against a paragraph, but less than a concept it could have matched. */
const UNKNOWN_FACTOR = 0.5;
const TRANSLIT_FACTOR = 1.2;

export interface RankedChunk {
  chunk: number;
  score: number;
  coverage: number;
  /** Indexes (into the query's concepts) of the concepts found in the paragraph itself. */
  matched: number[];
}

/** Inverse document frequency of a concept: its rarest-matching form decides. */
function conceptWeight(concept: QueryConcept, index: SearchIndex): number {
  const n = index.chunks.length;
  if (concept.source === "unknown") return 0;
  let df = 0;
  for (const form of concept.forms) {
    let formDf = Infinity;
    for (const id of form) formDf = Math.min(formDf, index.df[id]!);
    df = Math.max(df, formDf === Infinity ? 0 : formDf);
  }
  const idf = Math.log(1 + n / (df + 1));
  const factor = concept.source === "translit" ? TRANSLIT_FACTOR : TYPE_FACTOR[concept.type];
  return idf * factor;
}

function present(forms: number[][], terms: Uint32Array): boolean {
  return forms.some((form) => form.every((id) => hasTerm(terms, id)));
}

/** Rank the paragraphs for a parsed question; an empty list means nothing is relevant. */
export function rank(query: ParsedQuery, index: SearchIndex, options: RankOptions = {}): RankedChunk[] {
  const o = { ...DEFAULTS, ...options };
  const concepts = query.concepts;
  const weights = concepts.map((c) => conceptWeight(c, index));
  // Words the corpus lacks still weigh (an answer should carry the question), at a reduced, average weight.
  const known = weights.filter((w) => w > 0);
  if (known.length === 0) return [];
  const average = known.reduce((a, b) => a + b, 0) / known.length;
  concepts.forEach((c, k) => {
    if (c.source === "unknown" && c.type === "term" && !/^[a-z]/.test(c.text)) weights[k] = average * UNKNOWN_FACTOR;
  });
  const total = weights.reduce((a, b) => a + b, 0);

  // Candidates: paragraphs holding any term of any form, rare terms first.
  const allTerms = [...new Set(concepts.flatMap((c) => c.forms.flat()))];
  const commonDf = Math.max(200, index.chunks.length * o.commonShare);
  const rare = allTerms.filter((id) => index.df[id]! <= commonDf);
  const seeds = (rare.length ? rare : allTerms).map((id) => index.terms[id]!);
  if (seeds.length === 0) return [];
  const hits = index.mini.search({ combineWith: "OR", queries: seeds });
  const maxBm25 = hits[0]?.score ?? 1;

  const out: RankedChunk[] = [];
  const limit = Math.min(hits.length, o.maxCandidates);
  for (let h = 0; h < limit; h++) {
    const hit = hits[h]!;
    const c = hit.id as number;
    const chunkTerms = index.chunkTerms[c]!;
    const docTerms = index.docTerms[index.chunkDoc[c]!]!;
    let covered = 0;
    const matched: number[] = [];
    concepts.forEach((concept, k) => {
      const w = weights[k]!;
      if (w === 0 || concept.forms.length === 0) return;
      if (present(concept.forms, chunkTerms)) {
        covered += w;
        matched.push(k);
      } else if (present(concept.forms, docTerms)) {
        covered += w * o.docCredit;
      }
    });
    const coverage = covered / total;
    if (matched.length === 0 || coverage < o.minCoverage) continue;
    const doc = index.docs[index.chunkDoc[c]!]!;
    const dated = query.dates.some((range) => inRange(doc.source.published, range)) ? o.dateBonus : 0;
    out.push({ chunk: c, coverage, matched, score: coverage + 0.1 * (hit.score / maxBm25) + dated });
  }
  out.sort((a, b) => b.score - a.score);
  return out;
}
