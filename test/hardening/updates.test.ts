import { beforeAll, describe, expect, it } from "vitest";
import type { Message } from "grammy/types";
import { createEngine, type Engine } from "../../src/search/engine.js";
import { loadTexts, type TextsByLang } from "../../src/reply/texts.js";
import { GROUP, USER, message } from "../bot/harness.js";
import { messageProblems, rig, sends, type Call, type Rig } from "./helpers.js";

/**
 * Bad and odd updates through handleUpdate, each with its outcome: an answer, a hint, silence, or a toast, and never
 * an error. Cases already in test/bot/bot.test.ts (sticker, edited message, 4096-character text, huge inline query,
 * channel post, inaccessible or inline-message presses, malformed data) are not repeated; these complete the list.
 */

const Q = "لافروف في طهران";
let engine: Engine;
let texts: TextsByLang;
beforeAll(async () => {
  engine = await createEngine(["seeds"]);
  texts = loadTexts();
});

type Outcome = "answer" | "nothing" | "usage" | "notText" | "unknownCommand" | "start" | "silence";

function outcomeOf(calls: Call[]): Outcome {
  const out = sends(calls);
  if (calls.length === 0) return "silence";
  expect(out).toHaveLength(calls.length); // messages only: no other calls for a message update
  for (const c of out) expect(messageProblems(c.payload.text)).toEqual([]);
  const html: string = out[0]!.payload.text;
  if (html.includes(texts.en.nothingFound)) return "nothing";
  if (html.startsWith("🔎") && html.includes("<blockquote")) return "answer";
  if (html.startsWith("Write your question after the command")) return "usage";
  if (html === texts.en.notText) return "notText";
  if (html === texts.en.unknownCommand) return "unknownCommand";
  if (html.startsWith("<b>Ask me about")) return "start";
  throw new Error(`unexpected reply: ${html.slice(0, 80)}`);
}

/** The outcome logged for the update (one "update" line per update). */
function logged(r: Rig): string {
  const lines = r.logs().filter((l) => l.msg === "update");
  return lines.at(-1)!.outcome;
}

const privateChat = { id: USER.id, type: "private" as const, first_name: USER.first_name };
const media = (extra: Record<string, unknown>, chat: Message["chat"] = privateChat) => ({ message: { ...message("x", { chat }), text: undefined, entities: undefined, ...extra } });
const file = { file_id: "f", file_unique_id: "u" };

