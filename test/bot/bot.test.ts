import { beforeAll, describe, expect, it } from "vitest";
import { createEngine, type Engine } from "../../src/search/engine.js";
import { loadTexts, type TextsByLang } from "../../src/reply/texts.js";
import { MAX_CALLBACK_BYTES } from "../../src/bot/callback-data.js";
import { type Call, buttonData, GROUP, groupText, inlineQuery, makeHarness, message, press, privateText, sentMessage, TOKEN, USER } from "./harness.js";

let engine: Engine;
let texts: TextsByLang;
beforeAll(async () => {
  engine = await createEngine(["seeds"]);
  texts = loadTexts();
});

const Q = "لافروف في طهران";
const sends = (calls: Call[]) => calls.filter((c) => c.method === "sendMessage");

describe("private chat", () => {
  it("answers any text with excerpts, sources and stateless buttons, replying to the question", async () => {
    const h = makeHarness({ engine });
    const update = privateText(Q);
    const calls = await h.send(update);
    const [answer] = sends(calls);
    expect(answer).toBeDefined();
    expect(answer!.payload.parse_mode).toBe("HTML");
    expect(answer!.payload.link_preview_options).toEqual({ is_disabled: true });
    expect(answer!.payload.reply_parameters).toEqual({ message_id: update.message.message_id, allow_sending_without_reply: true });
    const html: string = answer!.payload.text;
    expect(html.startsWith(`🔎 <b>${Q}</b>`)).toBe(true);
    expect(html).toContain("<b>لافروف</b>");
    expect(html).toContain("Middle East News");
    const data = buttonData(answer);
    expect(data).toContain("q|3|لافروف في طهران");
    // One "Full article" button per distinct article among the three results.
    const docs = new Set(engine.search(Q, { limit: 3 }).results.map((r) => r.docId));
    expect(data.filter((d) => d.startsWith("a|0|")).sort()).toEqual([...docs].map((id) => `a|0|${id}`).sort());
    for (const d of data) expect(Buffer.byteLength(d)).toBeLessThanOrEqual(MAX_CALLBACK_BYTES);
  });

  it("/start tells what it knows with three example buttons, in the user's language", async () => {
    const h = makeHarness({ engine });
    const [en] = sends(await h.send(privateText("/start")));
    expect(en!.payload.text).toContain(`I search ${engine.docs.length} Arabic and Persian news articles`);
    expect(buttonData(en)).toEqual(["x|en|0", "x|en|1", "x|en|2"]);
    const [ar] = sends(await h.send(privateText("/start", { language_code: "ar" })));
    expect(ar!.payload.text).toContain("اسألني عن الدبلوماسية");
    expect(buttonData(ar)).toEqual(["x|ar|0", "x|ar|1", "x|ar|2"]);
  });

  it.each([
    ["/help", () => texts.en.help.slice(0, 20)],
    ["/about", () => `${engine.docs.length} articles`],
    ["/sources", () => "Al-Alam"],
    ["/ask", () => "Write your question after the command"],
    ["/whatever", () => "I don't know that command"],
  ])("%s", async (command, expected) => {
    const h = makeHarness({ engine });
    const [m] = sends(await h.send(privateText(command)));
    expect(m!.payload.text).toContain(expected());
  });

  it("/ask with a question answers it", async () => {
    const h = makeHarness({ engine });
    const [m] = sends(await h.send(privateText(`/ask ${Q}`)));
    expect(m!.payload.text.startsWith(`🔎 <b>${Q}</b>`)).toBe(true);
  });

  it("answers in Persian for a Persian-speaking user, and says when nothing is found", async () => {
    const h = makeHarness({ engine });
    const [m] = sends(await h.send(privateText("qwertyuiop", { language_code: "fa" })));
    expect(m!.payload.text).toContain(texts.fa.nothingFound);
    expect(buttonData(m)).toEqual(["x|fa|0", "x|fa|1", "x|fa|2"]);
  });

  it("stickers and photos get a note that questions are written; edited messages nothing", async () => {
    const h = makeHarness({ engine });
    const sticker = { message: { ...message("x"), text: undefined, sticker: { file_id: "s", file_unique_id: "s", type: "regular", width: 1, height: 1, is_animated: false, is_video: false } } };
    const [m] = sends(await h.send(sticker as any));
    expect(m!.payload.text).toBe(texts.en.notText);
    expect(await h.send({ edited_message: { ...message(Q), edit_date: 1 } } as any)).toEqual([]);
  });
});

