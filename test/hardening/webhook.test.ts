import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEngine, type Engine } from "../../src/search/engine.js";
import { createWebhookServer } from "../../src/bot/serve.js";
import { createLogger } from "../../src/bot/logger.js";
import { message } from "../bot/harness.js";
import { rig, type Rig } from "./helpers.js";

/**
 * Webhook mode in process: the HTTP server from serve.ts in front of a real bot whose API calls are recorded. A
 * request without the secret or with a wrong one is refused before any handler runs (no update log line, no API
 * call); malformed bodies are 400 and the server goes on. (test/e2e/webhook.e2e.test.ts covers the same through
 * `npm start`, seen from outside.)
 */

const SECRET = "hook-secret-hook-secret-42";
let engine: Engine;
let r: Rig;
let server: Server;
let port: number;
const serverLog: Record<string, any>[] = [];

beforeAll(async () => {
  engine = await createEngine(["seeds"]);
  r = rig({ engine, secrets: [SECRET] });
  const logger = createLogger({ level: "debug", secrets: [SECRET], write: (l) => serverLog.push(JSON.parse(l)) });
  server = createWebhookServer(r.bot, { path: "/hook", secret: SECRET, logger });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const update = (text = "جلالي") => JSON.stringify({ update_id: Math.floor(Math.random() * 1e9), message: message(text) });
const handled = () => r.logs().filter((l) => l.msg === "update").length;

function post(body: string | Buffer, headers: Record<string, string> = {}, path = "/hook", method = "POST"): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path, method, agent: false, headers: { "Content-Type": "application/json", ...headers } }, (res) => {
      let data = "";
      res.on("data", (c: Buffer) => (data += c.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: data }));
    });
    req.on("error", reject);
    req.end(body);
  });
}
const withSecret = (s = SECRET) => ({ "X-Telegram-Bot-Api-Secret-Token": s });

describe("webhook secret", () => {
  it.each<[string, Record<string, string>]>([
    ["no secret header", {}],
    ["an empty secret", withSecret("")],
    ["a wrong secret", withSecret("wrong-secret-wrong-secret")],
    ["the secret with a different case", withSecret(SECRET.toUpperCase())],
    ["a prefix of the secret", withSecret(SECRET.slice(0, -1))],
    ["the secret in another header", { Authorization: `Bearer ${SECRET}` }],
  ])("%s: 401, and no handler ever sees the update", async (_, headers) => {
    const before = { handled: handled(), calls: r.calls.length };
    const res = await post(update(), headers);
    expect([401, 403]).toContain(res.status);
    expect(handled()).toBe(before.handled);
    expect(r.calls.length).toBe(before.calls);
  });

  it("a wrong secret with a malformed body is still 401 (the secret is checked first)", async () => {
    expect((await post("{nope", withSecret("wrong-secret-wrong-secret"))).status).toBe(401);
  });
});

describe("malformed requests with the right secret", () => {
  it.each<[string, string | Buffer]>([
    ["not JSON", "{not json"],
    ["empty body", ""],
    ["JSON null", "null"],
    ["a JSON array", "[1,2,3]"],
    ["a JSON string", '"update"'],
    ["no update_id", JSON.stringify({ message: message("x") })],
    ["update_id as a string", JSON.stringify({ update_id: "1", message: message("x") })],
    ["invalid UTF-8", Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d])],
    ["deeply nested JSON", `${"[".repeat(5000)}${"]".repeat(5000)}`],
  ])("%s: 400, no handler, and the server goes on", async (_, body) => {
    const before = handled();
    const res = await post(body, withSecret());
    expect(res.status).toBe(400);
    expect(handled()).toBe(before);
  });

  it("a body over the size limit is refused with 413, not a reset connection", async () => {
    const before = handled();
    const res = await post(Buffer.alloc(2_000_000, 0x20), withSecret());
    expect(res.status).toBe(413);
    expect(handled()).toBe(before);
  });

  it("an update of a kind the bot does not handle is 200 and ignored", async () => {
    const res = await post(JSON.stringify({ update_id: 5, poll: { id: "p" } }), withSecret());
    expect(res.status).toBe(200);
    expect(r.logs().at(-1)).toMatchObject({ msg: "update", outcome: "ignored" });
  });

  it("an update whose handler fails is still acknowledged (200), so Telegram does not redeliver it forever", async () => {
    r.fail("sendMessage", 400, "Bad Request: can't parse entities");
    const res = await post(update(), withSecret());
    expect(res.status).toBe(200);
    expect(r.logs().at(-1)).toMatchObject({ msg: "update", outcome: "error" });
  });

  it.each([
    ["GET on the hook", "GET", "/hook", 405],
    ["POST elsewhere", "POST", "/other", 404],
    ["POST on a longer path", "POST", "/hook/x", 404],
  ])("%s: %s %s → %i", async (_, method, path, status) => {
    const before = handled();
    expect((await post(update(), withSecret(), path, method)).status).toBe(status);
    expect(handled()).toBe(before);
  });

  it("after all of that, a good update is answered, and no log line holds the secret", async () => {
    const before = r.calls.length;
    expect((await post(update(), withSecret())).status).toBe(200);
    expect(r.calls.slice(before).some((c) => c.method === "sendMessage" && String(c.payload.text).startsWith("🔎"))).toBe(true);
    expect(JSON.stringify(serverLog) + r.lines.join("\n")).not.toContain(SECRET);
  });
});
