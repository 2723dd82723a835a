import { beforeAll, describe, expect, it } from "vitest";
import { createEngine, type Engine } from "../../src/search/engine.js";
import { listsIn } from "../support/shared.js";
import { formParagraphs, seek, unionOfForms } from "../../src/search/rank.js";

describe("seek (galloping search in ascending postings)", () => {
  const values = Uint32Array.from([2, 3, 3, 7, 10, 15, 40, 41, 90]);
  it.each([
    [0, 9, 1, 0],
    [0, 9, 2, 0],
    [0, 9, 3, 1],
    [2, 9, 3, 2],
    [0, 9, 8, 4],
    [0, 9, 40, 6],
    [0, 9, 90, 8],
    [0, 9, 91, 9],
    [5, 9, 4, 5], // already past the target: stays
    [0, 4, 50, 4], // bounded by `end`
    [3, 3, 1, 3], // empty range
  ])("from %i to %i, first ≥ %i is at %i", (from, end, target, expected) => {
    expect(seek(values, from, end, target)).toBe(expected);
  });
});

describe("formParagraphs", () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await createEngine(["seeds"]);
  });

  it("lists exactly the paragraphs holding every word of a form, ascending", () => {
    const { index } = engine;
    const buffer = new Uint32Array(index.chunks.length);
    // Every two- and three-word combination of some frequent and rare terms of the seeds.
    const ids = [...index.vocab.values()].filter((_, i) => i % 7 === 0).slice(0, 40);
    let forms = 0;
    let nonEmpty = 0;
    for (let a = 0; a < ids.length; a++) {
      for (let b = a + 1; b < ids.length; b++) {
        for (const form of [[ids[a]!, ids[b]!], [ids[a]!, ids[b]!, ids[(a + b) % ids.length]!], [ids[a]!]]) {
          const [list, from, to] = formParagraphs(form, index, buffer);
          const got = Array.from(list.subarray(from, to));
          const expected = listsIn(index.chunkTerms).flatMap((terms, c) => (form.every((id) => terms.includes(id)) ? [c] : []));
          expect(got).toEqual(expected);
          forms++;
          if (form.length > 1 && got.length > 0) nonEmpty++;
        }
      }
    }
    expect(forms).toBeGreaterThan(1000);
    expect(nonEmpty).toBeGreaterThan(50); // multi-word forms that do occur together
  });
});

describe("unionOfForms", () => {
  it("lists the paragraphs holding any of the forms, ascending and once each", async () => {
    const { index } = await createEngine(["seeds"]);
    const buffer = new Uint32Array(index.chunks.length);
    const ids = [...index.vocab.values()].filter((_, i) => i % 5 === 0).slice(0, 60);
    for (let a = 0; a + 3 < ids.length; a++) {
      const forms = [[ids[a]!], [ids[a + 1]!, ids[a + 2]!], [ids[a + 3]!]];
      const expected = listsIn(index.chunkTerms).flatMap((terms, c) => (forms.some((f) => f.every((id) => terms.includes(id))) ? [c] : []));
      expect(Array.from(unionOfForms(forms, index, buffer))).toEqual(expected);
    }
  });
});
