import { Composer, InlineKeyboard } from "grammy";
import type { InlineQueryResultArticle } from "grammy/types";
import { renderInlineItem } from "../../reply/answer.js";
import { normalizeQuestion } from "../../reply/question.js";
import { docHash, articleStartPayload } from "../callback-data.js";
import { textsOf } from "../answering.js";
import type { BotContext, Services } from "../context.js";

/** Results per inline page (Telegram allows 50). */
export const INLINE_PAGE_SIZE = 10;
/** Seconds Telegram may cache an inline answer (the corpus changes only on /reload or restart). */
const INLINE_CACHE_SECONDS = 60; // seconds
/** Deepest inline offset served (a bound on forged offsets). */
const MAX_INLINE_OFFSET = 1000;

/**
 * Inline mode: "@bot question" in any chat lists the best excerpts (title, outlet and date, snippet); choosing one
 * posts the excerpt with its source and a "Full article" link that opens the article in a private chat with the bot.
 * Paged with Telegram's offset; an empty query gets a hint button.
 */
export function inline(services: Services): Composer<BotContext> {
  const c = new Composer<BotContext>();

  c.on("inline_query", async (ctx) => {
    const question = normalizeQuestion(ctx.inlineQuery.query);
    const { texts, lang } = textsOf(services, ctx, question);
    if (!question) {
      await ctx.answerInlineQuery([], { cache_time: INLINE_CACHE_SECONDS, button: { text: texts.inline.hint, start_parameter: "inline" } });
      ctx.state.outcome = "hint";
      return;
    }
    const offset = /^\d{1,4}$/.test(ctx.inlineQuery.offset) ? Math.min(Number(ctx.inlineQuery.offset), MAX_INLINE_OFFSET) : 0;
    const response = services.engine.current.search(question, { limit: INLINE_PAGE_SIZE, offset });
    const results: InlineQueryResultArticle[] = response.results.map((r) => {
      const item = renderInlineItem(r, texts, lang);
      const username = ctx.me.username;
      return {
        type: "article",
        id: docHash(item.chunkId),
        title: item.title,
        description: item.description,
        input_message_content: { message_text: item.html, parse_mode: "HTML", link_preview_options: { is_disabled: true } },
        ...(username ? { reply_markup: new InlineKeyboard().url(texts.buttons.fullArticle, `https://t.me/${username}?start=${articleStartPayload(item.docId)}`) } : {}),
      };
    });
    const next = offset + results.length;
    await ctx.answerInlineQuery(results, {
      cache_time: INLINE_CACHE_SECONDS,
      next_offset: results.length && next < response.total ? String(next) : "",
      ...(offset === 0 && !results.length ? { button: { text: texts.inline.nothing, start_parameter: "nothing" } } : {}),
    });
    ctx.state.outcome = results.length ? "answered" : "nothing_found";
    ctx.state.results = response.total;
  });

  return c;
}
