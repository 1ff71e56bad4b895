// Warm latency of a served worker, from outside: every timed request is preceded by one to an
// empty endpoint of the same worker, so "server time" = total - median(empty) leaves out what
// the loopback, wrangler's proxy and workerd's dispatch cost on any request.
import { median, percentile } from "../stats.js";

export interface WarmOptions {
  /** The worker's empty endpoint, such as "/empty" (newsfind: "/"). */
  emptyPath: string;
  /** Timed passes over the paths after one untimed warm-up pass. Default 3. */
  rounds?: number;
}

export interface WarmTimings {
  /** Timed requests (paths x rounds). */
  requests: number;
  p50Ms: number;
  p99Ms: number;
  emptyMedianMs: number;
  /** Percentiles of (total - median empty). */
  serverP50Ms: number;
  serverP99Ms: number;
}

/** Requests base + path, reads the body, and returns the milliseconds; throws on a non-2xx. */
export async function timedGet(base: string, path: string): Promise<number> {
  const start = performance.now();
  const response = await fetch(base + path);
  const body = await response.arrayBuffer();
  const ms = performance.now() - start;
  if (!response.ok) throw new Error(`${path} answered ${response.status}: ${Buffer.from(body).toString("utf8", 0, 300)}`);
  return ms;
}

export async function warmLatency(base: string, paths: readonly string[], { emptyPath, rounds = 3 }: WarmOptions): Promise<WarmTimings> {
  for (const path of paths) {
    await timedGet(base, emptyPath);
    await timedGet(base, path);
  }
  const totals: number[] = [];
  const empties: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const path of paths) {
      empties.push(await timedGet(base, emptyPath));
      totals.push(await timedGet(base, path));
    }
  }
  const emptyMedianMs = median(empties);
  const server = totals.map((ms) => ms - emptyMedianMs);
  return {
    requests: totals.length,
    p50Ms: median(totals),
    p99Ms: percentile(totals, 99),
    emptyMedianMs,
    serverP50Ms: median(server),
    serverP99Ms: percentile(server, 99),
  };
}

/** Sends every path once, in order, untimed (load before a heap reading). */
export async function replay(base: string, paths: readonly string[]): Promise<void> {
  for (const path of paths) await timedGet(base, path);
}
