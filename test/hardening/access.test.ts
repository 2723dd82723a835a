import { beforeAll, describe, expect, it } from "vitest";
import { createEngine, type Engine } from "../../src/search/engine.js";
import { loadTexts, type TextsByLang } from "../../src/reply/texts.js";
import { GROUP, USER, message } from "../bot/harness.js";
import { everythingShown, rig, sends, type Call } from "./helpers.js";

/**
 * Access and abuse: ALLOWED_CHAT_IDS refuses other chats politely in every way in (messages, commands, buttons, inline
 * mode), /reload is for ADMIN_USER_IDS only, and the rate limit holds under a flood while other users are answered.
 * (test/bot/bot.test.ts has the basic refusal, /reload and rate-limit cases; these push further.)
 */

const Q = "لافروف في طهران";
let engine: Engine;
let texts: TextsByLang;
/** Words of the corpus that would show in any answer to Q: none of them may reach a refused chat. */
let corpusWords: string[];
beforeAll(async () => {
  engine = await createEngine(["seeds"]);
  texts = loadTexts();
  const r = engine.search(Q, { limit: 3 });
  corpusWords = [...r.results.map((x) => x.text.slice(0, 30)), ...r.results.map((x) => x.source.title), ...engine.docs.slice(0, 3).map((d) => d.chunks[0]!.text.slice(0, 30))];
});

const ALLOWED_GROUP = -100777;
const STRANGER = { id: 31337, is_bot: false, first_name: "Eve", language_code: "en" };
const strangerChat = { id: STRANGER.id, type: "private" as const, first_name: "Eve" };

function noCorpus(calls: Call[]) {
  const shown = everythingShown(calls);
  for (const w of corpusWords) expect(shown).not.toContain(w);
  expect(shown).not.toContain("<blockquote");
}

