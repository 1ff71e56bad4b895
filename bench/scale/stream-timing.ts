// Server time over the field stream (field-stream.ts), from outside, measured as timing.ts
// measures the repeated set: every search follows a request to the worker's empty endpoint, and
// server time = total - median(empty). The warm-up queries go first, untimed; then each measured
// query once, in the stream's order. Percentiles over the whole stream and by kind of query,
// the empty requests' own p99 above their median, the floor of any server p99, and the slowest
// queries with their server times (which of them the tail is made of).
import type { HttpClient } from "../harness/http-client.js";
import { median, percentile, percentiles, type Percentiles } from "../stats.js";
import { FIELD_KINDS, type FieldKind, type FieldStream } from "./field-stream.js";
import { searchPath } from "./scale-queries.js";
import { pairedPass, timedGet } from "./timing.js";

export interface StreamTimings {
  /** Warm-up queries sent, untimed, before the measured ones. */
  warmup: number;
  emptyMedianMs: number;
  /** p99 of (empty - median empty): the harness's own tail. */
  emptyP99Ms: number;
  /** Server time (total - median empty) over every measured query; `n` is their number. */
  server: Percentiles;
  /** Server time by kind, for the kinds the stream holds. */
  byKind: Partial<Record<FieldKind, Percentiles>>;
  /** The SLOWEST_SERVED slowest measured queries, slowest first, with their server times. */
  slowest: ServedQuery[];
}

/** One measured query of the stream and its server time, ms. */
export interface ServedQuery {
  kind: FieldKind;
  query: string;
  ms: number;
}

/** How many of the slowest queries the timings keep. */
export const SLOWEST_SERVED = 10;

/** Sends the stream to the worker (see the header) and returns its server times, ms. */
export async function streamLatency(
  client: HttpClient,
  { warmup, measured }: FieldStream,
  { emptyPath }: { emptyPath: string },
): Promise<StreamTimings> {
  await pairedPass(
    client,
    warmup.map((query) => searchPath(query.text)),
    emptyPath,
  );
  const totals: number[] = [];
  const empties: number[] = [];
  for (const query of measured) {
    empties.push(await timedGet(client, emptyPath));
    totals.push(await timedGet(client, searchPath(query.text)));
  }
  const emptyMedianMs = median(empties);
  const server = totals.map((ms) => ms - emptyMedianMs);
  const byKind: StreamTimings["byKind"] = {};
  for (const kind of FIELD_KINDS) {
    const times = server.filter((_, i) => measured[i]!.kind === kind);
    if (times.length > 0) byKind[kind] = percentiles(times);
  }
  return {
    warmup: warmup.length,
    emptyMedianMs,
    emptyP99Ms: percentile(
      empties.map((ms) => ms - emptyMedianMs),
      99,
    ),
    server: percentiles(server),
    byKind,
    slowest: server
      .map((ms, i) => ({ kind: measured[i]!.kind, query: measured[i]!.text, ms }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, SLOWEST_SERVED),
  };
}
