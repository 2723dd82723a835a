import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { BOT_INFO } from "../support/shared.js";

/**
 * A small local stand-in for the Telegram Bot API, for end-to-end tests: node:http on 127.0.0.1 at a random port.
 * Serves /bot<token>/<method> for the methods the bot uses, queues updates for getUpdates (long polling held until
 * an update arrives or the timeout passes), records every call, and answers sendMessage with the Message Telegram
 * would return (text without markup). Unknown methods and a wrong token get Telegram's error shapes.
 */

export interface RecordedCall {
  method: string;
  payload: Record<string, any>;
  at: number;
}

export interface EmulatorOptions {
  token: string;
  botUser?: Record<string, unknown>;
}

const ENTITY: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"' };

/** What Telegram shows of an HTML message: the text without tags, entities decoded. */
export function visibleText(html: string): string {
  return html.replace(/<[^>]*>/g, "").replace(/&(lt|gt|amp|quot);/g, (_, e: string) => ENTITY[e]!);
}

export class BotApiEmulator {
  readonly calls: RecordedCall[] = [];
  private server: Server;
  private queue: Record<string, any>[] = [];
  private nextUpdateId = 1;
  private nextMessageId = 5000;
  private waiters: (() => void)[] = [];
  private pollers = new Set<() => void>();
  private failures: { method: string; status: number; body: Record<string, unknown> }[] = [];
  readonly botUser: Record<string, unknown>;
  port = 0;

  constructor(private options: EmulatorOptions) {
    this.botUser = options.botUser ?? { ...BOT_INFO };
    this.server = createServer((req, res) => void this.handle(req, res));
  }

  get apiRoot(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async close(): Promise<void> {
    for (const wake of this.pollers) wake();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Queue an update for getUpdates; returns it with its update_id. */
  push(update: Record<string, any>): Record<string, any> {
    const full = { update_id: this.nextUpdateId++, ...update };
    this.queue.push(full);
    for (const wake of this.pollers) wake();
    return full;
  }

  /** Answer the next call of `method` with this HTTP status and Telegram error body (e.g. 429 with retry_after). */
  failNext(method: string, status: number, body: Record<string, unknown>): void {
    this.failures.push({ method, status, body });
  }

  /** Wait until a recorded call satisfies `match` (checked on every new call), or fail after `timeoutMs`. */
  waitFor(match: (call: RecordedCall) => boolean, timeoutMs = 10_000, what = "a matching call"): Promise<RecordedCall> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = this.calls.find(match);
        if (found) {
          clearTimeout(timer);
          this.waiters = this.waiters.filter((w) => w !== check);
          resolve(found);
          return true;
        }
        return false;
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== check);
        reject(new Error(`timed out waiting for ${what}; calls: ${this.calls.map((c) => c.method).join(", ")}`));
      }, timeoutMs);
      if (!check()) this.waiters.push(check);
    });
  }

  /** A Message as Telegram would return it for a recorded sendMessage. */
  messageOf(call: RecordedCall): Record<string, any> {
    return call.payload.__message;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const m = /^\/bot([^/]+)\/(\w+)$/.exec(new URL(req.url ?? "/", "http://x").pathname);
    const body = await readBody(req);
    const reply = (status: number, json: unknown) => {
      if (!res.writableEnded && !res.destroyed) res.writeHead(status, { "Content-Type": "application/json" }).end(JSON.stringify(json));
    };
    if (!m) return reply(404, { ok: false, error_code: 404, description: "Not Found" });
    if (m[1] !== this.options.token) return reply(401, { ok: false, error_code: 401, description: "Unauthorized" });
    const method = m[2]!;
    let payload: Record<string, any> = {};
    try {
      payload = body ? JSON.parse(body) : {};
    } catch {
      return reply(400, { ok: false, error_code: 400, description: "Bad Request: can't parse JSON" });
    }
    if (method === "getUpdates") return this.getUpdates(req, payload, (r) => reply(200, { ok: true, result: r }));
    const failure = this.failures.findIndex((f) => f.method === method);
    if (failure >= 0) {
      const [f] = this.failures.splice(failure, 1);
      this.calls.push({ method: `${method}:failed`, payload, at: Date.now() });
      return reply(f!.status, { ok: false, ...f!.body });
    }
    const call: RecordedCall = { method, payload, at: Date.now() };
    const result = this.resultFor(method, payload);
    if (result === undefined) return reply(404, { ok: false, error_code: 404, description: "Not Found: method not found" });
    if (method === "sendMessage") payload.__message = result;
    this.calls.push(call);
    for (const w of [...this.waiters]) w();
    reply(200, { ok: true, result });
  }

  private getUpdates(req: IncomingMessage, payload: Record<string, any>, send: (updates: unknown[]) => void): void {
    const offset = Number(payload.offset ?? 0);
    if (offset > 0) this.queue = this.queue.filter((u) => u.update_id >= offset);
    const ready = () => this.queue.slice(0, Number(payload.limit ?? 100));
    if (ready().length) return send(ready());
    const timeoutMs = Math.min(Number(payload.timeout ?? 0), 30) * 1000;
    let timer: NodeJS.Timeout;
    const wake = () => {
      clearTimeout(timer);
      this.pollers.delete(wake);
      send(ready());
    };
    timer = setTimeout(wake, timeoutMs);
    this.pollers.add(wake);
    req.once("close", () => {
      clearTimeout(timer);
      this.pollers.delete(wake);
    });
  }

  private resultFor(method: string, p: Record<string, any>): unknown {
    switch (method) {
      case "getMe":
        return this.botUser;
      case "deleteWebhook":
      case "setWebhook":
      case "setMyCommands":
      case "answerCallbackQuery":
      case "answerInlineQuery":
      case "editMessageReplyMarkup":
        return true;
      case "sendMessage": {
        const chatId = Number(p.chat_id);
        return {
          message_id: this.nextMessageId++,
          date: Math.floor(Date.now() / 1000),
          chat: chatId < 0 ? { id: chatId, type: "supergroup", title: "Group" } : { id: chatId, type: "private", first_name: "User" },
          from: this.botUser,
          text: visibleText(String(p.text ?? "")),
          ...(p.reply_markup ? { reply_markup: p.reply_markup } : {}),
        };
      }
      default:
        return undefined;
    }
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", () => resolve(""));
  });
}
