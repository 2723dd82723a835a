import path from "node:path";
import dotenv from "dotenv";
import { z } from "zod";

/**
 * The only reader of the environment. `loadConfig(env)` validates everything once and reports every problem in
 * one message; secrets (the token, the webhook secret) never appear in it.
 */

/** Empty strings count as unset (a blank line in .env must not become a value). */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), schema.optional());

const idList = z
  .string()
  .transform((s, ctx) => {
    const parts = s.split(",").map((p) => p.trim()).filter(Boolean);
    // Beyond 2^53 a number is rounded, possibly to somebody else's id: refused rather than read wrong.
    const bad = parts.filter((p) => !/^-?\d+$/.test(p) || !Number.isSafeInteger(Number(p)));
    if (bad.length) ctx.addIssue({ code: "custom", message: `not numeric ids: ${bad.join(", ")}` });
    return parts.map(Number);
  });

/** A whole number read from a string, within [min, max]. */
const int = (min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, `must be a whole number from ${min} to ${max}`)
    .transform(Number)
    .refine((n) => n >= min && n <= max, `must be a whole number from ${min} to ${max}`);

/** Token shape from @BotFather: digits, a colon, 35 characters or so. The value itself is never echoed. */
const token = z
  .string()
  .trim()
  .refine((s) => /^\d{3,20}:[A-Za-z0-9_-]{30,80}$/.test(s), {
    message: "does not look like a bot token (expected <digits>:<about 35 letters, digits, _ or ->, as @BotFather gives it)",
  });

const url = (what: string) =>
  z
    .string()
    .trim()
    .refine((s) => {
      try {
        const u = new URL(s);
        return u.protocol === "https:" || u.protocol === "http:";
      } catch {
        return false;
      }
    }, `${what} must be an absolute http(s) URL`);

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

const ConfigSchema = z
  .object({
    CORPUS_DIR: optional(z.string()),
    INDEX_CACHE_DIR: optional(z.string()),
    BOT_TOKEN: optional(token),
    WEBHOOK_URL: optional(url("WEBHOOK_URL")),
    WEBHOOK_SECRET: optional(
      z.string().regex(/^[A-Za-z0-9_-]{16,256}$/, "must be 16 to 256 characters of A-Z, a-z, 0-9, _ or - (Telegram's secret_token rule)"),
    ),
    PORT: optional(int(1, 65535)),
    HOST: optional(z.string().trim().min(1)),
    TELEGRAM_API_ROOT: optional(url("TELEGRAM_API_ROOT")),
    ALLOWED_CHAT_IDS: optional(idList),
    ADMIN_USER_IDS: optional(idList),
    LOG_LEVEL: optional(z.enum(["debug", "info", "warn", "error", "silent"])),
    RATE_LIMIT_MAX: optional(int(0, 10_000)),
    RATE_LIMIT_WINDOW_SECONDS: optional(int(1, 86_400)),
  });

const isSet = (v: string | undefined): v is string => typeof v === "string" && v.trim() !== "";

/** Rules between variables, checked on the raw values so they are reported together with the per-field problems. */
function crossFieldProblems(env: Record<string, string | undefined>): string[] {
  const problems: string[] = [];
  if (isSet(env.WEBHOOK_URL)) {
    if (!isSet(env.BOT_TOKEN)) problems.push("- WEBHOOK_URL: is set but BOT_TOKEN is not");
    if (!isSet(env.WEBHOOK_SECRET)) problems.push("- WEBHOOK_SECRET: is required with WEBHOOK_URL (every replica must check the same secret)");
    try {
      const u = new URL(env.WEBHOOK_URL.trim());
      if (u.protocol === "http:" && !LOCAL_HOSTS.has(u.hostname)) problems.push("- WEBHOOK_URL: must use https (Telegram only delivers webhooks over HTTPS)");
    } catch {
      // reported by the field's own check
    }
  }
  return problems;
}

export type LogLevelName = "debug" | "info" | "warn" | "error" | "silent";

