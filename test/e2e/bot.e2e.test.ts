import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BotApiEmulator, type RecordedCall } from "./emulator.js";
import { startMain, type Started } from "./process.js";

/**
 * The real `npm start` process, long polling against the local Bot API emulator (TELEGRAM_API_ROOT), driven like a
 * chat: private question, group chatter, group mention, "More", an unknown press, inline mode, then SIGTERM.
 */

const TOKEN = "123456789:AAbbCCddEEffGGhhIIjjKKllMMnnOOppQQ";
const USER = { id: 7, is_bot: false, first_name: "Ana", language_code: "en" };
const GROUP = { id: -100500, type: "supergroup", title: "Diplomacy watchers" };
const Q = "لافروف في طهران";

let api: BotApiEmulator;
let app: Started;
let nextMessageId = 1;

function text(chat: Record<string, unknown>, body: string, entities: Record<string, unknown>[] = []) {
  return { message: { message_id: nextMessageId++, date: Math.floor(Date.now() / 1000), chat, from: USER, text: body, ...(entities.length ? { entities } : {}) } };
}

const sentTo = (chatId: number) => (c: RecordedCall) => c.method === "sendMessage" && c.payload.chat_id === chatId;

beforeAll(async () => {
  api = new BotApiEmulator({ token: TOKEN });
  await api.start();
  app = startMain({ BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: api.apiRoot, LOG_LEVEL: "info" });
  await api.waitFor((c) => c.method === "deleteWebhook", 30_000, "the bot to start polling");
}, 40_000);

afterAll(async () => {
  if (app.child.exitCode === null) app.child.kill("SIGKILL");
  await api.close();
});

describe("npm start with BOT_TOKEN, against a local Bot API", () => {
  let answer: RecordedCall;

  it("answers a private question with an Arabic excerpt and its source", async () => {
    const asked = api.push(text({ id: USER.id, type: "private", first_name: "Ana" }, Q));
    answer = await api.waitFor(sentTo(USER.id), 15_000, "the answer");
    const html: string = answer.payload.text;
    expect(answer.payload.parse_mode).toBe("HTML");
    expect(answer.payload.reply_parameters.message_id).toBe(asked.message.message_id);
    expect(html.startsWith(`🔎 <b>${Q}</b>`)).toBe(true);
    expect(html).toMatch(/<blockquote[^>]*>\u200F[^<]*<b>لافروف<\/b>/);
    expect(html).toMatch(/<b>1\.<\/b> Middle East News · February · «[^»]+» · ¶\d+/);
  });

  it("stays silent on group chatter and answers a mention in the group", async () => {
    api.push(text(GROUP, `${Q} — what do you all think?`));
    const mention = api.push(text(GROUP, `@thebot ${Q}`, [{ type: "mention", offset: 0, length: 7 }]));
    const reply = await api.waitFor(sentTo(GROUP.id), 15_000, "the group answer");
    expect(reply.payload.reply_parameters.message_id).toBe(mention.message.message_id);
    expect(reply.payload.text.startsWith(`🔎 <b>${Q}</b>`)).toBe(true);
    await new Promise((r) => setTimeout(r, 300));
    expect(api.calls.filter(sentTo(GROUP.id))).toHaveLength(1);
  });

  it("More sends the next results", async () => {
    const keyboard = answer.payload.reply_markup.inline_keyboard as { text: string; callback_data: string }[][];
    const more = keyboard.flat().find((b) => b.text.startsWith("More"))!;
    api.push({ callback_query: { id: "cb1", from: USER, chat_instance: "c", data: more.callback_data, message: api.messageOf(answer) } });
    await api.waitFor((c) => c.method === "answerCallbackQuery" && c.payload.callback_query_id === "cb1", 15_000, "the press to be answered");
    const next = await api.waitFor((c) => sentTo(USER.id)(c) && c.payload.text.includes("Results 4–"), 15_000, "the next page");
    expect(next.payload.text).toContain("<b>4.</b>");
  });

  it("an unknown press gets a toast", async () => {
    api.push({ callback_query: { id: "cb2", from: USER, chat_instance: "c", data: "v0|whatever", message: api.messageOf(answer) } });
    const toast = await api.waitFor((c) => c.method === "answerCallbackQuery" && c.payload.callback_query_id === "cb2", 15_000, "the toast");
    expect(toast.payload.text).toBe("This button has expired. Please ask again.");
  });

  it("answers inline queries", async () => {
    api.push({ inline_query: { id: "iq1", from: USER, query: Q, offset: "", chat_type: "sender" } });
    const inline = await api.waitFor((c) => c.method === "answerInlineQuery" && c.payload.inline_query_id === "iq1", 15_000, "the inline answer");
    expect(inline.payload.results.length).toBeGreaterThan(0);
  });

  it("retries after a 429 with retry_after and a 500, and the answer still arrives", async () => {
    api.failNext("sendMessage", 429, { error_code: 429, description: "Too Many Requests: retry after 1", parameters: { retry_after: 1 } });
    api.failNext("sendMessage", 500, { error_code: 500, description: "Internal Server Error" });
    const chat = { id: 77, type: "private", first_name: "Flood" };
    api.push(text(chat, "جلالي"));
    const answer = await api.waitFor(sentTo(77), 20_000, "the answer after retries");
    expect(answer.payload.text.startsWith("🔎 <b>جلالي</b>")).toBe(true);
    expect(api.calls.filter((c) => c.method === "sendMessage:failed")).toHaveLength(2);
  }, 30_000);

  it("set the command menus in English, Arabic and Persian at start", () => {
    const menus = api.calls.filter((c) => c.method === "setMyCommands").map((c) => c.payload.language_code ?? "default");
    expect(menus.sort()).toEqual(["ar", "default", "fa"]);
  });

  it("stops cleanly on SIGTERM, with one log line per update and no token or text in the logs", async () => {
    app.child.kill("SIGTERM");
    expect(await app.exited).toBe(0);
    const logs = app.logs();
    expect(logs.some((l) => l.msg === "stopped")).toBe(true);
    const updates = logs.filter((l) => l.msg === "update");
    expect(updates.map((l) => l.outcome).sort()).toEqual(["answered", "answered", "answered", "answered", "ignored", "more", "stale"].sort());
    expect(updates.every((l) => typeof l.ms === "number")).toBe(true);
    expect(app.stderr()).not.toContain(TOKEN);
    expect(app.stderr()).not.toContain("طهران");
  });
});
