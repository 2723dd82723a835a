import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEngine, type Engine } from "../../src/search/engine.js";
import { parseQuery } from "../../src/search/query.js";
import { ROLE_CONCEPTS } from "../../src/search/roles.js";

/**
 * Role holders read from the corpus: articles name the office once («وزير الدفاع الإسرائيلي أفيغدور ليبرمان») and then
 * the person alone. Israel's defence minister is often reported next to Iran, Iran's own defence minister less often.
 * A small corpus: the name's lift over the corpus is lower than in an archive, so the tests lower minLift.
 */
const ROLES = { minLift: 8 };
const lines: { id: string; title: string; text: string }[] = [];
for (let i = 0; i < 20; i++) {
  const iran = i % 4 === 0 ? " ومنع تموضع إيران" : "";
  lines.push({
    id: `IL-${i}`,
    title: `تصريحات في تل أبيب ${i}`,
    text: `قال وزير الدفاع الإسرائيلي أفيغدور ليبرمان في اليوم ${i + 1} إن الجيش مستعد للدفاع عن الحدود الشمالية${iran}.\n\nوأضاف ليبرمان أن حكومته تتابع التطورات الميدانية عن كثب في الجولان ${i + 1}.`,
  });
}
for (let i = 0; i < 20; i++) {
  lines.push({
    id: `IR-${i}`,
    title: `الدفاع الإيراني ${i}`,
    text: `أعلن وزير الدفاع الإيراني أمير حاتمي في اليوم ${i + 1} أن إيران ستطور منظوماتها الصاروخية رغم الضغوط.\n\nوأكد حاتمي أن القوات المسلحة جاهزة لحماية الأجواء ${i + 1}.`,
  });
}
for (let i = 0; i < 560; i++) {
  // The verbs of the role paragraphs are common words of any news corpus.
  const verb = ["قال", "أعلن", "أكد", "أضاف"][i % 4];
  lines.push({ id: `X-${i}`, title: `أخبار ${i}`, text: `${verb} مسؤول إن أسعار السلع ارتفعت في الأسواق المحلية خلال الأسبوع رقم ${i + 1} وفق بيانات رسمية.` });
}

let engine: Engine;
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "roles-"));
  writeFileSync(path.join(dir, "a.jsonl"), lines.map((l) => JSON.stringify(l)).join("\n"));
  engine = await createEngine([dir]);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The words the role concept of a question matches, beyond its own. */
function holdersOf(question: string, roleKey: string, roles: object = ROLES): string[] {
  const plain = parseQuery(question, engine.index, engine.lexicon, { roles: { minParagraphs: 1_000_000 } });
  const parsed = parseQuery(question, engine.index, engine.lexicon, { roles });
  const before = plain.concepts.find((c) => c.key === roleKey)!.forms.length;
  return parsed.concepts.find((c) => c.key === roleKey)!.forms.slice(before).map((f) => f.map((id) => engine.index.terms[id]).join(" "));
}

describe("role holders", () => {
  it("names only lexicon concepts as roles (a renamed concept would silently stop being one)", () => {
    for (const id of ROLE_CONCEPTS) expect(engine.lexicon.byId.has(id), id).toBe(true);
  });

  it.each([
    ["Israel's defence minister", "ليبرمان"],
    ["وزير الدفاع الإسرائيلي", "ليبرمان"],
    ["Iran's defence minister", "حاتمي"],
    ["وزیر دفاع ایران", "حاتمي"],
  ])("%s is also %s", (question, name) => {
    expect(holdersOf(question, "topic.defence-minister")).toContain(name);
  });

  it("does not take the minister reported next to a country for that country's own (Lieberman is not Iran's)", () => {
    expect(holdersOf("Iran's defence minister", "topic.defence-minister")).not.toContain("ليبرمان");
  });

  it("says nothing when too few paragraphs name the role with its qualifiers", () => {
    expect(holdersOf("Israel's defence minister", "topic.defence-minister", { ...ROLES, minParagraphs: 50 })).toEqual([]);
  });

  it("leaves a role without a country or organisation next to it alone", () => {
    expect(holdersOf("defence minister", "topic.defence-minister")).toEqual([]);
  });

  it("lets a question about the role find a paragraph naming only the person", () => {
    const parsed = parseQuery("what did Israel's defence minister say about the Golan", engine.index, engine.lexicon, { roles: ROLES });
    const role = parsed.concepts.find((c) => c.key === "topic.defence-minister")!;
    const personOnly = engine.index.chunkIndex.get("IL-3#2")!;
    expect(role.forms.some((f) => f.every((id) => engine.index.chunkTerms.has(personOnly, id)))).toBe(true);
  });
});
