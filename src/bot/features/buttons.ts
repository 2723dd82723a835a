import { Composer, GrammyError } from "grammy";
import { recoverQuestion, restatedQuestion } from "../../reply/question.js";
import { extractQuestion } from "../addressing.js";
import { answerPage, sendArticle, textsOf } from "../answering.js";
import { decodeAction } from "../callback-data.js";
import type { BotContext, Services } from "../context.js";
import { sendMessages } from "../send.js";

/**
 * Button presses. Everything needed is in the callback data or the message the button is on (see callback-data.ts),
 * so any replica can answer. A press that cannot be served (unknown data, a question that cannot be recovered, a
 * document no longer in the corpus, an inline message with no chat to post in) gets a short toast.
 */
export function buttons(services: Services): Composer<BotContext> {
  const c = new Composer<BotContext>();

  // Answering a press fails with 400 when the query is too old (pressed long ago, handled late after a restart or an
  // outage). The toast is lost, but the press is still served: the next page or the article is sent all the same.
  const answer = async (ctx: BotContext, text?: string) => {
    try {
      await ctx.answerCallbackQuery(text === undefined ? undefined : { text });
    } catch (error) {
      if (!(error instanceof GrammyError && error.error_code === 400)) throw error;
      ctx.log.debug("callback query not answered", { error_code: error.error_code });
    }
  };

  c.on("callback_query:data", async (ctx) => {
    const action = decodeAction(ctx.callbackQuery.data);
    const message = ctx.callbackQuery.message;
    // An old message (over 48 hours) comes as "inaccessible": date 0 and no text.
    const text = message && message.date !== 0 && "text" in message ? message.text : undefined;
    const replyTo = message && message.date !== 0 ? message.message_id : undefined;
    const stale = async () => {
      const { texts } = textsOf(services, ctx, text);
      await answer(ctx, texts.toasts.stale);
      ctx.state.outcome = "stale";
    };
    if (!action || !ctx.chat) return stale();

    if (action.kind === "more" || action.kind === "moreHashed") {
      let question: string | undefined;
      if (action.kind === "more") question = action.question;
      else {
        const parent = message && "reply_to_message" in message ? message.reply_to_message : undefined;
        question = recoverQuestion(action.hash, [
          restatedQuestion(text),
          restatedQuestion(parent?.text),
          parent?.text ? extractQuestion(parent.text, parent.entities, ctx.me) : undefined,
        ]);
      }
      if (!question) return stale();
      const { texts, lang } = textsOf(services, ctx, question);
      const page = answerPage(services, question, action.offset, texts, lang);
      if (page.shown === 0) {
        await answer(ctx, texts.toasts.noMore);
        ctx.state.outcome = "no_more";
        return;
      }
      await answer(ctx);
      await sendMessages(ctx, page.messages, replyTo);
      ctx.state.outcome = "more";
      ctx.state.results = page.total;
      return;
    }

    if (action.kind === "article" || action.kind === "articleHashed") {
      const doc = services.findDoc(action.kind === "article" ? { docId: action.docId } : { docHash: action.docHash });
      if (!doc) return stale();
      await answer(ctx);
      if (!(await sendArticle(ctx, services, doc, action.part, replyTo))) ctx.state.outcome = "stale";
      return;
    }

    // An example question from /start or "nothing found".
    const question = services.texts[action.lang].examples[action.index];
    if (!question) return stale();
    await answer(ctx);
    const { texts, lang } = textsOf(services, ctx, question);
    const page = answerPage(services, question, 0, texts, lang);
    await sendMessages(ctx, page.messages);
    ctx.state.outcome = page.shown ? "answered" : "nothing_found";
    ctx.state.results = page.total;
  });

  // Callback queries without data (game buttons) are not ours; answer so the client stops waiting.
  c.on("callback_query", async (ctx) => {
    await answer(ctx);
  });

  return c;
}
