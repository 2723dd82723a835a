/** The build worker's body: one BuildJob from workerData, progress and the outcome as messages (see builder.ts). */
import { parentPort, workerData } from "node:worker_threads";
import { buildIndexFile, type BuildJob } from "./build.js";

const port = parentPort!;
const { job } = workerData as { job: BuildJob };
try {
  const done = await buildIndexFile(job, (progress) => port.postMessage({ type: "progress", progress }));
  port.postMessage({ type: "done", done });
} catch (error) {
  port.postMessage({ type: "error", message: (error as Error)?.message ?? String(error), name: (error as Error)?.name });
}