describe("groups", () => {
  it("stays silent on chatter, even about the topic", async () => {
    const h = makeHarness({ engine });
    expect(await h.send(groupText(Q))).toEqual([]);
    expect(await h.send(groupText(`/ask@otherbot ${Q}`))).toEqual([]);
    expect(await h.send(groupText("/whatever"))).toEqual([]);
  });

  it("answers a mention, without the mention in the question, replying to the asker", async () => {
    const h = makeHarness({ engine });
    const update = groupText(`@thebot ${Q}`);
    const [m] = sends(await h.send(update));
    expect(m!.payload.chat_id).toBe(GROUP.id);
    expect(m!.payload.text.startsWith(`🔎 <b>${Q}</b>`)).toBe(true);
    expect(m!.payload.reply_parameters.message_id).toBe(update.message.message_id);
  });

  it("answers /ask@thebot and a reply to one of its messages", async () => {
    const h = makeHarness({ engine });
    const [first] = sends(await h.send(groupText(`/ask@thebot ${Q}`)));
    expect(first!.payload.text).toContain("<blockquote");
    const [second] = sends(await h.send(groupText("جلالي", sentMessage(first!))));
    expect(second!.payload.text.startsWith("🔎 <b>جلالي</b>")).toBe(true);
  });
});

describe("buttons", () => {
  it("More sends the next page as a reply to the answer", async () => {
    const h = makeHarness({ engine });
    const [answer] = sends(await h.send(privateText(Q)));
    const more = buttonData(answer).find((d) => d.startsWith("q|"))!;
    const on = sentMessage(answer!);
    const calls = await h.send(press(more, on));
    expect(calls.find((c) => c.method === "answerCallbackQuery")!.payload.text).toBeUndefined();
    const [next] = sends(calls);
    expect(next!.payload.text).toMatch(/Results 4–\d+ of \d+/);
    expect(next!.payload.text).toContain("<b>4.</b>");
    expect(next!.payload.reply_parameters.message_id).toBe(on.message_id);
  });

  it("More for a long question carries a hash and reads the question back from the answer", async () => {
    const h = makeHarness({ engine });
    const long = `${Q} ${"والتعاون بين البلدين ".repeat(4)}`.trim();
    const [answer] = sends(await h.send(privateText(long)));
    const more = buttonData(answer).find((d) => d.startsWith("m|"));
    expect(more).toMatch(/^m|3|[A-Za-z0-9_-]{8}$/);
    const [next] = sends(await h.send(press(more!, sentMessage(answer!))));
    expect(next!.payload.text).toContain("Results 4–");
    // The same data on a message about something else is refused.
    const other = sentMessage(sends(await h.send(privateText("جلالي")))[0]!);
    const refused = await h.send(press(more!, other));
    expect(sends(refused)).toEqual([]);
    expect(refused.find((c) => c.method === "answerCallbackQuery")!.payload.text).toBe(texts.en.toasts.stale);
  });

  it.each(["", "zzz", "q|x|y", "m|3|short", "a|1", "x|de|0", "h|0|notahash", "q|99999999|x"])("unknown or malformed data %j gets the expired toast", async (data) => {
    const h = makeHarness({ engine });
    const calls = await h.send(press(data, message("earlier")));
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ method: "answerCallbackQuery", payload: { text: texts.en.toasts.stale } });
  });

  it("Full article sends the cleaned article; an unknown document gets a toast", async () => {
    const h = makeHarness({ engine });
    const doc = engine.docs[0]!;
    const calls = await h.send(press(`a|0|${doc.id}`, message("answer")));
    const text = sends(calls).map((c) => c.payload.text).join("\n");
    expect(text).toContain(doc.source.title);
    expect(text).toContain(doc.chunks.at(-1)!.text.slice(0, 20));
    const gone = await h.send(press("a|0|no_such_doc", message("answer")));
    expect(gone.find((c) => c.method === "answerCallbackQuery")!.payload.text).toBe(texts.en.toasts.stale);
  });

  it("an example button asks its question", async () => {
    const h = makeHarness({ engine });
    const [m] = sends(await h.send(press("x|ar|0", message("start"))));
    expect(m!.payload.text.startsWith(`🔎 <b>${texts.ar.examples[0]}</b>`)).toBe(true);
  });

  it("More past the last result says so in a toast", async () => {
    const h = makeHarness({ engine });
    const calls = await h.send(press(`q|9000|${Q}`, message("x")));
    expect(calls.map((c) => c.method)).toEqual(["answerCallbackQuery"]);
    expect(calls[0]!.payload.text).toBe(texts.en.toasts.noMore);
  });
});

