// The tuning grid: every combination of the values given, the shipped value for an axis not
// given, and a clear refusal of a malformed grid.
import { describe, expect, it } from "vitest";
import { constants, parseGrid, SHIPPED } from "../../../bench/tune/grid.js";
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
