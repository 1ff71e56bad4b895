// The scale bench's tables: number formatting, newsfind/peer ratios, and footnotes for what
// could not be measured.
import { describe, expect, it } from "vitest";
import { formatNumber, formatTables, ratio } from "../../../bench/scale/table.js";
import type { ScaleRow } from "../../../bench/scale/types.js";

const row = (engine: ScaleRow["engine"], articles: number, overrides: Partial<ScaleRow> = {}): ScaleRow => ({
  engine,
  articles,
  deployable: { yes: true },
  buildS: 1.5,
  buildRssMB: 300,
  rawMiB: 4,
  gzipMiB: 1,
  files: 132,
  coldMs: 200,
  emptyColdMs: 80,
  warmP50Ms: 2,
  warmP99Ms: 20,
  emptyP99Ms: 3,
  heapMB: 16,
  rssMB: 300,
  ...overrides,
});

describe("formatNumber", () => {
  it("keeps three significant figures or so, with thousands separators", () => {
    expect(formatNumber(1234.5)).toBe("1,235");
    expect(formatNumber(12.345)).toBe("12.3");
    expect(formatNumber(1.2345)).toBe("1.23");
    expect(formatNumber(-0.031)).toBe("-0.03");
  });

  it("prints file counts as whole numbers", () => {
    expect(formatNumber(20001, "files")).toBe("20,001");
  });
});

describe("ratio", () => {
  it("divides newsfind's value by the peer's", () => {
    expect(ratio(2, 8, "MiniSearch")).toBe(0.25);
  });

  it("says which side is missing, and why", () => {
    expect(ratio({ missing: "build failed" }, 3, "Orama")).toEqual({ missing: "newsfind: build failed" });
    expect(ratio(3, { missing: "too big" }, "Orama")).toEqual({ missing: "Orama: too big" });
    expect(ratio(3, 0, "Orama")).toEqual({ missing: "Orama measured 0" });
  });
});

describe("formatTables", () => {
  it("prints one table per engine with a row per article count, smallest first", () => {
    const text = formatTables([row("newsfind", 10000), row("newsfind", 1000)]);
    expect(text).toContain("### newsfind");
    expect(text.indexOf("| 1,000 ")).toBeLessThan(text.indexOf("| 10,000 "));
    expect(text).not.toContain("### MiniSearch");
  });

  it("prints a dash and one shared footnote for cells missing for the same reason", () => {
    const why = { missing: "wrangler dev could not serve it: out of memory" };
    const text = formatTables([row("orama", 101400, { coldMs: why, heapMB: why })]);
    expect(text.match(/—\[1\]/g)).toHaveLength(2);
    expect(text).toContain("[1] wrangler dev could not serve it: out of memory");
  });

  it("says no, with the reason in a footnote, when the dry run breaks a limit", () => {
    const text = formatTables([
      row("minisearch", 101400, {
        deployable: { yes: false, reason: "script is 300.0 MiB uncompressed (limit 64.0 MiB)" },
      }),
    ]);
    expect(text).toMatch(/\| no\[1\] +\|/);
    expect(text).toContain("[1] MiniSearch at 101,400 articles: script is 300.0 MiB uncompressed (limit 64.0 MiB)");
  });

  it("adds a newsfind/peer ratio table for article counts both measured", () => {
    const text = formatTables([
      row("newsfind", 1000, { heapMB: 10 }),
      row("minisearch", 1000, { heapMB: 40 }),
      row("minisearch", 10000),
    ]);
    expect(text).toContain("### newsfind / MiniSearch");
    const ratios = text.slice(text.indexOf("### newsfind / MiniSearch"));
    expect(ratios).toContain("0.25×");
    expect(ratios).not.toContain("10,000");
  });
});

describe("heap cells", () => {
  it("flag a heap above the 128 MB isolate limit with a footnote", () => {
    const text = formatTables([row("orama", 10000, { heapMB: 739 })]);
    expect(text).toContain("739[1]");
    expect(text).toContain("[1] above the 128 MB memory limit of a Workers isolate");
  });
});

describe("cold cells", () => {
  it("say they are medians over the fresh workers sampled", () => {
    const sampled = formatTables([
      row("newsfind", 1000, { coldSamplesMs: [41, 39, 55, 40, 38], emptyColdSamplesMs: [2, 2, 3, 1, 2] }),
    ]);
    expect(sampled).toContain("medians over 5 fresh workers each");
    expect(formatTables([row("newsfind", 1000)])).not.toContain("fresh workers");
  });
});

describe("optional columns", () => {
  const { warmP50Ms, warmP99Ms, ...fieldOnly } = row("newsfind", 1000, {
    fieldP50Ms: 0.8,
    fieldP90Ms: 1.6,
    fieldP99Ms: 4.2,
    longP99Ms: 9.5,
  });

  it("are left out when no row of the run measured them", () => {
    const older = formatTables([row("newsfind", 1000)]);
    expect(older).toContain("repeated p50 ms");
    expect(older).not.toContain("field p50 ms");
    expect(older).not.toContain("Field p50/p90/p99:");
    const field = formatTables([fieldOnly, { ...fieldOnly, engine: "minisearch" }]);
    expect(field).toContain("| field p50 ms | field p90 ms | field p99 ms | long p99 ms |");
    expect(field).not.toContain("repeated p50 ms");
    expect(field).not.toContain("Repeated p50/p99:");
    expect(field).not.toContain("not measured");
  });

  it("print a dash with a footnote in a row that lacks a column another row has", () => {
    const text = formatTables([fieldOnly, row("minisearch", 1000)]);
    expect(text).toContain("[1] not measured by the bench of this run");
    expect(text).toMatch(/\[\d\] MiniSearch: not measured by the bench of this run/);
    expect(text).toMatch(/\[\d\] newsfind: not measured by the bench of this run/);
  });
});

describe("the field stream by kind", () => {
  it("gives each engine's server time per kind of query, with the number of queries", () => {
    const byKind = { headline: { n: 1000, p50: 0.9, p90: 2, p99: 5.5 }, long: { n: 50, p50: 3, p90: 7, p99: 12.25 } };
    const text = formatTables([
      row("minisearch", 2000, { fieldByKind: byKind }),
      row("newsfind", 2000, { fieldByKind: byKind }),
    ]);
    const table = text.slice(text.indexOf("### Field stream by kind of query"));
    expect(table).toMatch(/\| newsfind +\| 2,000 +\| headline +\| +1,000 \| +0\.90 \| +2\.00 \| +5\.50 \|/);
    expect(table).toMatch(/\| newsfind +\| 2,000 +\| long +\| +50 \| +3\.00 \| +7\.00 \| +12\.3 \|/);
    expect(table.indexOf("| newsfind")).toBeLessThan(table.indexOf("| MiniSearch"));
    expect(formatTables([row("newsfind", 2000)])).not.toContain("by kind of query");
  });
});
