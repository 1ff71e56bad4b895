// The tuning table: each set's BM25 reference beside the shipped, chosen and held-out scores,
// scores below the reference said so, and the mean gains.
import { describe, expect, it } from "vitest";
import { SHIPPED } from "../../../bench/tune/grid.js";
import { tuneTable } from "../../../bench/tune/table.js";
import type { TuneFigures } from "../../../bench/results.js";

const figures: TuneFigures = {
  sets: [
    { name: "A", metric: "ndcg@10", bm25: 0.5, queries: 10 },
    { name: "B", metric: "mrr@10", bm25: 0.3, queries: 20 },
  ],
  candidates: [SHIPPED, { title: 1, lede: 0, k1: 0.9, b: 0.4 }],
  scores: [
    [0.6, 0.25],
    [0.55, 0.35],
  ],
  chosen: 1,
  folds: [
    { heldOut: 0, chosen: 1, score: 0.55 },
    { heldOut: 1, chosen: 0, score: 0.25 },
  ],
};

describe("tuneTable", () => {
  const text = tuneTable(figures);
  const row = (name: string) => text.split("\n").find((line) => line.startsWith(`| ${name} `))!;

  it("puts each set's reference beside the shipped, chosen and held-out scores, and names the held-out choice", () => {
    expect(
      row("A")
        .split("|")
        .map((cell) => cell.trim()),
    ).toEqual([
      "",
      "A",
      "ndcg@10, 10 queries",
      "0.500",
      "0.600",
      "0.550",
      "0.550",
      "title 1, lede 0, k1 0.9, b 0.4",
      "",
    ]);
    expect(row("B")).toContain("0.250 (below BM25)");
    expect(row("B")).toContain(`title ${SHIPPED.title}, lede ${SHIPPED.lede}, k1 ${SHIPPED.k1}, b ${SHIPPED.b}`);
  });

  it("gives the mean gain over BM25 of each column", () => {
    // Shipped: (0.1 - 0.05) / 2; chosen: (0.05 + 0.05) / 2; held out: (0.05 - 0.05) / 2.
    expect(
      row("mean gain over BM25")
        .split("|")
        .map((cell) => cell.trim())
        .slice(4, 7),
    ).toEqual(["+0.025", "+0.050", "+0.000"]);
  });
});