describe("ALLOWED_CHAT_IDS", () => {
  const make = () => rig({ engine, allowedChatIds: [ALLOWED_GROUP, USER.id] });

  it.each<[string, Record<string, unknown>]>([
    ["a private question", { message: message(Q, { chat: strangerChat, from: STRANGER }) }],
    ["/ask", { message: message(`/ask ${Q}`, { chat: strangerChat, from: STRANGER }) }],
    ["/start", { message: message("/start", { chat: strangerChat, from: STRANGER }) }],
    ["/sources", { message: message("/sources", { chat: strangerChat, from: STRANGER }) }],
    ["/about", { message: message("/about", { chat: strangerChat, from: STRANGER }) }],
    ["/start with an article deep link", { message: message(`/start a-${"x"}`, { chat: strangerChat, from: STRANGER }) }],
    ["a mention in a foreign group", { message: message(`@thebot ${Q}`, { chat: GROUP, from: STRANGER }) }],
    ["/ask@thebot in a foreign group", { message: message(`/ask@thebot ${Q}`, { chat: GROUP, from: STRANGER }) }],
    ["an allowed user writing in a foreign group", { message: message(`@thebot ${Q}`, { chat: GROUP }) }],
  ])("%s: exactly one polite refusal, nothing from the corpus", async (_, update) => {
    const r = make();
    const calls = await r.send(update);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.method).toBe("sendMessage");
    expect(calls[0]!.payload.text).toBe(texts.en.notAllowed);
    noCorpus(calls);
    expect(r.logs().at(-1)).toMatchObject({ msg: "update", outcome: "refused" });
  });

  it.each([
    ["More", `q|3|${Q}`],
    ["Full article", () => `a|0|${engine.docs[0]!.id}`],
    ["an example question", "x|en|0"],
    ["malformed data", "zzz"],
  ])("a %s press from a foreign chat: the not-allowed toast only", async (_, data) => {
    const r = make();
    const on = message("🔎 x", { chat: strangerChat, from: STRANGER });
    const calls = await r.send({ callback_query: { id: "c", from: STRANGER, chat_instance: "ci", data: typeof data === "function" ? data() : data, message: on } });
    expect(calls.map((c) => c.method)).toEqual(["answerCallbackQuery"]);
    expect(calls[0]!.payload.text).toBe(texts.en.toasts.notAllowed);
    noCorpus(calls);
  });

  it("a press on an inline message (no chat) from a stranger is refused by the user's id", async () => {
    const r = make();
    const calls = await r.send({ callback_query: { id: "c", from: STRANGER, chat_instance: "ci", inline_message_id: "im", data: `q|3|${Q}` } });
    expect(calls.map((c) => c.method)).toEqual(["answerCallbackQuery"]);
    expect(calls[0]!.payload.text).toBe(texts.en.toasts.notAllowed);
  });

  it.each(["", Q, "x".repeat(300)])("inline query %#: no results, a private-bot button, not cached for others", async (query) => {
    const r = make();
    const calls = await r.send({ inline_query: { id: "iq", from: STRANGER, query, offset: "", chat_type: "sender" } });
    expect(calls.map((c) => c.method)).toEqual(["answerInlineQuery"]);
    expect(calls[0]!.payload).toMatchObject({ results: [], is_personal: true, cache_time: 0, button: { text: texts.en.inline.notAllowed } });
    noCorpus(calls);
  });

  it("group chatter in a foreign group stays silent (no refusal to people not talking to the bot)", async () => {
    const r = make();
    expect(await r.send({ message: message(Q, { chat: GROUP, from: STRANGER }) })).toEqual([]);
  });

  it("the refusal is in the stranger's language", async () => {
    const r = make();
    const [call] = await r.send({ message: message(Q, { chat: strangerChat, from: { ...STRANGER, language_code: "fa" } }) });
    expect(call!.payload.text).toBe(texts.fa.notAllowed);
  });

  it("the allowed group and the allowed user are served, also inline", async () => {
    const r = make();
    const group = { id: ALLOWED_GROUP, type: "supergroup" as const, title: "ok" };
    expect(sends(await r.send({ message: message(`@thebot ${Q}`, { chat: group, from: STRANGER }) }))[0]!.payload.text).toContain("<blockquote");
    expect(sends(await r.send({ message: message(Q) }))[0]!.payload.text).toContain("<blockquote");
    const [inline] = await r.send({ inline_query: { id: "iq", from: USER, query: Q, offset: "", chat_type: "sender" } });
    expect((inline!.payload.results as unknown[]).length).toBeGreaterThan(0);
  });

  it("a flood of 200 messages from a foreign chat gets a bounded number of refusals (the rate limit holds for strangers too)", async () => {
    const r = rig({ engine, allowedChatIds: [USER.id], rateLimit: { max: 5, windowMs: 60_000 } });
    await Promise.all(Array.from({ length: 200 }, () => r.send({ message: message(Q, { chat: strangerChat, from: STRANGER }) })));
    const out = r.calls; // sent concurrently: count every call
    expect(out.length).toBeLessThanOrEqual(6);
    expect(out.filter((c) => c.payload.text === texts.en.notAllowed).length).toBeGreaterThanOrEqual(1);
    noCorpus(out);
  });
});

describe("/reload", () => {
  const ADMIN = { id: 99, is_bot: false, first_name: "Root", language_code: "en" };
  const make = (reload: () => Promise<Engine>) => rig({ engine: { current: engine }, adminUserIds: [ADMIN.id], reloadEngine: reload });

  it.each<[string, Record<string, unknown>]>([
    ["a user in a private chat", { message: message("/reload") }],
    ["a user with arguments", { message: message("/reload now please") }],
    ["a user in a group, addressed", { message: message("/reload@thebot", { chat: GROUP }) }],
    ["the admin's id as a forwarded sender (forward_origin is not who asks)", { message: { ...message("/reload"), forward_origin: { type: "user", date: 1, sender_user: ADMIN } } }],
    ["a channel speaking in a group (no from)", { message: { ...message("/reload@thebot", { chat: GROUP }), from: undefined, sender_chat: { id: ADMIN.id, type: "channel", title: "x" } } }],
  ])("is refused for %s, and the corpus is not touched", async (_, update) => {
    let reloads = 0;
    const r = make(async () => (reloads++, engine));
    const calls = await r.send(update);
    expect(sends(calls).map((c) => c.payload.text)).toEqual([texts.en.adminOnly]);
    expect(reloads).toBe(0);
  });

  it("/reload@otherbot from the admin in a group is not ours: silence, no reload", async () => {
    let reloads = 0;
    const r = make(async () => (reloads++, engine));
    expect(await r.send({ message: message("/reload@otherbot", { chat: GROUP, from: ADMIN }) })).toEqual([]);
    expect(reloads).toBe(0);
  });

  it("the admin may reload; a failing reload keeps the old engine and says so", async () => {
    const ref = { current: engine };
    let calls = 0;
    const r = rig({ engine: ref, adminUserIds: [ADMIN.id], reloadEngine: async () => (calls++, Promise.reject(new Error("corpus folder vanished"))) });
    const out = await r.send({ message: message("/reload", { from: ADMIN }) });
    // Whether the rebuild runs inline or in the background, it was asked for, and the old engine still answers.
    await new Promise((resolve) => setImmediate(resolve));
    expect(calls).toBe(1);
    expect(ref.current).toBe(engine);
    expect(sends(out).length).toBeGreaterThan(0);
    expect(sends(await r.send({ message: message(Q) }))[0]!.payload.text).toContain("<blockquote");
  });
});

