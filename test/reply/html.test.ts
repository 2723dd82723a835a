import { describe, expect, it } from "vitest";
import { cleanText, emphasize, escapeHtml, htmlToPlain, isolate, normalizeSpans, startsRtl, validateTelegramHtml } from "../../src/reply/html.js";

describe("escapeHtml", () => {
  it.each([
    ["<b>bold</b>", "&lt;b&gt;bold&lt;/b&gt;"],
    ["a & b", "a &amp; b"],
    ['say "hi"', "say &quot;hi&quot;"],
    ["&amp; already", "&amp;amp; already"],
    ["لافروف <في> طهران", "لافروف &lt;في&gt; طهران"],
  ])("%s", (input, expected) => {
    expect(escapeHtml(input)).toBe(expected);
  });
});

describe("cleanText", () => {
  it.each([
    ["bidi override is dropped", "abc\u202Edef", "abcdef"],
    ["isolates are dropped", "\u2066x\u2069", "x"],
    ["controls are dropped, newline kept", "a\u0000b\u0007c\nd", "abc\nd"],
    ["ZWNJ is kept (Persian)", "می\u200Cخواهم", "می\u200Cخواهم"],
    ["RLM/LRM are kept", "\u200Fنص\u200E", "\u200Fنص\u200E"],
    ["harakat are kept", "مُحَمَّد", "مُحَمَّد"],
    ["emoji pairs are kept", "🇮🇷👍🏽", "🇮🇷👍🏽"],
    ["a lone surrogate is dropped", "a\uD800b", "ab"],
  ])("%s", (_, input, expected) => {
    expect(cleanText(input)).toBe(expected);
  });
});

describe("emphasize (bold highlights over escaped text)", () => {
  it.each<[string, string, [number, number][], string]>([
    ["plain words", "Lavrov in Tehran", [[0, 6], [10, 16]], "<b>Lavrov</b> in <b>Tehran</b>"],
    ["Arabic with harakat", "وَصَلَ لافروف", [[7, 13]], "وَصَلَ <b>لافروف</b>"],
    ["Persian with ZWNJ inside the word", "بین\u200Cالملل و تهران", [[0, 9]], "<b>بین\u200Cالملل</b> و تهران"],
    ["HTML-looking text is escaped inside and outside bold", "<b>x</b> & <i>", [[3, 4]], "&lt;b&gt;<b>x</b>&lt;/b&gt; &amp; &lt;i&gt;"],
    ["overlapping and unsorted spans merge", "abcdef", [[3, 5], [0, 2], [1, 4]], "<b>abcde</b>f"],
    ["out-of-range spans are clamped", "abc", [[-5, 1], [2, 99]], "<b>a</b>b<b>c</b>"],
    ["empty spans are ignored", "abc", [[1, 1]], "abc"],
    ["a span never cuts an emoji in half", "x👍y", [[2, 3]], "x<b>👍</b>y"],
    ["RTL override inside the text is removed", "a\u202Eb", [[0, 1]], "<b>a</b>b"],
  ])("%s", (_, text, spans, expected) => {
    const html = emphasize(text, spans);
    expect(html).toBe(expected);
    expect(validateTelegramHtml(html)).toEqual([]);
  });

  it("normalizes spans", () => {
    expect(normalizeSpans([[5, 9], [0, 2], [1, 3]], 8)).toEqual([[0, 3], [5, 8]]);
  });
});

describe("direction helpers", () => {
  it.each([
    ["لافروف", true],
    ["2020 لافروف", true],
    ["Lavrov لافروف", false],
    ["«بزشكيان»", true],
    ["123", false],
  ])("startsRtl(%s) = %s", (text, expected) => {
    expect(startsRtl(text)).toBe(expected);
  });

  it("isolates RTL text only", () => {
    expect(isolate("طهران", "طهران")).toBe("\u2068طهران\u2069");
    expect(isolate("Tehran", "Tehran")).toBe("Tehran");
  });
});

describe("validateTelegramHtml", () => {
  it.each([
    ["<b>ok</b> &amp; <i>fine</i>", []],
    ['<a href="https://x.y/?a=1&amp;b=2">l</a>', []],
    ["<blockquote expandable>x</blockquote>", []],
    ["<div>x</div>", ["tag not allowed: <div>"]],
    ["<b>x", ["unclosed tags: b"]],
    ["<b><i>x</b></i>", ["unbalanced </b>"]],
    ["a < b", ['raw angle bracket in text: "<"']],
    ["&nbsp;", ['bad entity: "&nbsp;"']],
    ["<blockquote><blockquote>x</blockquote></blockquote>", ["nested blockquote"]],
  ])("%s", (html, problems) => {
    expect(validateTelegramHtml(html)).toEqual(problems);
  });
});

describe("htmlToPlain", () => {
  it("drops tags, decodes entities, marks quotes and shows links", () => {
    const html = '🔎 <b>a &amp; b</b>\n<blockquote>line 1\nline 2</blockquote>\nsee <a href="https://e.x/?q=1&amp;r=2">link</a>';
    expect(htmlToPlain(html)).toBe("🔎 a & b\n│ line 1\n│ line 2\nsee link (https://e.x/?q=1&r=2)");
  });
});