describe("messages", () => {
  let r: Rig;
  beforeAll(() => {
    r = rig({ engine });
  });

  it.each<[string, Record<string, unknown>, Outcome, string]>([
    ["empty text", { message: { ...message(""), text: "" } }, "usage", "usage"],
    ["whitespace-only text", { message: message(" \n\t\u00A0 ") }, "usage", "usage"],
    ["invisible characters only (RLM, ZWNJ, BOM, bidi override)", { message: message("\u200F\u200C\uFEFF\u202E") }, "usage", "usage"],
    ["a lone emoji", { message: message("🙂") }, "nothing", "nothing_found"],
    ["only punctuation", { message: message("?!؟…،؛«»...") }, "nothing", "nothing_found"],
    ["only HTML", { message: message("<b></b>&amp;<script>") }, "nothing", "nothing_found"],
    ["a photo without caption", media({ photo: [{ ...file, width: 1, height: 1 }] }), "notText", "not_text"],
    ["a photo with the question as caption", media({ photo: [{ ...file, width: 1, height: 1 }], caption: Q }), "answer", "answered"],
    ["a voice message", media({ voice: { ...file, duration: 3 } }), "notText", "not_text"],
    ["a location", media({ location: { latitude: 35.7, longitude: 51.4 } }), "notText", "not_text"],
    ["a forwarded message", { message: { ...message(Q), forward_origin: { type: "hidden_user", date: 1, sender_user_name: "X" } } }, "answer", "answered"],
    ["/ask with no argument", { message: message("/ask") }, "usage", "usage"],
    ["/ask with only spaces and marks", { message: message("/ask   \u200F ") }, "usage", "usage"],
    ["/ask@thebot with no argument", { message: message("/ask@thebot") }, "usage", "usage"],
    ["/ask@otherbot in a private chat", { message: message(`/ask@otherbot ${Q}`) }, "unknownCommand", "unknown_command"],
    ["/ASK in capitals", { message: message(`/ASK ${Q}`) }, "answer", "answered"],
    ["an unknown command", { message: message("/weather") }, "unknownCommand", "unknown_command"],
    ["/start with a deep link to no document", { message: message("/start a-../../etc/passwd") }, "start", "start"],
    ["/start with a forged hashed deep link", { message: message("/start h-AAAAAAAAAAAA") }, "start", "start"],
    ["/start with a 5000-character payload", { message: message(`/start a-${"x".repeat(5000)}`) }, "start", "start"],
  ])("private chat, %s", async (_, update, expected, log) => {
    expect(outcomeOf(await r.send(update))).toBe(expected);
    expect(logged(r)).toBe(log);
  });

  it.each<[string, Record<string, unknown>]>([
    ["a sticker", media({ sticker: { ...file, type: "regular", width: 1, height: 1, is_animated: false, is_video: false } }, GROUP)],
    ["a photo with an unaddressed caption", media({ photo: [{ ...file, width: 1, height: 1 }], caption: Q }, GROUP)],
    ["/ask@otherbot", { message: message(`/ask@otherbot ${Q}`, { chat: GROUP }) }],
    ["/help@otherbot", { message: message("/help@otherbot", { chat: GROUP }) }],
    ["a bare unknown command (may be for another bot)", { message: message("/weather", { chat: GROUP }) }],
    ["a mention of another bot", { message: message(`@otherbot ${Q}`, { chat: GROUP }) }],
    ["a reply to someone else's message", { message: message(Q, { chat: GROUP, replyTo: message("hi", { chat: GROUP, from: { id: 8 } }) }) }],
    ["a service message (new member)", media({ new_chat_members: [{ id: 9, is_bot: false, first_name: "N" }] }, GROUP)],
    ["an edited mention", { edited_message: { ...message(`@thebot ${Q}`, { chat: GROUP }), edit_date: 2 } }],
  ])("group, %s: silence", async (_, update) => {
    expect(outcomeOf(await r.send(update))).toBe("silence");
    expect(logged(r)).toBe("ignored");
  });

  it.each<[string, Record<string, unknown>, Outcome]>([
    ["/ask@thebot with no argument", { message: message("/ask@thebot", { chat: GROUP }) }, "usage"],
    ["/ask@TheBot in other capitals", { message: message(`/ask@TheBot ${Q}`, { chat: GROUP }) }, "answer"],
    ["a bare mention with nothing to ask about", { message: message("@thebot", { chat: GROUP }) }, "usage"],
    ["a mention with only emoji", { message: message("@thebot 🙂🙂", { chat: GROUP }) }, "nothing"],
    ["a photo whose caption mentions the bot", { message: { ...message("x", { chat: GROUP }), text: undefined, entities: undefined, photo: [{ ...file, width: 1, height: 1 }], caption: `@thebot ${Q}`, caption_entities: [{ type: "mention", offset: 0, length: 7 }] } }, "answer"],
    ["/weather@thebot", { message: message("/weather@thebot", { chat: GROUP }) }, "unknownCommand"],
  ])("group, %s", async (_, update, expected) => {
    expect(outcomeOf(await r.send(update))).toBe(expected);
  });

  it.each<[string, Record<string, unknown>]>([
    ["a channel post mentioning the bot", { channel_post: { message_id: 1, date: 1, chat: { id: -1001, type: "channel", title: "c" }, text: `@thebot ${Q}`, entities: [{ type: "mention", offset: 0, length: 7 }] } }],
    ["an edited channel post", { edited_channel_post: { message_id: 1, date: 1, edit_date: 2, chat: { id: -1001, type: "channel", title: "c" }, text: Q } }],
    ["a message in a channel-type chat (a type the bot does not serve)", { message: message(`/ask ${Q}`, { chat: { id: -1002, type: "channel", title: "c" } as Message["chat"] }) }],
    ["a business message", { business_message: { ...message(Q), business_connection_id: "b" } }],
    ["a poll update", { poll: { id: "p", question: Q, options: [], total_voter_count: 0, is_closed: false, is_anonymous: true, type: "regular", allows_multiple_answers: false } }],
    ["a my_chat_member update (added to a group)", { my_chat_member: { chat: GROUP, from: USER, date: 1, old_chat_member: { status: "left", user: { id: 4242, is_bot: true, first_name: "News" } }, new_chat_member: { status: "member", user: { id: 4242, is_bot: true, first_name: "News" } } } }],
    ["an update of an unknown kind", { some_future_update: { id: 1 } }],
  ])("%s: silence", async (_, update) => {
    expect(await r.send(update)).toEqual([]);
    expect(logged(r)).toBe("ignored");
  });

  it("a message without a sender (anonymous admin, channel in a group) mentioning the bot is answered", async () => {
    const msg = { ...message(`@thebot ${Q}`, { chat: GROUP }), from: undefined, sender_chat: { id: GROUP.id, type: "supergroup", title: GROUP.title } };
    expect(outcomeOf(await r.send({ message: msg }))).toBe("answer");
  });

  it("none of the above logged an error", () => {
    expect(r.logs().filter((l) => l.level === "error" || l.level === "warn")).toEqual([]);
  });
});

