import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeConfig, loadConfig } from "../../src/config.js";
import { BotApiEmulator } from "../e2e/emulator.js";
import { startMain } from "../e2e/process.js";
import { configProblems, TOKEN } from "../support/shared.js";

/**
 * Configuration that is missing, malformed or wrong, beyond test/bot/config.test.ts (which has the basic bad token,
 * bad WEBHOOK_URL, non-numeric ids and the one-message listing): edge cases of each, and the real `npm start` refusing
 * a malformed or revoked token with a clear line that never prints it.
 */

const SECRET = "s3cret-s3cret-s3cret";

const problems = configProblems;

describe("BOT_TOKEN", () => {
  it("missing: the terminal chat, not an error", () => {
    expect(describeConfig(loadConfig({})).mode).toBe("terminal");
    expect(describeConfig(loadConfig({ BOT_TOKEN: "" })).mode).toBe("terminal");
  });

  it.each([
    ["only the bot id", "123456789"],
    ["no colon", "123456789AAbbCCddEEffGGhhIIjjKKllMMnnOOppQQ"],
    ["letters in the id", "12a456789:AAbbCCddEEffGGhhIIjjKKllMMnnOOppQQ"],
    ["a space inside", "123456789:AAbbCCddEEff GGhhIIjjKKllMMnnOOppQQ"],
    ["a newline inside", "123456789:AAbbCCddEEff\nGGhhIIjjKKllMMnnOOppQQ"],
    ["quotes left from a .env", `'${TOKEN}'`],
    ["a URL instead of a token", `https://api.telegram.org/bot${TOKEN}/getMe`],
    ["the bot's username", "@thebot"],
  ])("malformed (%s): named, never printed", (_, token) => {
    const message = problems({ BOT_TOKEN: token });
    expect(message).toContain("BOT_TOKEN: does not look like a bot token");
    expect(message).not.toContain("AAbbCCdd");
    expect(message).not.toContain(token.trim());
  });

  it("surrounding whitespace is forgiven", () => {
    expect(loadConfig({ BOT_TOKEN: `  ${TOKEN}\n` }).token).toBe(TOKEN);
  });
});

describe("WEBHOOK_URL", () => {
  const base = { BOT_TOKEN: TOKEN, WEBHOOK_SECRET: SECRET };
  it.each([
    ["no scheme", "bot.example.org/hook", "WEBHOOK_URL: WEBHOOK_URL must be an absolute http(s) URL"],
    ["another scheme", "ftp://bot.example.org/hook", "must be an absolute http(s) URL"],
    ["javascript:", "javascript:alert(1)", "must be an absolute http(s) URL"],
    ["a port out of range", "https://bot.example.org:99999/hook", "must be an absolute http(s) URL"],
    ["plain http on a public host", "http://bot.example.org/hook", "must use https"],
    ["plain http on a host that only starts like localhost", "http://localhost.evil.example/hook", "must use https"],
    ["a relative path", "/hook", "must be an absolute http(s) URL"],
  ])("%s is refused", (_, url, expected) => {
    expect(problems({ ...base, WEBHOOK_URL: url })).toContain(expected);
  });

  it("credentials in the URL never appear in the start-up description", () => {
    const c = loadConfig({ ...base, WEBHOOK_URL: "https://user:hunter2@bot.example.org/tg/hook?x=1" });
    expect(c.webhook?.path).toBe("/tg/hook");
    expect(JSON.stringify(describeConfig(c))).not.toContain("hunter2");
    expect(JSON.stringify(describeConfig(c))).not.toContain(SECRET);
  });

  it("a malformed secret is named without being printed", () => {
    const message = problems({ ...base, WEBHOOK_URL: "https://bot.example.org/hook", WEBHOOK_SECRET: "has spaces in it, sadly!!" });
    expect(message).toContain("WEBHOOK_SECRET:");
    expect(message).not.toContain("sadly");
  });
});

describe("ALLOWED_CHAT_IDS and ADMIN_USER_IDS", () => {
  it.each(["1.5", "1e3", "0x10", "+5", "--5", "5-", "١٢٣", "12 34", "null", "NaN", "Infinity"])("%j is not an id", (bad) => {
    expect(problems({ ALLOWED_CHAT_IDS: `7,${bad}` })).toContain(`ALLOWED_CHAT_IDS: not numeric ids: ${bad}`);
    expect(problems({ ADMIN_USER_IDS: bad })).toContain("ADMIN_USER_IDS: not numeric ids");
  });

  it("an id too large to hold exactly is refused, not rounded to someone else's", () => {
    expect(problems({ ALLOWED_CHAT_IDS: "-1001234567890123456789" })).toContain("ALLOWED_CHAT_IDS");
    expect(problems({ ADMIN_USER_IDS: "99999999999999999" })).toContain("ADMIN_USER_IDS");
  });

  it("spaces and empty items are forgiven; a list of only commas serves every chat", () => {
    expect(loadConfig({ ALLOWED_CHAT_IDS: " -100123 , ,7," }).allowedChatIds).toEqual([-100123, 7]);
    expect(loadConfig({ ALLOWED_CHAT_IDS: ",,," }).allowedChatIds).toBeUndefined();
  });
});

describe("npm start with a bad token", () => {
  let api: BotApiEmulator;
  beforeAll(async () => {
    api = new BotApiEmulator({ token: TOKEN });
    await api.start();
  });
  afterAll(async () => {
    await api.close();
  });

  it("a malformed token: exit code 1, one clear line, the token never printed", async () => {
    const bad = "12345:this-is-not-a-token-XYZZY";
    const app = startMain({ BOT_TOKEN: bad, TELEGRAM_API_ROOT: api.apiRoot });
    expect(await app.exited).toBe(1);
    expect(app.stderr()).toContain("BOT_TOKEN: does not look like a bot token");
    expect(app.stderr()).not.toContain("XYZZY");
    expect(app.stderr()).not.toMatch(/\n\s+at /); // no stack trace
  }, 30_000);

  it("a revoked token (Telegram answers 401): exit code 1, advice, the token never printed", async () => {
    const revoked = "987654321:ZZyyXXwwVVuuTTssRRqqPPooNNmmLLkkJJ";
    const app = startMain({ BOT_TOKEN: revoked, TELEGRAM_API_ROOT: api.apiRoot });
    expect(await app.exited).toBe(1);
    expect(app.stderr()).toContain("Telegram rejected BOT_TOKEN");
    expect(app.stderr()).toContain("@BotFather");
    expect(app.stderr()).not.toContain("ZZyyXXww");
    expect(app.stderr()).not.toMatch(/\n\s+at /);
  }, 60_000);
});
