// Warm latency of a served worker, from outside: every timed request is preceded by one to an
// empty endpoint of the same worker, so "server time" = total - median(empty) leaves out what
// the loopback and workerd's dispatch cost on any request. The empty requests' own spread is
// reported too (`emptyP99Ms`): no server time can be measured more finely than that.
import { median, percentile } from "../stats.js";
import type { HttpClient } from "./http-client.js";

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
  /** p99 of (empty - median empty): the harness's own tail, the floor of any server p99. */
  emptyP99Ms: number;
  /** Percentiles of (total - median empty). */
  serverP50Ms: number;
  serverP99Ms: number;
}

/** Requests the path, reads the body, and returns the milliseconds; throws on a non-2xx. */
export async function timedGet(client: HttpClient, path: string): Promise<number> {
  const { status, ms, body } = await client.get(path);
  if (status < 200 || status > 299) throw new Error(`${path} answered ${status}: ${body.toString("utf8", 0, 300)}`);
  return ms;
}

export async function warmLatency(client: HttpClient, paths: readonly string[], { emptyPath, rounds = 3 }: WarmOptions): Promise<WarmTimings> {
  for (const path of paths) {
    await timedGet(client, emptyPath);
    await timedGet(client, path);
  }
  const totals: number[] = [];
  const empties: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const path of paths) {
      empties.push(await timedGet(client, emptyPath));
      totals.push(await timedGet(client, path));
    }
  }
  const emptyMedianMs = median(empties);
  const server = totals.map((ms) => ms - emptyMedianMs);
  return {
    requests: totals.length,
    p50Ms: median(totals),
    p99Ms: percentile(totals, 99),
    emptyMedianMs,
    emptyP99Ms: percentile(
      empties.map((ms) => ms - emptyMedianMs),
      99,
    ),
    serverP50Ms: median(server),
    serverP99Ms: percentile(server, 99),
  };
}

/** Sends every path once, in order, untimed (load before a heap reading). */
export async function replay(client: HttpClient, paths: readonly string[]): Promise<void> {
  for (const path of paths) await timedGet(client, path);
}
