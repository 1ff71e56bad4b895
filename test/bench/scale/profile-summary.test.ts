// The field profile's figures: percentiles per query over the stream and by kind, and the
// slowest queries kept whole, slowest first.
import { describe, expect, it } from "vitest";
import type { FieldKind } from "../../../bench/scale/field-stream.js";
import { SLOWEST, summarizeProfile, type QueryProfile } from "../../../bench/scale/profile-summary.js";
import { percentiles } from "../../../bench/stats.js";

const phase = (ms: number) => ({ ms, readMs: 0, reads: 0, bytes: 0 });
const query = (n: number, kind: FieldKind, totalMs: number): QueryProfile => ({
  kind,
  query: `query ${n}`,
  totalMs,
  phases: {
    plan: phase(totalMs / 2),
    rank: phase(totalMs / 4),
    cards: phase(totalMs / 8),
    snippets: phase(totalMs / 8),
  },
  reads: n,
  bytes: n * 1000,
  rounds: n % 3,
});

// 25 queries: time goes up and down with n, so the slowest are not the last given.
const queries = Array.from({ length: 25 }, (_, n) => query(n, n % 5 === 0 ? "long" : "two-word", ((n * 7) % 25) + 1));

describe("summarizeProfile", () => {
  const summary = summarizeProfile(queries, { latencyMs: 2, warmup: 4 });

  it("keeps the ten slowest queries whole, slowest first", () => {
    expect(SLOWEST).toBe(10);
    expect(summary.slowest).toHaveLength(10);
    expect(summary.slowest.map((q) => q.totalMs)).toEqual([25, 24, 23, 22, 21, 20, 19, 18, 17, 16]);
    expect(summary.slowest[0]).toEqual(queries.find((q) => q.totalMs === 25));
  });

  it("keeps every query when there are fewer than ten", () => {
    expect(summarizeProfile(queries.slice(0, 3), { latencyMs: 0, warmup: 0 }).slowest).toHaveLength(3);
  });

  it("gives percentiles of time, reads, bytes and rounds per query, overall and for each kind present", () => {
    expect(summary).toMatchObject({ latencyMs: 2, warmup: 4 });
    expect(summary.totalMs).toEqual({ n: 25, p50: 13, p90: 23, p99: 25 });
    expect(summary.reads).toEqual({ n: 25, p50: 12, p90: 22, p99: 24 });
    expect(summary.bytes.p99).toBe(24_000);
    expect(summary.rounds).toEqual({ n: 25, p50: 1, p90: 2, p99: 2 });
    expect(Object.keys(summary.byKind)).toEqual(["two-word", "long"]);
    expect(summary.byKind.long!.reads).toEqual({ n: 5, p50: 10, p90: 20, p99: 20 });
  });

  it("gives the same percentiles for each quarter of the stream, in order", () => {
    // Queries' reads are their n: the quarters of 25 are n 0-5, 6-11, 12-17 and 18-24.
    expect(summary.byQuarter!.map((quarter) => quarter.reads.n)).toEqual([6, 6, 6, 7]);
    const reads = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, n) => from + n);
    expect(summary.byQuarter!.map((quarter) => quarter.reads)).toEqual(
      [reads(0, 5), reads(6, 11), reads(12, 17), reads(18, 24)].map(percentiles),
    );
  });
});
