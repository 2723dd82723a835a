import type { AddressInfo } from "node:net";
import { beforeAll, describe, expect, it } from "vitest";
import { createEngine, type Engine } from "../../src/search/engine.js";
import { createLogger } from "../../src/bot/logger.js";
import { createWebhookServer } from "../../src/bot/serve.js";
import { TOKEN, GROUP, message } from "../bot/harness.js";
import { rig, type Rig } from "./helpers.js";

/**
 * What the logs hold at info level (the default), captured line by line over a session that touches every path:
 * questions, commands, captions, inline queries, presses carrying the question in their data, refusals, rate limits,
 * Telegram errors, a blocked chat, a failing handler and webhook requests with wrong secrets. No line may contain the
 * token, the webhook secret or any text a user wrote. (test/e2e checks the same of the real process's standard error
 * for one session.)
 */

const SECRET = "log-test-secret-0123456789";
/** Distinctive texts: any of them in a log line is a leak. */
const MARKERS = ["Zanzibarquux", "کاروانسرا‌فیروزه", "مرمرخلنج", "plughxyzzy", "🦄🦄"];
const Q = "لافروف في طهران";
const ask = (m: string) => `${Q} ${m}`;

let engine: Engine;
beforeAll(async () => {
  engine = await createEngine(["seeds"]);
});

async function session(r: Rig, webhookPort: number): Promise<void> {
  const [a, b, c, d, e] = MARKERS as [string, string, string, string, string];
  const stranger = { id: 31337, first_name: "Eve" };
  // Each step from its own user, so only the flood below meets the rate limit.
  let n = 1000;
  const from = () => ({ from: { id: n++ } });
  await r.send({ message: message(ask(a), from()) });
  await r.send({ message: message(`/ask ${ask(b)}`, from()) });
  await r.send({ message: message(`@thebot ${ask(c)}`, { chat: GROUP, ...from() }) });
  await r.send({ message: message(`just chatting ${d}`, { chat: GROUP, ...from() }) });
  await r.send({ message: { ...message("x", from()), text: undefined, entities: undefined, photo: [{ file_id: "f", file_unique_id: "u", width: 1, height: 1 }], caption: ask(e) } });
  await r.send({ message: message(`/nosuchcommand ${a}`, from()) });
  await r.send({ message: { ...message(ask(b), from()), forward_origin: { type: "hidden_user", date: 1, sender_user_name: c } } });
  await r.send({ edited_message: { ...message(ask(d)), edit_date: 2 } });
  await r.send({ inline_query: { id: "iq", from: { id: 7, is_bot: false, first_name: "Ana" }, query: ask(a), offset: "", chat_type: "sender" } });
  await r.send({ inline_query: { id: "iq", from: { id: 7, is_bot: false, first_name: "Ana" }, query: e, offset: "", chat_type: "sender" } });
  await r.send({ callback_query: { id: "c1", from: { id: 7, is_bot: false, first_name: "Ana" }, chat_instance: "ci", data: `q|3|${ask(c)}`, message: message(`🔎 ${ask(c)}`) } });
  await r.send({ callback_query: { id: "c2", from: { id: 7, is_bot: false, first_name: "Ana" }, chat_instance: "ci", data: `q|x|${d}`, message: message(`🔎 ${d}`) } });
  // Refused, rate limited, Telegram errors, a blocked chat, a failing send.
  await r.send({ message: message(ask(a), { chat: { id: stranger.id, type: "private", first_name: "Eve" } as any, from: stranger }) });
  for (let i = 0; i < 4; i++) await r.send({ message: message(ask(b), { from: { id: 55 }, chat: { id: 55, type: "private", first_name: "F" } as any }) });
  r.fail("sendMessage", 403, "Forbidden: bot was blocked by the user");
  await r.send({ message: message(ask(c), from()) });
  r.fail("sendMessage", 400, "Bad Request: message is too long");
  await r.send({ message: message(ask(d), from()) });
  r.fail("sendMessage", 429, "Too Many Requests: retry after 5", { retry_after: 5 });
  await r.send({ message: message(ask(e), from()) });
  // Webhook requests: wrong secret, malformed body, a good one.
  const post = (body: string, secret?: string) =>
    fetch(`http://127.0.0.1:${webhookPort}/hook`, { method: "POST", body, headers: { "Content-Type": "application/json", ...(secret ? { "X-Telegram-Bot-Api-Secret-Token": secret } : {}) } });
  await post(JSON.stringify({ update_id: 1, message: message(ask(a)) }), `${SECRET}-wrong`);
  await post(`{"update_id": 2, "message": {"text": "${b}"`, SECRET);
  await post(JSON.stringify({ update_id: 3, message: message(ask(c)) }), SECRET);
}

