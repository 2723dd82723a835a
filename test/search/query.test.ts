import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { aliasKeys } from "../../src/lexicon/lexicon.js";
import { createEngine, type Engine } from "../../src/search/engine.js";

let engine: Engine;
beforeAll(async () => {
  engine = await createEngine(["seeds"]);
});

/** Concept keys of a question, in order (lexicon ids, or the source for words outside the lexicon). */
const concepts = (q: string) => engine.parse(q).concepts.map((c) => (c.source === "lexicon" || c.source === "fuzzy" ? c.key : `${c.source}:${c.text}`));

/** True when one of the question's concepts has a form found in the given phrase (analyzed like the corpus). */
function carries(question: string, phrase: string): boolean {
  const parsed = engine.parse(question);
  const keys = new Set(aliasKeys(phrase, engine.lexicon.protectedWords).map((t) => engine.index.vocab.get(t)));
  return parsed.concepts.some((c) => c.forms.some((f) => f.every((id) => keys.has(id))));
}

describe("query understanding", () => {
  it.each([
    // English: stop and question words dropped, multi-word phrases matched longest first, translated.
    ["what did Jalali discuss about the Caspian Sea?", ["جلالي", "بحر قزوين", "دریای خزر", "ناقش"]],
    ["Maria Zakharova", ["زاخاروفا"]],
    ["Iranian ambassador to Russia", ["سفير", "روسيا"]],
    ["Iran membership in the Shanghai Cooperation Organization", ["منظمة شنغهاي للتعاون", "عضوية"]],
    ["Persian Gulf security", ["الخليج الفارسي", "خليج فارس"]],
    // Arabic and Persian questions reach the same concepts, in both scripts.
    ["ماذا ناقش جلالي بشأن بحر قزوين", ["جلالي", "جلالی", "دریای خزر"]],
    ["جلالی درباره دریای خزر چه گفت", ["جلالي", "بحر قزوين"]],
    ["برجام", ["الاتفاق النووي"]],
  ])("%s carries %j", (question, words) => {
    for (const word of words) expect(carries(question, word), `«${word}» in ${question}`).toBe(true);
  });

  it("drops stop and question words in all three languages", () => {
    for (const q of ["what did the", "ماذا في من", "چه در از"]) expect(engine.parse(q).concepts).toEqual([]);
  });

  it.each([
    ["Lavrov", "Lavorv"],
    ["Zakharova", "Zakharva"],
    ["Vershinin", "Vershinen"],
    ["Turkish", "tukish"], // a letter dropped: the consonants differ, one edit in a long word
    ["Kazakhstan", "Kazakstan"],
  ])("tolerates a typo in a Latin name: %s / %s", (name, typo) => {
    expect(concepts(typo)).toEqual(concepts(name));
  });

  it("does not take a substituted letter the skeleton contradicts for a typo (Jalili is not Jalali)", () => {
    expect(concepts("Jalili")).not.toEqual(concepts("Jalali"));
  });

  it("does not take a name one letter longer than an acronym for its typo (Aseman, the airline, is not ASEAN)", () => {
    expect(concepts("Aseman")).not.toEqual(concepts("ASEAN"));
  });

  it.each([
    ["Lavrov", "لافروف", "لاوروف", "سرگئی لاوروف"],
    ["Vershinin", "فرشينين", "فارشينين", "Vershinin"],
    ["Sergei Lavrov", "سيرغي لافروف", "سيرجي لافروف", "سرگئی لاوروف"],
    ["Hakimov", "حكيم اف", "حکیم اف", "Bakhtiyor Hakimov"],
    ["Amir-Abdollahian", "Amirabdollahian", "امیرعبداللهیان", "امير عبد اللهيان"],
  ])("spellings of one name reach one concept: %s", (...spellings) => {
    const ids = spellings.map((s) => engine.parse(s).concepts.filter((c) => c.type === "person").map((c) => c.key));
    for (const got of ids) expect(got).toEqual(ids[0]);
    expect(ids[0]!.length).toBeGreaterThan(0);
  });

  it("reads a month and year instead of searching for them as words", () => {
    const parsed = engine.parse("Lavrov in Tehran in May 2018");
    expect(parsed.dates).toEqual([expect.objectContaining({ from: "2018-05-01", to: "2018-05-31" })]);
    expect(parsed.concepts.map((c) => c.text)).not.toContain("2018");
  });

  it.each([
    ["برنامه هسته‌ای ایران", "topic.nuclear-programme"],
    ["برنامه هسته ای ایران", "topic.nuclear-programme"],
    ["مذاکرات هسته‌ای", "topic.nuclear-talks"],
    ["مذاکرات هسته ای", "topic.nuclear-talks"],
  ])("reads Persian «nuclear» with or without ZWNJ (its stem is spelled like «هست», a stop word): %s", (question, concept) => {
    expect(concepts(question)).toContain(concept);
  });

  it.each([
    ["how many Iranians were killed", "place.iran"],
    ["Israelis and Russians", "place.israel"],
    ["Israelis and Russians", "place.russia"],
    ["Saudis", "place.saudi-arabia"],
    ["Iraqis", "place.iraq"],
    ["Hama", "place.hama"],
    ["Hamas", "org.hamas"],
  ])("reads a people in the plural as its demonym, and keeps names apart: %s → %s", (question, concept) => {
    expect(concepts(question)).toContain(concept);
  });

  it("does not read \"head of\" as a departure (an alias \"head to\" once lost its \"to\" as a stop word)", () => {
    expect(concepts("head of the IAEA")).not.toContain("word.depart");
    expect(concepts("Lavrov left for Tehran")).toContain("word.depart");
  });

  it("does not read Hamas as Hama, nor Hama as Hamas", () => {
    expect(concepts("Hamas")).not.toContain("place.hama");
    expect(concepts("Hama")).not.toContain("org.hamas");
  });

  it("keeps an unknown English word out of the consonant matcher (an ordinary word would find noise)", () => {
    const parsed = engine.parse("according");
    expect(parsed.concepts.every((c) => c.source !== "translit")).toBe(true);
  });
});

