/**
 * `npm run bench [-- --sizes 1000,10000,100000] [--large] [--corpus DIR[:DIR…]] [--questions FILE.jsonl]…
 *                    [--no-baseline] [--out FILE.json] [--soak [N]] [--bot [N]]`
 *
 * Speed at scale (issue 5): for each synthetic size (deterministic, from the seed articles) or for real corpus
 * folders, three child processes measure
 *   cold: process start → first answer with no persisted index (read, build, save), then build time, memory,
 *         persisted size, and question latency just after the build;
 *   warm: process start → first answer with the persisted index (hash, load), memory after load, and, on the index
 *         as the bot serves it (always loaded from its file), question latency p50/p95/p99, questions/s on one core,
 *         and the worst cases;
 *   baseline: MiniSearch with default options over the same paragraphs, same questions and worst cases.
 * Prints a table and writes JSON to bench-results/ (git-ignored).
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { loadCorpus } from "../corpus/load.js";
import { QUESTIONS } from "../bench/questions.js";
import { seedMaterial, writeSyntheticCorpus, type SynthStats } from "../bench/synth.js";
import { runMain } from "./run.js";

const CHILD = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "bench", "child.ts");
const OUT_DIR = "bench-results";
/** Bump when the generator's output changes, so cached synthetic corpora are regenerated. */
const SYNTH_VERSION = 1;

interface Args {
  sizes: number[];
  corpus?: string[];
  questionFiles: string[];
  baseline: boolean;
  out?: string;
  /** Questions for the soak run (`--soak [N]`); 0 = no soak. */
  soak: number;
  /** Updates for the bot load test (`--bot [N]`); 0 = none. */
  bot: number;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { sizes: [1000, 10_000, 100_000], questionFiles: [], baseline: true, soak: 0, bot: 0 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--sizes") args.sizes = (argv[++i] ?? "").split(",").map(Number).filter((n) => n > 0);
    else if (a === "--large") args.sizes.push(300_000);
    else if (a === "--corpus") args.corpus = (argv[++i] ?? "").split(/[,:]/).filter(Boolean);
    else if (a === "--questions") args.questionFiles.push(argv[++i] ?? "");
    else if (a === "--no-baseline") args.baseline = false;
    else if (a === "--out") args.out = argv[++i];
    else if (a === "--soak") args.soak = /^\d+$/.test(argv[i + 1] ?? "") ? Number(argv[++i]) : 20_000;
    else if (a === "--bot") args.bot = /^\d+$/.test(argv[i + 1] ?? "") ? Number(argv[++i]) : 2000;
    else throw new Error(`unknown argument: ${a}`);
  }
  return args;
}

interface ChildRun {
  wallToAnswerMs: number;
  wallMs: number;
  result: Record<string, any>;
}

/** Run a child; time from spawn to its "ANSWERED" line is the first-answer time as a user would see it. */
function runChild(args: string[]): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let answeredAt = Number.NaN;
    const child = spawn(process.execPath, ["--import", "tsx", "--expose-gc", CHILD, ...args], { stdio: ["ignore", "pipe", "inherit"] });
    let buffer = "";
    let result: Record<string, unknown> | undefined;
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (data: string) => {
      buffer += data;
      let nl;
      while ((nl = buffer.indexOf("\n")) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        if (line === "ANSWERED") answeredAt = performance.now() - started;
        else if (line.startsWith("RESULT ")) result = JSON.parse(line.slice(7));
      }
    });
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0 || !result) reject(new Error(`bench child ${args[0]} exited with ${code}`));
      else resolve({ wallToAnswerMs: answeredAt, wallMs: performance.now() - started, result });
    });
  });
}

interface Row {
  label: string;
  paragraphs: number;
  synth?: SynthStats;
  cold: ChildRun;
  warm: ChildRun;
  baseline?: ChildRun;
  sameAnswers: boolean;
}