describe("inline mode", () => {
  it("an empty query gets a hint", async () => {
    const h = makeHarness({ engine });
    const [call] = await h.send(inlineQuery("  "));
    expect(call).toMatchObject({ method: "answerInlineQuery", payload: { results: [], button: { text: texts.en.inline.hint } } });
  });

  it("offers excerpts paged with the offset, each posting HTML with its source and an article link", async () => {
    const h = makeHarness({ engine });
    const q = "ايران روسيا";
    const [first] = await h.send(inlineQuery(q));
    const results = first!.payload.results as any[];
    expect(results.length).toBe(10);
    expect(first!.payload.next_offset).toBe("10");
    expect(results[0].input_message_content.parse_mode).toBe("HTML");
    expect(results[0].input_message_content.message_text).toContain("<blockquote");
    expect(results[0].reply_markup.inline_keyboard[0][0].url).toMatch(/^https:\/\/t\.me\/thebot\?start=a-/);
    const [second] = await h.send(inlineQuery(q, "10"));
    const ids = new Set(results.map((r) => r.id));
    expect((second!.payload.results as any[]).some((r) => ids.has(r.id))).toBe(false);
  });

  it("the inline article link opens the article through /start", async () => {
    const h = makeHarness({ engine });
    const doc = engine.docs[1]!;
    const calls = await h.send(privateText(`/start a-${doc.id}`));
    expect(sends(calls)[0]!.payload.text).toContain(doc.source.title);
  });
});

