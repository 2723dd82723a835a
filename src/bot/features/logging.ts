import { GrammyError, type Middleware } from "grammy";
import { leadingCommand } from "../addressing.js";
import type { BotContext } from "../context.js";
import { errorFields, type Logger } from "../logger.js";

/**
 * First in the chain: gives the update its state and child logger, catches whatever a handler throws (so one bad
 * update never stops the bot), and writes one line per update with its timing and outcome. No message text at info.
 */
export function updateLogging(logger: Logger): Middleware<BotContext> {
  return async (ctx, next) => {
    const started = performance.now();
    ctx.state = {};
    ctx.log = logger.child({ update_id: ctx.update.update_id });
    try {
      await next();
    } catch (error) {
      if (error instanceof GrammyError && error.error_code === 403) {
        ctx.state.outcome = "blocked"; // the user blocked the bot or it was removed from the chat: nothing to do
      } else {
        ctx.state.outcome = "error";
        ctx.log.error("handler failed", { ...errorFields(error), stack: error instanceof Error && !(error instanceof GrammyError) ? error.stack : undefined });
      }
    } finally {
      const kind = Object.keys(ctx.update).find((k) => k !== "update_id");
      const msg = ctx.msg;
      ctx.log.info("update", {
        kind,
        chat_type: ctx.chat?.type ?? ctx.inlineQuery?.chat_type,
        chat_id: ctx.chat?.id,
        user_id: ctx.from?.id,
        command: msg && "text" in msg ? leadingCommand(msg.text, msg.entities)?.command : undefined,
        outcome: ctx.state.outcome ?? "ignored",
        results: ctx.state.results,
        lang: ctx.state.lang,
        ms: Math.round((performance.now() - started) * 10) / 10,
      });
    }
  };
}
