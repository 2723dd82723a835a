import type { UserFromGetMe } from "grammy/types";
import { expect } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.js";
import { TermLists } from "../../src/search/term-lists.js";

/** A well-formed bot token for tests (never a real one). */
export const TOKEN = "123456789:AAbbCCddEEffGGhhIIjjKKllMMnnOOppQQ";

/** The bot's own user, as getMe would return it; tests set it as botInfo, the emulator serves it. */
export const BOT_INFO: UserFromGetMe = {
  id: 4242,
  is_bot: true,
  first_name: "News",
  username: "thebot",
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: true,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
} as UserFromGetMe;

/** The message of the ConfigError this environment gives (fails the test when it gives none). */
export function configProblems(env: Record<string, string | undefined>): string {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error(`expected a ConfigError for ${JSON.stringify(env)}`);
}

/** Term lists (as the index holds them) made of plain lists, and back. */
export function termListsOf(lists: readonly ArrayLike<number>[]): TermLists {
  const starts = new Uint32Array(lists.length + 1);
  lists.forEach((l, i) => (starts[i + 1] = starts[i]! + l.length));
  const values = new Uint32Array(starts[lists.length]!);
  lists.forEach((l, i) => values.set(Array.from(l), starts[i]!));
  return new TermLists(values, starts);
}
export const listsIn = (lists: TermLists): number[][] => Array.from({ length: lists.length }, (_, i) => Array.from(lists.of(i)));
