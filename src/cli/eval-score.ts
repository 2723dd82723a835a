/** Scoring rules of shared/eval/README.md, as pure functions. */

/** The README's loose folding (deliberately its own, not the engine's: the judge must not share the engine's bugs). */
export function evalFold(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/[\u064B-\u065F\u0670\u0610-\u061A\u06D6-\u06ED\u0640]/g, "")
    .replace(/[أإآٱ]/g, "ا")
    .replace(/[ىیئ]/g, "ي")
    .replace(/ؤ/g, "و")
    .replace(/ک/g, "ك")
    .replace(/[ةۀہ]/g, "ه")
    .replace(/[\u200C\u200D\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069\uFEFF]/g, "")
    .replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (d) => String((d.charCodeAt(0) & 0xf) % 10))
    .toLowerCase()
    .replace(/\s+/g, " ");
}

export interface EvalQuestion {
  id: string;
  lang: string;
  relevant: { doc: string; contains: string }[];
}

export interface QuestionScore {
  id: string;
  lang: string;
  answerable: boolean;
  /** 1-based rank of the first relevant result within 10, or null. */
  firstRelevant: number | null;
  recallAt3: number;
  reciprocalRank: number;
  /** For unanswerable questions: true when nothing was returned. */
  empty: boolean;
}

export function scoreQuestion(q: EvalQuestion, returned: { doc: string; text: string }[]): QuestionScore {
  const wanted = q.relevant.map((r) => ({ doc: r.doc, contains: evalFold(r.contains) }));
  const index = returned.slice(0, 10).findIndex((r) => wanted.some((w) => w.doc === r.doc && r.text.includes(w.contains)));
  const firstRelevant = index >= 0 ? index + 1 : null;
  return {
    id: q.id,
    lang: q.lang,
    answerable: q.relevant.length > 0,
    firstRelevant,
    recallAt3: firstRelevant !== null && firstRelevant <= 3 ? 1 : 0,
    reciprocalRank: firstRelevant ? 1 / firstRelevant : 0,
    empty: returned.length === 0,
  };
}

export interface SummaryRow {
  set: string;
  n: number;
  recallAt3: number;
  mrrAt10: number;
  unanswerable: number;
  unanswerableEmpty: number;
}

function row(set: string, scores: QuestionScore[]): SummaryRow {
  const answerable = scores.filter((s) => s.answerable);
  const unanswerable = scores.filter((s) => !s.answerable);
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
  return {
    set,
    n: scores.length,
    recallAt3: mean(answerable.map((s) => s.recallAt3)),
    mrrAt10: mean(answerable.map((s) => s.reciprocalRank)),
    unanswerable: unanswerable.length,
    unanswerableEmpty: unanswerable.filter((s) => s.empty).length,
  };
}

/** Per-language rows, then "overall" last. */
export function summarize(scores: QuestionScore[]): SummaryRow[] {
  const langs = [...new Set(scores.map((s) => s.lang))].sort();
  return [...langs.map((l) => row(l, scores.filter((s) => s.lang === l))), row("overall", scores)];
}
