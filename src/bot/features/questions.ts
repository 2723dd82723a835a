import { Composer } from "grammy";
import { commandForBot, extractQuestion, leadingCommand } from "../addressing.js";
import { answerQuestion, textsOf } from "../answering.js";
import type { BotContext, Services } from "../context.js";

/**
 * Questions: in private chats any text; in groups (only addressed messages get this far) a mention of the bot or a
 * reply to it; a caption counts as text. Answers reply to the asking message. Unknown commands get a pointer to /help; other kinds of messages
 * in private chats (stickers, photos, voice) a note that questions are written.
 */
export function questions(services: Services): Composer<BotContext> {
  const c = new Composer<BotContext>();

  c.on(["message:text", "message:caption"], async (ctx) => {
    const text = ctx.msg.text ?? ctx.msg.caption;
    const entities = ctx.msg.entities ?? ctx.msg.caption_entities;
    const command = leadingCommand(text, entities);
    if (command) {
      // "/Ask …" as a phone keyboard capitalizes it: grammY matches commands case-sensitively, so it lands here.
      if (command.command === "ask" && commandForBot(text, entities, ctx.me)) {
        await answerQuestion(ctx, services, extractQuestion(text, entities, ctx.me), { replyTo: ctx.msg.message_id });
        return;
      }
      // Commands the menu does not have. In groups only answer when named explicitly (@thisbot): a bare /cmd may be
      // for another bot.
      if (ctx.chat.type === "private" || (command.bot !== undefined && commandForBot(text, entities, ctx.me))) {
        const { texts } = textsOf(services, ctx);
        await ctx.reply(texts.unknownCommand, { parse_mode: "HTML", reply_parameters: { message_id: ctx.msg.message_id, allow_sending_without_reply: true } });
        ctx.state.outcome = "unknown_command";
      }
      return;
    }
    let question = extractQuestion(text, entities, ctx.me);
    // "@thebot" alone in reply to someone's message: ask about that message.
    const replied = ctx.msg.reply_to_message;
    if (!question && replied && replied.from?.id !== ctx.me.id) question = replied.text ?? replied.caption ?? "";
    await answerQuestion(ctx, services, question, { replyTo: ctx.msg.message_id });
  });

  c.on("message", async (ctx) => {
    if (ctx.chat.type !== "private") return;
    const { texts } = textsOf(services, ctx);
    await ctx.reply(texts.notText, { parse_mode: "HTML" });
    ctx.state.outcome = "not_text";
  });

  return c;
}
