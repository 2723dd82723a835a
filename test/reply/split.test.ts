import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { emphasize, escapeHtml, htmlToPlain, validateTelegramHtml } from "../../src/reply/html.js";
import { MAX_MESSAGE_CHARS, splitHtml } from "../../src/reply/split.js";

/** Visible text with whitespace squeezed: what must survive a split. */
const visible = (parts: string[]) => parts.map(htmlToPlain).join(" ").replace(/[│\s]+/g, "");

function check(html: string, limit = MAX_MESSAGE_CHARS) {
  const parts = splitHtml(html, limit);
  for (const p of parts) {
    expect(p.length).toBeLessThanOrEqual(limit);
    expect(validateTelegramHtml(p)).toEqual([]);
  }
  expect(visible(parts)).toBe(visible([html]));
  return parts;
}

const para = (n: number, word = "كلمة") => Array.from({ length: n }, () => word).join(" ");

describe("splitHtml", () => {
  it("keeps a short message whole", () => {
    expect(splitHtml("<b>hi</b>")).toEqual(["<b>hi</b>"]);
  });

  it("breaks at a blank line between paragraphs when one is in reach", () => {
    const a = para(300);
    const b = para(300);
    const parts = check(`${a}\n\n${b}`, 2000);
    expect(parts[0]).toBe(a);
  });

  it("closes and reopens tags across a break (bold inside an expandable blockquote)", () => {
    const text = para(2000, "لافروف");
    const html = `<blockquote expandable>${emphasize(text, [[0, text.length]])}</blockquote>`;
    const parts = check(html);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) {
      expect(p.startsWith("<blockquote expandable><b>")).toBe(true);
      expect(p.endsWith("</b></blockquote>")).toBe(true);
    }
  });

  it("never cuts an entity, a surrogate pair or a letter from its harakat", () => {
    const word = "مُحَمَّد&amp;👍🏽";
    const html = Array.from({ length: 800 }, () => word).join(""); // no spaces at all
    const parts = check(html, 500);
    for (const p of parts) {
      expect(p).not.toMatch(/&[a-z]*$/);
      expect(p).not.toMatch(/^[a-z]*;/);
      expect(/^[\u064B-\u065F]/.test(p)).toBe(false); // no part starts with a haraka
      expect(/[\uD800-\uDBFF]$/.test(p)).toBe(false);
    }
  });

  it("cuts a very long link-free word anywhere but keeps every part valid", () => {
    check("x".repeat(10_000));
  });

  it("drops parts that would be only tags or whitespace", () => {
    const parts = check(`<b>${"a ".repeat(3000)}</b>\n\n\n\n<i> </i>`);
    expect(parts.every((p) => htmlToPlain(p).trim().length > 0)).toBe(true);
  });

  it("property: any text, escaped and decorated, splits into valid parts within the limit", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string({ unit: "grapheme", maxLength: 400 }), fc.constantFrom("b", "i", "blockquote", "")), { maxLength: 30 }), fc.integer({ min: 200, max: 4096 }), (pieces, limit) => {
        const html = pieces.map(([t, tag]) => (tag ? `<${tag}>${escapeHtml(t)}</${tag}>` : escapeHtml(t))).join("\n");
        for (const p of splitHtml(html, limit)) {
          if (p.length > limit || validateTelegramHtml(p).length) return false;
        }
        return true;
      }),
      { numRuns: 200 },
    );
  });
});
