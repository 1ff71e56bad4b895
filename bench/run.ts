// `npm run bench [-- --corpus PATH] [--fields LIST] [--queries TSV] [--count N] [--rounds N] [--no-http] [--no-minisearch] [--no-widget]`
// Builds the corpus, then measures query latency in one run, on the same articles and queries:
//   - newsfind's ranking alone (parse, expand, BM25F, top 10) and its full search (with snippets);
//   - plain FlexSearch (English preset, suggest) and MiniSearch (BM25+), in the same process;
//   - the worker over loopback (harness/worker.ts), each search after an empty request, server
//     time being the total minus the empty requests' median (scale/timing.ts);
//   - the widget in Chromium on the same worker: its gzip size and the time from a keystroke to
//     results painted (bench/widget.ts; skipped, saying why, without Chromium).
// Prints medians and the ratios newsfind/FlexSearch and MiniSearch/newsfind.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { buildArtefacts } from "../build/build.js";
import { parseFields } from "../build/options.js";
import { bundleWidget } from "../build/widget.js";
import { indexLoader } from "../src/engine/store/load.js";
import { rank, search } from "../src/engine/search.js";
import { writeNewsfindWorker } from "./harness/newsfind-worker.js";
import { startWorker } from "./harness/worker.js";
import { plainFlexSearch } from "./peers/flexsearch.js";
import { miniSearch } from "./peers/minisearch.js";
import { loadQueries } from "./queries.js";
import { benchWidget, formatWidgetFigures } from "./widget.js";
import { fileAssetReader } from "./fs-assets.js";
import { searchPath } from "./scale/scale-queries.js";
import { warmLatency } from "./scale/timing.js";
import { median, timeEach, timeEachAsync } from "./stats.js";

// With --articles, the archive-scale benchmark (bench/scale-bench.ts) runs instead.
if (process.argv.includes("--articles") || process.argv.some((arg) => arg.startsWith("--articles="))) {
  const { scaleBench } = await import("./scale-bench.js");
  await scaleBench(process.argv.slice(2));
  process.exit(0);
}

const { values } = parseArgs({
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
const rounds = Number(values.rounds);
const fields = parseFields(values.fields);

const outDir = mkdtempSync(join(tmpdir(), "newsfind-bench-"));
const { report, artefacts, articles } = buildArtefacts({ corpus, outDir: join(outDir, "index"), assetsDir: join(outDir, "assets"), fields });
const loaded = await indexLoader(artefacts, fileAssetReader(join(outDir, "assets")))();
const queries = loadQueries(values.queries, articles, Number(values.count));
const us = (ms: number) => `${(ms * 1000).toFixed(1)} µs`.padStart(12);

console.log(`\nnewsfind bench: ${corpus}: ${report.articlesIndexed} articles, ${queries.length} queries x ${rounds} rounds`);
console.log(`  build                          ${report.buildMs} ms; index ${(report.indexBytes.raw / 1024).toFixed(1)} KiB raw, ${(report.indexBytes.gzip / 1024).toFixed(1)} KiB gzip`);

const flex = plainFlexSearch(articles, fields);
const mini = values["no-minisearch"] ? null : miniSearch(articles, fields);
// Interleaved rounds, so a noisy neighbour slows every engine alike.
const times = { flex: [] as number[], rank: [] as number[], search: [] as number[], mini: [] as number[] };
for (let round = 0; round < rounds; round++) {
  times.flex.push(...timeEach(queries, 1, (q) => flex.search(q, 10)));
  times.rank.push(...(await timeEachAsync(queries, 1, (q) => rank(loaded, { q, limit: 10, offset: 0, sort: "relevance" }))));
  times.search.push(...(await timeEachAsync(queries, 1, (q) => search(loaded, { q, limit: 10, offset: 0, sort: "relevance" }))));
  if (mini) times.mini.push(...timeEach(queries, 1, (q) => mini.search(q, 10)));
}
const flexMedian = median(times.flex);
const rankMedian = median(times.rank);
console.log(`  plain FlexSearch (median)      ${us(flexMedian)}`);
console.log(`  newsfind ranking (median)      ${us(rankMedian)}   newsfind/FlexSearch ${(rankMedian / flexMedian).toFixed(2)}x`);
console.log(`  newsfind with snippets         ${us(median(times.search))}   newsfind/FlexSearch ${(median(times.search) / flexMedian).toFixed(2)}x`);
if (mini) console.log(`  MiniSearch (median)            ${us(median(times.mini))}   MiniSearch/newsfind ranking ${(median(times.mini) / rankMedian).toFixed(1)}x`);

if (!values["no-http"] || !values["no-widget"]) {
  const worker = await startWorker({ configPath: writeNewsfindWorker(outDir, { widget: bundleWidget() }) });
  try {
    if (!values["no-http"]) {
      const http = await warmLatency(await worker.client(), queries.map(searchPath), { emptyPath: "/", rounds: Math.min(rounds, 3) });
      console.log(`  worker over loopback           search median ${http.p50Ms.toFixed(2)} ms, p99 ${http.p99Ms.toFixed(2)} ms; empty endpoint median ${http.emptyMedianMs.toFixed(2)} ms; server time median ${http.serverP50Ms.toFixed(2)} ms`);
    }
    if (!values["no-widget"]) {
      const widget = await benchWidget(worker.base);
      console.log(typeof widget === "string" ? `  ${widget}` : formatWidgetFigures(widget).join("\n"));
    }
  } finally {
    await worker.stop();
  }
}
rmSync(outDir, { recursive: true, force: true });
