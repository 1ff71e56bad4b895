// `npm run bench -- --corpus FILE.jsonl[.gz] --articles 1000,10000,101400 [--engines newsfind,minisearch,orama]
//   [--rounds 3] [--warmup 5] [--cold-runs 5] [--json OUT.json] [--no-rebuild]`
// The archive-scale benchmark: for each article count, newsfind, MiniSearch and Orama each as a
// worker (bench/scale/), measured from outside (Miniflare serving the dry run's bundle), one table per engine plus
// ratios; then newsfind's own figures: the index data a cold two-word query reads (as typed, and
// with typos), and a build cache rebuild after five articles are edited and one appended (largest
// size only).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { parseArgs } from "node:util";
import { coldReads, type ReadFigures } from "./query-reads.js";
import { withTypos } from "./typos.js";
import { benchRebuild } from "./rebuild.js";
import { writeCorpusSubset } from "./scale/corpus-subset.js";
import { newsfindAdapter } from "./harness/newsfind-worker.js";
import { runScale } from "./scale/run-scale.js";
import { DEFAULT_QUERIES, parseTitleQueries, twoWordQuery } from "./scale/scale-queries.js";
import { printTables } from "./scale/table.js";
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
      json: { type: "string" },
      "no-rebuild": { type: "boolean", default: false },
    },
  });
  const sizes = (values.articles ?? "").split(",").map((size) => Number(size.replace(/[_\s]/g, "")));
  const engines = values.engines!.split(",").map((engine) => engine.trim()) as EngineName[];
  const coldRuns = Number(values["cold-runs"]);
  const warmup = Number(values.warmup);
  if (!values.corpus || !Number.isInteger(coldRuns) || coldRuns < 1 || !Number.isInteger(warmup) || warmup < 0 || sizes.some((size) => !Number.isInteger(size) || size < 1) || engines.some((engine) => !ENGINES.includes(engine))) {
    throw new Error(`usage: npm run bench -- --corpus FILE.jsonl[.gz] --articles 1000,10000,101400 [--engines ${ENGINES.join(",")}] [--rounds 3] [--warmup ${WARMUP_PASSES}] [--cold-runs 5]`);
  }
  // The JSON's folder is made now, not after the run: a missing dist/bench/ lost a whole run's figures.
  if (values.json) mkdirSync(dirname(values.json), { recursive: true });
  const titles = parseTitleQueries(readFileSync(DEFAULT_QUERIES, "utf8"));
  const twoWord = titles.map(twoWordQuery).filter((query): query is string => query !== null).slice(0, 200);
  // The same queries with one seeded typo (never the first letter) in each word of five letters or more: typo tolerance's reads.
  const misspelled = twoWord.map((query, n) => withTypos(query, n + 1, 5));
  const reads = new Map<number, { clean: ReadFigures; typos: ReadFigures }>();
  const adapter = newsfindAdapter();
  const rows = await runScale({
    corpus: values.corpus,
    sizes,
    engines,
    rounds: Number(values.rounds),
    warmup,
    coldRuns,
    newsfind: async (corpusPath, dir) => {
      const built = await adapter(corpusPath, dir);
      const articles = Number(/corpus-(\d+)\.jsonl$/.exec(corpusPath)?.[1] ?? 0);
      reads.set(articles, { clean: await coldReads(join(dir, "index"), join(dir, "assets"), twoWord), typos: await coldReads(join(dir, "index"), join(dir, "assets"), misspelled) });
      return built;
    },
    onRow: (row) => console.error(`[scale] ${JSON.stringify(row)}`),
  });
  printTables(rows);

  console.log("\nnewsfind: index data a cold two-word query reads (10 hits with snippets; a fresh store per query)\n");
  console.log("| articles | queries | count | median KiB | p99 KiB | max KiB | median files |\n|---:|:---|---:|---:|---:|---:|---:|");
  const kib = (bytes: number) => (bytes / 1024).toFixed(0);
  for (const [articles, { clean, typos }] of reads) {
    for (const [kind, figures] of [["as typed", clean], ["a typo in each word of 5+ letters", typos]] as const) {
      console.log(`| ${articles.toLocaleString("en-US")} | ${kind} | ${figures.queries} | ${kib(figures.medianBytes)} | ${kib(figures.p99Bytes)} | ${kib(figures.maxBytes)} | ${figures.medianFiles} |`);
    }
  }

  let rebuild: ReturnType<typeof benchRebuild> | undefined;
  if (!values["no-rebuild"] && engines.includes("newsfind")) {
    const largest = Math.max(...sizes);
    const dir = mkdtempSync(join(tmpdir(), "newsfind-rebuild-"));
    try {
      const subset = await writeCorpusSubset(values.corpus, largest, dir);
      rebuild = benchRebuild(subset.path, join(dir, "work"));
      const { full, rebuild: again } = rebuild;
      console.log(`\nnewsfind build cache at ${subset.lines.toLocaleString("en-US")} articles (each build a fresh process, timed from outside):`);
      console.log(`  full build, filling the cache   ${(full.wallMs / 1000).toFixed(1)} s (report: ${(full.buildMs / 1000).toFixed(1)} s)`);
      console.log(`  rebuild after 5 edits + 1 added ${(again.wallMs / 1000).toFixed(1)} s (report: ${(again.buildMs / 1000).toFixed(1)} s; ${again.cached.toLocaleString("en-US")} of ${again.articles.toLocaleString("en-US")} articles from the cache; ${again.written} files written; phases ${JSON.stringify(again.phasesMs)})`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  if (values.json) writeFileSync(values.json, `${JSON.stringify({ rows, reads: Object.fromEntries(reads), rebuild }, null, 2)}\n`);
}
