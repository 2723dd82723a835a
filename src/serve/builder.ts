import { Worker } from "node:worker_threads";
import type { BuildDone, BuildJob, BuildProgress } from "./build.js";

/** Builds an index file somewhere (a worker thread by default) and reports how it went. */
/** Aborting `signal` stops the build (rejects). */
export type IndexBuilder = (job: BuildJob, onProgress: (p: BuildProgress) => void, signal?: AbortSignal) => Promise<BuildDone>;

type WorkerMessage = { type: "progress"; progress: BuildProgress } | { type: "done"; done: BuildDone } | { type: "error"; message: string };

/** The worker's body next to this file: worker.ts when running TypeScript (tsx, vitest), worker.js once compiled. */
const WORKER_ENTRY = new URL(import.meta.url.endsWith(".ts") ? "./worker.ts" : "./worker.js", import.meta.url).href;
const WORKER_BOOT = new URL("./worker-boot.mjs", import.meta.url);

/**
 * Build in a worker thread: the CPU-bound reading and indexing (a minute for a large archive) never blocks the
 * event loop. The worker writes the index file; the caller loads it. Rejects with the build's error (a missing
 * folder, an unwritable cache) or when the worker dies.
 */
export const buildInWorker: IndexBuilder = (job, onProgress, signal) =>
  new Promise<BuildDone>((resolve, reject) => {
    let settled = false;
    if (signal?.aborted) return reject(new Error("index build stopped"));
    const worker = new Worker(WORKER_BOOT, { workerData: { entry: WORKER_ENTRY, job } });
    const stop = () => {
      if (!settled) {
        settled = true;
        reject(new Error("index build stopped"));
      }
      void worker.terminate();
    };
    signal?.addEventListener("abort", stop, { once: true });
    worker.once("exit", () => signal?.removeEventListener("abort", stop));
    worker.on("message", (m: WorkerMessage) => {
      if (m.type === "progress") onProgress(m.progress);
      else if (!settled) {
        settled = true;
        if (m.type === "done") resolve(m.done);
        else reject(new Error(m.message));
      }
    });
    worker.on("error", (error) => {
      if (!settled) {
        settled = true;
        reject(error);
      }
    });
    worker.on("exit", (code) => {
      if (!settled) {
        settled = true;
        reject(new Error(`index build worker stopped (exit code ${code}) without a result`));
      }
    });
  });
