// Measures one engine at one article count, every figure independently: a step that fails
// leaves its cells missing with the reason, and the others are still measured.
//   build (timed) -> dry run against the Workers limits, keeping its bundle -> that bundle in a
//   fresh workerd: first request is a two-word query, then the field stream (its warm-up
//   untimed, then each distinct query once; stream-timing.ts), then with `repeated` the repeated
//   set (after untimed passes over it; timing.ts), then 1,000 queries and the isolate's heap,
//   peak RSS -> more fresh workers of the bundle, each timing its first query -> as many fresh
//   empty workers, each timing its first request (the cold query's baseline). A first request
//   is one sample of a noisy machine: the cold cells are medians.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { bundleWorker } from "../harness/commands.js";
import { startWorker, type WorkerOptions } from "../harness/worker.js";
import { dryRun } from "./dry-run.js";
import { median } from "../stats.js";
import type { FieldStream } from "./field-stream.js";
import { cycle, searchPath } from "./scale-queries.js";
import { streamLatency } from "./stream-timing.js";
import { relatedLatency } from "./related-stream.js";
import { suggestLatency } from "./suggest-stream.js";
import { replay, warmLatency, WARMUP_PASSES } from "./timing.js";
import type { EngineBuild, EngineName, Measured, NumericColumn, ScaleRow } from "./types.js";

/** A built engine, with the endpoint its empty requests go to. */
export type BuiltEngine = EngineBuild & {
  /** The engine's empty endpoint: "/" for newsfind, "/empty" for the peers. */
  emptyPath: string;
};

export interface MeasureInput {
  engine: EngineName;
  articles: number;
  /** Builds the engine's worker; throws (or rejects) with the reason it cannot. */
  build: () => Promise<BuiltEngine>;
  /** The empty worker's wrangler.toml (see empty-worker-config.ts). */
  emptyConfigPath: string;
  coldQuery: string;
  /** The distinct queries timed once each (field-stream.ts); every engine at a size gets the same. */
  field: FieldStream;
  /** Also time the repeated set, `warmQueries` in `rounds` after `warmup` passes, for comparison. Default false. */
  repeated?: boolean;
  /** The repeated set (with `repeated`). */
  warmQueries: string[];
  /** Queries sent before the heap is read (cycled to `heapQueries`). */
  loadQueries: string[];
  heapQueries?: number;
  /** How long a worker may take to get ready (see harness/worker.ts). Default 600 s. */
  readyTimeoutMs?: number;
  /** Timed rounds over the repeated set. Default 3. */
  rounds?: number;
  /** Untimed passes over the repeated set before its timed rounds. Default WARMUP_PASSES (timing.ts). */
  warmup?: number;
  /** Fresh workers timed on their first request, per engine and for the empty worker; the cold cells are their medians. Default 5. */
  coldRuns?: number;
  log?: (message: string) => void;
}

const MiB = 1024 * 1024;
const message = (error: unknown) =>
  (error instanceof Error ? error.message : String(error)).replace(/\s+/g, " ").slice(0, 400);

