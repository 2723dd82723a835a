import { fork } from "node:child_process";
import type { EventEmitter } from "node:events";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { BuildDone, BuildJob, BuildProgress } from "./build.js";

/** Builds an index file somewhere (a child process by default) and reports how it went. */
/** Aborting `signal` stops the build (rejects). */
export type IndexBuilder = (job: BuildJob, onProgress: (p: BuildProgress) => void, signal?: AbortSignal) => Promise<BuildDone>;

type WorkerMessage = { type: "progress"; progress: BuildProgress } | { type: "done"; done: BuildDone } | { type: "error"; message: string };

/** The bodies next to this file: .ts when running TypeScript (tsx, vitest), .js once compiled. */
const EXT = import.meta.url.endsWith(".ts") ? ".ts" : ".js";
const WORKER_ENTRY = new URL(`./worker${EXT}`, import.meta.url).href;
const WORKER_BOOT = new URL("./worker-boot.mjs", import.meta.url);
const PROCESS_ENTRY = new URL(`./process-body${EXT}`, import.meta.url).href;
const PROCESS_BOOT = fileURLToPath(new URL("./process-boot.mjs", import.meta.url));

/**
 * Build in a child process: the reading and indexing (a minute and some 400 MB for a large archive) never block the
 * bot's event loop, and the memory goes back to the system when the child ends (a worker thread's freed memory
 * stays in the bot's process). The child writes the index file; the caller loads it. Rejects with the build's
 * error (a missing folder, an unwritable cache) or when the child dies.
 */
export const buildInProcess: IndexBuilder = (job, onProgress, signal) =>
  supervise(
    () => {
      // No inherited flags (vitest's, tsx's CLI): the boot file registers tsx itself when needed.
      const child = fork(PROCESS_BOOT, [PROCESS_ENTRY], { execArgv: [], serialization: "advanced", stdio: ["ignore", "inherit", "inherit", "ipc"] });
      child.send({ job });
      return { builder: child, stop: () => void child.kill(), what: "index build process" };
    },
    onProgress,
    signal,
  );

/**
 * Build in a worker thread: the CPU-bound reading and indexing (a minute for a large archive) never blocks the
 * event loop. The worker writes the index file; the caller loads it. Rejects with the build's error (a missing
 * folder, an unwritable cache) or when the worker dies.
 */
export const buildInWorker: IndexBuilder = (job, onProgress, signal) =>
  supervise(
    () => {
      const worker = new Worker(WORKER_BOOT, { workerData: { entry: WORKER_ENTRY, job } });
      return { builder: worker, stop: () => void worker.terminate(), what: "index build worker" };
    },
    onProgress,
    signal,
  );

/**
 * Follow a started build (a child process or a worker thread: both emit message, error and exit): progress goes to
 * `onProgress`; the first of its result, its error, its exit or an abort settles the promise.
 */
function supervise(
  start: () => { builder: EventEmitter; stop: () => void; what: string },
  onProgress: (p: BuildProgress) => void,
  signal: AbortSignal | undefined,
): Promise<BuildDone> {
  return new Promise<BuildDone>((resolve, reject) => {
    if (signal?.aborted) return reject(new Error("index build stopped"));
    const { builder, stop, what } = start();
    let settled = false;
    const settle = (outcome: () => void) => {
      if (!settled) {
        settled = true;
        outcome();
      }
    };
    const abort = () => {
      settle(() => reject(new Error("index build stopped")));
      stop();
    };
    signal?.addEventListener("abort", abort, { once: true });
    builder.on("message", (m: WorkerMessage) => {
      if (m.type === "progress") onProgress(m.progress);
      else settle(() => (m.type === "done" ? resolve(m.done) : reject(new Error(m.message))));
    });
    builder.on("error", (error: Error) => settle(() => reject(error)));
    builder.on("exit", (code: number | null, by?: string | null) => {
      signal?.removeEventListener("abort", abort);
      settle(() => reject(new Error(`${what} stopped (${by ?? `exit code ${code}`}) without a result`)));
    });
  });
}
