import { describe, expect, it } from "vitest";
import { startMain } from "./process.js";

/** `echo "question" | npm start` without a token: the answer on standard output, the token advice on standard error. */
describe("npm start without BOT_TOKEN", () => {
  it("answers piped questions line by line and exits at end of input", async () => {
    const app = startMain({}, "لافروف في طهران\nmore\n");
    expect(await app.exited).toBe(0);
    const out = app.stdout();
    expect(out).toContain("🔎 لافروف في طهران");
    expect(out).toMatch(/│ .*لافروف/);
    expect(out).toContain("Middle East News · February · «");
    expect(out).toMatch(/4\. /); // "more" showed the next page
    expect(out).not.toContain("<b>");
    expect(app.stderr()).toContain("BOT_TOKEN");
    expect(app.stderr()).toContain("@BotFather");
  }, 30_000);

  it("reports every configuration problem at once and exits 1", async () => {
    const app = startMain({ BOT_TOKEN: "oops-not-a-token", PORT: "x" }, "");
    expect(await app.exited).toBe(1);
    expect(app.stderr()).toContain("BOT_TOKEN: does not look like a bot token");
    expect(app.stderr()).toContain("PORT:");
    expect(app.stderr()).not.toContain("oops-not-a-token");
  }, 30_000);

  it("a token Telegram rejects fails at start with advice, never printed", async () => {
    const { BotApiEmulator } = await import("./emulator.js");
    const api = new BotApiEmulator({ token: "999:the-only-valid-token-in-this-emulator-x" });
    await api.start();
    const token = "123456789:AAbbCCddEEffGGhhIIjjKKllMMnnOOppQQ";
    const app = startMain({ BOT_TOKEN: token, TELEGRAM_API_ROOT: api.apiRoot }, "");
    expect(await app.exited).toBe(1);
    await api.close();
    expect(app.stderr()).toContain("Telegram rejected BOT_TOKEN (401");
    expect(app.stderr()).toContain("@BotFather");
    expect(app.stderr()).not.toContain(token);
  }, 30_000);
});
