// `npm run load [-- --connections 64] [--duration 30] [--config wrangler.toml]`: load against
// `wrangler dev` on loopback, as `npm start` serves the corpus. autocannon keeps 64 connections
// busy for 30 s, and stops by itself. Each request takes the next path of a stream of distinct
// queries made from the served archive's newest 100 titles: each title, its pairs of
// neighbouring words, the last of those pairs cut short as typed (prefix=last), and /suggest
// for each word's first two to four letters. When the stream runs out it starts again.
// Two runs over the same stream, each on a fresh wrangler dev with empty state: the edge cache
// off (NEWSFIND_EDGE_CACHE), then on, so a repeated /search or /feed can be answered from it.
// Each prints requests per second, p50 and p99 latency, the share answered from the cache
// (Cache-Status: hit) and the errors (answers other than 2xx, connection errors and timeouts);
// then the ratio of the two rates, and writes them to bench/results/load-<date>.json, rendered
// into bench/README.md. Exits 1 on any error. wrangler dev's clients are loopback
// ones, which the rate limits do not count.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { writeReadme } from "./report.js";
import { commandLine, type LoadFigures, runInfo, sourceCommit, writeResult } from "./results.js";
import { startDevServer } from "./scale/dev-server.js";
import { headlineWords } from "./scale/suggest-stream.js";

const { values } = parseArgs({
  options: {
    connections: { type: "string", default: "64" },
    duration: { type: "string", default: "30" },
    config: { type: "string", default: "wrangler.toml" },
  },
});
const connections = Number(values.connections);
const duration = Number(values.duration);
if (!Number.isInteger(connections) || connections < 1 || !(duration > 0 && duration <= 600)) {
  console.error(
    "usage: npm run load -- [--connections 64] [--duration 30 (seconds, at most 600)] [--config wrangler.toml]",
  );
  process.exit(2);
}

/** The stream's paths (see the header), each once. */
function loadPaths(titles: readonly string[]): string[] {
  const paths = new Set<string>();
  const search = (q: string, extra = "") => paths.add(`/search?q=${encodeURIComponent(q)}${extra}`);
  for (const title of titles) {
    const words = headlineWords(title);
    search(title);
    for (let n = 0; n + 1 < words.length; n++) search(`${words[n]} ${words[n + 1]}`);
    if (words.length >= 2) search(`${words.at(-2)} ${words.at(-1)!.slice(0, 3)}`, "&prefix=last");
    for (const word of words)
      for (const letters of [2, 3, 4])
        if (word.length > letters) paths.add(`/suggest?q=${encodeURIComponent(word.slice(0, letters))}`);
  }
  return [...paths];
}

/** One run: a fresh wrangler dev (an empty edge cache) with the cache on or off, under load. */
async function run(edgeCache: "on" | "off") {
  const state = await mkdtemp(join(tmpdir(), "newsfind-load-"));
  const server = await startDevServer(values.config, { vars: { NEWSFIND_EDGE_CACHE: edgeCache }, persistTo: state });
  try {
    const newest = await server.client.get("/search?limit=100");
    // An empty query lists the newest articles; its total is the archive's size.
    const listed = JSON.parse(newest.body.toString("utf8")) as { total: number; hits: { title: string }[] };
    const titles = listed.hits.map((hit) => hit.title);
    const paths = loadPaths(titles);
    let next = 0;
    let hits = 0;
    /** The first answers other than 2xx: status, path and the start of the body. */
    const failures: string[] = [];
    console.log(
      `load: edge cache ${edgeCache}: ${connections} connections for ${duration} s over ${paths.length} distinct paths`,
    );
    const result = await autocannon({
      url: `http://127.0.0.1:${server.port}`,
      connections,
      duration,
      requests: [
        {
          setupRequest: (request, context) => {
            const path = paths[next++ % paths.length]!;
            (context as { path?: string }).path = path;
            return { ...request, path };
          },
          onResponse: (status, body, context, headers) => {
            if (String(headers?.["cache-status"] ?? "").endsWith("; hit")) hits++;
            if (status >= 300 && failures.length < 5)
              failures.push(`${status} ${(context as { path?: string }).path}: ${body.slice(0, 300)}`);
          },
        },
      ],
    });
    const errors = result.non2xx + result.errors + result.timeouts;
    const share = ((100 * hits) / Math.max(1, result.requests.total)).toFixed(0);
    console.log(
      `load: edge cache ${edgeCache}: ${result.requests.average.toFixed(0)} requests/s, ${result.requests.total} in all (${Math.min(result.requests.total, paths.length)} distinct, ${share} % answered from the cache); latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms; errors ${errors} (${result.non2xx} not 2xx, ${result.errors} connection errors, ${result.timeouts} timeouts)`,
    );
    for (const failure of failures) console.log(`load:   ${failure}`);
    const figures: LoadFigures["runs"][number] = {
      edgeCache,
      requestsPerSecond: result.requests.average,
      requests: result.requests.total,
      cacheHits: hits / Math.max(1, result.requests.total),
      p50Ms: result.latency.p50,
      p99Ms: result.latency.p99,
      errors,
    };
    return { figures, paths: paths.length, articles: listed.total };
  } finally {
    await server.stop();
    await rm(state, { recursive: true, force: true });
  }
}

console.log(`load: wrangler dev --config ${values.config}, without the edge cache, then with it`);
const commit = sourceCommit();
const without = await run("off");
const withCache = await run("on");
const ratio = withCache.figures.requestsPerSecond / without.figures.requestsPerSecond;
console.log(`load: requests/s with the edge cache over without, same stream: ${ratio.toFixed(2)}`);
const corpus = { path: process.env.NEWSFIND_CORPUS ?? "corpus/", articles: without.articles };
const written = writeResult({
  kind: "load",
  ...runInfo(commandLine("load", process.argv.slice(2)), corpus, commit),
  figures: { connections, durationS: duration, paths: without.paths, runs: [without.figures, withCache.figures] },
});
console.log(`load: wrote ${written}; ${writeReadme()} rendered`);
process.exitCode = without.figures.errors + withCache.figures.errors > 0 ? 1 : 0;
