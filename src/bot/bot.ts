import { Bot, GrammyError, type ApiClientOptions, type Composer } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { Doc } from "../corpus/types.js";
import type { Engine } from "../search/engine.js";
import { corpusStats, type CorpusStats } from "../reply/answer.js";
import { loadTexts, LANGS, type TextsByLang } from "../reply/texts.js";
import { isAddressed } from "./addressing.js";
import { installApiPolicies } from "./api.js";
import { docHash } from "./callback-data.js";
import type { BotContext, EngineRef, Services } from "./context.js";
import { accessGate } from "./features/access.js";
import { indexingGate } from "./features/indexing.js";
import { buttons } from "./features/buttons.js";
import { commands } from "./features/commands.js";
import { inline } from "./features/inline.js";
import { rateLimits, type RateLimitOptions } from "./features/limits.js";
import { updateLogging } from "./features/logging.js";
import { questions } from "./features/questions.js";
import { createLogger, errorFields, type Logger } from "./logger.js";

export interface BotDeps {
  /** The bot token (tests: any "123:abc"-like string together with `botInfo`). */
  token: string;
  /** The engine, or a reference whose `current` /reload replaces (an EngineHolder: built and swapped in the background). */
  engine: Engine | EngineRef;
  /** Texts per language. Defaults to prompts/ read with loadTexts(). */
  texts?: TextsByLang;
  /** Defaults to a logger at "info" on standard error. */
  logger?: Logger;
  /** The bot's own user; skips getMe (tests). Defaults to asking Telegram in bot.init(). */
  botInfo?: UserFromGetMe;
  /** Bot API server. Defaults to Telegram's. */
  apiRoot?: string;
  /** Chats served; others are refused politely. Defaults to all. */
  allowedChatIds?: readonly number[];
  /** Users allowed to /reload. Defaults to none. */
  adminUserIds?: readonly number[];
  /** Per-user rate limit. Defaults to 10 requests per 30 s. */
  rateLimit?: RateLimitOptions;
  /** Rebuilds the engine for /reload. Defaults to /reload being unavailable. */
  reloadEngine?: () => Promise<Engine>;
  /** Overall deadline of one API call, in milliseconds. Defaults to 60 000. */
  apiDeadlineMs?: number;
}

/** Which updates the bot acts on at all: presses, inline queries, and messages addressed to it. */
function isForBot(ctx: BotContext): boolean {
  if (ctx.callbackQuery || ctx.inlineQuery) return true;
  const msg = ctx.update.message; // edited messages and channel posts are not questions
  return msg !== undefined && isAddressed(msg, ctx.me);
}

/**
 * The bot: grammY only in here. Middleware order: per-update logging and error capture, then (for updates addressed
 * to the bot) the rate limit, the access gate (after the limit, so a flood from a chat that is not served cannot make
 * the bot send a refusal per message), and one composer per feature.
 */
export function createBot(deps: BotDeps): Bot<BotContext> {
  const logger = deps.logger ?? createLogger({ secrets: [deps.token] });
  const texts = deps.texts ?? loadTexts();
  const engine: EngineRef = "current" in deps.engine ? deps.engine : { current: deps.engine };
  // Node's own fetch, not grammY's default node-fetch 2: a response cut off midway (the connection dropped) fails at
  // once and is retried, where node-fetch waits for the missing bytes until the call's deadline (getUpdates: minutes).
  const client = { ...(deps.apiRoot ? { apiRoot: deps.apiRoot } : {}), fetch: globalThis.fetch as unknown as ApiClientOptions["fetch"] };
  const bot = new Bot<BotContext>(deps.token, { botInfo: deps.botInfo, client });
  installApiPolicies(bot.api, { logger, deadlineMs: deps.apiDeadlineMs });

  let statsFor: { engine: Engine; stats: CorpusStats; byHash: Map<string, Doc> } | undefined;
  const cache = () => {
    if (statsFor?.engine !== engine.current) {
      const docs = engine.current.docs;
      statsFor = { engine: engine.current, stats: corpusStats(docs), byHash: new Map(docs.map((d) => [docHash(d.id), d])) };
    }
    return statsFor;
  };
  const services: Services = {
    engine,
    texts,
    logger,
    stats: () => cache().stats,
    findDoc: (key) => ("docId" in key ? engine.current.getDoc(key.docId) : cache().byHash.get(key.docHash)),
    allowedChatIds: deps.allowedChatIds?.length ? new Set(deps.allowedChatIds) : undefined,
    adminUserIds: new Set(deps.adminUserIds ?? []),
    reloadEngine: deps.reloadEngine,
  };

  bot.use(updateLogging(logger));
  const features: Composer<BotContext>[] = [commands(services), questions(services), buttons(services), inline(services)];
  bot.filter(isForBot).use(rateLimits(services, deps.rateLimit), accessGate(services), indexingGate(services), ...features);

  // Errors are caught in updateLogging; this is the net under it (and under the runner).
  bot.catch((err) => {
    logger.error("unhandled error", { update_id: err.ctx.update.update_id, ...errorFields(err.error) });
  });
  return bot;
}

/** Command menus per language (en as the default). A failure is logged, not fatal. */
export async function registerCommands(bot: Bot<BotContext>, texts: TextsByLang, logger: Logger): Promise<void> {
  for (const lang of LANGS) {
    const t = texts[lang].commands;
    const list = (["start", "help", "ask", "sources", "about"] as const).map((command) => ({ command, description: t[command] }));
    try {
      await bot.api.setMyCommands(list, lang === "en" ? {} : { language_code: lang });
    } catch (error) {
      logger.warn("could not set the command menu", { lang, ...errorFields(error), forbidden: error instanceof GrammyError && error.error_code === 403 });
    }
  }
}
