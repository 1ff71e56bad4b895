// `npm run bench [-- --corpus PATH] [--queries TSV] [--count N] [--rounds N] [--no-http]`
// Builds the corpus, then measures query latency three ways in one run:
//   - newsfind's engine in process (ranking and snippets), beside plain FlexSearch on the same index;
//   - the worker over loopback through wrangler dev (Miniflare), minus an empty endpoint's time.
// Prints medians and the newsfind / FlexSearch ratio.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { buildArtefacts } from "../build/build.js";
import { indexLoader } from "../src/engine/load-index.js";
import { search } from "../src/engine/search.js";
import { benchHttp } from "./http.js";
import { loadQueries } from "./queries.js";
import { median, timeEach } from "./stats.js";

const { values } = parseArgs({
  options: {
    corpus: { type: "string", default: process.env.NEWSFIND_CORPUS ?? "corpus" },
    queries: { type: "string" },
    count: { type: "string", default: "200" },
    rounds: { type: "string", default: "5" },
    "no-http": { type: "boolean", default: false },
  },
});
const corpus = values.corpus!;
const rounds = Number(values.rounds);

const { report, artefacts } = buildArtefacts({ corpus, outDir: mkdtempSync(join(tmpdir(), "newsfind-bench-")) });
const loaded = await indexLoader(artefacts)();
const queries = loadQueries(values.queries, loaded.articles, Number(values.count));

const flex = timeEach(queries, rounds, (q) => loaded.index.search(q, { limit: 10 }));
const engine = timeEach(queries, rounds, (q) => search(loaded, { q, limit: 10, offset: 0, sort: "relevance" }));
const us = (ms: number) => `${(ms * 1000).toFixed(1)} µs`;

console.log(`\nnewsfind bench: ${corpus}: ${report.articlesIndexed} articles, ${queries.length} queries x ${rounds} rounds`);
console.log(`  build                      ${report.buildMs} ms; index ${(report.indexBytes.raw / 1024).toFixed(1)} KiB raw, ${(report.indexBytes.gzip / 1024).toFixed(1)} KiB gzip`);
console.log(`  plain FlexSearch (median)  ${us(median(flex))}`);
console.log(`  newsfind engine (median)   ${us(median(engine))}   ratio newsfind/FlexSearch ${(median(engine) / median(flex)).toFixed(2)}`);

if (!values["no-http"]) {
  const http = await benchHttp(corpus, queries, Math.min(rounds, 3));
  console.log(`  worker over loopback       search median ${http.searchMedianMs.toFixed(2)} ms, p99 ${http.searchP99Ms.toFixed(2)} ms; empty endpoint median ${http.emptyMedianMs.toFixed(2)} ms; server time median ${http.serverMedianMs.toFixed(2)} ms`);
}
