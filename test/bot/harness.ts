import type { Bot } from "grammy";
import type { Message, MessageEntity, Update } from "grammy/types";
import { createBot, type BotDeps } from "../../src/bot/bot.js";
import type { BotContext } from "../../src/bot/context.js";
import { createLogger } from "../../src/bot/logger.js";
import { htmlToPlain } from "../../src/reply/html.js";

/**
 * A real grammY bot with preset botInfo and an API transformer that records every outgoing call and answers it like
 * Telegram would, so tests read like chat scripts and never touch the network.
 */

import { BOT_INFO, TOKEN } from "../support/shared.js";

export { BOT_INFO, TOKEN };

export interface Call {
  method: string;
  payload: Record<string, any>;
}

export interface Harness {
  bot: Bot<BotContext>;
  calls: Call[];
  logs: Record<string, any>[];
  /** Feed one update; returns the calls it caused. */
  send(update: Record<string, unknown>): Promise<Call[]>;
  /** Make the next calls of `method` fail with this Telegram error. */
  failNext(method: string, error_code: number, description: string): void;
}

let nextMessageId = 1000;
let nextUpdateId = 1;

export function makeHarness(deps: Omit<BotDeps, "token" | "botInfo" | "logger">): Harness {
  const logs: Record<string, any>[] = [];
  const logger = createLogger({ level: "debug", secrets: [TOKEN], write: (line) => logs.push(JSON.parse(line)) });
  const bot = createBot({ token: TOKEN, botInfo: BOT_INFO, logger, rateLimit: { max: 0 }, ...deps });
  const calls: Call[] = [];
  const failures: { method: string; error_code: number; description: string }[] = [];
  bot.api.config.use(async (_prev, method, payload) => {
    calls.push({ method, payload: payload as Record<string, any> });
    const failure = failures.findIndex((f) => f.method === method);
    if (failure >= 0) {
      const [f] = failures.splice(failure, 1);
      return { ok: false, error_code: f!.error_code, description: f!.description } as any;
    }
    return { ok: true, result: fakeResult(method, payload as Record<string, any>) } as any;
  });
  return {
    bot,
    calls,
    logs,
    async send(update) {
      const before = calls.length;
      await bot.handleUpdate({ update_id: nextUpdateId++, ...update } as unknown as Update);
      return calls.slice(before);
    },
    failNext(method, error_code, description) {
      failures.push({ method, error_code, description });
    },
  };
}

function fakeResult(method: string, p: Record<string, any>): unknown {
  if (method === "sendMessage") {
    return {
      message_id: nextMessageId++,
      date: Math.floor(Date.now() / 1000),
      chat: { id: p.chat_id, type: p.chat_id < 0 ? "supergroup" : "private" },
      from: BOT_INFO,
      text: htmlToPlain(p.text),
      reply_markup: p.reply_markup,
    };
  }
  return true;
}

export const USER = { id: 7, is_bot: false, first_name: "Ana", language_code: "en" };
export const GROUP = { id: -100123, type: "supergroup" as const, title: "Diplomacy watchers" };

/** Entities Telegram would compute: a leading /command and @mentions. */
export function entitiesOf(text: string): MessageEntity[] {
  const out: MessageEntity[] = [];
  const cmd = /^\/[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?/.exec(text);
  if (cmd) out.push({ type: "bot_command", offset: 0, length: cmd[0].length });
  for (const m of text.matchAll(/(?<![\w/])@[A-Za-z0-9_]{3,}/g)) out.push({ type: "mention", offset: m.index, length: m[0].length });
  return out;
}

export function message(text: string, options: { chat?: Message["chat"]; from?: Partial<typeof USER>; replyTo?: Message } = {}): Message {
  const entities = entitiesOf(text);
  return {
    message_id: nextMessageId++,
    date: Math.floor(Date.now() / 1000),
    chat: options.chat ?? { id: USER.id, type: "private", first_name: USER.first_name },
    from: { ...USER, ...options.from },
    text,
    ...(entities.length ? { entities } : {}),
    ...(options.replyTo ? { reply_to_message: options.replyTo } : {}),
  } as Message;
}

export const privateText = (text: string, from: Partial<typeof USER> = {}) => ({ message: message(text, { from }) });
export const groupText = (text: string, replyTo?: Message) => ({ message: message(text, { chat: GROUP, replyTo }) });

/** The message the bot sent in a recorded sendMessage call, as Telegram would return it. */
export function sentMessage(call: Call): Message {
  return {
    message_id: nextMessageId++,
    date: Math.floor(Date.now() / 1000),
    chat: typeof call.payload.chat_id === "number" && call.payload.chat_id < 0 ? GROUP : { id: call.payload.chat_id, type: "private", first_name: "Ana" },
    from: BOT_INFO,
    text: htmlToPlain(call.payload.text),
    reply_markup: call.payload.reply_markup,
  } as Message;
}

export function press(data: string, on?: Message, from: Partial<typeof USER> = {}) {
  return {
    callback_query: { id: String(nextUpdateId * 31), from: { ...USER, ...from }, chat_instance: "ci", data, ...(on ? { message: on } : {}) },
  };
}

export function inlineQuery(query: string, offset = "", from: Partial<typeof USER> = {}) {
  return { inline_query: { id: `iq${nextUpdateId}`, from: { ...USER, ...from }, query, offset, chat_type: "sender" as const } };
}

/** Callback data of every button in a recorded call's keyboard. */
export function buttonData(call: Call | undefined): string[] {
  const kb = call?.payload.reply_markup?.inline_keyboard as { callback_data?: string; url?: string }[][] | undefined;
  return (kb ?? []).flat().map((b) => b.callback_data ?? b.url ?? "");
}
