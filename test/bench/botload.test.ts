import { beforeAll, describe, expect, it } from "vitest";
import { botLoad } from "../../src/bench/botload.js";
import { createEngine, type Engine } from "../../src/search/engine.js";

/** The load test's own bookkeeping, on a small run: what it reports must be true, whatever the speed. */
let engine: Engine;
beforeAll(async () => {
  engine = await createEngine(["seeds"]);
});

describe("bot load test", () => {
  it("pushes every update through the real stack and finds exactly one answer each, in its own chat", async () => {
    const r = await botLoad(engine, { updates: 240, chats: 24, concurrency: 16 });
    expect(r.updates).toBe(240);
    expect(r.answered).toEqual({ none: 0, one: 240, more: 0 });
    expect(r.misdirected).toBe(0);
    expect(r.errors).toBe(0);
    // The mix reaches every kind of answer: replies, inline results, button acknowledgements.
    expect(r.methods.sendMessage).toBeGreaterThan(100);
    expect(r.methods.answerInlineQuery).toBeGreaterThan(0);
    expect(r.methods.answerCallbackQuery).toBeGreaterThan(0);
    expect(r.updatesPerSecond).toBeGreaterThan(0);
  });

  it("a user over the rate limit gets one notice, then silence: never two answers to one update", async () => {
    // Two private chats sending 30 updates each, over the limit of 10 per 30 s.
    const r = await botLoad(engine, { updates: 60, chats: 2, concurrency: 4 });
    expect(r.answered.more).toBe(0);
    expect(r.errors).toBe(0);
    expect(r.answered.one).toBeGreaterThanOrEqual(2 * 10);
    expect(r.answered.none).toBeGreaterThan(0);
  });
});
