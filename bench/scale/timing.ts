// Warm latency of a served worker, from outside: every timed request is preceded by one to an
// empty endpoint of the same worker, so "server time" = total - median(empty) leaves out what
// the loopback and workerd's dispatch cost on any request. The empty requests' own spread is
// reported too (`emptyP99Ms`): no server time can be measured more finely than that.
//
// "Warm" means the isolate's JIT has settled, not only its caches: V8 keeps compiling the hot
// functions for several hundred requests (Maglev, then TurboFan, on background threads that
// compete with the worker and the client for this machine's two cores), the search's own
// snippet and ranking loops among them, for several passes of the 100 warm queries (`npm run
// bench:diagnose -- --mode jit` counts them pass by pass). So the timed rounds follow `warmup`
// untimed passes: 5 by default, 500 queries, half the queries the heap is read after.
import { median, percentile, percentiles, type Percentiles } from "../stats.js";
import type { HttpClient } from "../harness/http-client.js";

export interface WarmOptions {
  /** The worker's empty endpoint, such as "/empty" (newsfind: "/"). */
  emptyPath: string;
  /** Timed passes over the paths. Default 3. */
  rounds?: number;
  /** Untimed passes over the paths first, each query after an empty request as in the timed ones. Default 5 (see above). */
  warmup?: number;
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

/** Untimed warm-up passes before the timed rounds (see the header). */
export const WARMUP_PASSES = 5;

/** One untimed pass over the paths, each after a request to the empty endpoint, as the timed rounds send them. */
export async function pairedPass(client: HttpClient, paths: readonly string[], emptyPath: string): Promise<void> {
  for (const path of paths) {
    await timedGet(client, emptyPath);
    await timedGet(client, path);
  }
}

/**
 * One timed pass: each path once, after a request to the empty endpoint; the server times
 * (total − median empty) as percentiles.
 */
export async function serverTimes(
  client: HttpClient,
  paths: readonly string[],
  emptyPath: string,
): Promise<Percentiles> {
  const totals: number[] = [];
  const empties: number[] = [];
  for (const path of paths) {
    empties.push(await timedGet(client, emptyPath));
    totals.push(await timedGet(client, path));
  }
  const empty = median(empties);
  return percentiles(totals.map((ms) => ms - empty));
}

export async function warmLatency(
  client: HttpClient,
  paths: readonly string[],
  { emptyPath, rounds = 3, warmup = WARMUP_PASSES }: WarmOptions,
): Promise<WarmTimings> {
  for (let pass = 0; pass < warmup; pass++) await pairedPass(client, paths, emptyPath);
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
