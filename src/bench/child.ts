/**
 * One benchmark measurement in its own process (clean memory figures, a real "process start to first answer"):
 *   child.ts engine <cacheDir> <measure:0|1> <questionsFile> <folder>…   our pipeline through openEngine
 *   child.ts baseline - <measure> <questionsFile> <folder>…               MiniSearch with default options
 * Prints "ANSWERED" as soon as the first question is answered, then one line "RESULT <json>".
 */
import { readFileSync } from "node:fs";
import MiniSearch from "minisearch";
import { loadCorpus } from "../corpus/load.js";
import { formatPlainAnswer } from "../reply/plain.js";
import { openEngine, type IndexEvent } from "../search/open.js";
import { Prng } from "./prng.js";
import { worstCases } from "./questions.js";
import { median, percentile } from "./stats.js";

const [mode, cacheDir, measureFlag, questionsFile, ...folders] = process.argv.slice(2);
const measure = measureFlag === "1";
const questions: string[] = JSON.parse(readFileSync(questionsFile!, "utf8"));
const gc = (globalThis as { gc?: () => void }).gc;
const LIMIT = 3; // excerpts in a reply

function memory() {
  gc?.();
  const m = process.memoryUsage();
  return { rssMB: m.rss / 2 ** 20, heapMB: m.heapUsed / 2 ** 20, externalMB: (m.external + m.arrayBuffers) / 2 ** 20, peakRssMB: process.resourceUsage().maxRSS / 1024 };
}

function latency(answer: (q: string) => unknown, minMs = 2500, minPasses = 5) {
  for (const q of questions) answer(q); // warm-up pass (JIT)
  const samples: number[] = [];
  const started = performance.now();
  let passes = 0;
  while (passes < minPasses || performance.now() - started < minMs) {
    for (const q of questions) {
      const t = performance.now();
      answer(q);
      samples.push(performance.now() - t);
    }
    passes++;
    if (passes >= 200) break;
  }
  const total = samples.reduce((a, b) => a + b, 0);
  return { n: samples.length, p50: percentile(samples, 50), p95: percentile(samples, 95), p99: percentile(samples, 99), max: Math.max(...samples), qps: (1000 * samples.length) / total };
}

function worst(answer: (q: string) => unknown, words: string[], repeat = 5) {
  return worstCases(words, new Prng(7)).map(({ name, question }) => {
    const runs: number[] = [];
    for (let i = 0; i < repeat; i++) {
      const t = performance.now();
      answer(question);
      runs.push(performance.now() - t);
    }
    return { name, chars: question.length, firstMs: runs[0]!, medianMs: median(runs), maxMs: Math.max(...runs) };
  });
}

/** The same word pool for both sides' worst cases: distinct words of the first paragraphs. */
function surfaceWords(paragraphs: string[]): string[] {
  const words = paragraphs.slice(0, 2000).flatMap((p) => p.split(/\s+/)).filter((w) => w.length > 1);
  return [...new Set(words)].slice(0, 5000);
}

async function engineRun() {
  const events: IndexEvent[] = [];
  const engine = await openEngine(folders, {
    cacheDir,
    onWarning: () => {},
    onIndexEvent: (e) => {
      events.push(e);
      process.stderr.write(`  [index] ${e.kind}${"ms" in e ? ` ${(e.ms / 1000).toFixed(2)} s` : ""}${"reason" in e ? `: ${e.reason}` : ""}\n`);
    },
    onIndexProgress: (c, t) => process.stderr.write(`  [index] ${c}/${t} paragraphs\n`),
  });
  const answer = (q: string) => formatPlainAnswer(engine.search(q, { limit: LIMIT }));
  const firstAnswer = answer(questions[0]!);
  const firstAnswerMs = performance.now();
  process.stdout.write("ANSWERED\n");
  const mem = memory();
  const result: Record<string, unknown> = {
    firstAnswerMs,
    firstAnswerChars: firstAnswer.length,
    events,
    memory: mem,
    chunks: engine.index.chunks.length,
    docs: engine.docs.length,
    terms: engine.index.terms.length,
  };
  if (measure) {
    result.latency = latency(answer);
    result.worst = worst(answer, surfaceWords(engine.index.chunks.map((c) => c.text)));
    // A digest of the answers, to check that a loaded index answers like a built one.
    result.answers = questions.map((q) => engine.search(q, { limit: LIMIT }).results.map((r) => `${r.chunkId}:${r.score}`).join(","));
    result.memoryAfterQueries = memory();
  } else {
    result.answers = questions.map((q) => engine.search(q, { limit: LIMIT }).results.map((r) => `${r.chunkId}:${r.score}`).join(","));
  }
  return result;
}

async function baselineRun() {
  const started = performance.now();
  const corpus = await loadCorpus(folders, { onWarning: () => {} });
  const loadedMs = performance.now() - started;
  const mini = new MiniSearch<{ id: number; text: string }>({ fields: ["text"] });
  const paragraphs = corpus.docs.flatMap((d) => d.chunks.map((c) => c.text));
  mini.addAll(paragraphs.map((text, id) => ({ id, text })));
  const buildMs = performance.now() - started - loadedMs;
  const answer = (q: string) => mini.search(q).slice(0, LIMIT);
  answer(questions[0]!);
  const firstAnswerMs = performance.now();
  process.stdout.write("ANSWERED\n");
  const result: Record<string, unknown> = { firstAnswerMs, loadMs: loadedMs, buildMs, memory: memory(), chunks: paragraphs.length };
  if (measure) {
    result.latency = latency(answer);
    // MiniSearch defaults scan a common word's whole posting list once per repetition (200 × «في» took ~1 s at 1k
    // paragraphs), so above 20k paragraphs its worst cases would take minutes: measured once, and only up to 20k.
    if (paragraphs.length <= 20_000) result.worst = worst(answer, surfaceWords(paragraphs), 1);
    result.memoryAfterQueries = memory();
  }
  return result;
}

const result = mode === "baseline" ? await baselineRun() : await engineRun();
process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
