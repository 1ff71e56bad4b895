// The evaluation metrics against values worked out by hand.
import { describe, expect, it } from "vitest";
import { ndcgAt, recallAt, reciprocalRankAt } from "../../bench/metrics.js";

const graded = new Map([
  ["a", 2],
  ["b", 1],
  ["z", 0],
]);

describe("retrieval metrics", () => {
  it("computes nDCG@10 with linear graded gain", () => {
    expect(ndcgAt(["a", "b"], graded)).toBeCloseTo(1);
    // DCG = 1/log2(2) + 2/log2(3); IDCG = 2/log2(2) + 1/log2(3)
    expect(ndcgAt(["b", "a"], graded)).toBeCloseTo((1 + 2 / Math.log2(3)) / (2 + 1 / Math.log2(3)));
    expect(ndcgAt(["x", "y"], graded)).toBe(0);
  });

  it("computes the reciprocal rank of the first relevant hit within the cut-off", () => {
    expect(reciprocalRankAt(["z", "x", "b"], graded)).toBeCloseTo(1 / 3);
    expect(reciprocalRankAt(["z", "x", "b"], graded, 2)).toBe(0);
  });

  it("computes recall over the relevant documents only", () => {
    expect(recallAt(["a", "z"], graded)).toBe(0.5);
    expect(recallAt(["a", "b"], graded, 1)).toBe(0.5);
  });
});
