import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/** `npm start` as a child process (tsx src/main.ts) with the given environment; collects its output. */
export interface Started {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  /** Parsed JSON log lines from standard error. */
  logs: () => Record<string, any>[];
  exited: Promise<number | null>;
}

const ROOT = path.resolve(import.meta.dirname, "../..");

export function startMain(env: Record<string, string>, stdin?: string): Started {
  const cache = mkdtempSync(path.join(tmpdir(), "bot-e2e-cache-"));
  const child = spawn(path.join(ROOT, "node_modules/.bin/tsx"), ["src/main.ts"], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      CORPUS_DIR: "seeds",
      INDEX_CACHE_DIR: cache,
      // Blank values count as unset and shadow anything a developer's .env sets.
      BOT_TOKEN: "",
      WEBHOOK_URL: "",
      WEBHOOK_SECRET: "",
      ALLOWED_CHAT_IDS: "",
      ...env,
    },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stdout!.on("data", (d: Buffer) => (out += d.toString("utf8")));
  child.stderr!.on("data", (d: Buffer) => (err += d.toString("utf8")));
  if (stdin !== undefined) child.stdin!.end(stdin);
  const exited = new Promise<number | null>((resolve) =>
    child.once("exit", (code) => {
      rmSync(cache, { recursive: true, force: true }); // the process's own index cache
      resolve(code);
    }),
  );
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    logs: () =>
      err
        .split("\n")
        .filter((l) => l.startsWith("{"))
        .map((l) => JSON.parse(l) as Record<string, any>),
    exited,
  };
}
