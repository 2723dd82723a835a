import type { Middleware } from "grammy";
import { pickLang } from "../../reply/texts.js";
import type { BotContext, Services } from "../context.js";

/** Commands that need no index: served while the first one is built. */
const WITHOUT_INDEX = /^\/(help|reload)(@\w+)?(\s|$)/;

/**
 * While the very first index is being built (no index at all yet), questions, buttons and inline queries get
 * "the archive is being indexed, try again in a minute" instead of an empty answer. /help and /reload still work.
 */
export function indexingGate(services: Services): Middleware<BotContext> {
  return async (ctx, next) => {
    if (services.engine.ready !== false) return next();
    const text = ctx.msg?.text ?? ctx.msg?.caption ?? "";
    if (WITHOUT_INDEX.test(text)) return next();
    const texts = services.texts[pickLang(ctx.from?.language_code, text)];
    ctx.state.outcome = "indexing";
    if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: texts.toasts.indexing });
    else if (ctx.inlineQuery) await ctx.answerInlineQuery([], { cache_time: 0, is_personal: true, button: { text: texts.inline.indexing, start_parameter: "indexing" } });
    else if (ctx.msg) await ctx.reply(texts.indexing, { parse_mode: "HTML", reply_parameters: { message_id: ctx.msg.message_id, allow_sending_without_reply: true } });
  };
}
