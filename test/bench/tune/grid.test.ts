// The tuning grid: every combination of the values given, the shipped value for an axis not
// given, and a clear refusal of a malformed grid.
import { describe, expect, it } from "vitest";
import { changedFromShipped, constants, keeping, parseGrid, SHIPPED, unsupported } from "../../../bench/tune/grid.js";
import { RANKING } from "../../../src/index-format.js";

describe("parseGrid", () => {
  it("gives every combination, the title's values outermost, and keeps the shipped value of an axis not given", () => {
    expect(parseGrid("title=1,3:b=0.4,0.75")).toEqual([
      { title: 1, lede: SHIPPED.lede, k1: SHIPPED.k1, b: 0.4 },
      { title: 1, lede: SHIPPED.lede, k1: SHIPPED.k1, b: 0.75 },
      { title: 3, lede: SHIPPED.lede, k1: SHIPPED.k1, b: 0.4 },
      { title: 3, lede: SHIPPED.lede, k1: SHIPPED.k1, b: 0.75 },
    ]);
  });

  it.each(["title=", "title=a", "weight=2", "b=1.5", "k1=-1"])("refuses %s, naming the part", (grid) => {
    expect(() => parseGrid(grid)).toThrow(`--grid: "${grid}"`);
  });
});

describe("constants", () => {
  it("makes a candidate the ranking constants a build takes, body weight 1, the format's levels", () => {
    expect(constants({ title: 2, lede: 1, k1: 0.9, b: 0.4 })).toEqual({
      weights: { title: 2, body: 1 },
      leadBonus: 1,
      bm25: { k1: 0.9, b: 0.4, levels: RANKING.bm25.levels },
    });
    expect(constants(SHIPPED)).toEqual(RANKING);
  });
});

describe("changedFromShipped", () => {
  it("counts the constants that differ from the shipped ones", () => {
    expect(changedFromShipped(SHIPPED)).toBe(0);
    expect(changedFromShipped({ ...SHIPPED, b: 0.4 })).toBe(1);
    expect(changedFromShipped({ title: SHIPPED.title + 1, lede: SHIPPED.lede + 1, k1: 0.5, b: 0.1 })).toBe(4);
  });
});

describe("unsupported and keeping", () => {
  // Two values of the lede bonus and two of b; three collections.
  const candidates = [
    { ...SHIPPED, lede: 0, b: 0.4 },
    { ...SHIPPED, lede: 0, b: SHIPPED.b },
    { ...SHIPPED, b: 0.4 },
    SHIPPED,
  ];
  // b changes every collection's score; the lede bonus only collection 2's.
  const scores = [
    [0.5, 0.3, 0.6],
    [0.6, 0.4, 0.7],
    [0.5, 0.3, 0.65],
    [0.6, 0.4, 0.75],
  ];

  it("finds the constants fewer than two of the collections respond to", () => {
    expect(unsupported(candidates, scores, [0, 1, 2])).toEqual(["title", "lede", "k1"]);
    // Without collection 2 nothing responds to the lede bonus; b still has two.
    expect(unsupported(candidates, scores, [0, 1])).toEqual(["title", "lede", "k1"]);
    // With collection 2 alone, b has one collection too.
    expect(unsupported(candidates, scores, [2])).toEqual(["title", "lede", "k1", "b"]);
  });

  it("allows only the candidates that keep those constants shipped", () => {
    expect(keeping(candidates, ["lede"])).toEqual([false, false, true, true]);
    expect(keeping(candidates, ["lede", "b"])).toEqual([false, false, false, true]);
  });
});
