import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Bot } from "grammy";
import { createEngine, type Engine } from "../../src/search/engine.js";
import { createBot } from "../../src/bot/bot.js";
import { initBot, installApiPolicies } from "../../src/bot/api.js";
import { createLogger } from "../../src/bot/logger.js";
import { startPolling, type Stoppable } from "../../src/bot/serve.js";
import { ConfigError } from "../../src/config.js";
import type { BotContext } from "../../src/bot/context.js";
import { BotApiEmulator, type RecordedCall } from "../e2e/emulator.js";
import { FaultProxy } from "./fault-proxy.js";

/**
 * Telegram having a bad minute, against the local Bot API emulator behind a fault injector, with the real bot
 * (createBot, API policies, grammY runner): 429 with retry_after, 500s, an HTML 502 page, a connection dropped
 * mid-request and mid-response, a chat that blocked the bot, getUpdates failing, and getMe failing at start. Every
 * answer still arrives and other chats are served meanwhile. (test/e2e/bot.e2e.test.ts has a 429 and a 500 through
 * the real process; test/bot/api.test.ts an unreachable API at start.)
 */

const TOKEN = "123456789:AAbbCCddEEffGGhhIIjjKKllMMnnOOppQQ";
const Q = "جلالي";

let engine: Engine;
let api: BotApiEmulator;
let proxy: FaultProxy;
let nextMessageId = 1;

beforeAll(async () => {
  engine = await createEngine(["seeds"]);
  api = new BotApiEmulator({ token: TOKEN });
  await api.start();
  proxy = new FaultProxy(() => api.apiRoot);
  await proxy.start();
});
afterAll(async () => {
  await proxy.close();
  await api.close();
});

