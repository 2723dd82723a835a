import { describe, expect, it } from "vitest";
import { articleStartPayload, decodeAction, decodeStartPayload, docHash, encodeAction, MAX_CALLBACK_BYTES } from "../../src/bot/callback-data.js";
import { questionHash } from "../../src/reply/question.js";

const bytes = (s: string) => Buffer.byteLength(s);

describe("callback data", () => {
  it.each([
    [{ kind: "more", question: "لافروف في طهران", offset: 3 } as const, "q|3|لافروف في طهران"],
    [{ kind: "article", docId: "000_944626efaa3a42f1", part: 0 } as const, "a|0|000_944626efaa3a42f1"],
    [{ kind: "example", lang: "fa", index: 2 } as const, "x|fa|2"],
  ])("encodes %j", (action, data) => {
    expect(encodeAction(action)).toBe(data);
  });

  it("carries a long question as its hash, within 64 bytes", () => {
    const question = "والتقى السفير الايراني في موسكو المبعوث الخاص لوزارة الخارجية الروسية";
    const data = encodeAction({ kind: "more", question, offset: 9999 });
    expect(bytes(data)).toBeLessThanOrEqual(MAX_CALLBACK_BYTES);
    expect(decodeAction(data)).toEqual({ kind: "moreHashed", offset: 9999, hash: questionHash(question) });
  });

  it("carries a long document id as its hash", () => {
    const docId = `nested/folder/${"x".repeat(80)}`;
    const data = encodeAction({ kind: "article", docId, part: 12 });
    expect(bytes(data)).toBeLessThanOrEqual(MAX_CALLBACK_BYTES);
    expect(decodeAction(data)).toEqual({ kind: "articleHashed", part: 12, docHash: docHash(docId) });
  });

  it("round-trips a question with pipes and emoji", () => {
    expect(decodeAction(encodeAction({ kind: "more", question: "a|b 🙂", offset: 6 }))).toEqual({ kind: "more", question: "a|b 🙂", offset: 6 });
  });

  it.each([undefined, "", "q", "q|", "q|3|", "q|-1|x", "q|1e3|x", "m|3|abc", "a|x|d", "x|en|100", "x|xx|1", "z|1|2", "q|3|" + "x".repeat(70), "  "])(
    "rejects %j",
    (data) => {
      expect(decodeAction(data)).toBeUndefined();
    },
  );

  it("deep-link payloads for articles", () => {
    expect(articleStartPayload("000_944626efaa3a42f1")).toBe("a-000_944626efaa3a42f1");
    const weird = articleStartPayload("folder/ملف.txt");
    expect(weird).toMatch(/^h-[A-Za-z0-9_-]{12}$/);
    expect(decodeStartPayload(weird)).toEqual({ docHash: docHash("folder/ملف.txt") });
    expect(decodeStartPayload("a-000_1")).toEqual({ docId: "000_1" });
    expect(decodeStartPayload("inline")).toBeUndefined();
  });
});
