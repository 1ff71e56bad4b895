// `npm run bench:diagnose -- --mode gc ... [--warmup 5] [--passes 6] [--runs 2] [--threshold 3]`:
// where a served worker's slow requests come from. The worker is served with workerd's
// --trace-gc, once with the socket reaching the worker itself (the benches' way) and once
// through Miniflare's assets router (harness/bundle-options.ts), `--runs` times each, in
// alternating order. Each serve gets the scale bench's warm queries: `--warmup` untimed passes,
// then `--passes` timed ones, every query after an empty request. A request is slow when it took
// over `--threshold` ms more than the median empty request; the table says how many slow
// requests saw a garbage collection of the worker's isolate, of another isolate of the same
// workerd (they share its thread), or none. The worker's isolate is told apart by a full GC
// forced in it over the inspector (HeapProfiler.collectGarbage) after the timed passes.
import type { Route } from "../harness/bundle-options.js";
import { startWorker } from "../harness/worker.js";
import { warmPaths } from "../scale/scale-queries.js";
import { pairedPass } from "../scale/timing.js";
import { median, percentile } from "../stats.js";
import type { TracedBuild } from "./traced-worker.js";

export const GC_OPTIONS = {
  warmup: { type: "string", default: "5" },
  passes: { type: "string", default: "6" },
  runs: { type: "string", default: "2" },
  threshold: { type: "string", default: "3" },
} as const;

interface Settings {
  warmup: number;
  passes: number;
  threshold: number;
}

/** "[pid:0x1234abcd]  5210 ms: Scavenge ..." -> "0x1234abcd". */
const isolateOf = (line: string) => /^\[\d+:(0x[0-9a-f]+)\]/.exec(line)?.[1] ?? null;
const isGc = (line: string) => /: (Scavenge|Minor Mark-Sweep|Mark-Compact|Mark-Sweep)/.test(line);

interface Served {
  route: Route;
  requests: number;
  queryP99Ms: number;
  emptyP99Ms: number;
  gcsOfWorker: number;
  gcsOfOthers: number;
  /** Server times (ms over the median empty request) of the slow requests, by what paused them. */
  slow: { worker: number[]; other: number[]; none: number[] };
}

async function measure(
  build: TracedBuild,
  route: Route,
  paths: readonly string[],
  { warmup, passes, threshold }: Settings,
): Promise<Served> {
  const worker = await startWorker({
    configPath: build.configPath,
    bundleDir: build.bundleDir,
    route,
    v8Flags: "--trace-gc",
  });
  try {
    const client = await worker.client();
    const { lines } = worker;
    for (let pass = 0; pass < warmup; pass++) await pairedPass(client, paths, "/");
    const timed: { query: boolean; ms: number; from: number }[] = [];
    for (let pass = 0; pass < passes; pass++) {
      for (const path of paths) {
        for (const [query, target] of [
          [false, "/"],
          [true, path],
        ] as const) {
          const from = lines.length;
          const { ms } = await client.get(target);
          timed.push({ query, ms, from });
        }
      }
    }
    // Which isolate is the worker's: the one that prints a full GC when one is forced in it (after
    // the timed passes: a forced GC shrinks the young generation, and the collections after it).
    await worker.settle();
    const before = lines.length;
    await worker.memory();
    await worker.settle();
    // Full collections only: ": Mark-Compact" or ": Mark-Sweep", not a young generation's "Minor Mark-Sweep".
    const forced = new Set(
      lines
        .slice(before)
        .filter((line) => /: (Mark-Compact|Mark-Sweep)/.test(line))
        .map(isolateOf),
    );
    if (forced.size !== 1)
      throw new Error(`could not tell the worker's isolate: the forced GC was traced by ${forced.size} isolates`);
    const own = [...forced][0]!;

    // A request's lines: those that arrived from its start to the next request's start.
    const gcsOf = (i: number) => lines.slice(timed[i]!.from, timed[i + 1]?.from ?? before).filter(isGc);
    const emptyMedian = median(timed.filter((request) => !request.query).map((request) => request.ms));
    const slow: Served["slow"] = { worker: [], other: [], none: [] };
    let gcsOfWorker = 0;
    let gcsOfOthers = 0;
    timed.forEach((request, i) => {
      const gcs = gcsOf(i);
      const ownGc = gcs.some((line) => isolateOf(line) === own);
      const otherGc = gcs.some((line) => isolateOf(line) !== own);
      gcsOfWorker += gcs.filter((line) => isolateOf(line) === own).length;
      gcsOfOthers += gcs.filter((line) => isolateOf(line) !== own).length;
      const server = request.ms - emptyMedian;
      if (server <= threshold) return;
      (ownGc ? slow.worker : otherGc ? slow.other : slow.none).push(server);
    });
    const serverOf = (query: boolean) =>
      timed.filter((request) => request.query === query).map((request) => request.ms - emptyMedian);
    return {
      route,
      requests: timed.length,
      queryP99Ms: percentile(serverOf(true), 99),
      emptyP99Ms: percentile(serverOf(false), 99),
      gcsOfWorker,
      gcsOfOthers,
      slow,
    };
  } finally {
    await worker.stop();
  }
}

