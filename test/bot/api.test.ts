import { describe, expect, it } from "vitest";
import { Bot } from "grammy";
import { initBot, installApiPolicies } from "../../src/bot/api.js";
import { ConfigError } from "../../src/config.js";
import { createLogger } from "../../src/bot/logger.js";

describe("getMe at start", () => {
  it("an unreachable Bot API is retried, then reported clearly without the token", async () => {
    const token = "123456789:AAbbCCddEEffGGhhIIjjKKllMMnnOOppQQ";
    const bot = new Bot(token, { client: { apiRoot: "http://127.0.0.1:9" } });
    installApiPolicies(bot.api, { logger: createLogger({ level: "silent" }), deadlineMs: 4000 });
    const started = Date.now();
    const error = await initBot(bot, "http://127.0.0.1:9").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toContain("could not reach the Telegram Bot API at http://127.0.0.1:9");
    expect((error as Error).message).not.toContain(token);
    expect(Date.now() - started).toBeGreaterThanOrEqual(3000); // it waited for at least one retry
  }, 15_000);
});