describe("access, limits, admin", () => {
  it("ALLOWED_CHAT_IDS: other chats get a polite refusal and nothing from the corpus", async () => {
    const h = makeHarness({ engine, allowedChatIds: [555] });
    const [m] = sends(await h.send(privateText(Q)));
    expect(m!.payload.text).toBe(texts.en.notAllowed);
    const [toast] = await h.send(press(`q|3|${Q}`, message("x")));
    expect(toast!.payload.text).toBe(texts.en.toasts.notAllowed);
    const [inline] = await h.send(inlineQuery(Q));
    expect(inline!.payload.results).toEqual([]);
    expect(await h.send(groupText(Q))).toEqual([]); // chatter in a foreign group: still silent
    const allowed = makeHarness({ engine, allowedChatIds: [USER.id] });
    expect(sends(await allowed.send(privateText(Q)))[0]!.payload.text).toContain("<blockquote");
  });

  it("rate limit: one friendly message, then silence, while other users are answered", async () => {
    const h = makeHarness({ engine, rateLimit: { max: 2, windowMs: 60_000 } });
    const replies: string[] = [];
    for (let i = 0; i < 6; i++) replies.push(...sends(await h.send(privateText(Q))).map((c) => c.payload.text));
    expect(replies.filter((t) => t.startsWith("🔎"))).toHaveLength(2);
    expect(replies.filter((t) => t === texts.en.rateLimited)).toHaveLength(1);
    expect(replies).toHaveLength(3);
    const other = sends(await h.send(privateText(Q, { id: 8 })));
    expect(other[0]!.payload.text.startsWith("🔎")).toBe(true);
  });

  it("/reload only for admins", async () => {
    let reloads = 0;
    const ref = { current: engine };
    const h = makeHarness({ engine: ref, adminUserIds: [99], reloadEngine: async () => (reloads++, createEngine(["seeds"])) });
    const [no] = sends(await h.send(privateText("/reload")));
    expect(no!.payload.text).toBe(texts.en.adminOnly);
    expect(reloads).toBe(0);
    const [yes] = sends(await h.send(privateText("/reload", { id: 99 })));
    expect(yes!.payload.text).toContain(`Corpus reloaded: ${engine.docs.length} articles`);
    expect(reloads).toBe(1);
    expect(ref.current).not.toBe(engine);
  });
});

describe("staying up and logging", () => {
  it("a chat that blocked the bot is logged quietly and the bot goes on", async () => {
    const h = makeHarness({ engine });
    h.failNext("sendMessage", 403, "Forbidden: bot was blocked by the user");
    await h.send(privateText(Q));
    expect(h.logs.filter((l) => l.level === "error")).toEqual([]);
    expect(h.logs.at(-1)).toMatchObject({ msg: "update", outcome: "blocked" });
    expect(sends(await h.send(privateText(Q)))).toHaveLength(1);
  });

  it("a failing handler is logged with its update id and the next update is served", async () => {
    const broken = { current: { ...engine, docs: engine.docs, search: () => { throw new Error("index exploded"); } } as unknown as Engine };
    const h = makeHarness({ engine: broken });
    await h.send(privateText(Q));
    const error = h.logs.find((l) => l.level === "error");
    expect(error).toMatchObject({ msg: "handler failed", error: "index exploded" });
    expect(typeof error!.update_id).toBe("number");
    broken.current = engine;
    expect(sends(await h.send(privateText(Q)))).toHaveLength(1);
  });

  it("one info line per update with timing and outcome, no message text and no token", async () => {
    const h = makeHarness({ engine });
    await h.send(privateText(Q));
    await h.send(groupText("just chatting about طهران"));
    const info = h.logs.filter((l) => l.level === "info");
    expect(info.map((l) => [l.msg, l.outcome])).toEqual([["update", "answered"], ["update", "ignored"]]);
    expect(typeof info[0]!.ms).toBe("number");
    expect(info[0]).toMatchObject({ kind: "message", chat_type: "private", user_id: USER.id, lang: "en" });
    const all = JSON.stringify(info);
    expect(all).not.toContain("طهران");
    expect(all).not.toContain("chatting");
    expect(JSON.stringify(h.logs)).not.toContain(TOKEN);
    // The question is there at debug level only.
    expect(h.logs.some((l) => l.level === "debug" && l.question === Q)).toBe(true);
  });
});