describe("names written in Latin inside the corpus", () => {
  it("also finds the Arabic spelling of a name the corpus holds a few times in Latin", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "latin-name-"));
    try {
      const lines = [
        { id: "L-1", title: "جلسة استماع", text: "قال ديفيد شينكر في جلسة الاستماع إن بلاده ستواجه النفوذ الإيراني في المنطقة." },
        { id: "L-2", title: "صور", text: "التقط المصور David Ramos هذه الصور من الحدود السورية التركية في المساء." },
      ];
      writeFileSync(path.join(dir, "a.jsonl"), lines.map((l) => JSON.stringify(l)).join("\n"));
      const small = await createEngine([dir]);
      const david = small.parse("David Schenker").concepts.find((c) => c.text === "david")!;
      const spellings = david.forms.map((f) => f.map((id) => small.index.terms[id]).join(" "));
      expect(spellings).toContain("david");
      expect(spellings).toContain("ديفيد");
      expect(small.search("what did David Schenker say about Iran").results[0]?.docId).toBe("L-1");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("questions asking for an amount", () => {
  it.each([
    ["how much did Russia's oil output fall?", true],
    ["How many refugees returned to Syria", true],
    ["how far did the forces pull back", true],
    ["كم بلغ حجم التبادل التجاري بين إيران وروسيا؟", true],
    ["حجم تجارت ایران و روسیه چقدر است؟", true],
    ["what did Lavrov say about the nuclear deal", false],
    ["لافروف في طهران", false],
    ["how did Zarif react", false],
  ])("%s → %s", (question, expected) => {
    expect(engine.parse(question).wantsQuantity).toBe(expected);
  });
});
