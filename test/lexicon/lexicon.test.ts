import { describe, expect, it } from "vitest";
import { aliasKeys, buildLexicon, joinLetterNumbers, loadLexicon } from "../../src/lexicon/lexicon.js";
import { fold } from "../../src/text/fold.js";

const lexicon = loadLexicon();

describe("the shipped lexicon", () => {
  it("loads without a single problem (valid files, no alias claimed twice, no form folding to nothing)", () => {
    expect(lexicon.problems).toEqual([]);
    expect(lexicon.concepts.length).toBeGreaterThan(500);
  });

  it("gives every concept at least one Arabic or Persian form that folds to terms", () => {
    const empty = lexicon.concepts.filter((c) => c.forms.length === 0).map((c) => c.id);
    expect(empty).toEqual([]);
  });

  // Every person and place the seed articles name, as the articles write them.
  it.each([
    ["كاظم جلالي", "person"],
    ["جلالي", "person"],
    ["سيرغي فرشينين", "person"],
    ["فارشينين", "person"],
    ["ايجور براتشيكوف", "person"],
    ["بختیار حکیم اف", "person"],
    ["ماريا زاخاروفا", "person"],
    ["مسعود بزشكيان", "person"],
    ["سيرغي لافروف", "person"],
    ["فلاديمير بوتين", "person"],
    ["عباس عراقجي", "person"],
    ["هاكان فيدان", "person"],
    ["إسماعيل بقايي", "person"],
    ["دونالد ترامب", "person"],
    ["الكسي بوشكوف", "person"],
    ["علي أكبر ولايتي", "person"],
    ["حسن روحاني", "person"],
    ["نيكولاي باتروشيف", "person"],
    ["الكسندر لافرينتيف", "person"],
    ["سرگئی لاوروف", "person"],
    ["حسین امیرعبداللهیان", "person"],
    ["ولادیمیر پوتین", "person"],
    ["بحر قزوين", "place"],
    ["دریای خزر", "place"],
    ["الخليج الفارسي", "place"],
    ["خلیج فارس", "place"],
    ["موسكو", "place"],
    ["طهران", "place"],
    ["سوريا", "place"],
    ["سورية", "place"],
    ["اليمن", "place"],
    ["إدلب", "place"],
    ["أستانا", "place"],
    ["العراق", "place"],
    ["أفغانستان", "place"],
    ["أوكرانيا", "place"],
    ["تركيا", "place"],
    ["قفقاز جنوبی", "place"],
    ["بوشهر", "place"],
    ["باکو", "place"],
    ["نیویورک", "place"],
    ["منظمة شنغهاي للتعاون", "org"],
    ["مجلس الدوما", "org"],
    ["مجلس الأمن", "org"],
    ["مجلس حقوق الإنسان", "org"],
    ["البريكس", "org"],
    ["الاتحاد الاقتصادي الأوراسي", "org"],
    ["سازمان همکاری شانگهای", "org"],
    ["تسنیم", "org"],
    ["تاس", "org"],
  ])("knows «%s» as a %s", (name, type) => {
    const keys = aliasKeys(name, lexicon.protectedWords);
    const found = lexicon.concepts.filter((c) => c.type === type && c.forms.some((f) => f.every((t) => keys.includes(t))));
    expect(found.map((c) => c.id), `no ${type} concept has a form within «${name}» (keys ${keys.join(" ")})`).not.toEqual([]);
  });
});

describe("buildLexicon checks", () => {
  it("reports an alias claimed by two concepts and keeps the first owner", () => {
    const lex = buildLexicon([
      { id: "person.a", type: "person", en: ["Smith"], ar: ["سميث"], fa: [] },
      { id: "person.b", type: "person", en: ["smith"], ar: ["سمیت"], fa: [] },
    ]);
    expect(lex.problems.join("\n")).toMatch(/claimed by person\.a and person\.b/);
    expect(lex.aliases.get("smith")?.map((a) => a.concept.id)).toEqual(["person.a"]);
  });

  it("reports a form that folds to nothing (only stop words or marks)", () => {
    const lex = buildLexicon([{ id: "word.x", type: "word", en: ["x-ray"], ar: ["في من"], fa: [] }]);
    expect(lex.problems.join("\n")).toMatch(/folds to nothing/);
  });

  it("lets only English words open a concept whose aliasLanguages is [\"en\"]; its forms are still matched", () => {
    const lex = buildLexicon([
      { id: "word.foreign", type: "word", en: ["foreign"], ar: ["أجنبي", "خارجي"], fa: ["خارجی"], aliasLanguages: ["en"] },
      { id: "topic.oil", type: "topic", en: ["oil"], ar: ["نفط"], fa: ["نفت"] },
    ]);
    const owners = (word: string) => (lex.aliases.get(aliasKeys(word, lex.protectedWords)[0]!) ?? []).map((a) => a.concept.id);
    expect(owners("foreign")).toEqual(["word.foreign"]);
    expect(owners("خارجي")).toEqual([]);
    expect(owners("خارجی")).toEqual([]);
    expect(owners("نفط")).toEqual(["topic.oil"]);
    expect(lex.byId.get("word.foreign")!.forms.length).toBe(2); // «خارجي» and «خارجی» fold alike
  });

  it("protects one-word names from the stemmer, so «جلالي» keeps its final letter", () => {
    const lex = buildLexicon([{ id: "person.jalali", type: "person", en: ["Jalali"], ar: ["جلالي"], fa: ["جلالی"] }]);
    expect(lex.protectedWords.has(fold("جلالي"))).toBe(true);
    expect(lex.concepts[0]!.forms).toEqual([["جلالي"]]);
  });
});

