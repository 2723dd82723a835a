import { describe, expect, it } from "vitest";
import { MAX_QUESTION_CHARS, normalizeQuestion, questionHash, recoverQuestion, restatedQuestion } from "../../src/reply/question.js";

describe("questions", () => {
  it.each([
    ["  لافروف \n\t في   طهران  ", "لافروف في طهران"],
    ["\u202Eevil\u202C text", "evil text"],
    ["\u200Fنص\u200E", "نص"],
    ["می\u200Cخواهم", "می\u200Cخواهم"],
    ["", ""],
  ])("normalizes %j", (input, expected) => {
    expect(normalizeQuestion(input)).toBe(expected);
  });

  it("caps length without splitting a surrogate pair", () => {
    const q = normalizeQuestion("a".repeat(MAX_QUESTION_CHARS - 1) + "👍👍");
    expect(q.length).toBe(MAX_QUESTION_CHARS - 1);
  });

  it("hashes the normalized form", () => {
    expect(questionHash(" a  b ")).toBe(questionHash("a b"));
    expect(questionHash("a b")).not.toBe(questionHash("a c"));
    expect(questionHash("x")).toMatch(/^[A-Za-z0-9_-]{8}$/);
  });

  it("reads the restated question from a message's text", () => {
    expect(restatedQuestion("🔎 لافروف في طهران\nResults 1–3 of 7")).toBe("لافروف في طهران");
    expect(restatedQuestion("\u200E🔎 \u2068q\u2069\nx")).toBe("q");
    expect(restatedQuestion("Results")).toBeUndefined();
    expect(restatedQuestion(undefined)).toBeUndefined();
  });

  it("recovers only a candidate with the right hash", () => {
    const h = questionHash("لافروف في طهران");
    expect(recoverQuestion(h, [undefined, "other", " لافروف  في طهران "])).toBe("لافروف في طهران");
    expect(recoverQuestion(h, ["other"])).toBeUndefined();
  });
});
