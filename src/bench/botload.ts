/**
 * Bot load test: updates from many chats pushed through the real middleware stack (createBot: access, rate limit,
 * addressing, answering, API policies) with a transformer that records every outgoing call and answers it like
 * Telegram. Reports updates/s, handling time percentiles, and that every update got exactly one answer, in its own
 * chat. Run by `npm run bench -- --bot [N] [--corpus DIRS]` in a child process; not a timed unit test.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { createBot } from "../bot/bot.js";
import { createLogger } from "../bot/logger.js";
import type { Engine } from "../search/engine.js";
import { openEngine } from "../search/open.js";
import { Prng } from "./prng.js";
import { QUESTIONS } from "./questions.js";
import { percentile } from "./stats.js";

export interface BotLoadOptions {
  /** Updates pushed in all. Defaults to 2000. */
  updates?: number;
  /** Chats they come from (a quarter of them groups). Defaults to 200. */
  chats?: number;
  /** Updates in flight at once (the runner's concurrency). Defaults to 64. */
  concurrency?: number;
}

export interface BotLoadResult {
  updates: number;
  chats: number;
  seconds: number;
  updatesPerSecond: number;
  /** Handling time of one update, from handleUpdate to its last API call answered, ms (others run meanwhile). */
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Updates by the number of answers they got (an answer split into several messages counts once). */
  answered: { none: number; one: number; more: number };
  /** Calls that went to a chat other than the update's own. */
  misdirected: number;
  /** Updates whose handling threw (grammY's error handler should catch everything: expected 0). */
  errors: number;
  /** Calls by API method. */
  methods: Record<string, number>;
}

const BOT_INFO = {
  id: 4242,
  is_bot: true as const,
  first_name: "News",
  username: "loadbot",
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: true,
};

interface Recorded {
  method: string;
  chatId?: number;
  /** The message this one replies to, when it does. */
  replyTo?: number;
}

/** One update of the mix: private questions, group mentions and /ask, inline queries, stale button presses. */
function makeUpdate(i: number, chats: number, rng: Prng): { update: Record<string, unknown>; chatId: number | undefined } {
  const chat = i % chats;
  const group = chat % 4 === 3;
  const chatId = group ? -1_000_000 - chat : 10_000 + chat;
  // In groups each update comes from another member; in a private chat from its one user.
  const from = { id: group ? 500_000 + i : chatId, is_bot: false, first_name: "U", language_code: ["en", "ar", "fa"][chat % 3] };
  const question = i % 10 === 9 ? ["🙂🙂", "<b>x</b> & y", "\u200f؟", "x".repeat(3000)][i % 4]! : QUESTIONS[Math.floor(rng.next() * QUESTIONS.length)]!;
  const messageId = 1 + i;
  const date = Math.floor(Date.now() / 1000);
  if (!group && i % 20 === 5) {
    return { update: { update_id: i + 1, inline_query: { id: `iq${i}`, from, query: question.slice(0, 256), offset: "" } }, chatId: undefined };
  }
  if (!group && i % 20 === 13) {
    return {
      update: {
        update_id: i + 1,
        callback_query: { id: `cb${i}`, from, chat_instance: "ci", data: "stale-or-unknown", message: { message_id: 1, date, chat: { id: chatId, type: "private", first_name: "U" }, text: "old" } },
      },
      chatId: undefined,
    };
  }
  const chatObject = group ? { id: chatId, type: "supergroup", title: "Diplomacy watchers" } : { id: chatId, type: "private", first_name: "U" };
  const text = group ? (i % 2 ? `@${BOT_INFO.username} ${question}` : `/ask ${question}`) : question;
  const entities = group
    ? [i % 2 ? { type: "mention", offset: 0, length: BOT_INFO.username.length + 1 } : { type: "bot_command", offset: 0, length: 4 }]
    : undefined;
  return { update: { update_id: i + 1, message: { message_id: messageId, date, chat: chatObject, from, text, ...(entities ? { entities } : {}) } }, chatId };
}