export interface Config {
  /** Corpus folders (CORPUS_DIR, separated by the path delimiter ":"). Defaults to ["seeds"]. */
  corpusDirs: string[];
  /** Folder of the persisted search index (INDEX_CACHE_DIR). Defaults to ".cache" in the working folder. */
  indexCacheDir: string;
  /** BOT_TOKEN from @BotFather. Unset: the terminal chat instead of the bot. Never log it. */
  token?: string;
  /** WEBHOOK_URL (https) and WEBHOOK_SECRET: serve updates over HTTP instead of long polling. Defaults to polling. */
  webhook?: { url: string; secret: string; path: string };
  /** PORT for the webhook server. Defaults to 8080. */
  port: number;
  /** HOST the webhook server listens on. Defaults to "0.0.0.0". */
  host: string;
  /** TELEGRAM_API_ROOT: the Bot API server. Defaults to "https://api.telegram.org". */
  apiRoot: string;
  /** ALLOWED_CHAT_IDS: chats (and inline users) served; others get a polite refusal. Defaults to every chat. */
  allowedChatIds?: number[];
  /** ADMIN_USER_IDS: users who may /reload. Defaults to nobody. */
  adminUserIds: number[];
  /** LOG_LEVEL. Defaults to "info". */
  logLevel: LogLevelName;
  /** RATE_LIMIT_MAX requests per user per RATE_LIMIT_WINDOW_SECONDS (0 turns it off). Defaults to 10 per 30 s. */
  rateLimit: { max: number; windowMs: number };
}

export class ConfigError extends Error {
  override name = "ConfigError";
}

export const DEFAULT_API_ROOT = "https://api.telegram.org";

/** Validate the environment (process.env in entry points, a plain object in tests). */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = ConfigSchema.safeParse(env);
  // Issues carry field names and rules, never the values, so a bad token is not printed.
  const lines = parsed.success ? [] : parsed.error.issues.map((i) => `- ${i.path.join(".")}: ${i.message}`);
  lines.push(...crossFieldProblems(env));
  if (!parsed.success || lines.length) throw new ConfigError(`invalid configuration:\n${lines.join("\n")}`);
  const e = parsed.data;
  const webhookUrl = e.WEBHOOK_URL;
  return {
    corpusDirs: (e.CORPUS_DIR ?? "seeds").split(path.delimiter).map((p) => p.trim()).filter(Boolean),
    indexCacheDir: e.INDEX_CACHE_DIR ?? ".cache",
    token: e.BOT_TOKEN,
    webhook: webhookUrl && e.WEBHOOK_SECRET ? { url: webhookUrl, secret: e.WEBHOOK_SECRET, path: new URL(webhookUrl).pathname } : undefined,
    port: e.PORT ?? 8080,
    host: e.HOST ?? "0.0.0.0",
    apiRoot: (e.TELEGRAM_API_ROOT ?? DEFAULT_API_ROOT).replace(/\/+$/, ""),
    allowedChatIds: e.ALLOWED_CHAT_IDS?.length ? e.ALLOWED_CHAT_IDS : undefined,
    adminUserIds: e.ADMIN_USER_IDS ?? [],
    logLevel: e.LOG_LEVEL ?? "info",
    rateLimit: { max: e.RATE_LIMIT_MAX ?? 10, windowMs: (e.RATE_LIMIT_WINDOW_SECONDS ?? 30) * 1000 },
  };
}

/** The configuration without secrets, for the start-up log line. */
export function describeConfig(config: Config): Record<string, unknown> {
  return {
    mode: config.token ? (config.webhook ? "webhook" : "polling") : "terminal",
    corpus: config.corpusDirs,
    apiRoot: config.apiRoot,
    webhook: config.webhook ? { path: config.webhook.path, port: config.port, host: config.host } : undefined,
    allowedChats: config.allowedChatIds?.length ?? "all",
    admins: config.adminUserIds.length,
    rateLimit: config.rateLimit,
    logLevel: config.logLevel,
  };
}

export const _internal = { idList };

/**
 * The entry points' configuration: process.env with .env beneath it (variables already set win), validated.
 * `.env` is read into a copy; process.env itself is not changed.
 */
export function loadConfigFromEnvironment(envFile = ".env"): Config {
  const env: Record<string, string | undefined> = { ...process.env };
  dotenv.config({ path: envFile, processEnv: env as Record<string, string>, quiet: true });
  return loadConfig(env);
}