describe("odd updates", () => {
  it("a 4096-character message and a huge inline query are answered within Telegram's limits", async () => {
    const h = makeHarness({ engine });
    const long = `${Q} ${"كلمة ".repeat(900)}`.slice(0, 4096);
    const [m] = sends(await h.send(privateText(long)));
    expect(m!.payload.text.length).toBeLessThanOrEqual(4096);
    for (const d of buttonData(m)) expect(Buffer.byteLength(d)).toBeLessThanOrEqual(MAX_CALLBACK_BYTES);
    const [inline] = await h.send(inlineQuery("x".repeat(5000)));
    expect(inline!.method).toBe("answerInlineQuery");
  });

  it("channel posts and messages in a chat type it does not serve get nothing", async () => {
    const h = makeHarness({ engine });
    const post = { channel_post: { message_id: 1, date: 1, chat: { id: -1009, type: "channel", title: "c" }, text: Q } };
    expect(await h.send(post)).toEqual([]);
  });

  it("a press on a message too old to read (inaccessible) or on an inline message gets the toast", async () => {
    const h = makeHarness({ engine });
    const long = `${Q} ${"والتعاون بين البلدين ".repeat(4)}`.trim();
    const [answer] = sends(await h.send(privateText(long)));
    const more = buttonData(answer).find((d) => d.startsWith("m|"))!;
    const inaccessible = { message_id: 5, date: 0, chat: { id: USER.id, type: "private", first_name: "Ana" } };
    const [toast] = await h.send(press(more, inaccessible as any));
    expect(toast).toMatchObject({ method: "answerCallbackQuery", payload: { text: texts.en.toasts.stale } });
    const fromInline = { callback_query: { id: "c9", from: USER, chat_instance: "ci", inline_message_id: "im", data: `q|3|${Q}` } };
    const [toast2] = await h.send(fromInline);
    expect(toast2).toMatchObject({ method: "answerCallbackQuery", payload: { text: texts.en.toasts.stale } });
  });

  it("the rate-limited updates after the first notice are logged as rate_limited", async () => {
    const h = makeHarness({ engine, rateLimit: { max: 1, windowMs: 60_000 } });
    for (let i = 0; i < 3; i++) await h.send(privateText(Q));
    expect(h.logs.filter((l) => l.msg === "update").map((l) => l.outcome)).toEqual(["answered", "rate_limited", "rate_limited"]);
  });

  it("property: any question text gives only valid Telegram HTML within 4096 characters", async () => {
    const { default: fc } = await import("fast-check");
    const { validateTelegramHtml } = await import("../../src/reply/html.js");
    const h = makeHarness({ engine });
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ unit: "grapheme", maxLength: 300 }), fc.constantFrom(Q, "<b>&amp;</b> لافروف", "جلالي 🙂", "\u202Eطهران")), async (text) => {
        if (!text.trim()) return true;
        for (const c of sends(await h.send(privateText(text)))) {
          if (c.payload.text.length > 4096 || validateTelegramHtml(c.payload.text).length) return false;
          if (buttonData(c).some((d) => Buffer.byteLength(d) > MAX_CALLBACK_BYTES)) return false;
        }
        return true;
      }),
      { numRuns: 60 },
    );
  });
});

describe("command menus", () => {
  it("are set per language, and a failure is logged, not thrown", async () => {
    const { registerCommands } = await import("../../src/bot/bot.js");
    const h = makeHarness({ engine });
    h.failNext("setMyCommands", 400, "Bad Request: something");
    await registerCommands(h.bot, texts, { ...console, child: () => undefined, isLevelEnabled: () => true, warn: (msg: string, f: object) => h.logs.push({ level: "warn", msg, ...f }) } as any);
    const calls = h.calls.filter((c) => c.method === "setMyCommands");
    expect(calls.map((c) => c.payload.language_code)).toEqual([undefined, "ar", "fa"]);
    expect(calls[1]!.payload.commands.map((c: { command: string }) => c.command)).toEqual(["start", "help", "ask", "sources", "about"]);
    expect(h.logs.find((l) => l.level === "warn")).toMatchObject({ msg: "could not set the command menu", lang: "en", error_code: 400 });
  });
});

describe("mention in reply to someone else", () => {
  it("asks about the replied-to message when the mention has no question of its own", async () => {
    const h = makeHarness({ engine });
    const theirs = message(Q, { chat: GROUP, from: { id: 8, first_name: "Bo" } });
    const [m] = sends(await h.send(groupText("@thebot", theirs)));
    expect(m!.payload.text.startsWith(`🔎 <b>${Q}</b>`)).toBe(true);
  });
});