describe("logs at info level", () => {
  let lines: string[];

  beforeAll(async () => {
    const r = rig({ engine: { current: engine }, level: "info", secrets: [SECRET], rateLimit: { max: 2, windowMs: 60_000 }, allowedChatIds: [7, GROUP.id, 55] });
    const serverLines: string[] = [];
    const server = createWebhookServer(r.bot, { path: "/hook", secret: SECRET, logger: createLogger({ level: "info", secrets: [TOKEN, SECRET], write: (l) => serverLines.push(l) }) });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      await session(r, (server.address() as AddressInfo).port);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
    lines = [...r.lines, ...serverLines];
  });

  it("the session was logged: one line per update, with outcomes", () => {
    const updates = lines.map((l) => JSON.parse(l)).filter((l) => l.msg === "update");
    expect(updates.length).toBe(21); // 20 through handleUpdate, 1 through the webhook
    const outcomes = new Set(updates.map((l) => l.outcome));
    for (const o of ["answered", "ignored", "unknown_command", "refused", "rate_limited", "blocked", "error", "stale"]) expect(outcomes).toContain(o);
    expect(lines.some((l) => l.includes("webhook request refused"))).toBe(true);
  });

  it("no line holds the token, the webhook secret, or anything a user wrote", () => {
    const all = lines.join("\n");
    expect(all).not.toContain(TOKEN);
    expect(all).not.toContain(TOKEN.split(":")[1]);
    expect(all).not.toContain(SECRET);
    for (const m of MARKERS) expect(all, m).not.toContain(m);
    expect(all).not.toContain("لافروف");
    expect(all).not.toContain("just chatting");
  });

  it("every line is one JSON object with a level and a message", () => {
    for (const l of lines) {
      const o = JSON.parse(l);
      expect(["info", "warn", "error"]).toContain(o.level);
      expect(typeof o.msg).toBe("string");
    }
  });
});

describe("the logger itself", () => {
  it("redacts the token and the secret wherever they hide, at every level, even inside other strings", () => {
    const out: string[] = [];
    const log = createLogger({ level: "debug", secrets: [TOKEN, SECRET], write: (l) => out.push(l) });
    log.debug("x", { url: `https://api.telegram.org/bot${TOKEN}/getMe`, nested: { deep: [SECRET] } });
    log.error(`failed with ${TOKEN}`, { error: new Error(SECRET).message });
    log.child({ token: TOKEN }).info("child");
    expect(out).toHaveLength(3);
    expect(out.join("\n")).not.toContain(TOKEN);
    expect(out.join("\n")).not.toContain(SECRET);
    expect(out.join("\n")).toContain("[redacted]");
  });

  it("a field that cannot be serialized (a cycle, a BigInt) does not throw", () => {
    const out: string[] = [];
    const log = createLogger({ write: (l) => out.push(l) });
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(() => log.info("cycle", { cycle, big: 1n })).not.toThrow();
    expect(JSON.parse(out[0]!)).toMatchObject({ level: "info", msg: "cycle" });
  });
});