async function measure(label: string, folders: string[], cacheDir: string, questionsFile: string, baseline: boolean, synth?: SynthStats): Promise<Row> {
  process.stderr.write(`\n== ${label}: cold start (no persisted index), build, latency, worst cases\n`);
  rmSync(cacheDir, { recursive: true, force: true });
  const cold = await runChild(["engine", cacheDir, "1", questionsFile, ...folders]);
  process.stderr.write(`== ${label}: warm start (persisted index)\n`);
  let warm = await runChild(["engine", cacheDir, "1", questionsFile, ...folders]);
  if (!warm.result.events.some((e: { kind: string }) => e.kind === "loaded")) {
    // The source changed in between (a shared working tree): the index was rightly rebuilt; measure the load again.
    process.stderr.write(`== ${label}: warm start again (the first one rebuilt: code or corpus changed meanwhile)\n`);
    warm = await runChild(["engine", cacheDir, "1", questionsFile, ...folders]);
  }
  let base: ChildRun | undefined;
  if (baseline) {
    process.stderr.write(`== ${label}: baseline (MiniSearch, default options)\n`);
    base = await runChild(["baseline", "-", "1", questionsFile, ...folders]);
  }
  const sameAnswers = JSON.stringify(cold.result.answers) === JSON.stringify(warm.result.answers);
  return { label, paragraphs: cold.result.chunks, synth, cold, warm, baseline: base, sameAnswers };
}

const f1 = (n: number | undefined) => (n === undefined || Number.isNaN(n) ? "-" : n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));
const event = (run: ChildRun, kind: string) => (run.result.events as { kind: string; ms?: number; bytes?: number }[]).find((e) => e.kind === kind);

function table(rows: Row[]): string {
  const lines: [string, (r: Row) => string][] = [
    ["paragraphs (chunks)", (r) => String(r.paragraphs)],
    ["terms (index vocabulary)", (r) => String(r.cold.result.terms)],
    ["corpus read + index build, s", (r) => f1((event(r.cold, "built")?.ms ?? NaN) / 1000)],
    ["persist: save, s", (r) => f1((event(r.cold, "saved")?.ms ?? NaN) / 1000)],
    ["persist: file size, MB", (r) => f1((event(r.cold, "saved")?.bytes ?? NaN) / 2 ** 20)],
    ["persist: corpus hash, s", (r) => f1((event(r.warm, "hashed")?.ms ?? NaN) / 1000)],
    ["persist: load, s", (r) => f1((event(r.warm, "loaded")?.ms ?? NaN) / 1000)],
    ["first answer, cold (build), s", (r) => f1(r.cold.wallToAnswerMs / 1000)],
    ["first answer, persisted index, s", (r) => f1(r.warm.wallToAnswerMs / 1000)],
    ["RSS after build, MB", (r) => f1(r.cold.result.memory.rssMB)],
    ["heap after build, MB", (r) => f1(r.cold.result.memory.heapMB)],
    ["peak RSS, build, MB", (r) => f1(r.cold.result.memory.peakRssMB)],
    ["RSS after load (persisted), MB", (r) => f1(r.warm.result.memory.rssMB)],
    ["peak RSS, load, MB", (r) => f1(r.warm.result.memory.peakRssMB)],
    ["latency p50, ms (served index)", (r) => f1(r.warm.result.latency.p50)],
    ["latency p95, ms", (r) => f1(r.warm.result.latency.p95)],
    ["latency p99, ms", (r) => f1(r.warm.result.latency.p99)],
    ["latency max, ms", (r) => f1(r.warm.result.latency.max)],
    ["questions/s (one core)", (r) => f1(r.warm.result.latency.qps)],
    ["just built: p50 / p99, ms", (r) => `${f1(r.cold.result.latency.p50)} / ${f1(r.cold.result.latency.p99)}`],
    ["baseline: build (after read), s", (r) => f1(r.baseline ? r.baseline.result.buildMs / 1000 : NaN)],
    ["baseline: first answer, s", (r) => f1(r.baseline ? r.baseline.wallToAnswerMs / 1000 : NaN)],
    ["baseline: RSS, MB", (r) => f1(r.baseline?.result.memory.rssMB)],
    ["baseline: p50 / p99, ms", (r) => (r.baseline ? `${f1(r.baseline.result.latency.p50)} / ${f1(r.baseline.result.latency.p99)}` : "-")],
    ["ratio ours/baseline p50, p99", (r) => (r.baseline ? `${f1(r.warm.result.latency.p50 / r.baseline.result.latency.p50)}, ${f1(r.warm.result.latency.p99 / r.baseline.result.latency.p99)}` : "-")],
    ...["4096-char question", "500 distinct words", "2000-letter word", "stop word ×200"].map(
      (name) =>
        [
          `worst: ${name}, ms (baseline)`,
          (r: Row) => {
            const ours = (r.warm.result.worst as { name: string; maxMs: number }[]).find((w) => w.name === name);
            const base = (r.baseline?.result.worst as { name: string; maxMs: number }[] | undefined)?.find((w) => w.name === name);
            return `${f1(ours?.maxMs)} (${f1(base?.maxMs)})`;
          },
        ] as [string, (r: Row) => string],
    ),
    ["persisted answers = built answers", (r) => (r.sameAnswers ? "yes" : "NO")],
  ];
  const cells = lines.map(([name, get]) => [name, ...rows.map(get)]);
  const header = ["", ...rows.map((r) => r.label)];
  const widths = header.map((_, i) => Math.max(...[header, ...cells].map((row) => row[i]!.length)));
  const fmt = (row: string[]) => `| ${row.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(" | ")} |`;
  return [fmt(header), `|${widths.map((w, i) => (i === 0 ? "-".repeat(w + 2) : `${"-".repeat(w + 1)}:`)).join("|")}|`, ...cells.map(fmt)].join("\n");
}

