import path from "node:path";
import { z } from "zod";

/**
 * The only reader of the environment. `loadConfig(env)` validates everything once and reports every problem in
 * one message; secrets never appear in it.
 */

/** Empty strings count as unset (a blank line in .env must not become a value). */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), schema.optional());

const idList = z
  .string()
  .transform((s, ctx) => {
    const parts = s.split(",").map((p) => p.trim()).filter(Boolean);
    const bad = parts.filter((p) => !/^-?\d+$/.test(p));
    if (bad.length) ctx.addIssue({ code: "custom", message: `not numeric ids: ${bad.join(", ")}` });
    return parts.map(Number);
  });

const ConfigSchema = z.object({
  CORPUS_DIR: optional(z.string()),
  INDEX_CACHE_DIR: optional(z.string()),
});

export interface Config {
  /** Corpus folders (CORPUS_DIR, separated by the path delimiter ":"). Defaults to ["seeds"]. */
  corpusDirs: string[];
  /** Folder of the persisted search index (INDEX_CACHE_DIR). Defaults to ".cache" in the working folder. */
  indexCacheDir: string;
}

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Validate the environment (process.env in entry points, a plain object in tests). */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `- ${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`invalid configuration:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  return {
    corpusDirs: (e.CORPUS_DIR ?? "seeds").split(path.delimiter).map((p) => p.trim()).filter(Boolean),
    indexCacheDir: e.INDEX_CACHE_DIR ?? ".cache",
  };
}

export const _internal = { idList };
