/**
 * Soak: many questions through the whole pipeline in one process (parse → lexicon → search → Telegram HTML reply),
 * memory sampled after a forced GC every `every` questions. Run by `npm run bench -- --soak N [--corpus DIRS]`
 * in a child process started with --expose-gc. Prints one table and a JSON line `SOAK {...}`.
 */
import { openEngine } from "../search/open.js";
import { renderAnswer } from "../reply/answer.js";
import { loadTexts } from "../reply/texts.js";
import { Prng } from "./prng.js";
import { QUESTIONS } from "./questions.js";

const MB = 1024 * 1024;

export interface SoakResult {
  questions: number;
  seconds: number;
  /** Heap used (MB) after a GC at each sample, and RSS (MB). */
  heap: number[];
  rss: number[];
}

/** Questions of every kind: the fixed set, corpus words in random order, mixed scripts, emoji, markup. */
function* questionStream(count: number, words: readonly string[], rng: Prng): Generator<string> {
  const noise = ["🙂", "<b>x</b>", "&amp;", "\u200f", "\u200c", "؟", "?!", "Lavorv", "Zakharva", "1397", "May 2018"];
  for (let i = 0; i < count; i++) {
    const kind = i % 4;
    if (kind === 0) yield QUESTIONS[i % QUESTIONS.length]!;
    else {
      const n = 1 + Math.floor(rng.next() * 8);
      const parts: string[] = [];
      for (let k = 0; k < n; k++) parts.push(kind === 3 && rng.next() < 0.3 ? noise[Math.floor(rng.next() * noise.length)]! : words[Math.floor(rng.next() * words.length)]!);
      yield parts.join(" ");
    }
  }
}

export async function soak(folders: string[], count: number, every = 1000): Promise<SoakResult> {
  const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
  const engine = await openEngine(folders, { cacheDir: process.env.INDEX_CACHE_DIR || ".cache", onWarning: () => {} });
  const texts = loadTexts();
  const words = engine.index.terms.filter((t) => t.length > 2).slice(0, 20_000);
  const heap: number[] = [];
  const rss: number[] = [];
  const sample = () => {
    gc();
    const m = process.memoryUsage();
    heap.push(Math.round((m.heapUsed / MB) * 10) / 10);
    rss.push(Math.round(m.rss / MB));
  };
  sample();
  const started = performance.now();
  let i = 0;
  for (const q of questionStream(count, words, new Prng(42))) {
    const response = engine.search(q, { limit: 3, offset: i % 7 === 0 ? 3 : 0 });
    renderAnswer(response, { question: q, texts: texts.en, lang: "en" });
    if (++i % every === 0) sample();
  }
  return { questions: count, seconds: (performance.now() - started) / 1000, heap, rss };
}

if (process.argv[1]?.endsWith("soak.ts")) {
  const [countArg, ...folders] = process.argv.slice(2);
  const result = await soak(folders.length ? folders : ["seeds"], Number(countArg) || 20_000);
  const half = Math.floor(result.heap.length / 2);
  const lines = [
    `soak: ${result.questions} questions in ${result.seconds.toFixed(1)} s (${(result.questions / result.seconds).toFixed(0)}/s)`,
    `heap after GC, MB: start ${result.heap[0]}, after first half ${result.heap[half]}, end ${result.heap.at(-1)}, max ${Math.max(...result.heap)}`,
    `RSS, MB: start ${result.rss[0]}, end ${result.rss.at(-1)}, max ${Math.max(...result.rss)}`,
  ];
  process.stdout.write(`${lines.join("\n")}\nSOAK ${JSON.stringify(result)}\n`);
}
