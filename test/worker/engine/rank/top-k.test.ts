// Selection without sorting (top-k.ts): the k best positions, the k-th largest value, and a bounded heap of the highest scores.
import { describe, expect, it } from "vitest";
import { seededRandom } from "../../../../src/engine/phrase/seeded-random.js";
import { keepHighest, kthLargest, topK } from "../../../../src/engine/rank/top-k.js";

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

describe("keepHighest", () => {
  it("keeps the positions with the highest scores, at most the capacity, on 200 random sets", () => {
    const next = seededRandom(31);
    for (let n = 0; n < 200; n++) {
      const count = Math.floor(next() * 300);
      const capacity = Math.floor(next() * 70);
      const scores = Float64Array.from({ length: count }, () => Math.floor(next() * 1000) / 10);
      const heap = new Int32Array(Math.max(1, capacity));
      let size = 0;
      for (let id = 0; id < count; id++) size = keepHighest(heap, size, capacity, id, scores);
      const kept = Array.from(heap.subarray(0, size), (id) => scores[id]!).sort((a, b) => b - a);
      const expected = Array.from(scores)
        .sort((a, b) => b - a)
        .slice(0, capacity);
      expect({ n, kept }).toEqual({ n, kept: expected });
    }
  });
});
