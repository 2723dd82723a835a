import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { allowedEdits, editDistance } from "../../src/search/fuzzy.js";

/** Plain optimal-string-alignment distance, no cut-off: the reference. */
function osa(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

describe("editDistance", () => {
  it.each([
    ["identical", "lavrov", "lavrov", 2, 0],
    ["adjacent transposition is one edit", "lavorv", "lavrov", 2, 1],
    ["substitution", "lavrof", "lavrov", 2, 1],
    ["insertion", "lavrovv", "lavrov", 2, 1],
    ["deletion", "lavov", "lavrov", 2, 1],
    ["Arabic ف / و", "لافروف", "لاوروف", 1, 1],
    ["classic", "kitten", "sitting", 3, 3],
    ["over the limit gives max + 1", "kitten", "sitting", 2, 3],
    ["length gap alone over the limit", "abc", "", 1, 2],
    ["empty vs word", "", "abc", 5, 3],
    ["both empty", "", "", 0, 0],
    ["OSA, not full Damerau (ca → abc is 3)", "ca", "abc", 5, 3],
  ])("%s: %s / %s (max %i) → %i", (_what, a, b, max, expected) => {
    expect(editDistance(a, b, max)).toBe(expected);
  });

  // Beyond max the value is only "more than max" (max + 1 when abandoned early, the full distance otherwise).
  it("is exact up to max, more than max beyond it, and symmetric", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(..."abcلفو"), maxLength: 9 }),
        fc.string({ unit: fc.constantFrom(..."abcلفو"), maxLength: 9 }),
        fc.integer({ min: 0, max: 4 }),
        (a, b, max) => {
          const d = editDistance(a, b, max);
          const truth = osa(a, b);
          if (truth <= max) expect(d).toBe(truth);
          else expect(d).toBeGreaterThan(max);
          expect(editDistance(b, a, max) <= max).toBe(d <= max);
        },
      ),
    );
  });
});

describe("allowedEdits", () => {
  it.each([
    [0, 0],
    [4, 0],
    [5, 1],
    [7, 1],
    [8, 2],
    [20, 2],
  ])("length %i → %i edits", (length, edits) => {
    expect(allowedEdits(length)).toBe(edits);
  });
});
