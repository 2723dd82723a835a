import { InlineKeyboard } from "grammy";
import type { OutMessage } from "../reply/answer.js";
import { encodeAction } from "./callback-data.js";
import type { BotContext } from "./context.js";

/** An abstract keyboard from reply/ as Telegram's inline keyboard (actions packed into callback data). */
export function toKeyboard(buttons: OutMessage["buttons"]): InlineKeyboard | undefined {
  if (!buttons?.length) return undefined;
  const kb = new InlineKeyboard();
  for (const row of buttons) {
    for (const b of row) {
      if ("url" in b) kb.url(b.text, b.url);
      else kb.text(b.text, encodeAction(b.action));
    }
    kb.row();
  }
  return kb;
}

/**
 * Send messages in order, as HTML without link previews, each replying to `replyTo` when given (and still sent if
 * that message is gone). Returns the message ids.
 */
export async function sendMessages(ctx: BotContext, messages: readonly OutMessage[], replyTo?: number): Promise<number[]> {
  const ids: number[] = [];
  for (const m of messages) {
    const sent = await ctx.reply(m.html, {
      parse_mode: "HTML",
      link_preview_options: { is_disabled: true },
      reply_markup: toKeyboard(m.buttons),
      ...(replyTo !== undefined ? { reply_parameters: { message_id: replyTo, allow_sending_without_reply: true } } : {}),
    });
    ids.push(sent.message_id);
  }
  return ids;
}
