/**
 * `npm run --silent ask -- [--json|--jsonl] [--corpus DIR[:DIR…]] "QUESTION"`: the engine from the terminal.
 * A stable contract other tools depend on (see README).
 */
import "dotenv/config";
import { createInterface } from "node:readline";
import { loadConfig } from "../config.js";
import { openEngine } from "../search/open.js";
import { type Engine, type SearchResponse } from "../search/engine.js";
import { formatPlainAnswer } from "../reply/plain.js";
import { runMain } from "./run.js";

interface Args {
  mode: "text" | "json" | "jsonl";
  corpus?: string[];
  limit: number;
  question: string;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { mode: "text", limit: 10, question: "" };
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--json") args.mode = "json";
    else if (a === "--jsonl") args.mode = "jsonl";
    else if (a === "--corpus") args.corpus = (argv[++i] ?? "").split(/[,:]/).filter(Boolean);
    else if (a === "--limit") args.limit = Math.max(1, Number(argv[++i]) || 10);
    else rest.push(a);
  }
  args.question = rest.join(" ");
  return args;
}

/** The JSON contract: {query, results: [{docId, chunkId, text, score, matched, source: {...}}]}. */
export function toJson(response: SearchResponse): object {
  return {
    query: response.query,
    results: response.results.map((r) => ({
      docId: r.docId,
      chunkId: r.chunkId,
      paragraph: r.paragraph,
      text: r.text,
      score: r.score,
      matched: r.matched,
      source: {
        title: r.source.title,
        outlet: r.source.outlet ?? null,
        published: r.source.published ?? null,
        url: r.source.url ?? null,
        file: r.source.file,
        category: r.source.category ?? null,
      },
      alsoIn: r.alsoIn.map((o) => ({ docId: o.docId, chunkId: o.chunkId, outlet: o.source.outlet ?? null, published: o.source.published ?? null })),
    })),
  };
}

async function answerLines(engine: Engine, limit: number): Promise<void> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    let out: object;
    try {
      out = toJson(engine.search(line, { limit }));
    } catch (error) {
      out = { query: line, results: [], error: (error as Error).message };
    }
    process.stdout.write(`${JSON.stringify(out)}\n`);
  }
}

await runMain(async () => {
  const args = parseArgs(process.argv.slice(2));
  const config = loadConfig(process.env);
  const engine = await openEngine(args.corpus ?? config.corpusDirs, {
    cacheDir: config.indexCacheDir,
    onWarning: (w) => process.stderr.write(`warning: ${w.file}${w.line ? `:${w.line}` : ""}: ${w.message}\n`),
  });
  if (args.mode === "jsonl") return answerLines(engine, args.limit);
  if (!args.question.trim()) {
    process.stderr.write('usage: npm run --silent ask -- [--json | --jsonl] [--corpus DIR] "QUESTION"\n');
    return 2;
  }
  const response = engine.search(args.question, { limit: args.limit });
  if (args.mode === "json") process.stdout.write(`${JSON.stringify(toJson(response))}\n`);
  else process.stdout.write(`${formatPlainAnswer(response)}\n`);
  return 0;
});
