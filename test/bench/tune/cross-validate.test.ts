// Leave-one-collection-out cross-validation: the choice on the other collections (fewest below
// reference, then highest mean gain), and each held-out collection scored by that choice.
import { describe, expect, it } from "vitest";
import { choose, leaveOneOut, type Collection } from "../../../bench/tune/cross-validate.js";

const collections: Collection[] = [
  { name: "a", bm25: 0.5 },
  { name: "b", bm25: 0.3 },
  { name: "c", bm25: 0.7 },
];

describe("choose", () => {
  it("prefers fewer collections below their reference to a higher mean gain", () => {
    const scores = [
      [0.9, 0.9, 0.6], // mean gain +0.30, but c below reference
      [0.55, 0.35, 0.75], // mean gain +0.05, none below
    ];
    expect(choose(scores, collections, [0, 1, 2])).toBe(1);
    // Without c, the first one is better on every count.
    expect(choose(scores, collections, [0, 1])).toBe(0);
  });

  it("breaks equal standings by the fewest constants changed from the shipped ones, then the earlier candidate", () => {
    const tied = [
      [0.6, 0.4, 0.8],
      [0.6, 0.4, 0.8],
      [0.6, 0.4, 0.8],
    ];
    expect(choose(tied, collections, [0, 1, 2], [2, 0, 1])).toBe(1);
    expect(choose(tied, collections, [0, 1, 2], [1, 1, 0])).toBe(2);
    // A higher mean gain still beats nearness.
    expect(
      choose(
        [
          [0.6, 0.4, 0.8],
          [0.6, 0.4, 0.81],
        ],
        collections,
        [0, 1, 2],
        [0, 3],
      ),
    ).toBe(1);
  });

  it("chooses only among the allowed candidates", () => {
    const scores = [
      [0.9, 0.9, 0.9],
      [0.6, 0.4, 0.8],
    ];
    expect(choose(scores, collections, [0, 1, 2], [0, 0], [false, true])).toBe(1);
  });

  it("breaks equal standings by the earlier candidate when none is nearer", () => {
    expect(
      choose(
        [
          [0.6, 0.4, 0.8],
          [0.6, 0.4, 0.8],
        ],
        collections,
        [0, 1, 2],
      ),
    ).toBe(0);
  });
});

describe("leaveOneOut", () => {
  it("scores each collection with the candidate chosen on the others, never on itself", () => {
    // Candidate 0 is best on a and b; candidate 1 only on c, by far.
    const scores = [
      [0.7, 0.5, 0.71],
      [0.51, 0.31, 0.99],
    ];
    const folds = leaveOneOut(scores, collections);
    expect(folds.map((fold) => fold.heldOut)).toEqual([0, 1, 2]);
    // Holding out a: on b and c, candidate 1's mean gain (0.01 + 0.29) / 2 beats candidate 0's (0.2 + 0.01) / 2.
    expect(folds[0]).toEqual({ heldOut: 0, chosen: 1, score: 0.51 });
    expect(folds[1]).toEqual({ heldOut: 1, chosen: 1, score: 0.31 });
    // Holding out c: candidate 0 wins on a and b, and c gets its score, not candidate 1's 0.99.
    expect(folds[2]).toEqual({ heldOut: 2, chosen: 0, score: 0.71 });
  });

  it("keeps the shipped value of a constant the other collections cannot tell apart", () => {
    // Candidates 0 and 1 differ only in a constant that matters to c alone: on a and b they tie.
    // Candidate 1 is the shipped one; 0 is first in the grid.
    const scores = [
      [0.6, 0.4, 0.7],
      [0.6, 0.4, 0.9],
    ];
    expect(leaveOneOut(scores, collections, [1, 0])[2]).toEqual({ heldOut: 2, chosen: 1, score: 0.9 });
  });

  it("lets each fold say which candidates it may choose, from the collections it chooses on", () => {
    const scores = [
      [0.9, 0.9, 0.9],
      [0.6, 0.4, 0.8],
    ];
    const asked: number[][] = [];
    const folds = leaveOneOut(scores, collections, undefined, (on) => {
      asked.push([...on]);
      return [on.includes(0), true];
    });
    expect(asked).toEqual([
      [1, 2],
      [0, 2],
      [0, 1],
    ]);
    expect(folds.map((fold) => fold.chosen)).toEqual([1, 0, 0]);
  });
});
