import type { Middleware } from "grammy";
import { pickLang } from "../../reply/texts.js";
import type { BotContext, Services } from "../context.js";

/**
 * ALLOWED_CHAT_IDS: when set, other chats get one polite refusal per message addressed to the bot (a toast for
 * buttons, a hint for inline queries, which are checked by the user's id) and nothing from the corpus.
 */
export function accessGate(services: Services): Middleware<BotContext> {
  return async (ctx, next) => {
    const allowed = services.allowedChatIds;
    const id = ctx.chat?.id ?? ctx.from?.id;
    if (!allowed || (id !== undefined && allowed.has(id))) return next();
    const texts = services.texts[pickLang(ctx.from?.language_code, ctx.msg?.text)];
    ctx.state.outcome = "refused";
    if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: texts.toasts.notAllowed });
    else if (ctx.inlineQuery) await ctx.answerInlineQuery([], { cache_time: 0, is_personal: true, button: { text: texts.inline.notAllowed, start_parameter: "private" } });
    else if (ctx.msg) await ctx.reply(texts.notAllowed, { parse_mode: "HTML" });
  };
}