export async function measureEngine({
  engine,
  articles,
  build,
  emptyConfigPath,
  coldQuery,
  field,
  repeated = false,
  warmQueries,
  loadQueries,
  heapQueries = 1000,
  readyTimeoutMs = 600_000,
  rounds = 3,
  warmup = WARMUP_PASSES,
  coldRuns = 5,
  log = () => {},
}: MeasureInput): Promise<ScaleRow> {
  const cells = {} as Record<NumericColumn, Measured>;
  const fail = (columns: NumericColumn[], why: string) => {
    for (const column of columns) cells[column] ??= { missing: why };
  };
  let deployable: ScaleRow["deployable"] = { missing: "not built" };
  const coldSamples: number[] = [];
  const emptySamples: number[] = [];
  let fieldByKind: ScaleRow["fieldByKind"];
  let fieldSlowest: ScaleRow["fieldSlowest"];
  let suggest: ScaleRow["suggest"];
  let related: ScaleRow["related"];
  // The cells a served worker's requests fill: the repeated set's only when asked for.
  const served: NumericColumn[] = [
    "coldMs",
    "fieldP50Ms",
    "fieldP90Ms",
    "fieldP99Ms",
    "longP99Ms",
    ...(repeated ? (["warmP50Ms", "warmP99Ms"] as const) : []),
    "emptyP99Ms",
    "heapMB",
    "buffersMB",
    "rssMB",
  ];

  log(`${engine} ${articles}: build`);
  let built: BuiltEngine | undefined;
  try {
    built = await build();
    Object.assign(cells, {
      buildS: built.buildMs / 1000,
      buildRssMB: built.buildRssBytes / 1e6,
      rawMiB: built.rawBytes / MiB,
      gzipMiB: built.gzipBytes / MiB,
      files: built.files,
    });
  } catch (error) {
    const why = `build failed: ${message(error)}`;
    fail(["buildS", "buildRssMB", "rawMiB", "gzipMiB", "files", ...served], why);
    deployable = { missing: why };
  }

  if (built) {
    const bundleDir = mkdtempSync(join(tmpdir(), "newsfind-bundle-"));
    try {
      log(`${engine} ${articles}: dry run`);
      try {
        const dry = await dryRun(built.configPath, { outDir: bundleDir });
        deployable = dry.withinLimits ? { yes: true } : { yes: false, reason: dry.problems.join("; ") };
      } catch (error) {
        deployable = { missing: `dry run failed: ${message(error)}` };
      }

      log(`${engine} ${articles}: serve`);
      try {
        const worker = await startWorker({
          configPath: built.configPath,
          bundleDir,
          emptyPath: built.emptyPath,
          readyTimeoutMs,
        });
        try {
          cells.coldMs = await worker
            .firstRequestMs(searchPath(coldQuery))
            .catch((error) => ({ missing: `first query failed: ${message(error)}` }));
          if (typeof cells.coldMs === "number") coldSamples.push(cells.coldMs);
          // A worker that failed its first query is measured no further: every later cell would only say it was gone.
          else throw new ColdFailure(cells.coldMs.missing);
          log(`${engine} ${articles}: field stream, ${field.warmup.length} + ${field.measured.length} queries`);
          const stream = await worker
            .client()
            .then((client) => streamLatency(client, field, { emptyPath: built.emptyPath }))
            .catch((error) => ({ missing: `field stream failed: ${message(error)}` }));
          if ("missing" in stream)
            fail(["fieldP50Ms", "fieldP90Ms", "fieldP99Ms", "longP99Ms", "emptyP99Ms"], stream.missing);
          else {
            Object.assign(cells, {
              fieldP50Ms: stream.server.p50,
              fieldP90Ms: stream.server.p90,
              fieldP99Ms: stream.server.p99,
              longP99Ms: stream.byKind.long?.p99 ?? { missing: "the field stream held no long query" },
              emptyP99Ms: stream.emptyP99Ms,
            });
            fieldByKind = stream.byKind;
            fieldSlowest = stream.slowest;
          }
          if (engine === "newsfind") {
            log(`${engine} ${articles}: /suggest, distinct partial headlines`);
            suggest = await worker
              .client()
              .then((client) => suggestLatency(client, field, { emptyPath: built.emptyPath }))
              .catch((error) => ({ missing: `suggest stream failed: ${message(error)}` }));
            if ("warm" in suggest)
              log(
                `${engine} ${articles}: /suggest p50 / p99 ${suggest.first.p50.toFixed(2)} / ${suggest.first.p99.toFixed(2)} ms, warm ${suggest.warm.p50.toFixed(2)} / ${suggest.warm.p99.toFixed(2)} ms`,
              );
            log(`${engine} ${articles}: /articles/:id/related, distinct articles`);
            related = await worker
              .client()
              .then((client) => relatedLatency(client, field, { emptyPath: built.emptyPath }))
              .catch((error) => ({ missing: `related stream failed: ${message(error)}` }));
            if ("p50" in related)
              log(`${engine} ${articles}: related p50 / p99 ${related.p50.toFixed(2)} / ${related.p99.toFixed(2)} ms`);
          }
          if (repeated) {
            log(`${engine} ${articles}: repeated set`);
            const warm = await worker
              .client()
              .then((client) =>
                warmLatency(client, warmQueries.map(searchPath), { emptyPath: built.emptyPath, rounds, warmup }),
              )
              .catch((error) => ({ missing: `repeated queries failed: ${message(error)}` }));
            if ("missing" in warm) fail(["warmP50Ms", "warmP99Ms"], warm.missing);
            else Object.assign(cells, { warmP50Ms: warm.serverP50Ms, warmP99Ms: warm.serverP99Ms });
          }
          log(`${engine} ${articles}: ${heapQueries} queries, heap`);
          try {
            await replay(await worker.client(), cycle(loadQueries, heapQueries).map(searchPath));
            const { heapBytes, backingBytes } = await worker.memory();
            cells.heapMB = heapBytes / 1e6;
            cells.buffersMB = backingBytes / 1e6;
          } catch (error) {
            fail(["heapMB", "buffersMB"], `heap not read: ${message(error)}`);
          }
          const rss = worker.peakRss();
          cells.rssMB = rss === null ? { missing: "the workerd runtime process was not found" } : rss / 1e6;
        } finally {
          await worker.stop();
        }
      } catch (error) {
        const why = error instanceof ColdFailure ? error.message : `the bundle could not be served: ${message(error)}`;
        fail(served, why);
      }
      if (coldSamples.length > 0) {
        log(`${engine} ${articles}: ${coldRuns - 1} more fresh workers, first query`);
        try {
          while (coldSamples.length < coldRuns)
            coldSamples.push(
              await firstRequestOfFresh(
                { configPath: built.configPath, bundleDir, readyTimeoutMs },
                searchPath(coldQuery),
              ),
            );
          cells.coldMs = median(coldSamples);
        } catch (error) {
          cells.coldMs = { missing: `fresh worker ${coldSamples.length + 1} of ${coldRuns} failed: ${message(error)}` };
        }
      }
    } finally {
      rmSync(bundleDir, { recursive: true, force: true });
    }
  }

  log(`${engine} ${articles}: empty worker`);
  const emptyBundle = mkdtempSync(join(tmpdir(), "newsfind-bundle-"));
  try {
    const bundled = await bundleWorker(emptyConfigPath, emptyBundle);
    if (!bundled.ok) throw new Error(bundled.reason);
    while (emptySamples.length < coldRuns)
      emptySamples.push(
        await firstRequestOfFresh({ configPath: emptyConfigPath, bundleDir: emptyBundle, readyTimeoutMs }, "/"),
      );
    cells.emptyColdMs = median(emptySamples);
  } catch (error) {
    cells.emptyColdMs = { missing: `empty worker failed: ${message(error)}` };
  } finally {
    rmSync(emptyBundle, { recursive: true, force: true });
  }
  return {
    engine,
    articles,
    deployable,
    ...cells,
    coldSamplesMs: coldSamples,
    emptyColdSamplesMs: emptySamples,
    ...(fieldByKind ? { fieldByKind } : {}),
    ...(fieldSlowest ? { fieldSlowest } : {}),
    ...(suggest ? { suggest } : {}),
    ...(related ? { related } : {}),
    ...(built?.phasesMs ? { buildPhasesMs: built.phasesMs } : {}),
  };
}

/** The first query failed; its message is the reason every cell of the served worker gives. */
class ColdFailure extends Error {}

/** Serves the bundle in a fresh workerd, times its first request to `path`, and stops it. */
async function firstRequestOfFresh(options: WorkerOptions, path: string): Promise<number> {
  const worker = await startWorker(options);
  try {
    return await worker.firstRequestMs(path);
  } finally {
    await worker.stop();
  }
}
