// `npm run bench -- --corpus FILE.jsonl[.gz] --articles 1000,10000,101400 [--engines newsfind,minisearch,orama]
//   [--cold-runs 5] [--no-rebuild] [--no-wrangler-dev] [--asset-latency 0,2,10] [--repeated [--rounds 3] [--warmup 5]]`
// The archive-scale benchmark: for each article count, newsfind, MiniSearch and Orama each as a
// worker (bench/scale/), measured from outside (Miniflare serving the dry run's bundle) on a
// stream of distinct queries; with --repeated also on 100 queries sent round after round
// (--rounds, after --warmup untimed passes), for comparison only. Then newsfind's own figures:
// the index data a cold two-word query reads (as typed, and with typos), where a query's time
// goes in this process on the worker's field stream, once per --asset-latency (ms added to every
// asset read; '' for none; scale/field-profile.ts), the same stream through `wrangler dev` against
// /health (scale/dev-server.ts; not with --no-wrangler-dev), and a build cache rebuild after five
// articles are edited and one appended (largest size only).
// Writes the figures to bench/results/ and renders bench/README.md (report.ts).
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { parseArgs } from "node:util";
import { coldReads } from "./query-reads.js";
import { withTypos } from "./typos.js";
import { benchRebuild } from "./rebuild.js";
import { writeCorpusSubset } from "./scale/corpus-subset.js";
import { PROJECT_ROOT } from "./harness/commands.js";
import { newsfindAdapter } from "./harness/newsfind-worker.js";
import { devServerLatency } from "./scale/dev-server.js";
import { facetCost } from "./scale/facet-cost.js";
import { profileLatencies, type FieldProfile } from "./scale/field-profile.js";
import { loadFieldStream } from "./scale/field-stream.js";
import { runScale } from "./scale/run-scale.js";
import { DEFAULT_QUERIES, parseTitleQueries, twoWordQuery } from "./scale/scale-queries.js";
import { runTargets, scaleDetail, writeReadme } from "./report.js";
import { commandLine, runInfo, sourceCommit, writeResult, type ScaleFigures } from "./results.js";
import { WARMUP_PASSES } from "./scale/timing.js";
import { ENGINES, type EngineName } from "./scale/types.js";

export async function scaleBench(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      corpus: { type: "string" },
      articles: { type: "string" },
      engines: { type: "string", default: ENGINES.join(",") },
      rounds: { type: "string", default: "3" },
      warmup: { type: "string", default: String(WARMUP_PASSES) },
      "cold-runs": { type: "string", default: "5" },
      "no-rebuild": { type: "boolean", default: false },
      "no-wrangler-dev": { type: "boolean", default: false },
      repeated: { type: "boolean", default: false },
      "asset-latency": { type: "string", default: "0,2,10" },
    },
  });
  const sizes = (values.articles ?? "").split(",").map((size) => Number(size.replace(/[_\s]/g, "")));
  const engines = values.engines!.split(",").map((engine) => engine.trim()) as EngineName[];
  const coldRuns = Number(values["cold-runs"]);
  const warmup = Number(values.warmup);
  const latencies = values["asset-latency"]!.split(",")
    .filter((latency) => latency.trim() !== "")
    .map(Number);
  if (
    !values.corpus ||
    !Number.isInteger(coldRuns) ||
    coldRuns < 1 ||
    !Number.isInteger(warmup) ||
    warmup < 0 ||
    sizes.some((size) => !Number.isInteger(size) || size < 1) ||
    latencies.some((latency) => !Number.isFinite(latency) || latency < 0) ||
    engines.some((engine) => !ENGINES.includes(engine))
  ) {
    throw new Error(
      `usage: npm run bench -- --corpus FILE.jsonl[.gz] --articles 1000,10000,101400 [--engines ${ENGINES.join(",")}] [--cold-runs 5] [--no-rebuild] [--no-wrangler-dev] [--asset-latency 0,2,10] [--repeated [--rounds 3] [--warmup ${WARMUP_PASSES}]]`,
    );
  }
  const commit = sourceCommit();
  const queriesPath = join(PROJECT_ROOT, DEFAULT_QUERIES);
  const titles = parseTitleQueries(readFileSync(queriesPath, "utf8"));
  const twoWord = titles
    .map(twoWordQuery)
    .filter((query): query is string => query !== null)
    .slice(0, 200);
  // The same queries with one seeded typo (never the first letter) in each word of five letters or more: typo tolerance's reads.
  const misspelled = twoWord.map((query, n) => withTypos(query, n + 1, 5));
  const reads: ScaleFigures["reads"] = {};
  const profile: Record<string, FieldProfile> = {};
  const devServer: NonNullable<ScaleFigures["devServer"]> = {};
  const facets: NonNullable<ScaleFigures["facets"]> = {};
  const adapter = newsfindAdapter();
  const rows = await runScale({
    corpus: values.corpus,
    sizes,
    engines,
    repeated: values.repeated,
    rounds: Number(values.rounds),
    warmup,
    coldRuns,
    newsfind: async (corpusPath, dir) => {
      const built = await adapter(corpusPath, dir);
      const articles = Number(/corpus-(\d+)\.jsonl$/.exec(corpusPath)?.[1] ?? 0);
      reads[articles] = {
        clean: await coldReads(join(dir, "index"), join(dir, "assets"), twoWord),
        typos: await coldReads(join(dir, "index"), join(dir, "assets"), misspelled),
      };
      // The stream runScale times the worker with at this size: the same query file and subset, its default seed.
      const field = await loadFieldStream(queriesPath, corpusPath);
      if (latencies.length > 0) {
        profile[articles] = await profileLatencies(
          join(dir, "index"),
          join(dir, "assets"),
          field,
          latencies,
          (message) => console.error(`[scale] ${message}`),
        );
      }
      console.error(`[scale] newsfind ${articles}: the field stream in process, without and with facets`);
      facets[articles] = await facetCost(join(dir, "index"), join(dir, "assets"), field);
      if (!values["no-wrangler-dev"]) {
        console.error(`[scale] newsfind ${articles}: the field stream through wrangler dev`);
        devServer[articles] = await devServerLatency(built.configPath, field).catch((error: unknown) => ({
          missing: `wrangler dev failed: ${error instanceof Error ? error.message : String(error)}`,
        }));
      }
      return built;
    },
    onRow: (row) => console.error(`[scale] ${JSON.stringify(row)}`),
  });
  let rebuild: ScaleFigures["rebuild"];
  if (!values["no-rebuild"] && engines.includes("newsfind")) {
    const dir = mkdtempSync(join(tmpdir(), "newsfind-rebuild-"));
    try {
      const subset = await writeCorpusSubset(values.corpus, Math.max(...sizes), dir);
      rebuild = { articles: subset.lines, ...benchRebuild(subset.path, join(dir, "work")) };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const result = {
    kind: "scale" as const,
    ...runInfo(
      commandLine("bench", argv),
      {
        path: values.corpus,
        articles: Math.max(...rows.map((row) => row.articles)),
      },
      commit,
    ),
    figures: {
      rows,
      reads,
      ...(latencies.length > 0 ? { profile } : {}),
      ...(values["no-wrangler-dev"] ? {} : { devServer }),
      facets,
      rebuild,
    },
  };
  const path = writeResult(result);
  console.log(
    `\n${scaleDetail(result)}\n\n${runTargets(result)}\n\nwrote ${relative(process.cwd(), path)}; ${relative(process.cwd(), writeReadme())} rendered`,
  );
}