export async function gcPauses(build: TracedBuild, options: Record<keyof typeof GC_OPTIONS, string>): Promise<void> {
  const [warmup, passes, runs, threshold] = [options.warmup, options.passes, options.runs, options.threshold].map(
    Number,
  ) as [number, number, number, number];
  if (
    ![passes, runs].every((n) => Number.isInteger(n) && n >= 1) ||
    !Number.isInteger(warmup) ||
    warmup < 0 ||
    !(threshold > 0)
  ) {
    throw new Error(
      "--passes and --runs must be whole numbers of at least 1, --warmup a whole number, --threshold above 0",
    );
  }
  const paths = warmPaths();
  const rows: Served[] = [];
  for (let run = 0; run < runs; run++) {
    for (const route of run % 2 === 0 ? (["worker", "router"] as const) : (["router", "worker"] as const)) {
      console.error(`[gc] run ${run + 1}, route ${route}`);
      rows.push(await measure(build, route, paths, { warmup, passes, threshold }));
    }
  }
  console.log(
    `\nGarbage collections and slow requests of a newsfind worker at ${build.articles.toLocaleString("en-US")} articles: ${warmup} warm-up passes, then ${passes} timed passes of ${paths.length} queries, each after an empty request; slow = over ${threshold} ms above the median empty request\n`,
  );
  console.log(
    "| route | requests | query p99 ms | empty p99 ms | GCs of the worker | GCs of other isolates | slow | slow, during a GC of the worker | slow, during another isolate's GC | slow, no GC |",
  );
  console.log("|:--|--:|--:|--:|--:|--:|--:|:--|:--|:--|");
  // Each slow group: how many, and their server times, slowest first.
  const group = (times: number[]) =>
    times.length === 0
      ? "0"
      : `${times.length}: ${[...times]
          .sort((a, b) => b - a)
          .map((ms) => ms.toFixed(1))
          .join(", ")}`;
  for (const row of rows) {
    const { slow } = row;
    const all = slow.worker.length + slow.other.length + slow.none.length;
    console.log(
      `| ${row.route} | ${row.requests} | ${row.queryP99Ms.toFixed(2)} | ${row.emptyP99Ms.toFixed(2)} | ${row.gcsOfWorker} | ${row.gcsOfOthers} | ${all} | ${group(slow.worker)} | ${group(slow.other)} | ${group(slow.none)} |`,
    );
  }
  console.log(
    "\nServer times are total minus the median empty request, in ms; the p99s are over the timed passes, and each slow group lists its requests' server times. worker: the socket reaches the worker itself, as the scale bench serves it; router: Miniflare's RPC proxy and assets router in front of it.",
  );
}
