import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createEngine, type Engine } from "../../src/search/engine.js";

/**
 * Archive behaviour on a small JSON-lines fixture: the same wire paragraph from two outlets is shown once with the
 * other source listed; a named month and year prefers articles of that time; article metadata is carried.
 */
let engine: Engine;
beforeAll(async () => {
  engine = await createEngine(["test/fixtures/wire"]);
});

describe("near-duplicates", () => {
  it("shows the same paragraph from two outlets once, listing the other outlet", () => {
    const results = engine.search("Novak energy cooperation with Iran", { limit: 10 }).results;
    const wire = results.filter((r) => r.text.includes("توسيع التعاون في مجال النفط والغاز"));
    expect(wire).toHaveLength(1);
    expect(wire[0]!.alsoIn.map((o) => o.source.outlet)).toEqual([wire[0]!.docId === "A-1" ? "Outlet B" : "Outlet A"]);
  });

  it("keeps paragraphs that tell different things apart", () => {
    const texts = engine.search("Novak", { limit: 10 }).results.map((r) => r.text);
    expect(new Set(texts).size).toBe(texts.length);
    expect(texts.length).toBeGreaterThanOrEqual(3);
  });
});

describe("dates in questions", () => {
  it.each([
    ["Novak oil Iran in January 2017", "2017-01"],
    ["Novak oil Iran in May 2018", "2018-05"],
    ["نوفاك النفط إيران في كانون الثاني 2017", "2017-01"],
    ["نوفاك النفط إيران في أيار ٢٠١٨", "2018-05"],
  ])("%s prefers articles of that month (%s)", (question, month) => {
    const [first] = engine.search(question, { limit: 3 }).results;
    expect(first?.source.published?.slice(0, 7)).toBe(month);
  });
});

describe("metadata", () => {
  it("carries the article's own outlet, date, title and link", () => {
    const a = engine.getDoc("A-1")!;
    expect(a.source).toMatchObject({ outlet: "Outlet A", published: "2018-05-14T10:00:00+00:00", url: "https://a.example/1", title: "روسيا وإيران تبحثان التعاون في مجال الطاقة" });
    expect(engine.getDoc("B-1")!.source.url).toBeUndefined();
  });
});

describe("questions outside the subject", () => {
  // The fixture holds a World Cup report and a London weather report: an archive reports such things, the bot does
  // not follow them unless the question ties them to its subject.
  it.each(["football match results", "نتائج مباريات كرة القدم", "weather in London tomorrow", "پیش بینی هواشناسی لندن"])(
    "%s gets nothing, marked as outside the subject",
    (question) => {
      const response = engine.search(question);
      expect(response.outsideSubject).toBe(true);
      expect(response.results).toEqual([]);
    },
  );

  it.each([
    ["Iran World Cup match", "S-1"],
    ["cold wave from Russia", "W-1"],
  ])("%s is answered: it names a side of the subject", (question, docId) => {
    const response = engine.search(question);
    expect(response.outsideSubject).toBe(false);
    expect(response.results[0]?.docId).toBe(docId);
  });
});

