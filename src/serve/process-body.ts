/**
 * The build child process's body: one BuildJob by message, progress and the outcome as messages (see builder.ts).
 * It then disconnects and ends by itself, handing all of its memory back to the system.
 */
import { buildIndexFile, type BuildJob } from "./build.js";

const send = (message: unknown) => new Promise<void>((resolve) => (process.connected ? process.send!(message, () => resolve()) : resolve()));

// The bot is gone (stopped, or crashed): nobody will load the index, so stop building it.
process.once("disconnect", () => process.exit(0));

process.once("message", async ({ job }: { job: BuildJob }) => {
  try {
    const done = await buildIndexFile(job, (progress) => void send({ type: "progress", progress }));
    await send({ type: "done", done });
  } catch (error) {
    await send({ type: "error", message: (error as Error)?.message ?? String(error) });
  }
  if (process.connected) process.disconnect();
});
