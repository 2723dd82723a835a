import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A fault injector between the bot and the local Bot API emulator (test/e2e/emulator.ts): forwards every request,
 * except those a rule claims, which it answers with a Telegram error, an HTML error page, or a dropped connection
 * (before any response, or halfway through the response body), or holds until the test lets go.
 */

export type Fault =
  | { kind: "error"; status: number; body: Record<string, unknown> }
  | { kind: "html"; status: number }
  | { kind: "drop" }
  | { kind: "dropMidResponse" }
  | { kind: "hold" };

export interface Rule {
  method: string;
  /** Only requests whose JSON payload satisfies this. Defaults to all of `method`. */
  when?: (payload: Record<string, any>) => boolean;
  fault: Fault;
  /** How many requests the rule claims. Defaults to 1; Infinity for all. */
  times?: number;
}

export interface Seen {
  method: string;
  payload: Record<string, any>;
  /** The fault applied, or "forwarded". */
  outcome: string;
}

export class FaultProxy {
  readonly seen: Seen[] = [];
  private server: Server;
  private rules: (Rule & { left: number })[] = [];
  private held: { res: ServerResponse; req: IncomingMessage }[] = [];
  private heldWaiters: (() => void)[] = [];
  port = 0;

  constructor(private upstream: () => string) {
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
    for (const h of this.held) h.req.socket.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  add(rule: Rule): void {
    this.rules.push({ ...rule, left: rule.times ?? 1 });
  }

  /** Resolves once a request is being held. */
  whenHeld(): Promise<void> {
    return this.held.length ? Promise.resolve() : new Promise((resolve) => this.heldWaiters.push(resolve));
  }

  /** Drop every held request's connection (the connection dies mid-request). */
  dropHeld(): number {
    const n = this.held.length;
    for (const h of this.held.splice(0)) h.req.socket.destroy();
    return n;
  }

  count(method: string, outcome?: string): number {
    return this.seen.filter((s) => s.method === method && (outcome === undefined || s.outcome === outcome)).length;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);
    const method = /\/(\w+)$/.exec(new URL(req.url ?? "/", "http://x").pathname)?.[1] ?? "";
    let payload: Record<string, any> = {};
    try {
      payload = body.length ? JSON.parse(body.toString("utf8")) : {};
    } catch {
      // forwarded as it is
    }
    const rule = this.rules.find((r) => r.left > 0 && r.method === method && (!r.when || r.when(payload)));
    if (rule) rule.left--;
    const fault = rule?.fault;
    this.seen.push({ method, payload, outcome: fault?.kind ?? "forwarded" });
    switch (fault?.kind) {
      case "error":
        res.writeHead(fault.status, { "Content-Type": "application/json" }).end(JSON.stringify({ ok: false, ...fault.body }));
        return;
      case "html":
        res.writeHead(fault.status, { "Content-Type": "text/html" }).end("<html><body><h1>502 Bad Gateway</h1></body></html>");
        return;
      case "drop":
        req.socket.destroy();
        return;
      case "hold":
        this.held.push({ req, res });
        for (const w of this.heldWaiters.splice(0)) w();
        return;
      default:
        break;
    }
    const up = request(`${this.upstream()}${req.url}`, { method: req.method, headers: { "content-type": req.headers["content-type"] ?? "application/json" } }, (upRes) => {
      if (fault?.kind === "dropMidResponse") {
        const upChunks: Buffer[] = [];
        upRes.on("data", (c: Buffer) => upChunks.push(c));
        upRes.on("end", () => {
          const all = Buffer.concat(upChunks);
          res.writeHead(upRes.statusCode ?? 200, { "Content-Type": "application/json", "Content-Length": String(all.length) });
          res.write(all.subarray(0, Math.floor(all.length / 2)));
          setImmediate(() => req.socket.destroy());
        });
        return;
      }
      res.writeHead(upRes.statusCode ?? 502, upRes.headers);
      upRes.pipe(res);
    });
    up.on("error", () => req.socket.destroy());
    res.on("close", () => {
      if (!res.writableFinished) up.destroy(); // the bot went away (a long poll cut short)
    });
    up.end(body);
  }
}