describe("rate limit under a flood", () => {
  it("500 messages from one user at once: at most the limit answered plus one notice, while another user is answered", async () => {
    const r = rig({ engine, rateLimit: { max: 10, windowMs: 60_000 } });
    const OTHER = { id: 8, first_name: "Bo" };
    const flood = Array.from({ length: 500 }, () => r.send({ message: message(Q) }));
    const other = r.send({ message: message(Q, { chat: { id: OTHER.id, type: "private", first_name: "Bo" }, from: OTHER }) });
    await Promise.all([...flood, other]);
    // Sent concurrently: tell the two users' messages apart by chat.
    const floodOut = sends(r.calls).filter((c) => c.payload.chat_id === USER.id);
    expect(floodOut.filter((c) => c.payload.text.startsWith("🔎"))).toHaveLength(10);
    expect(floodOut.filter((c) => c.payload.text === texts.en.rateLimited)).toHaveLength(1);
    expect(floodOut).toHaveLength(11);
    const otherOut = sends(r.calls).filter((c) => c.payload.chat_id === OTHER.id);
    expect(otherOut).toHaveLength(1);
    expect(otherOut[0]!.payload.text).toContain("<blockquote");
    expect(r.logs().filter((l) => l.msg === "update" && l.outcome === "rate_limited")).toHaveLength(490);
  });

  it("500 presses from one user: every press is answered (a toast once over the limit), at most the limit served", async () => {
    const r = rig({ engine, rateLimit: { max: 10, windowMs: 60_000 } });
    const on = message("🔎 x");
    await Promise.all(Array.from({ length: 500 }, (_, i) => r.send({ callback_query: { id: `c${i}`, from: USER, chat_instance: "ci", data: `q|3|${Q}`, message: on } })));
    const acks = r.calls.filter((c) => c.method === "answerCallbackQuery");
    expect(acks).toHaveLength(500);
    expect(acks.filter((c) => c.payload.text === texts.en.toasts.rateLimited)).toHaveLength(490);
    expect(new Set(acks.map((c) => c.payload.callback_query_id)).size).toBe(500);
    expect(sends(r.calls)).toHaveLength(10);
  });

  it("500 inline queries from one user: at most the limit get results", async () => {
    const r = rig({ engine, rateLimit: { max: 10, windowMs: 60_000 } });
    await Promise.all(Array.from({ length: 500 }, (_, i) => r.send({ inline_query: { id: `i${i}`, from: USER, query: `${Q} ${i}`, offset: "", chat_type: "sender" } })));
    const withResults = r.calls.filter((c) => (c.payload.results as unknown[]).length > 0);
    expect(withResults).toHaveLength(10);
    expect(r.calls).toHaveLength(11);
  });

  it("a flood in a group from one member does not silence the bot for the other members", async () => {
    const r = rig({ engine, rateLimit: { max: 3, windowMs: 60_000 } });
    await Promise.all(Array.from({ length: 100 }, () => r.send({ message: message(`@thebot ${Q}`, { chat: GROUP, from: { id: 50 } }) })));
    const out = sends(await r.send({ message: message(`@thebot ${Q}`, { chat: GROUP, from: { id: 51 } }) }));
    expect(out[0]!.payload.text).toContain("<blockquote");
  });
});
