import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { detectLang, fold } from "../../src/text/fold.js";

// Escapes keep the invisible characters visible in the source.
const ZWNJ = "\u200C";
const ZWJ = "\u200D";
const LRM = "\u200E";
const RLM = "\u200F";
const ALM = "\u061C";
const BOM = "\uFEFF";
const TATWEEL = "\u0640";

describe("fold", () => {
  it.each([
    // [what, input, expected]
    ["harakat (fatha, shadda, damma, kasra, sukun, tanween)", "مُحَمَّدٌ وَزِيرُ الخَارِجِيَّةِ", "محمد وزير الخارجيه"],
    ["superscript alef", "هٰذا", "هذا"],
    ["Quranic small high marks", "قُلْ\u06D6 هُوَ\u06DA", "قل هو"],
    ["tatweel", `جـ${TATWEEL}${TATWEEL}ـلالي`, "جلالي"],
    ["hamza on alef above and below", "أكد إيران", "اكد ايران"],
    ["alef madda and alef wasla", "آخر ٱلمستجدات", "اخر المستجدات"],
    ["alef maksura onto ya", "على مستوى", "علي مستوي"],
    ["Persian ya onto Arabic ya", "جلالی", "جلالي"],
    ["Persian kaf onto Arabic kaf", "مسکو", "مسكو"],
    ["Persian name in both spellings meets", "پزشکیان", "پزشكيان"],
    ["ta marbuta onto ha", "الإيرانية", "الايرانيه"],
    ["Persian he with hamza (ۀ) onto ha", "خانۀ ملت", "خانه ملت"],
    ["ha followed by a separate hamza above", "خانه\u0654 ملت", "خانه ملت"],
    ["waw with hamza", "الشؤون", "الشوون"],
    ["ya with hamza", "رئيس", "رييس"],
    ["lone hamza dropped", "جزء", "جز"],
    ["Eastern Arabic digits", "٢٢ فبراير ٢٠٢٠ - ٠٢:٥٤", "22 فبراير 2020 - 02:54"],
    ["Persian digits", "۲۲ بهمن ۱۳۹۸", "22 بهمن 1398"],
    ["ZWNJ (half-space) is joined", `همکاری${ZWNJ}های بین${ZWNJ}المللی`, "همكاريهاي بينالمللي"],
    ["ZWNJ spelling meets the spelling without it", `می${ZWNJ}خواهد`, fold("میخواهد")],
    ["ZWJ deleted", `لاف${ZWJ}روف`, "لافروف"],
    ["LRM, RLM, ALM deleted", `${RLM}طهران${LRM} ${ALM}موسكو`, "طهران موسكو"],
    ["bidi embeddings and isolates deleted", "\u202Bطهران\u202C \u2067موسكو\u2069", "طهران موسكو"],
    ["BOM deleted", `${BOM}ايران`, "ايران"],
    ["presentation forms (isolated, final, medial)", "\uFE9F\uFEFC\uFEDF\uFEF2", "جلالي"],
    ["lam-alef ligature", "\uFEFB", "لا"],
    ["Persian ya presentation form", "\uFBFC", "ي"],
    ["Latin lower-cased", "Lavrov TEHRAN", "lavrov tehran"],
    ["full-width Latin (NFKC)", "ＴＡＳＳ", "tass"],
    ["TAB and newline kept (tokenizer splits on them)", "a\tb\nc", "a\tb\nc"],
    ["emoji kept as is", "🇮🇷 ايران", "🇮🇷 ايران"],
    ["empty string", "", ""],
  ])("%s", (_what, input, expected) => {
    expect(fold(input)).toBe(expected);
  });

  it("makes Arabic and Persian spellings of the same words identical", () => {
    const pairs: [string, string][] = [
      ["جلالي", "جلالی"],
      ["موسكو", "موسکو"],
      ["روسية", "روسیه"],
      ["كاظم جلالي", "کاظم جلالی"],
      ["إيران", "ايران"],
      ["أمير عبد اللهيان", "امیر عبداللهیان".replace("عبد", "عبد ")],
    ];
    for (const [a, b] of pairs) expect(fold(a), `${a} / ${b}`).toBe(fold(b));
  });

  it("is idempotent over the tricky Arabic-script alphabet", () => {
    const alphabet = [
      ..."ابتثجحخدذرسشصضطظعغفقكلمنهويپچژگکیةىأإآٱؤئءۀ",
      "\u064B", "\u064E", "\u0650", "\u0651", "\u0652", "\u0653", "\u0654", "\u0670", TATWEEL,
      ZWNJ, ZWJ, LRM, RLM, ALM, BOM, "\u202B", "\u2069",
      "٠", "٩", "۰", "۹", "\uFEFB", "\uFE8D", "\uFBFC", " ", "\t", "a", "Z", "🙂",
    ].map((c) => fc.constant(c));
    fc.assert(
      fc.property(fc.array(fc.oneof(...alphabet), { maxLength: 40 }), (chars) => {
        const once = fold(chars.join(""));
        expect(fold(once)).toBe(once);
      }),
    );
  });

  it("leaves no harakat, tatweel, invisible mark or non-ASCII digit behind", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 200 }), (s) => {
        expect(fold(s)).not.toMatch(/[\u064B-\u0652\u0670\u0640\u200C-\u200F\u061C\uFEFF\u0660-\u0669\u06F0-\u06F9]/);
      }),
    );
  });

  it("never throws on control characters, lone surrogates or huge input", () => {
    expect(() => fold("\u0000\u0001\u001F\u007F\uD800 \uDFFF")).not.toThrow();
    expect(fold("ـ".repeat(100_000))).toBe("");
  });
});

describe("detectLang", () => {
  it.each([
    ["Arabic news sentence", "ناقش السفير الايراني لدى روسيا كاظم جلالي ومساعد وزير الخارجية الروسي", "ar"],
    ["Persian news sentence", "وزارت خارجه روسیه با اشاره به روند مثبت توسعه همکاریهای دوجانبه یادآور شد", "fa"],
    [
      "old Persian written with Arabic ي and ك (گ پ چ still mark it)",
      "وزارت امور خارجه روسيه با اشاره به روند مثبت توسعه همكاريهاي دوجانبه گفت كه پيشرفت چشمگيري در گفتگوها حاصل شده است",
      "fa",
    ],
    ["Arabic article quoting one Persian name with پ", "استقبل الرئيس الإيراني مسعود پزشكيان وزير الخارجية الروسية في طهران اليوم", "ar"],
    ["English", "What did Jalali discuss about the Caspian Sea?", "en"],
    ["mostly English with one Arabic word", "Lavrov met Araghchi in Tehran (طهران) on Tuesday", "en"],
    ["empty", "", "en"],
    ["Latin digits, emoji and Latin punctuation only", "2020 🙂 !?", "en"],
  ])("%s → %s", (_what, text, lang) => {
    expect(detectLang(text)).toBe(lang);
  });
});