describe("articles naming a person only in their title", () => {
  // Names must be in the article; the title counts. Ranking looks for candidate articles through the rarest name,
  // which must then include articles naming it in the title alone.
  it("answers from a paragraph whose article names the person only in its title", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "title-name-"));
    try {
      const lines = [
        { id: "T-1", title: "نوفاك في طهران", text: "بحث الوزير الروسي مع المسؤولين الإيرانيين التعاون الاقتصادي وتوسيع التبادل التجاري.\n\nوتناولت المحادثات ملفات أخرى." },
        { id: "T-2", title: "أخبار اقتصادية", text: "ارتفعت أسعار الذهب في الأسواق العالمية اليوم." },
      ];
      writeFileSync(path.join(dir, "a.jsonl"), lines.map((l) => JSON.stringify(l)).join("\n"));
      const small = await createEngine([dir]);
      const [first] = small.search("Novak economic cooperation").results;
      expect(first?.docId).toBe("T-1");
      expect(first?.paragraph).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("short questions and articles about Iran–Russia relations", () => {
  // "sanctions" matches thousands of paragraphs equally well; in this bot it means those of Iran and Russia: an
  // article whose title names both sides is about them, one naming Moscow in passing is not.
  const lines = [
    {
      id: "F-1",
      title: "إيران وروسيا تبحثان التعاون الاقتصادي",
      text: "بحث الجانبان الإيراني والروسي ملفات التعاون الاقتصادي بين البلدين.\n\nوأشار الوزير إلى أن العقوبات على إيران لم توقف التعاون مع روسيا في مجالات عدة ومنها الطاقة والنقل والزراعة.",
    },
    {
      id: "F-2",
      title: "أسواق النفط تترقب",
      text: "تراجعت أسعار النفط في الأسواق العالمية اليوم مع ترقب المتعاملين لقرارات المنتجين الكبار.\n\nالعقوبات الأميركية على إيران تثير انتقادات روسيا التي تعد العقوبات غير شرعية.",
    },
  ];
  let small: Engine;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "focus-"));
    writeFileSync(path.join(dir, "a.jsonl"), lines.map((l) => JSON.stringify(l)).join("\n"));
    small = await createEngine([dir]);
    return () => rmSync(dir, { recursive: true, force: true });
  });

  it("ranks a paragraph of the article about both sides first for a short question", () => {
    expect(small.search("sanctions").results[0]?.docId).toBe("F-1");
    // Without the focus bonus the other paragraph (the word twice, fewer words) ranks first: the bonus decides.
    expect(small.search("sanctions", { focusBonus: 0 }).results[0]?.docId).toBe("F-2");
  });

  it("leaves longer questions to their own words", () => {
    const question = "sanctions on Iranian oil exports and energy transport";
    const scores = (focusBonus?: number) => small.search(question, { focusBonus }).results.map((r) => [r.docId, r.score]);
    expect(scores().length).toBeGreaterThan(0);
    expect(scores()).toEqual(scores(0));
  });
});

describe("dates of events reported later", () => {
  // Three reports of one plot, worded differently (no near-duplicates), dated before, after and long after the
  // month a question names; then a report of that month.
  const reports = [
    { id: "march", published: "2018-03-10", text: "قالت الشرطة البلجيكية إنها تحقق في مخطط تفجير ضد تجمع المعارضة الإيرانية قرب باريس." },
    { id: "october", published: "2018-10-02", text: "اتهمت فرنسا المخابرات الإيرانية بالوقوف وراء مخطط تفجير ضد تجمع للمعارضة الإيرانية قرب باريس." },
    { id: "next-year", published: "2019-12-01", text: "بدأت محاكمة المتهمين في مخطط التفجير الذي استهدف تجمع المعارضة الإيرانية قرب باريس." },
  ];
  const june = { id: "june", published: "2018-06-30", text: "أحبطت الشرطة مخطط تفجير كان يستهدف تجمع المعارضة الإيرانية قرب باريس." };
  let dir: string;
  const engineOf = async (articles: typeof reports) => {
    dir = mkdtempSync(path.join(tmpdir(), "later-"));
    writeFileSync(path.join(dir, "a.jsonl"), articles.map((a) => JSON.stringify({ ...a, outlet: "Test" })).join("\n") + "\n");
    try {
      return await createEngine([dir]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  const question = "bomb plot against the Iranian opposition rally near Paris in June 2018";

  it("prefers what was reported in the months after the named one to what came before or a year later", async () => {
    const e = await engineOf(reports);
    expect(e.search(question, { limit: 3 }).results.map((r) => r.docId)[0]).toBe("october");
  });

  it("answers a month and year only from articles of that time or the months after it", async () => {
    const drill = { id: "drill-2018", published: "2018-06-10", text: "أجرت إيران وروسيا والصين مناورات بحرية مشتركة في خليج عمان استمرت أربعة أيام." };
    const e = await engineOf([...reports, drill]);
    const asked = (q: string, options = {}) => e.search(q, { limit: 10, ...options }).results.map((r) => r.docId);
    const question = "what was the joint naval exercise of Iran, Russia and China in the Gulf of Oman in December 2019 called and how long did it last";
    expect(asked(question)).toEqual([]);
    expect(asked(question, { strictDates: false })).toEqual(["drill-2018"]);
    // A bare year only prefers.
    expect(asked(question.replace("December 2019", "2019"))).toEqual(["drill-2018"]);
  });

  it("still prefers the named month itself", async () => {
    const e = await engineOf([...reports, june]);
    expect(e.search(question, { limit: 4 }).results.map((r) => r.docId)[0]).toBe("june");
  });
});
