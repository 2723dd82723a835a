/**
 * Structured logs: one JSON object per line. Secrets given at creation (the bot token, the webhook secret) are
 * replaced by "[redacted]" in every line, whatever field they hide in; message texts belong at debug level only.
 */

export const LOG_LEVELS = ["debug", "info", "warn", "error", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
  /** A logger that adds `fields` to every line. */
  child(fields: LogFields): Logger;
  isLevelEnabled(level: LogLevel): boolean;
}

export interface LoggerOptions {
  /** Lowest level written. Defaults to "info". */
  level?: LogLevel;
  /** Where lines go. Defaults to standard error. */
  write?: (line: string) => void;
  /** Strings never to write (tokens, secrets). Defaults to none. */
  secrets?: readonly (string | undefined)[];
  /** Clock for the `time` field. Defaults to `() => new Date()`. */
  now?: () => Date;
}

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

/** Error objects as plain fields (name, message, Telegram's code and description), never their inner request. */
export function errorFields(error: unknown): LogFields {
  if (!(error instanceof Error)) return { error: String(error) };
  const e = error as Error & { error_code?: number; description?: string; method?: string };
  const out: LogFields = { error: e.message, error_name: e.name };
  if (typeof e.error_code === "number") out.error_code = e.error_code;
  if (typeof e.method === "string") out.method = e.method;
  return out;
}

export function createLogger(options: LoggerOptions = {}, bound: LogFields = {}): Logger {
  const level = options.level ?? "info";
  const write = options.write ?? ((line: string) => process.stderr.write(`${line}\n`));
  const secrets = (options.secrets ?? []).filter((s): s is string => typeof s === "string" && s.length >= 4);
  const now = options.now ?? (() => new Date());
  const enabled = (l: LogLevel) => RANK[l] >= RANK[level] && level !== "silent";
  const log = (l: Exclude<LogLevel, "silent">, msg: string, fields?: LogFields) => {
    if (!enabled(l)) return;
    let line: string;
    try {
      line = JSON.stringify({ level: l, time: now().toISOString(), msg, ...bound, ...fields });
    } catch {
      line = JSON.stringify({ level: l, time: now().toISOString(), msg, note: "fields not serializable" });
    }
    for (const s of secrets) line = line.split(s).join("[redacted]");
    write(line);
  };
  return {
    debug: (m, f) => log("debug", m, f),
    info: (m, f) => log("info", m, f),
    warn: (m, f) => log("warn", m, f),
    error: (m, f) => log("error", m, f),
    child: (fields) => createLogger(options, { ...bound, ...fields }),
    isLevelEnabled: enabled,
  };
}
