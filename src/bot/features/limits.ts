import { limit } from "@grammyjs/ratelimiter";
import { Composer } from "grammy";
import { pickLang } from "../../reply/texts.js";
import type { BotContext, Services } from "../context.js";

export interface RateLimitOptions {
  /** Requests per user per window; 0 turns the limit off. Defaults to 10. */
  max?: number;
  /** Window length in milliseconds. Defaults to 30 000. */
  windowMs?: number;
}

/**
 * Per-user rate limit (grammY's ratelimiter plugin, keyed by user id). Messages and inline queries over the limit get
 * one friendly message per window and are dropped; button presses over the limit always get a toast (a press left
 * unanswered keeps its spinner). Counts live in this process: replicas each count on their own.
 */
export function rateLimits(services: Services, options: RateLimitOptions = {}): Composer<BotContext> {
  const max = options.max ?? 10;
  const windowMs = options.windowMs ?? 30_000;
  const c = new Composer<BotContext>();
  if (max <= 0) return c;
  const textsFor = (ctx: BotContext) => services.texts[pickLang(ctx.from?.language_code, ctx.msg?.text)];
  // The plugin drops an update over the limit without a word (after the first reply); mark it so the log says so,
  // and clear the mark once the update is let through.
  c.use((ctx, next) => {
    ctx.state.outcome = "rate_limited";
    return next();
  });
  c.filter((ctx) => ctx.callbackQuery === undefined).use(
    limit<BotContext, never>({
      timeFrame: windowMs,
      limit: max,
      keyPrefix: "q",
      onLimitExceeded: async (ctx) => {
        ctx.state.outcome = "rate_limited";
        if (ctx.inlineQuery) await ctx.answerInlineQuery([], { cache_time: 0, is_personal: true, button: { text: textsFor(ctx).toasts.rateLimited, start_parameter: "limit" } });
        else if (ctx.msg) await ctx.reply(textsFor(ctx).rateLimited, { parse_mode: "HTML" });
      },
    }),
  );
  c.filter((ctx) => ctx.callbackQuery !== undefined).use(
    limit<BotContext, never>({
      timeFrame: windowMs,
      limit: max,
      keyPrefix: "b",
      alwaysReply: true,
      onLimitExceeded: async (ctx) => {
        ctx.state.outcome = "rate_limited";
        await ctx.answerCallbackQuery({ text: textsFor(ctx).toasts.rateLimited });
      },
    }),
  );
  c.use((ctx, next) => {
    ctx.state.outcome = undefined;
    return next();
  });
  return c;
}