/** The soak and the bot load test run alone, in a child (with --expose-gc so memory is read after a collection). */
function runAlone(script: "soak.ts" | "botload.ts", count: number, folders: string[]): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "--expose-gc", path.join(path.dirname(CHILD), script), String(count), ...folders], {
      stdio: ["ignore", "inherit", "inherit"],
    });
    child.once("exit", (code) => resolve(code ?? 1));
  });
}

await runMain(async () => {
  const args = parseArgs(process.argv.slice(2));
  if (args.soak > 0) return runAlone("soak.ts", args.soak, args.corpus ?? ["seeds"]);
  if (args.bot > 0) return runAlone("botload.ts", args.bot, args.corpus ?? ["seeds"]);
  const started = performance.now();
  mkdirSync(OUT_DIR, { recursive: true });
  const questions = [...QUESTIONS];
  for (const file of args.questionFiles) {
    for (const line of readFileSync(file, "utf8").split("\n")) if (line.trim()) questions.push(String(JSON.parse(line).query));
  }
  const questionsFile = path.join(OUT_DIR, "questions.json");
  writeFileSync(questionsFile, JSON.stringify(questions));
  const rows: Row[] = [];
  if (args.corpus) {
    rows.push(await measure(args.corpus.map((f) => path.basename(path.resolve(f))).join("+"), args.corpus, path.join(OUT_DIR, "cache-corpus"), questionsFile, args.baseline));
  } else {
    const seeds = await loadCorpus(["seeds"], { onWarning: () => {} });
    const material = seedMaterial(seeds.docs);
    for (const size of args.sizes) {
      const folder = path.join(OUT_DIR, `synth-${size}`);
      const stamp = path.join(folder, "stamp.json");
      const want = JSON.stringify({ SYNTH_VERSION, size, seeds: material.paragraphs.length });
      let stats: SynthStats;
      if (existsSync(stamp) && JSON.parse(readFileSync(stamp, "utf8")).want === want) {
        stats = JSON.parse(readFileSync(stamp, "utf8")).stats;
      } else {
        process.stderr.write(`generating ${size} paragraphs…\n`);
        rmSync(folder, { recursive: true, force: true });
        stats = await writeSyntheticCorpus(folder, material, { paragraphs: size });
        writeFileSync(stamp, JSON.stringify({ want, stats }));
      }
      rows.push(await measure(`${size / 1000}k`, [folder], path.join(OUT_DIR, `cache-${size}`), questionsFile, args.baseline, stats));
    }
  }
  const machine = `${os.cpus()[0]?.model ?? "cpu"} ×${os.cpus().length}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}, ${os.platform()}`;
  const text = table(rows);
  process.stdout.write(`\n${machine}; ${questions.length} questions (${QUESTIONS.length} fixed); ${((performance.now() - started) / 1000).toFixed(0)} s in all\n${text}\n`);
  const out = args.out ?? path.join(OUT_DIR, `bench-${args.corpus ? "corpus" : "synthetic"}-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
  writeFileSync(out, JSON.stringify({ machine, questions, rows }, null, 1));
  process.stdout.write(`figures: ${out}\n`);
  return 0;
});