const question = (chatId: number, text = Q) => ({
  message: { message_id: nextMessageId++, date: Math.floor(Date.now() / 1000), chat: { id: chatId, type: "private", first_name: "U" }, from: { id: chatId, is_bot: false, first_name: "U", language_code: "en" }, text },
});
const answeredIn = (chatId: number) => (c: RecordedCall) => c.method === "sendMessage" && c.payload.chat_id === chatId && String(c.payload.text).startsWith("🔎");
/** Wait until a condition holds (checked every 20 ms), failing after 10 s: a wait, not a timing assertion. */
async function until(condition: () => boolean, what: string): Promise<void> {
  for (let waited = 0; !condition(); waited += 20) {
    if (waited > 10_000) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
const toChat = (chatId: number) => (p: Record<string, any>) => p.chat_id === chatId;

describe("a polling bot through faults", () => {
  let bot: Bot<BotContext>;
  let running: Stoppable;
  const lines: Record<string, any>[] = [];

  beforeAll(async () => {
    const logger = createLogger({ level: "info", secrets: [TOKEN], write: (l) => lines.push(JSON.parse(l)) });
    bot = createBot({ token: TOKEN, engine, logger, apiRoot: proxy.apiRoot, rateLimit: { max: 0 }, apiDeadlineMs: 6_000 });
    await initBot(bot, proxy.apiRoot);
    running = await startPolling(bot, logger);
  });
  afterAll(async () => {
    proxy.dropHeld();
    await running.stop();
  });

  it("every answer arrives through 429, 500, an HTML 502 and dropped connections; a blocked chat is logged quietly; other chats are served meanwhile", async () => {
    proxy.add({ method: "sendMessage", when: toChat(101), fault: { kind: "error", status: 429, body: { error_code: 429, description: "Too Many Requests: retry after 1", parameters: { retry_after: 1 } } } });
    proxy.add({ method: "sendMessage", when: toChat(102), fault: { kind: "error", status: 500, body: { error_code: 500, description: "Internal Server Error" } } });
    proxy.add({ method: "sendMessage", when: toChat(103), fault: { kind: "html", status: 502 } });
    proxy.add({ method: "sendMessage", when: toChat(104), fault: { kind: "hold" } });
    proxy.add({ method: "sendMessage", when: toChat(105), fault: { kind: "dropMidResponse" } });
    proxy.add({ method: "sendMessage", when: toChat(106), fault: { kind: "error", status: 403, body: { error_code: 403, description: "Forbidden: bot was blocked by the user" } }, times: Infinity });

    for (const chat of [101, 102, 103, 104, 105, 106]) api.push(question(chat));
    // One call hangs (chat 104) and others wait to retry: a new chat is answered all the same.
    await proxy.whenHeld();
    api.push(question(107));
    await api.waitFor(answeredIn(107), 15_000, "chat 107 answered while chat 104 hangs");
    expect(api.calls.some(answeredIn(104))).toBe(false);
    // Now the hanging connection dies mid-request; the call is retried and the answer arrives.
    expect(proxy.dropHeld()).toBe(1);
    for (const chat of [101, 102, 103, 104, 105]) await api.waitFor(answeredIn(chat), 20_000, `the answer in chat ${chat}`);

    expect(proxy.count("sendMessage", "error")).toBeGreaterThanOrEqual(3);
    expect(api.calls.filter((c) => c.method === "sendMessage" && c.payload.chat_id === 106)).toEqual([]);
    // One answer per chat, except the chat whose response was cut midway: Telegram had sent it, the bot could not know.
    for (const chat of [101, 102, 103, 104, 107]) expect(api.calls.filter(answeredIn(chat))).toHaveLength(1);
    await until(() => lines.filter((l) => l.msg === "update").length >= 7, `seven update log lines: ${JSON.stringify(lines)}`);
    const outcomes = Object.fromEntries(lines.filter((l) => l.msg === "update").map((l) => [l.chat_id, l.outcome]));
    expect(outcomes).toEqual({ 101: "answered", 102: "answered", 103: "answered", 104: "answered", 105: "answered", 106: "blocked", 107: "answered" });
    expect(lines.filter((l) => l.level === "error")).toEqual([]);
  }, 40_000);

  it("getUpdates failing (a response cut off midway) only delays updates", async () => {
    proxy.add({ method: "getUpdates", fault: { kind: "dropMidResponse" } });
    // Wake the long poll in flight so the next getUpdates meets the faults.
    api.push(question(108));
    await api.waitFor(answeredIn(108), 20_000, "chat 108");
    api.push(question(109));
    // With node-fetch, the cut-off response would stall polling for minutes (grammY's 500 s client timeout).
    await api.waitFor(answeredIn(109), 20_000, "chat 109 after getUpdates failures");
    expect(proxy.count("getUpdates", "dropMidResponse")).toBe(1);
    expect(lines.filter((l) => l.level === "error")).toEqual([]);
  }, 40_000);
});

describe("getMe at start", () => {
  const freshBot = (deadlineMs?: number) => {
    const bot = new Bot(TOKEN, { client: { apiRoot: proxy.apiRoot } });
    installApiPolicies(bot.api, { logger: createLogger({ level: "silent" }), deadlineMs });
    return bot;
  };

  it("a 500 is retried with backoff, and the bot starts", async () => {
    const before = proxy.count("getMe");
    proxy.add({ method: "getMe", fault: { kind: "error", status: 500, body: { error_code: 500, description: "Internal Server Error" } } });
    const bot = freshBot();
    await initBot(bot, proxy.apiRoot);
    expect(bot.botInfo.username).toBe("thebot");
    expect(proxy.count("getMe") - before).toBe(2);
  }, 20_000);

  it.each([
    ["5xx until the deadline", { kind: "error" as const, status: 500, body: { error_code: 500, description: "Internal Server Error" } }, /could not reach the Telegram Bot API/],
    ["a flood wait longer than any retry", { kind: "error" as const, status: 429, body: { error_code: 429, description: "Too Many Requests: retry after 3600", parameters: { retry_after: 3600 } } }, /Telegram Bot API/],
    ["an unexpected 400", { kind: "error" as const, status: 400, body: { error_code: 400, description: "Bad Request: something odd" } }, /Telegram Bot API/],
    ["a 409 conflict", { kind: "error" as const, status: 409, body: { error_code: 409, description: "Conflict: terminated by other getUpdates request" } }, /Telegram Bot API/],
  ])("never succeeding (%s) stops the start with a clear error naming the API, without the token", async (_, fault, message) => {
    proxy.add({ method: "getMe", fault, times: Infinity });
    try {
      const error = await initBot(freshBot(2_500), proxy.apiRoot).then(() => undefined, (e: unknown) => e);
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as Error).message).toMatch(message);
      expect((error as Error).message).toContain(proxy.apiRoot);
      expect((error as Error).message).not.toContain(TOKEN);
      expect((error as Error).message).not.toContain(TOKEN.split(":")[1]);
    } finally {
      // Clear the rule: let the next getMe through.
      (proxy as unknown as { rules: { left: number }[] }).rules.forEach((r) => (r.left = 0));
    }
  }, 20_000);

  it("a revoked token (401 from getMe) is a clear error with advice, without the token", async () => {
    const wrong = "987654321:ZZyyXXwwVVuuTTssRRqqPPooNNmmLLkkJJ";
    const bot = new Bot(wrong, { client: { apiRoot: api.apiRoot } });
    installApiPolicies(bot.api, { logger: createLogger({ level: "silent" }) });
    const error = await initBot(bot, api.apiRoot).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toContain("Telegram rejected BOT_TOKEN");
    expect((error as Error).message).toContain("@BotFather");
    expect((error as Error).message).not.toContain(wrong.split(":")[1]);
  });
});
