import { Composer } from "grammy";
import { renderAbout, renderSources, renderStart } from "../../reply/answer.js";
import { fill } from "../../reply/texts.js";
import { answerQuestion, sendArticle, textsOf } from "../answering.js";
import { decodeStartPayload } from "../callback-data.js";
import type { BotContext, Services } from "../context.js";
import { sendMessages } from "../send.js";

/** The commands of the menu (and /reload for admins). grammY matches "/cmd" and "/cmd@thisbot", never "@otherbot". */
export function commands(services: Services): Composer<BotContext> {
  const c = new Composer<BotContext>();

  c.command("start", async (ctx) => {
    // A deep link from an inline result's "Full article" button: t.me/<bot>?start=a-<docId>
    const target = ctx.match ? decodeStartPayload(ctx.match) : undefined;
    const doc = target ? services.findDoc(target) : undefined;
    if (doc && (await sendArticle(ctx, services, doc, 0))) return;
    const { texts, lang } = textsOf(services, ctx);
    await sendMessages(ctx, [renderStart(services.stats(), texts, lang)]);
    ctx.state.outcome = "start";
  });

  c.command("help", async (ctx) => {
    const { texts } = textsOf(services, ctx);
    await sendMessages(ctx, [{ html: texts.help }]);
    ctx.state.outcome = "help";
  });

  c.command("about", async (ctx) => {
    const { texts } = textsOf(services, ctx);
    await sendMessages(ctx, [renderAbout(services.stats(), texts)]);
    ctx.state.outcome = "about";
  });

  c.command("sources", async (ctx) => {
    const { texts, lang } = textsOf(services, ctx);
    await sendMessages(ctx, renderSources(services.engine.current.docs, texts, lang));
    ctx.state.outcome = "sources";
  });

  c.command("ask", async (ctx) => {
    await answerQuestion(ctx, services, ctx.match, { replyTo: ctx.msg.message_id });
  });

  c.command("reload", async (ctx) => {
    const { texts } = textsOf(services, ctx);
    const reload = services.engine.reload?.bind(services.engine);
    if (!ctx.from || !services.adminUserIds.has(ctx.from.id) || (!reload && !services.reloadEngine)) {
      await ctx.reply(texts.adminOnly, { parse_mode: "HTML" });
      ctx.state.outcome = "refused";
      return;
    }
    if (reload) {
      // Built in the background: answer now, report the outcome in this chat when the new index is served.
      const full = /^full$/i.test(ctx.match.trim());
      const pending = reload({ full });
      const { api, log } = ctx;
      const chatId = ctx.chat.id;
      await ctx.reply(texts.reloadStarted, { parse_mode: "HTML" });
      ctx.state.outcome = "reload_started";
      void pending
        .then(async (outcome) => {
          if (outcome.ok) {
            log.info("corpus reloaded", { mode: outcome.mode, articles: outcome.articles, warnings: outcome.warnings, files: outcome.files, ms: outcome.ms });
            await api.sendMessage(chatId, fill(texts.reloaded, { articles: outcome.articles, warnings: outcome.warnings }), { parse_mode: "HTML" });
          } else {
            log.error("reload failed", { error: outcome.reason, ms: outcome.ms });
            await api.sendMessage(chatId, fill(texts.reloadFailed, { reason: outcome.reason }), { parse_mode: "HTML" });
          }
        })
        .catch((error: unknown) => log.warn("could not report the reload outcome", { error: (error as Error)?.message }));
      return;
    }
    try {
      const engine = await services.reloadEngine!();
      services.engine.current = engine;
      ctx.log.info("corpus reloaded", { articles: engine.docs.length, warnings: engine.warnings.length });
      await ctx.reply(fill(texts.reloaded, { articles: engine.docs.length, warnings: engine.warnings.length }), { parse_mode: "HTML" });
      ctx.state.outcome = "reloaded";
    } catch (error) {
      ctx.log.error("reload failed", { error: (error as Error).message });
      await ctx.reply(fill(texts.reloadFailed, { reason: (error as Error).message }), { parse_mode: "HTML" });
      ctx.state.outcome = "reload_failed";
    }
  });

  return c;
}
