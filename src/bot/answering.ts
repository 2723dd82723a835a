import { PAGE_SIZE, renderAnswer, renderArticle, type OutMessage } from "../reply/answer.js";
import { normalizeQuestion } from "../reply/question.js";
import { fill, pickLang, type Texts, type UiLang } from "../reply/texts.js";
import type { Doc } from "../corpus/types.js";
import type { BotContext, Services } from "./context.js";
import { sendMessages } from "./send.js";

/** The language for this update: the user's Telegram language, else the question's script (see pickLang). */
export function langOf(ctx: BotContext, question = ""): UiLang {
  const lang = pickLang(ctx.from?.language_code, question);
  ctx.state.lang = lang;
  return lang;
}

export function textsOf(services: Services, ctx: BotContext, question = ""): { texts: Texts; lang: UiLang } {
  const lang = langOf(ctx, question);
  return { texts: services.texts[lang], lang };
}

/** The answer pages for a question (pure apart from the search). */
export function answerPage(services: Services, question: string, offset: number, texts: Texts, lang: UiLang): { messages: OutMessage[]; total: number; shown: number } {
  const response = services.engine.current.search(question, { limit: PAGE_SIZE, offset });
  return { messages: renderAnswer(response, { question, offset, texts, lang }), total: response.total, shown: response.results.length };
}

/**
 * Answer a question in the current chat: a page of results (or "nothing found"), replying to `replyTo`.
 * An empty question gets the usage line with an example.
 */
export async function answerQuestion(ctx: BotContext, services: Services, raw: string, options: { offset?: number; replyTo?: number } = {}): Promise<void> {
  const question = normalizeQuestion(raw);
  const { texts, lang } = textsOf(services, ctx, question);
  if (!question) {
    await ctx.reply(fill(texts.askUsage, { example: texts.examples[0]! }), { parse_mode: "HTML", reply_parameters: replyParams(options.replyTo) });
    ctx.state.outcome = "usage";
    return;
  }
  ctx.log.debug("question", { question, offset: options.offset ?? 0 });
  const page = answerPage(services, question, options.offset ?? 0, texts, lang);
  await sendMessages(ctx, page.messages, options.replyTo);
  ctx.state.outcome = page.shown ? "answered" : "nothing_found";
  ctx.state.results = page.total;
}

export function replyParams(replyTo: number | undefined) {
  return replyTo === undefined ? undefined : { message_id: replyTo, allow_sending_without_reply: true };
}

/** Send part of an article (three messages and a "Continue" button), or nothing if `part` is past its end. */
export async function sendArticle(ctx: BotContext, services: Services, doc: Doc, part: number, replyTo?: number): Promise<boolean> {
  const { texts, lang } = textsOf(services, ctx);
  const messages = renderArticle(doc, part, texts, lang);
  if (!messages.length) return false;
  await sendMessages(ctx, messages, replyTo);
  ctx.state.outcome = "article";
  return true;
}
