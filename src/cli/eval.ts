/**
 * `npm run eval [-- [--corpus DIR[:DIR…]] [--verbose] [FILE]]`: scores retrieval on an evaluation set
 * (default ../shared/eval/dev.jsonl) as shared/eval/README.md describes: recall@3, MRR@10, unanswerable-empty,
 * overall and per language, with each miss listed.
 */
import "dotenv/config";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { loadConfig } from "../config.js";
import { openEngine } from "../search/open.js";
import { evalFold, scoreQuestion, summarize, type QuestionScore } from "./eval-score.js";
import { runMain } from "./run.js";

const QuestionSchema = z.object({
  id: z.string(),
  lang: z.string(),
  query: z.string(),
  relevant: z.array(z.object({ doc: z.string(), contains: z.string() })),
  answer: z.string().optional(),
});

await runMain(async () => {
  const argv = process.argv.slice(2);
  let corpus: string[] | undefined;
  let verbose = false;
  let file = path.join("..", "shared", "eval", "dev.jsonl");
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--corpus") corpus = (argv[++i] ?? "").split(/[,:]/).filter(Boolean);
    else if (argv[i] === "--verbose") verbose = true;
    else file = argv[i]!;
  }
  const questions = (await readFile(file, "utf8"))
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => QuestionSchema.parse(JSON.parse(l)));
  const started = Date.now();
  const config = loadConfig(process.env);
  const engine = await openEngine(corpus ?? config.corpusDirs, {
    cacheDir: config.indexCacheDir,
    onWarning: () => {},
    onIndexProgress: (done, total) => process.stderr.write(`indexing: ${done}/${total} paragraphs\r`),
  });
  const loadedMs = Date.now() - started;

  const scores: QuestionScore[] = [];
  for (const q of questions) {
    const response = engine.search(q.query, { limit: 10 });
    const returned = response.results.map((r) => ({ doc: r.docId, text: evalFold(r.text) }));
    const score = scoreQuestion(q, returned);
    scores.push(score);
    const miss = q.relevant.length === 0 ? returned.length > 0 : score.recallAt3 === 0;
    if (miss || verbose) {
      const label = miss ? "MISS" : "ok  ";
      const got = returned.slice(0, 3).map((r) => `${r.doc.slice(0, 28)} «${r.text.slice(0, 70)}»`);
      process.stdout.write(`${label} ${q.id} [${q.lang}] ${q.query}\n`);
      process.stdout.write(`     understood: ${response.understood.map((u) => `${u.text}→${u.concept}${u.found ? "" : "(absent)"}`).join(", ")}\n`);
      process.stdout.write(`     rank of first relevant: ${score.firstRelevant ?? "none"}; top: ${got.length ? got.join("\n          ") : "(nothing)"}\n`);
    }
  }
  const table = summarize(scores);
  process.stdout.write(`\ncorpus: ${engine.docs.length} articles, ${engine.index.chunks.length} paragraphs, built in ${loadedMs} ms; questions: ${file}\n`);
  process.stdout.write(`${"set".padEnd(8)} ${"n".padStart(3)} ${"recall@3".padStart(9)} ${"MRR@10".padStart(7)} ${"unans.empty".padStart(12)}\n`);
  for (const row of table) {
    const unans = row.unanswerable ? `${row.unanswerableEmpty}/${row.unanswerable}` : "-";
    process.stdout.write(
      `${row.set.padEnd(8)} ${String(row.n).padStart(3)} ${row.recallAt3.toFixed(3).padStart(9)} ${row.mrrAt10.toFixed(3).padStart(7)} ${unans.padStart(12)}\n`,
    );
  }
  return 0;
});
