import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { kthLargestOf } from "../../src/search/select.js";

/** The definition: sort descending, take the k-th. */
const bySorting = (values: number[], k: number) => [...values].sort((a, b) => b - a)[k - 1]!;

describe("kthLargestOf", () => {
  it.each([
    { name: "one value", values: [0.5], k: 1, expected: 0.5 },
    { name: "distinct values", values: [0.2, 0.9, 0.4, 0.7], k: 2, expected: 0.7 },
    { name: "k = count: the smallest", values: [0.2, 0.9, 0.4, 0.7], k: 4, expected: 0.2 },
    { name: "ties at the top", values: [1.15, 0.6, 1.15, 1.15, 0.9], k: 3, expected: 1.15 },
    { name: "fewer ties at the top than k: the next value down", values: [1.15, 0.6, 1.15, 0.9, 0.9], k: 3, expected: 0.9 },
    { name: "negative scores", values: [-1, -3, -2], k: 2, expected: -2 },
  ])("$name", ({ values, k, expected }) => {
    const input = Float64Array.from(values);
    expect(kthLargestOf(input, input.length, k, new Float64Array(k))).toBe(expected);
    expect(Array.from(input)).toEqual(values); // left unchanged
  });

  it("reads only the first `count` values", () => {
    const input = Float64Array.from([0.3, 0.1, 0.2, 9, 9, 9]);
    expect(kthLargestOf(input, 3, 1, new Float64Array(6))).toBe(0.3);
    expect(kthLargestOf(input, 3, 3, new Float64Array(6))).toBe(0.1);
  });

  it("agrees with sorting on random scores, ties included", () => {
    // Scores drawn from few values make long ties, at the top and elsewhere, as coverage does.
    const score = fc.oneof(fc.constantFrom(1.15, 1, 0.85, 0.6), fc.double({ min: 0, max: 2, noNaN: true }).map((v) => v + 0)); // + 0: no −0, which sorts apart from 0
    fc.assert(
      // Ascending and descending orders too: every value entering the heap, or none after the first k.
      fc.property(fc.array(score, { minLength: 1, maxLength: 400 }), fc.nat(), fc.constantFrom("as is", "ascending", "descending"), (drawn, pick, order) => {
        const values = order === "as is" ? drawn : [...drawn].sort((a, b) => (order === "ascending" ? a - b : b - a));
        const k = 1 + (pick % values.length);
        const input = Float64Array.from(values);
        expect(kthLargestOf(input, input.length, k, new Float64Array(k))).toBe(bySorting(Array.from(input), k));
      }),
      { numRuns: 300 },
    );
  });
});
