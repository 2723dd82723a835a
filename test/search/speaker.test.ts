import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEngine, type Engine } from "../../src/search/engine.js";
import { speakerQuestion } from "../../src/search/speaker.js";
import { fold } from "../../src/text/fold.js";
import { tokenizeFolded } from "../../src/text/tokenize.js";

/** The speaker's words, as folded tokens joined by spaces; undefined when the question names none. */
function speaker(question: string): string | undefined {
  const tokens = tokenizeFolded(fold(question));
  const span = speakerQuestion(tokens)?.speaker;
  return span && tokens.slice(...span).join(" ");
}

describe("speakerQuestion", () => {
  it.each([
    // English: question word + auxiliary … verb.
    ["what did Lavrov say about Iran's interests?", "lavrov"],
    ["What did the Russian deputy foreign minister urge Iran and Israel to do?", "the russian deputy foreign minister"],
    ["how did Zarif react to the ICJ ruling", "zarif"],
    ["why did Israel's defence minister say Russia should return the favour", fold("israel's defence minister").replace("'", " ").replace(/\s+/g, " ")],
    // Arabic: question word + verb of saying … preposition; harakat and hamza folded.
    ["كيف علّق وزير الخارجية الأمريكي على حكم محكمة لاهاي؟", "وزير الخارجيه الامريكي"],
    ["ماذا قال لافروف عن مصالح إيران في المنطقة؟", "لافروف"],
    ["شو قال نائب وزير الخارجية السوري عن الدعوات لسحب القوات؟", "نايب وزير الخارجيه السوري"],
    ["كيف ردت الخارجية الروسية على إعادة فرض العقوبات؟", "الخارجيه الروسيه"],
    // A relative clause or «أن» after the speaker is what they spoke of, not who spoke.
    ["بماذا وصف وزير الخارجية العراقي الذين أحرقوا القنصلية الإيرانية في البصرة؟", "وزير الخارجيه العراقي"],
    ["هل قال بوتين أن العقوبات فشلت؟", "بوتين"],
    // Persian: «واکنش X به …», «X درباره … چه گفت».
    ["واکنش سخنگوی وزارت خارجه ایران به درخواست روسیه", "سخنگوي وزارت خارجه ايران"],
    ["لاوروف درباره برجام چه گفت؟", "لاوروف"],
    ["واکنش روسیه که عضو شورای امنیت است به قطعنامه", "روسيه"],
    ["علاوی تو مصاحبه با واشنگتن پست چی گفت", "علاوي"], // spoken «تو» is «در»
  ])("%s → %s", (question, expected) => {
    expect(speaker(question)).toBe(expected);
  });

  it.each([
    "Lavrov meeting with Pezeshkian",
    "nuclear deal",
    "الاتفاق النووي",
    "برجام",
    "what did the report say", // a speaker of one word is fine; this is "the report"
  ])("finds no speaker where none is asked about, or only a short one: %s", (question) => {
    const found = speaker(question);
    expect(found === undefined || found.split(" ").length <= 2).toBe(true);
  });

  it.each([
    ["what did Lavrov say about Iran", "say"],
    ["كيف ردت الخارجية الروسية على العقوبات", "ردت"],
    ["واکنش روسیه به تحریم‌ها", fold("واکنش")],
    ["لاوروف درباره برجام چه گفت", "گفت"],
  ])("finds the verb that frames %s: %s", (question, verb) => {
    const tokens = tokenizeFolded(fold(question));
    expect(tokens[speakerQuestion(tokens)!.verb]).toBe(verb);
  });

  it("gives up on a span too long to be a speaker", () => {
    expect(speaker("what did the man who came from the city in the north of the country yesterday say")).toBeUndefined();
  });
});

describe("ranking with a speaker", () => {
  let dir: string;
  let engine: Engine;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "speaker-"));
    const articles = [
      // Lavrov only in the lead; the paragraph that carries the rest quotes someone else.
      { id: "other", text: "التقى وزير الخارجية الروسي سيرغي لافروف نظيره الإيراني في موسكو.\n\nوقال الوزير الإيراني إن العقوبات على صادرات النفط الإيرانية غير قانونية." },
      // Lavrov himself, on less of the question.
      { id: "lavrov", text: "قال لافروف إن العقوبات على إيران خطأ." },
    ];
    writeFileSync(path.join(dir, "a.jsonl"), articles.map((a) => JSON.stringify(a)).join("\n"));
    engine = await createEngine([dir]);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const question = "what did Lavrov say about sanctions on Iran's oil exports";
  /** Whether the first excerpt itself names Lavrov. */
  const firstNamesSpeaker = (speakerBonus: number) => engine.search(question, { speakerBonus }).results[0]?.matched.includes("Lavrov");

  it("weighs a framing verb the lexicon does not know as a generic word («ردت» of «كيف ردت…»)", () => {
    const question = "كيف ردت الخارجية الروسية على العقوبات";
    expect(engine.parse(question).concepts.find((c) => c.text === "ردت")?.frame).toBe(true);
    expect(engine.parse("طهران ردت على العقوبات").concepts.find((c) => c.text === "ردت")?.frame).toBeUndefined();
  });

  it("reads Lavrov as the speaker", () => {
    expect(engine.parse(question).concepts.filter((c) => c.speaker).map((c) => c.text)).toEqual(["lavrov"]);
  });

  it("puts a paragraph naming the speaker first when the bonus outweighs the rest", () => {
    expect(firstNamesSpeaker(0)).toBe(false);
    expect(firstNamesSpeaker(0.5)).toBe(true);
  });
});
