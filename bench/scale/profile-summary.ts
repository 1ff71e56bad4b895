// The field profile's figures (pure): each measured query's record, as field-profile.ts takes
// it, summed up as the results file keeps it: percentiles of time, reads, bytes and rounds of
// reads per query, over the whole stream, by kind and by quarter of the stream (an isolate's
// caches fill as it serves, so reads fall along the stream), and the slowest queries whole.
import type { SearchPhase } from "../../src/engine/search.js";
import { percentiles, type Percentiles } from "../stats.js";
import { FIELD_KINDS, type FieldKind } from "./field-stream.js";

export const PHASES: readonly SearchPhase[] = ["plan", "rank", "cards", "snippets"];

/** One phase of one search. */
export interface PhaseProfile {
  /** From the end of the previous phase (or the search's start) to this one's end. */
  ms: number;
  /** Of which some asset read was pending (metered-reader.ts). */
  readMs: number;
  reads: number;
  bytes: number;
}

/** One measured query. */
export interface QueryProfile {
  kind: FieldKind;
  query: string;
  totalMs: number;
  phases: Record<SearchPhase, PhaseProfile>;
  reads: number;
  bytes: number;
  /** Rounds of reads: times the reader went from idle to busy. */
  rounds: number;
}

/** Percentiles per query of a set of queries. */
export interface ProfilePercentiles {
  totalMs: Percentiles;
  reads: Percentiles;
  bytes: Percentiles;
  rounds: Percentiles;
}

/** A stream profiled at one latency: the figures a results file keeps for each latency. */
export interface StreamProfile extends ProfilePercentiles {
  /** Delay added to every asset read, ms. */
  latencyMs: number;
  /** Warm-up queries run, unmeasured, before the measured ones. */
  warmup: number;
  byKind: Partial<Record<FieldKind, ProfilePercentiles>>;
  /** The measured stream in four consecutive quarters, in order; absent in runs before it. */
  byQuarter?: ProfilePercentiles[];
}

/** A stream's figures with its slowest queries, slowest first (at most SLOWEST). */
export type ProfiledStream = StreamProfile & { slowest: QueryProfile[] };

/** How many of the slowest queries a profile keeps. */
export const SLOWEST = 10;

function percentilesOf(queries: readonly QueryProfile[]): ProfilePercentiles {
  return {
    totalMs: percentiles(queries.map((q) => q.totalMs)),
    reads: percentiles(queries.map((q) => q.reads)),
    bytes: percentiles(queries.map((q) => q.bytes)),
    rounds: percentiles(queries.map((q) => q.rounds)),
  };
}

/** The figures of a profiled stream: see the header. */
export function summarizeProfile(
  queries: readonly QueryProfile[],
  { latencyMs, warmup }: { latencyMs: number; warmup: number },
): ProfiledStream {
  const byKind: StreamProfile["byKind"] = {};
  for (const kind of FIELD_KINDS) {
    const ofKind = queries.filter((q) => q.kind === kind);
    if (ofKind.length > 0) byKind[kind] = percentilesOf(ofKind);
  }
  return {
    latencyMs,
    warmup,
    ...percentilesOf(queries),
    byKind,
    byQuarter: [0, 1, 2, 3].map((quarter) =>
      percentilesOf(
        queries.slice(Math.floor((quarter * queries.length) / 4), Math.floor(((quarter + 1) * queries.length) / 4)),
      ),
    ),
    slowest: [...queries].sort((a, b) => b.totalMs - a.totalMs).slice(0, SLOWEST),
  };
}
