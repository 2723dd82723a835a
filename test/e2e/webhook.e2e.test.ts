import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BotApiEmulator } from "./emulator.js";
import { startMain, type Started } from "./process.js";

/** Webhook mode of the real process: registers the webhook with its secret, refuses requests without it. */

const TOKEN = "123456789:AAbbCCddEEffGGhhIIjjKKllMMnnOOppQQ";
const SECRET = "e2e-secret-e2e-secret";
const USER = { id: 7, is_bot: false, first_name: "Ana", language_code: "en" };

let api: BotApiEmulator;
let app: Started;
let port: number;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => resolve(p));
    });
  });
}

const post = (body: string, headers: Record<string, string> = {}) =>
  fetch(`http://127.0.0.1:${port}/hook`, { method: "POST", body, headers: { "Content-Type": "application/json", ...headers } });

beforeAll(async () => {
  api = new BotApiEmulator({ token: TOKEN });
  await api.start();
  port = await freePort();
  app = startMain({ BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: api.apiRoot, WEBHOOK_URL: `http://127.0.0.1:${port}/hook`, WEBHOOK_SECRET: SECRET, PORT: String(port), HOST: "127.0.0.1" });
  await api.waitFor((c) => c.method === "setWebhook", 30_000, "setWebhook");
}, 40_000);

afterAll(async () => {
  if (app.child.exitCode === null) app.child.kill("SIGKILL");
  await api.close();
});

describe("npm start with WEBHOOK_URL", () => {
  it("registers the webhook with the secret", () => {
    const call = api.calls.find((c) => c.method === "setWebhook")!;
    expect(call.payload).toMatchObject({ url: `http://127.0.0.1:${port}/hook`, secret_token: SECRET });
  });

  it("refuses a request without or with a wrong secret before any handler runs", async () => {
    const update = JSON.stringify({ update_id: 1, message: { message_id: 1, date: 1, chat: { id: 7, type: "private" }, from: USER, text: "جلالي" } });
    expect((await post(update)).status).toBe(401);
    expect((await post(update, { "X-Telegram-Bot-Api-Secret-Token": "wrong-secret-wrong-secret" })).status).toBe(401);
    expect(api.calls.filter((c) => c.method === "sendMessage")).toHaveLength(0);
  });

  it("answers 400 to a malformed body and keeps serving", async () => {
    expect((await post("{not json", { "X-Telegram-Bot-Api-Secret-Token": SECRET })).status).toBe(400);
    expect((await post("[1,2]", { "X-Telegram-Bot-Api-Secret-Token": SECRET })).status).toBe(400);
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
  });

  it("handles an update with the right secret", async () => {
    const update = JSON.stringify({ update_id: 2, message: { message_id: 2, date: 1, chat: { id: 7, type: "private", first_name: "Ana" }, from: USER, text: "جلالي" } });
    expect((await post(update, { "X-Telegram-Bot-Api-Secret-Token": SECRET })).status).toBe(200);
    const answer = await api.waitFor((c) => c.method === "sendMessage", 10_000, "the answer");
    expect(answer.payload.text.startsWith("🔎 <b>جلالي</b>")).toBe(true);
  });

  it("closes the server on SIGTERM", async () => {
    app.child.kill("SIGTERM");
    expect(await app.exited).toBe(0);
    expect(app.stderr()).not.toContain(SECRET);
    expect(app.stderr()).not.toContain(TOKEN);
  });
});