export async function botLoad(engine: Engine, options: BotLoadOptions = {}): Promise<BotLoadResult> {
  const total = options.updates ?? 2000;
  const chats = options.chats ?? 200;
  const concurrency = options.concurrency ?? 64;
  const token = "123456789:LoadTestTokenLoadTestTokenLoadTest";
  const bot = createBot({ token, botInfo: BOT_INFO as never, engine, logger: createLogger({ level: "silent" }) });
  const current = new AsyncLocalStorage<number>();
  const calls = new Map<number, Recorded[]>();
  const methods: Record<string, number> = {};
  let nextMessageId = 1_000_000;
  bot.api.config.use(async (_prev, method, payload) => {
    const p = payload as Record<string, any>;
    const update = current.getStore();
    methods[method] = (methods[method] ?? 0) + 1;
    if (update !== undefined) calls.get(update)?.push({ method, chatId: typeof p.chat_id === "number" ? p.chat_id : undefined, replyTo: p.reply_parameters?.message_id });
    const result =
      method === "sendMessage"
        ? { message_id: nextMessageId++, date: Math.floor(Date.now() / 1000), chat: { id: p.chat_id, type: p.chat_id < 0 ? "supergroup" : "private" }, text: "…" }
        : true;
    return { ok: true, result } as never;
  });

  const rng = new Prng(11);
  const updates = Array.from({ length: total }, (_, i) => makeUpdate(i, chats, rng));
  const times: number[] = [];
  let errors = 0;
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < updates.length) {
      const i = next++;
      calls.set(i, []);
      const t = performance.now();
      try {
        await current.run(i, () => bot.handleUpdate(updates[i]!.update as never));
      } catch {
        errors++;
      }
      times.push(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;

  const answered = { none: 0, one: 0, more: 0 };
  let misdirected = 0;
  updates.forEach(({ chatId }, i) => {
    const own = calls.get(i) ?? [];
    // An answer: a sendMessage starting a reply (the later parts of a split answer continue it), an inline answer or
    // a button acknowledgement.
    let answers = 0;
    let inReply = false;
    for (const call of own) {
      if (call.method === "sendMessage") {
        if (chatId !== undefined && call.chatId !== chatId) misdirected++;
        if (!inReply) answers++;
        inReply = true;
      } else if (call.method === "answerInlineQuery" || call.method === "answerCallbackQuery") {
        answers++;
        inReply = false;
      }
    }
    if (answers === 0) answered.none++;
    else if (answers === 1) answered.one++;
    else answered.more++;
  });
  times.sort((a, b) => a - b);
  return {
    updates: total,
    chats,
    seconds,
    updatesPerSecond: total / seconds,
    p50Ms: percentile(times, 50),
    p99Ms: percentile(times, 99),
    maxMs: times.at(-1) ?? 0,
    answered,
    misdirected,
    errors,
    methods,
  };
}

if (process.argv[1]?.endsWith("botload.ts")) {
  const [countArg, ...folders] = process.argv.slice(2);
  const engine = await openEngine(folders.length ? folders : ["seeds"], { cacheDir: process.env.INDEX_CACHE_DIR || ".cache", onWarning: () => {} });
  const updates = Number(countArg) || 2000;
  // Throughput with updates in flight together, as the runner handles them; handling time one at a time, so that
  // it is the update's own cost rather than its wait behind 63 others.
  await botLoad(engine, { updates: 300, concurrency: 8 }); // warm-up: compiled code, caches
  const loaded = await botLoad(engine, { updates, concurrency: 64 });
  const alone = await botLoad(engine, { updates, concurrency: 1 });
  const lines = [
    `bot load: ${loaded.updates} updates from ${loaded.chats} chats through the real middleware stack, 64 in flight: ${loaded.seconds.toFixed(2)} s, ${loaded.updatesPerSecond.toFixed(0)} updates/s`,
    `handling time of one update, ms: p50 ${alone.p50Ms.toFixed(2)}, p99 ${alone.p99Ms.toFixed(2)}, max ${alone.maxMs.toFixed(2)} (one at a time); with 64 in flight p50 ${loaded.p50Ms.toFixed(1)}, p99 ${loaded.p99Ms.toFixed(1)}`,
    `answers: exactly one ${loaded.answered.one}, none ${loaded.answered.none}, more than one ${loaded.answered.more}; to another chat ${loaded.misdirected}; errors ${loaded.errors}`,
    `calls: ${Object.entries(loaded.methods).map(([m, n]) => `${m} ${n}`).join(", ")}`,
  ];
  process.stdout.write(`${lines.join("\n")}\nBOTLOAD ${JSON.stringify({ loaded, alone })}\n`);
}
