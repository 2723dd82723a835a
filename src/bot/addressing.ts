import type { Message, MessageEntity, UserFromGetMe } from "grammy/types";

/**
 * Who a message is for. In private chats everything is for the bot; in groups only commands addressed to it (or to
 * no bot in particular), mentions of it, and replies to its own messages. Everything else stays unanswered.
 */

/** The command at the start of a text, with the bot it names ("/ask@thebot" → {command: "ask", bot: "thebot"}). */
export function leadingCommand(text: string | undefined, entities: readonly MessageEntity[] | undefined): { command: string; bot?: string; length: number } | undefined {
  const e = entities?.find((x) => x.type === "bot_command" && x.offset === 0);
  if (!text || !e) return undefined;
  const raw = text.slice(1, e.length);
  const [command, bot] = raw.split("@", 2) as [string, string | undefined];
  return { command: command.toLowerCase(), bot, length: e.length };
}

function sameName(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && a.toLowerCase() === b.toLowerCase();
}

/** Whether the text mentions the bot (@username or a text mention of its id). */
export function mentionsBot(text: string | undefined, entities: readonly MessageEntity[] | undefined, me: UserFromGetMe): boolean {
  if (!text || !entities) return false;
  return entities.some(
    (e) =>
      (e.type === "mention" && sameName(text.slice(e.offset + 1, e.offset + e.length), me.username)) ||
      (e.type === "text_mention" && e.user.id === me.id),
  );
}

/** Whether a message replies to one of the bot's own messages (not a forum topic's opening message). */
export function repliesToBot(msg: Message, me: UserFromGetMe): boolean {
  const r = msg.reply_to_message;
  return r !== undefined && r.from?.id === me.id && r.forum_topic_created === undefined;
}

/** Whether a command at the start of the text is for this bot (no @bot, or @ this bot). */
export function commandForBot(text: string | undefined, entities: readonly MessageEntity[] | undefined, me: UserFromGetMe): boolean {
  const c = leadingCommand(text, entities);
  return c !== undefined && (c.bot === undefined || sameName(c.bot, me.username));
}

/** Whether the bot should answer this message at all. */
export function isAddressed(msg: Message, me: UserFromGetMe): boolean {
  if (msg.chat.type === "private") return true;
  if (msg.chat.type !== "group" && msg.chat.type !== "supergroup") return false;
  const text = msg.text ?? msg.caption;
  const entities = msg.entities ?? msg.caption_entities;
  return commandForBot(text, entities, me) || mentionsBot(text, entities, me) || repliesToBot(msg, me);
}

/** The question in a message: the text without a leading command and without mentions of the bot. */
export function extractQuestion(text: string | undefined, entities: readonly MessageEntity[] | undefined, me: UserFromGetMe): string {
  if (!text) return "";
  const cut: [number, number][] = [];
  const c = leadingCommand(text, entities);
  if (c) cut.push([0, c.length]);
  for (const e of entities ?? []) {
    if (e.type === "mention" && sameName(text.slice(e.offset + 1, e.offset + e.length), me.username)) cut.push([e.offset, e.offset + e.length]);
  }
  cut.sort((a, b) => b[0] - a[0]);
  let out = text;
  for (const [s, e] of cut) out = `${out.slice(0, s)} ${out.slice(e)}`;
  return out.replace(/\s+/g, " ").trim();
}
