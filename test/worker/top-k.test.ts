// Selection without sorting (top-k.ts): the k best positions and the k-th largest value.
import { describe, expect, it } from "vitest";
import { seededRandom } from "../../src/engine/seeded-random.js";
import { kthLargest, topK } from "../../src/engine/top-k.js";

describe("kthLargest", () => {
  it("gives what sorting gives, on random arrays with many equal values", () => {
    const next = seededRandom(11);
    for (let round = 0; round < 500; round++) {
      const count = 1 + Math.floor(next() * 400);
      const distinct = 1 + Math.floor(next() * 50);
      const values = Float64Array.from({ length: count + 5 }, () => Math.floor(next() * distinct) / 7);
      const sorted = Array.from(values.subarray(0, count)).sort((a, b) => b - a);
      const k = 1 + Math.floor(next() * count);
      expect({ round, kth: kthLargest(values, count, k) }).toEqual({ round, kth: sorted[k - 1] });
    }
  });

  it("reads only the first count values", () => {
    expect(kthLargest(Float64Array.from([3, 1, 2, 99, 98]), 3, 1)).toBe(3);
  });
});

describe("topK", () => {
  it("gives the k best positions, best first, ties by position", () => {
    const scores = Float64Array.from([5, 1, 5, 3, 9, 3]);
    const better = (a: number, b: number) => scores[a]! > scores[b]! || (scores[a] === scores[b] && a < b);
    expect(topK([0, 1, 2, 3, 4, 5], 4, better, scores)).toEqual([4, 0, 2, 3]);
  });
});
