// Analyses kept in scratch files: read back whole, one by one or in order across chunk ends,
// they are the analyses written, and a sharded index compiled from them is the same.
import { describe, expect, it } from "vitest";
import { type Counted, MemoryAnalyses } from "../../build/analyze-articles.js";
import { AnalysisSpill } from "../../build/analysis-spill.js";
import { compileIndex } from "../../build/compile-index.js";
import { noTagging } from "../../build/entities/extract.js";
import type { Article } from "../../src/index-format.js";

/** Analyses of varied sizes, one empty and one longer than the read chunk, from a seeded generator. */
function analyses(): Counted[] {
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  return Array.from({ length: 300 }, (_, n) => {
    const count = n === 5 ? 0 : n === 150 ? 200 : Math.floor(next() * 40);
    return {
      terms: Int32Array.from({ length: count }, () => Math.floor(next() * 1000)),
      tf: Float32Array.from({ length: count }, () => 1 + Math.floor(next() * 6)),
      length: 10 + next() * 300,
    };
  });
}

describe("analyses in scratch files", () => {
  it("reads back what was added, one by one and in order across chunk ends", () => {
    const added = analyses();
    const spill = new AnalysisSpill(undefined, 64);
    const memory = new MemoryAnalyses();
    try {
      for (const counted of added) {
        spill.add(counted);
        memory.add(counted);
      }
      expect(spill.size).toBe(added.length);
      const visited: Counted[] = [];
      spill.each((counted, position) => {
        expect(position).toBe(visited.length);
        visited.push({ terms: counted.terms.slice(), tf: counted.tf.slice(), length: counted.length });
      });
      expect(visited).toEqual(added);
      for (const position of [0, 5, 149, 150, 151, 299]) {
        expect(spill.at(position)).toEqual(added[position]);
        expect(spill.termCount(position)).toBe(added[position]!.terms.length);
        expect(spill.lengthOf(position)).toBe(added[position]!.length);
      }
      expect(spill.averageLength()).toBeCloseTo(memory.averageLength(), 9);
    } finally {
      spill.close();
    }
  });

  it("compiles the same sharded index as analyses held in memory", () => {
    const words = ["harbour", "crane", "strike", "union", "port", "ship", "cargo", "dock"];
    const articles: Article[] = Array.from({ length: 400 }, (_, n) => ({
      id: `a${n}`,
      title: `${words[n % 8]} report ${n}`,
      source: null,
      published: null,
      url: null,
      body: [Array.from({ length: 30 }, (_, k) => (k % 2 ? words[(n + k) % 8] : `w${(n * 13 + k) % 500}`)).join(" ")],
    }));
    const compile = (spilled: boolean) => {
      const spill = spilled ? new AnalysisSpill(undefined, 256) : undefined;
      try {
        return compileIndex(articles, {
          tagger: noTagging(),
          builtAt: "2025-01-01T00:00:00Z",
          layout: "sharded",
          analyses: spill,
        }).files;
      } finally {
        spill?.close();
      }
    };
    const memory = compile(false);
    const spilled = compile(true);
    expect([...spilled.keys()].sort()).toEqual([...memory.keys()].sort());
    for (const [path, data] of memory) expect(Buffer.from(spilled.get(path)!).equals(Buffer.from(data!))).toBe(true);
  });
});
