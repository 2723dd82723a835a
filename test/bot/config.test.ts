import { describe, expect, it } from "vitest";
import { describeConfig, loadConfig } from "../../src/config.js";
import { configProblems as problems, TOKEN } from "../support/shared.js";

describe("loadConfig for the bot", () => {
  it("defaults: terminal mode, Telegram's API, info logs, 10 requests per 30 s", () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ token: undefined, webhook: undefined, port: 8080, apiRoot: "https://api.telegram.org", logLevel: "info", adminUserIds: [], rateLimit: { max: 10, windowMs: 30_000 } });
    expect(c.allowedChatIds).toBeUndefined();
    expect(describeConfig(c).mode).toBe("terminal");
  });

  it("reads every variable", () => {
    const c = loadConfig({
      BOT_TOKEN: TOKEN,
      WEBHOOK_URL: "https://bot.example.org/tg/hook",
      WEBHOOK_SECRET: "s3cret-s3cret-s3cret",
      PORT: "3000",
      TELEGRAM_API_ROOT: "http://127.0.0.1:8081/",
      ALLOWED_CHAT_IDS: "-100123, 7",
      ADMIN_USER_IDS: "7",
      LOG_LEVEL: "debug",
      RATE_LIMIT_MAX: "3",
      RATE_LIMIT_WINDOW_SECONDS: "10",
    });
    expect(c).toMatchObject({
      token: TOKEN,
      webhook: { url: "https://bot.example.org/tg/hook", secret: "s3cret-s3cret-s3cret", path: "/tg/hook" },
      port: 3000,
      apiRoot: "http://127.0.0.1:8081",
      allowedChatIds: [-100123, 7],
      adminUserIds: [7],
      logLevel: "debug",
      rateLimit: { max: 3, windowMs: 10_000 },
    });
    expect(JSON.stringify(describeConfig(c))).not.toContain(TOKEN);
    expect(JSON.stringify(describeConfig(c))).not.toContain("s3cret");
  });

  it("treats blank values as unset", () => {
    expect(loadConfig({ BOT_TOKEN: "  ", PORT: "" }).token).toBeUndefined();
  });

  it("lists every problem in one message and never prints the token", () => {
    const badToken = "not-a-token-but-secret-looking-XYZ";
    const message = problems({
      BOT_TOKEN: badToken,
      WEBHOOK_URL: "http://public.example.org/hook",
      PORT: "eighty",
      ALLOWED_CHAT_IDS: "12,abc,-5,x1",
      LOG_LEVEL: "loud",
      RATE_LIMIT_MAX: "-1",
    });
    expect(message).toContain("BOT_TOKEN: does not look like a bot token");
    expect(message).toContain("PORT: must be a whole number from 1 to 65535");
    expect(message).toContain("ALLOWED_CHAT_IDS: not numeric ids: abc, x1");
    expect(message).toContain("LOG_LEVEL:");
    expect(message).toContain("RATE_LIMIT_MAX:");
    expect(message).toContain("WEBHOOK_SECRET: is required with WEBHOOK_URL");
    expect(message).toContain("WEBHOOK_URL: must use https");
    expect(message).not.toContain(badToken);
  });

  it.each([
    [{ WEBHOOK_URL: "https://x.org/h", WEBHOOK_SECRET: "s3cret-s3cret-s3cret" }, "WEBHOOK_URL: is set but BOT_TOKEN is not"],
    [{ BOT_TOKEN: TOKEN, WEBHOOK_URL: "not a url", WEBHOOK_SECRET: "s3cret-s3cret-s3cret" }, "WEBHOOK_URL: WEBHOOK_URL must be an absolute http(s) URL"],
    [{ BOT_TOKEN: TOKEN, WEBHOOK_URL: "https://x.org/h", WEBHOOK_SECRET: "short" }, "WEBHOOK_SECRET: must be 16 to 256 characters"],
    [{ TELEGRAM_API_ROOT: "ftp://x" }, "TELEGRAM_API_ROOT: TELEGRAM_API_ROOT must be an absolute http(s) URL"],
  ])("%j → %s", (env, expected) => {
    expect(problems(env)).toContain(expected);
  });

  it("allows a plain-http webhook on the local machine (tests, a local Bot API server)", () => {
    expect(loadConfig({ BOT_TOKEN: TOKEN, WEBHOOK_URL: "http://127.0.0.1:9999/hook", WEBHOOK_SECRET: "s3cret-s3cret-s3cret" }).webhook?.path).toBe("/hook");
  });
});
