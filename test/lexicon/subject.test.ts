import { describe, expect, it } from "vitest";
import { loadLexicon } from "../../src/lexicon/lexicon.js";
import { isOutsideSubject, OUTSIDE_CONCEPTS, subjectOf } from "../../src/lexicon/subject.js";

const lexicon = loadLexicon();
const concept = (id: string) => {
  const c = lexicon.byId.get(id);
  if (!c) throw new Error(`no concept ${id}`);
  return c;
};

describe("the subject of the bot", () => {
  it("lists only concepts the lexicon has", () => {
    expect([...OUTSIDE_CONCEPTS].filter((id) => !lexicon.byId.has(id))).toEqual([]);
  });

  it.each([
    ["topic.football", "outside"],
    ["topic.weather", "outside"],
    ["topic.film", "outside"],
    ["org.fifa", "outside"],
    ["person.sergey-lavrov", "subject"],
    ["org.lukoil", "subject"],
    ["place.iran", "subject"],
    ["place.moscow", "subject"],
    ["topic.sanctions", "subject"],
    ["topic.refugees", "subject"],
    ["place.london", "neutral"],
    ["topic.oil", "neutral"],
    ["topic.results", "neutral"],
    ["word.tomorrow", "neutral"],
  ])("%s is %s", (id, where) => {
    expect(subjectOf(concept(id))).toBe(where);
  });

  it.each([
    [["topic.football", "topic.results"], true],
    [["topic.weather", "place.london", "word.tomorrow"], true],
    [["topic.chess"], true],
    [["place.london", "word.tomorrow"], false],
    [["topic.world-cup", "place.iran"], false],
    [["topic.world-cup", "person.sergey-lavrov"], false],
    [["topic.football", "topic.refugees"], false],
    [[], false],
  ])("a question naming %j is outside: %s", (ids, outside) => {
    expect(isOutsideSubject(ids.map(concept))).toBe(outside);
  });
});