describe("joinLetterNumbers", () => {
  it.each([
    [["s", "300", "syria"], ["s300", "syria"]],
    [["g", "20", "summit"], ["g20", "summit"]],
    [["300", "killed"], ["300", "killed"]],
    [["il", "20"], ["il20"]], // a maker's prefix (Ilyushin), see designations.ts
    [["su", "30s"], ["su30"]], // a plural is the name
    [["tu", "22m3"], ["tu22m3"]],
    [["in", "2018"], ["in", "2018"]], // an English word is no prefix
    [["an", "8"], ["an", "8"]],
    [["a", "b", "1"], ["a", "b1"]],
    [["s"], ["s"]],
  ])("%j → %j", (tokens, expected) => {
    expect(joinLetterNumbers(tokens)).toEqual(expected);
  });

  it("keeps a number alone from standing for a name («300 killed» is not the S-300)", () => {
    const keys = aliasKeys("300 killed", lexicon.protectedWords);
    expect(lexicon.aliases.get(keys[0]!)?.some((a) => a.concept.id === "topic.s-300") ?? false).toBe(false);
    expect(lexicon.aliases.get(aliasKeys("S-300", lexicon.protectedWords)[0]!)?.some((a) => a.concept.id === "topic.s-300")).toBe(true);
  });
});

describe("English alias keys", () => {
  it.each([
    ["sanctions", "sanction"], // Porter stem
    ["sued", "sued"], // its stem "su" is too short to tell words apart: the word stays whole
    ["su", "su"],
    ["oil", "oil"],
    ["response", "respons"],
    ["responsible", "responsib"], // Porter's "respons" would make it the concept "response"
    ["responsibilities", "responsib"],
    ["officer", "officer"], // not "offic", the key of "office"
    ["internal", "internal"], // not "intern", the key of "international"
    ["rights", "rights"], // not "right", which "right after" has
    ["right", "right"],
  ])("%s → %s", (word, key) => {
    expect(aliasKeys(word, lexicon.protectedWords)).toEqual([key]);
  });

  it.each([
    ["responsible", "word.responsibility"],
    ["responsibility", "word.responsibility"],
    ["response", "topic.response"],
    ["responses", "topic.response"],
    ["officer", "topic.officer"],
    ["international", "word.international"],
  ])("reads %s as %s only", (word, id) => {
    const keys = aliasKeys(word, lexicon.protectedWords);
    const owners = (lexicon.aliases.get(keys[0]!) ?? []).filter((a) => a.keys.join(" ") === keys.join(" ")).map((a) => a.concept.id);
    expect(owners).toEqual([id]);
  });

  it("does not read 'right' (\"right after the World Cup\") as human rights", () => {
    const owners = (word: string) => (lexicon.aliases.get(aliasKeys(word, lexicon.protectedWords)[0]!) ?? []).filter((a) => a.keys.length === 1).map((a) => a.concept.id);
    expect(owners("rights")).toEqual(["topic.human-rights"]);
    expect(owners("right")).not.toContain("topic.human-rights");
  });

  it("does not read the «Su» of Su-30 as 'sued'", () => {
    const su = aliasKeys("su", lexicon.protectedWords)[0]!;
    expect(lexicon.aliases.get(su)?.some((a) => a.concept.id === "topic.lawsuit") ?? false).toBe(false);
  });
});

describe("multi-word forms", () => {
  /** Phrases whose one remaining word is, in news, nearly always that phrase («العهد» of «ولي العهد»). */
  const ACCEPTED = new Set(["عهد"]);

  it("do not shrink to one short word of another meaning when their other words are stop words", () => {
    // «حال دون» "prevented" became «حال» "state", «سي إن إن» became «سي», «گفت و گو» became «گو».
    const shrunk: string[] = [];
    for (const concept of lexicon.concepts) {
      const single = new Set(concept.forms.filter((f) => f.length === 1).map((f) => f[0]!));
      for (const form of [...concept.entry.ar, ...concept.entry.fa]) {
        const words = aliasKeys(form, lexicon.protectedWords);
        const written = form.trim().split(/\s+/).length;
        if (written >= 2 && words.length === 1 && words[0]!.length < 4 && !ACCEPTED.has(words[0]!)) {
          // Redundant, not wrong, when the word is a one-word form of the same concept on its own.
          const alone = [...concept.entry.ar, ...concept.entry.fa].some((f) => f.trim().split(/\s+/).length === 1 && aliasKeys(f, lexicon.protectedWords)[0] === words[0]);
          if (!alone || !single.has(words[0]!)) shrunk.push(`${concept.id}: «${form}» → «${words[0]}»`);
        }
      }
    }
    expect(shrunk).toEqual([]);
  });
});
