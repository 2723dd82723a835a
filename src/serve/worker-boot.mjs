// Entry of the build worker thread. The project runs TypeScript through tsx (npm start, vitest): a worker thread
// does not inherit tsx's module hooks for its entry file, so this plain-JS entry registers them first when the
// worker body is a .ts file, then imports it.
import { workerData } from "node:worker_threads";

if (workerData.entry.endsWith(".ts")) {
  const { register } = await import("tsx/esm/api");
  register();
}
await import(workerData.entry);
