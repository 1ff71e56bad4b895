// `npm run bench [-- --corpus PATH] [--fields LIST] [--queries TSV] [--count N] [--rounds N] [--no-http] [--no-minisearch] [--no-widget]`
// Builds the corpus, then measures in one run, on the same articles and queries:
//   - newsfind's ranking alone (parse, expand, BM25F, top 10) and its full search (with snippets),
//     plain FlexSearch (English preset, suggest) and MiniSearch (BM25+), in this process, rounds
//     interleaved so a noisy neighbour slows every engine alike;
//   - the worker over loopback (harness/worker.ts), each search after an empty request, server
//     time being the total minus the empty requests' median (scale/timing.ts);
//   - the widget in Chromium on the same worker: its gzip size and the time from a keystroke to
//     results painted (widget.ts; skipped, saying why, without Chromium).
// Writes the figures to bench/results/ and renders bench/README.md from every result (report.ts).
// With --articles, the archive-scale bench (scale-bench.ts) runs instead.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { parseArgs } from "node:util";
import { buildArtefacts } from "../build/build.js";
import { parseFields } from "../build/options.js";
import { bundleWidget } from "../build/widget.js";
import { indexLoader } from "../src/engine/store/load.js";
import { rank, search } from "../src/engine/search.js";
import { fileAssetReader } from "./fs-assets.js";
import { writeNewsfindWorker } from "./harness/newsfind-worker.js";
import { startWorker } from "./harness/worker.js";
import { plainFlexSearch } from "./peers/flexsearch.js";
import { miniSearch } from "./peers/minisearch.js";
import { loadQueries } from "./queries.js";
import { benchDetail, writeReadme } from "./report.js";
import { commandLine, runInfo, sourceCommit, writeResult, type BenchFigures } from "./results.js";
import { searchPath } from "./scale/scale-queries.js";
import { warmLatency } from "./scale/timing.js";
import { percentiles, timeEach } from "./stats.js";
import { benchWidget } from "./widget.js";

const argv = process.argv.slice(2);
if (argv.some((arg) => arg === "--articles" || arg.startsWith("--articles="))) {
  const { scaleBench } = await import("./scale-bench.js");
  await scaleBench(argv);
  process.exit(0);
}

const { values } = parseArgs({
  args: argv,
  options: {
    corpus: { type: "string", default: process.env.NEWSFIND_CORPUS ?? "corpus" },
    fields: { type: "string" },
    queries: { type: "string" },
    count: { type: "string", default: "200" },
    rounds: { type: "string", default: "5" },
    "no-http": { type: "boolean", default: false },
    "no-minisearch": { type: "boolean", default: false },
    "no-widget": { type: "boolean", default: false },
  },
});
const corpus = values.corpus!;
const commit = sourceCommit();
const rounds = Number(values.rounds);
const fields = parseFields(values.fields);

const dir = mkdtempSync(join(tmpdir(), "newsfind-bench-"));
try {
  const { report, artefacts, articles } = buildArtefacts({
    corpus,
    outDir: join(dir, "index"),
    assetsDir: join(dir, "assets"),
    fields,
    spill: false,
  });
  const loaded = await indexLoader(artefacts, fileAssetReader(join(dir, "assets")))();
  const queries = loadQueries(values.queries, articles, Number(values.count));
  console.log(
    `\nnewsfind bench: ${corpus}: ${report.articlesIndexed} articles, ${queries.length} queries x ${rounds} rounds`,
  );

  const flex = plainFlexSearch(articles, fields);
  const mini = values["no-minisearch"] ? null : miniSearch(articles, fields);
  const params = (q: string) => ({ q, limit: 10, offset: 0, sort: "relevance" as const });
  const times = {
    flexsearch: [] as number[],
    ranking: [] as number[],
    search: [] as number[],
    minisearch: [] as number[],
  };
  for (let round = 0; round < rounds; round++) {
    times.flexsearch.push(...(await timeEach(queries, (q) => flex.search(q, 10))));
    times.ranking.push(...(await timeEach(queries, (q) => rank(loaded, params(q)))));
    times.search.push(...(await timeEach(queries, (q) => search(loaded, params(q)))));
    if (mini) times.minisearch.push(...(await timeEach(queries, (q) => mini.search(q, 10))));
  }
  const figures: BenchFigures = {
    queries: queries.length,
    rounds,
    build: {
      ms: report.buildMs,
      indexRawBytes: report.indexBytes.raw,
      indexGzipBytes: report.indexBytes.gzip,
      layout: report.layout,
      assetFiles: report.assets.files,
      assetBytes: report.assets.bytes,
    },
    inProcess: {
      flexsearch: percentiles(times.flexsearch),
      ranking: percentiles(times.ranking),
      search: percentiles(times.search),
      ...(mini ? { minisearch: percentiles(times.minisearch) } : {}),
    },
  };

  if (!values["no-http"] || !values["no-widget"]) {
    const worker = await startWorker({ configPath: writeNewsfindWorker(dir, { widget: bundleWidget() }) });
    try {
      if (!values["no-http"])
        figures.worker = await warmLatency(await worker.client(), queries.map(searchPath), {
          emptyPath: "/",
          rounds: Math.min(rounds, 3),
        });
      if (!values["no-widget"]) figures.widget = await benchWidget(worker.base);
    } finally {
      await worker.stop();
    }
  }

  const result = {
    kind: "bench" as const,
    ...runInfo(commandLine("bench", argv), { path: corpus, articles: report.articlesIndexed }, commit),
    figures,
  };
  const path = writeResult(result);
  console.log(
    `\n${benchDetail(result)}\n\nwrote ${relative(process.cwd(), path)}; ${relative(process.cwd(), writeReadme())} rendered`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