describe("button presses", () => {
  let r: Rig;
  beforeAll(() => {
    r = rig({ engine });
  });
  const answerOn = (): Message => ({ ...message(`🔎 ${Q}\nResults 1–3 of 9`), from: { id: 4242, is_bot: true, first_name: "News" } }) as Message;
  const press = (data: string | undefined, on?: Message | Record<string, unknown>) =>
    r.send({ callback_query: { id: "cq", from: USER, chat_instance: "ci", ...(data !== undefined ? { data } : {}), ...(on ? { message: on } : {}) } });
  const toast = (calls: Call[]) => {
    expect(calls[0]!.method).toBe("answerCallbackQuery");
    return calls[0]!.payload.text as string | undefined;
  };

  it.each([
    ["too long (over 64 bytes)", `q|3|${"ب".repeat(40)}`],
    ["a question of only invisible characters", "q|3|\u200F\u200C"],
    ["an offset with a sign", "q|-3|x"],
    ["an offset past the bound", "q|10001|x"],
    ["an article part that is not a number", "a|1e3|doc"],
    ["an old layout: colons", `more:3:${Q}`],
    ["an old layout: JSON", '{"a":"more","o":3}'],
    ["an old layout: a version prefix", "v1|q|3|x"],
    ["an example index out of range", "x|en|7"],
    ["an example in an unknown language", "x|de|0"],
    ["an empty string", ""],
    ["binary junk", "\u0000\uFFFF\uD800|"],
    ["a docHash no document has", "h|0|AAAAAAAAAAAA"],
  ])("%s gets the expired toast and nothing else", async (_, data) => {
    const calls = await press(data, answerOn());
    expect(calls).toHaveLength(1);
    expect(toast(calls)).toBe(texts.en.toasts.stale);
    expect(r.logs().at(-1)).toMatchObject({ msg: "update", outcome: "stale" });
  });

  it("a press without data (a game button) is answered silently", async () => {
    const calls = await press(undefined, answerOn());
    expect(calls.map((c) => c.method)).toEqual(["answerCallbackQuery"]);
    expect(toast(calls)).toBeUndefined();
  });

  it("a press for a deleted message (Telegram sends it as inaccessible: date 0) still works where the data suffices", async () => {
    const gone = { message_id: 77, date: 0, chat: privateChat };
    const more = await press(`q|3|${Q}`, gone);
    expect(toast(more)).toBeUndefined();
    const page = sends(more)[0]!;
    expect(page.payload.text).toContain("Results 4–");
    expect(page.payload.reply_parameters).toBeUndefined(); // nothing to reply to
    const doc = engine.docs[0]!;
    const article = await press(`a|0|${doc.id}`, gone);
    expect(sends(article)[0]!.payload.text).toContain("📄");
  });

  it("a press for an article part past its end gets no messages and no error", async () => {
    const calls = await press(`a|999|${engine.docs[0]!.id}`, answerOn());
    expect(calls.map((c) => c.method)).toEqual(["answerCallbackQuery"]);
  });

  it("a press on a message from a group the bot has left (answering fails with 400) is logged, and the next press is served", async () => {
    r.fail("answerCallbackQuery", 400, "Bad Request: query is too old and response timeout expired or query ID is invalid");
    const calls = await press(`q|3|${Q}`, answerOn());
    // The press is too old to toast, but the user who pressed still gets the next page.
    expect(sends(calls)[0]?.payload.text).toContain("Results 4–");
    expect(r.logs().filter((l) => l.level === "error")).toEqual([]);
    expect(sends(await press(`q|3|${Q}`, answerOn()))).toHaveLength(1);
  });
});

describe("inline queries", () => {
  let r: Rig;
  beforeAll(() => {
    r = rig({ engine });
  });
  const inline = (query: string, offset = "", extra: Record<string, unknown> = {}) =>
    r.send({ inline_query: { id: "iq", from: USER, query, offset, chat_type: "sender", ...extra } });

  it.each([
    ["empty", ""],
    ["whitespace", "   "],
    ["invisible characters", "\u200F\u200C"],
  ])("%s: a hint and no results", async (_, q) => {
    const [call] = await inline(q);
    expect(call).toMatchObject({ method: "answerInlineQuery", payload: { results: [], button: { text: texts.en.inline.hint } } });
  });

  it("a huge query (10 000 characters, over Telegram's 256) is answered within limits", async () => {
    const [call] = await inline(`${Q} ${"ب".repeat(10_000)}`);
    expect(call!.method).toBe("answerInlineQuery");
    for (const x of call!.payload.results as any[]) expect(messageProblems(x.input_message_content.message_text)).toEqual([]);
  });

  it.each(["abc", "-10", "1e3", "99999", "10.5", "\u0661\u0660"])("a forged offset %j is read as a number or as the start, never an error", async (offset) => {
    const [call] = await inline(Q, offset);
    expect(call!.method).toBe("answerInlineQuery");
    expect(["", ...Array.from({ length: 200 }, (_, i) => String(i))]).toContain(call!.payload.next_offset);
  });

  it("a query from a group chat type, or with no chat type, is answered the same", async () => {
    for (const extra of [{ chat_type: "supergroup" }, { chat_type: undefined }]) {
      const [call] = await inline(Q, "", extra);
      expect((call!.payload.results as unknown[]).length).toBeGreaterThan(0);
    }
  });

  it("nothing was logged as an error", () => {
    expect(r.logs().filter((l) => l.level === "error")).toEqual([]);
  });
});
