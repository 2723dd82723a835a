import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { listsIn, termListsOf } from "../support/shared.js";

describe("TermLists (sorted term-id lists end to end in one buffer)", () => {
  const lists = termListsOf([[1, 4, 9], [], [0], [2, 3, 5, 8, 13, 21]]);

  it.each([
    [0, 4, true],
    [0, 5, false],
    [0, 0, false], // 0 is the next list's
    [1, 1, false], // an empty list holds nothing
    [2, 0, true],
    [3, 21, true],
    [3, 22, false],
    [3, 1, false], // 1 is the first list's
  ])("list %i holds %i: %s", (i, id, expected) => {
    expect(lists.has(i, id)).toBe(expected);
  });

  it("gives each list as a view, and how many there are", () => {
    expect(lists.length).toBe(4);
    expect(listsIn(lists)).toEqual([[1, 4, 9], [], [0], [2, 3, 5, 8, 13, 21]]);
  });

  it("agrees with a linear search on random sorted lists", () => {
    const sortedList = fc.uniqueArray(fc.nat(200), { maxLength: 40 }).map((l) => l.sort((a, b) => a - b));
    fc.assert(
      fc.property(fc.array(sortedList, { minLength: 1, maxLength: 20 }), fc.nat(), fc.nat(210), (plain, pick, id) => {
        const i = pick % plain.length;
        expect(termListsOf(plain).has(i, id)).toBe(plain[i]!.includes(id));
      }),
      { numRuns: 500 },
    );
  });
});
