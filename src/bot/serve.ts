import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { run, type RunnerHandle } from "@grammyjs/runner";
import { webhookCallback, type Bot } from "grammy";
import type { BotContext } from "./context.js";
import { errorFields, type Logger } from "./logger.js";

/** The update kinds the bot handles; Telegram sends no others. */
export const ALLOWED_UPDATES = ["message", "callback_query", "inline_query"] as const;
/** Largest webhook body read, in bytes (Telegram's updates are far smaller). */
const MAX_BODY_BYTES = 1_000_000;
/** Time a webhook request waits for its handler before answering 200 and letting it finish in the background. */
const WEBHOOK_HANDLER_MS = 8_000;

/** Something a running front-end can be asked to stop; resolves when in-flight updates are done. */
export interface Stoppable {
  stop(): Promise<void>;
}

/** Long polling with grammY's runner (updates handled concurrently). Removes a webhook first, which would block it. */
export async function startPolling(bot: Bot<BotContext>, logger: Logger): Promise<Stoppable & { handle: RunnerHandle }> {
  await bot.api.deleteWebhook();
  // silent: the runner would print fetch errors with console.error; our API policy logs them without secrets.
  const handle = run(bot, { runner: { silent: true, fetch: { allowed_updates: ALLOWED_UPDATES } } });
  logger.info("polling", { bot: bot.botInfo.username });
  return { handle, stop: () => (handle.isRunning() ? handle.stop() : Promise.resolve()) };
}

class BadRequest extends Error {
  constructor(
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

/** Past this much of an oversized body the connection is cut instead of read to its end for a clean 413. */
const MAX_DISCARDED_BYTES = 16_000_000;

function readJson(req: IncomingMessage, maxBytes: number): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      // An oversized body is read to its end and dropped, so the client gets the 413 (cutting the connection while
      // it is still sending makes it see a reset, not an answer); a body beyond any reason is cut off.
      if (size > MAX_DISCARDED_BYTES) req.destroy();
      else if (size <= maxBytes) chunks.push(chunk);
    });
    req.once("end", () => {
      if (size > maxBytes) return reject(new BadRequest("body too large", 413));
      try {
        const update = JSON.parse(Buffer.concat(chunks).toString("utf8")) as unknown;
        if (typeof update !== "object" || update === null || typeof (update as { update_id?: unknown }).update_id !== "number") {
          reject(new BadRequest("not an update"));
        } else resolve(update);
      } catch {
        reject(new BadRequest("malformed JSON"));
      }
    });
    req.once("error", reject);
  });
}

export interface WebhookOptions {
  /** Path of WEBHOOK_URL; requests to other paths get 404. */
  path: string;
  /** WEBHOOK_SECRET, checked against X-Telegram-Bot-Api-Secret-Token (401 when wrong or missing). */
  secret: string;
  logger: Logger;
}

/**
 * The HTTP server for webhook mode: POST <path> with the right secret header reaches grammY's webhook callback;
 * a missing or wrong secret is 401 before the body is read; a malformed body is 400, an oversized one 413; GET /healthz
 * is 200.
 * Keeps nothing between requests, so replicas can share one URL behind a load balancer.
 */
export function createWebhookServer(bot: Bot<BotContext>, options: WebhookOptions): Server {
  const adapter = (req: IncomingMessage, res: ServerResponse) => {
    const header = req.headers["x-telegram-bot-api-secret-token"];
    return {
      get update() {
        return readJson(req, MAX_BODY_BYTES) as Promise<never>;
      },
      header: Array.isArray(header) ? header[0] : header,
      end: () => res.end(),
      respond: (json: string) => res.writeHead(200, { "Content-Type": "application/json" }).end(json),
      unauthorized: () => res.writeHead(401).end("wrong secret token"),
    };
  };
  const callback = webhookCallback(bot, adapter, { secretToken: options.secret, onTimeout: "return", timeoutMilliseconds: WEBHOOK_HANDLER_MS });
  return createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (req.method === "GET" && url.pathname === "/healthz") return void res.writeHead(200).end("ok");
    if (url.pathname !== options.path) return void res.writeHead(404).end();
    if (req.method !== "POST") return void res.writeHead(405, { Allow: "POST" }).end();
    (callback(req, res) as unknown as Promise<unknown>).catch((error: unknown) => {
      if (res.headersSent) return;
      if (error instanceof BadRequest) {
        options.logger.warn("webhook request refused", { reason: error.message });
        res.writeHead(error.status).end(error.message);
      } else {
        options.logger.error("webhook request failed", errorFields(error));
        res.writeHead(500).end();
      }
    });
  });
}

/** Listen, register the webhook with Telegram, and return a stopper that closes the server after in-flight requests. */
export async function startWebhook(
  bot: Bot<BotContext>,
  options: WebhookOptions & { url: string; port: number; host: string },
): Promise<Stoppable & { server: Server; port: number }> {
  const server = createWebhookServer(bot, options);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  await bot.api.setWebhook(options.url, { secret_token: options.secret, allowed_updates: ALLOWED_UPDATES });
  options.logger.info("webhook", { port, path: options.path, bot: bot.botInfo.username });
  return {
    server,
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}
