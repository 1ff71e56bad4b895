// `npm run bench:report`: renders bench/README.md from bench/results/*.json (results.ts): the
// method, the targets against the latest runs, every run of each bench as a row with the command
// that reproduces it, the latest archive-scale run's tables, and the diagnostic tools. `npm run
// bench` calls it after writing its result. Pure formatting apart from writeReadme.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { WIDGET_GZIP_BUDGET } from "../build/widget.js";
import { PROJECT_ROOT } from "./harness/commands.js";
import { FIELDS } from "./extract/compare.js";
import {
  type BenchFigures,
  type CopiesFigures,
  type BenchResult,
  type ExtractFigures,
  type LoadFigures,
  loadResults,
  type RunInfo,
  type PartialFigures,
  type ScaleFigures,
  type TuneFigures,
  type VariantFigures,
} from "./results.js";
import { profileTables, queryCell } from "./scale/profile-tables.js";
import { RELATED_ARTICLES } from "./scale/related-stream.js";
import type { Percentiles } from "./stats.js";
import { copiesRunsTable, copiesTable } from "./copies-table.js";
import { partialTable } from "./tune/partial-table.js";
import { tuneTable } from "./tune/table.js";
import { variantsTable } from "./variants/table.js";
import { formatTables, markdown } from "./scale/table.js";
import { WARMUP_PASSES } from "./scale/timing.js";
import { PEERS_GZIP } from "./widget.js";

type BenchRun = RunInfo & { kind: "bench"; figures: BenchFigures };
export type ScaleRun = RunInfo & { kind: "scale"; figures: ScaleFigures };
type ExtractRun = RunInfo & { kind: "extract"; figures: ExtractFigures };
type TuneRun = RunInfo & { kind: "tune"; figures: TuneFigures };
type PartialRun = RunInfo & { kind: "partial"; figures: PartialFigures };
type CopiesRun = RunInfo & { kind: "copies"; figures: CopiesFigures };
type LoadRun = RunInfo & { kind: "load"; figures: LoadFigures };

/** `npm run load`'s latest run: each pass, and the rate with the edge cache over without. */
function loadDetail(run: LoadRun): string {
  const { connections, durationS, paths, runs } = run.figures;
  const rows = runs.map((pass) => [
    pass.edgeCache,
    pass.requestsPerSecond.toFixed(0),
    count(pass.requests),
    percent(pass.cacheHits),
    String(pass.p50Ms),
    String(pass.p99Ms),
    String(pass.errors),
  ]);
  const [off, on] = [runs.find((pass) => pass.edgeCache === "off"), runs.find((pass) => pass.edgeCache === "on")];
  const ratio =
    off && on
      ? ` With the edge cache over without: ${(on.requestsPerSecond / off.requestsPerSecond).toFixed(2)} × the requests a second.`
      : "";
  return [
    `${code(run.command)} on ${day(run)} UTC at ${run.commit}; ${machine(run)}; ${count(run.corpus.articles)} articles of ${run.corpus.path}. ${connections} connections for ${durationS} s each pass, over ${count(paths)} distinct paths from the newest 100 titles (searches, typed prefixes, \`/suggest\`), each pass on a fresh \`wrangler dev\` with empty state.${ratio}`,
    markdown(["edge cache", "requests/s", "requests", "from the cache", "p50 ms", "p99 ms", "errors"], rows),
  ].join("\n\n");
}
type VariantsRun = RunInfo & { kind: "variants"; figures: VariantFigures };

const us = (ms: number) => (ms * 1000).toLocaleString("en-US", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const ms2 = (ms: number) => ms.toFixed(2);
const kib = (bytes: number) => (bytes / 1024).toFixed(0);
const count = (n: number) => n.toLocaleString("en-US");
const day = (run: RunInfo) => run.date.slice(0, 16).replace("T", " ");
const machine = (run: RunInfo) => `${run.machine.cpu}, ${run.machine.cores} cores, Node ${run.machine.node}`;
const code = (text: string) => `\`${text}\``;

const METHOD = `## Method

- **One run, peers beside newsfind.** Every figure of a table row comes from one run of one
  command, on the same articles and queries; the peers are measured in that same run, so a busy
  machine slows them all alike. Two rows are two runs: compare ratios within a row, not figures
  across rows.
- **In process** (\`npm run bench\`): the corpus is built, then each query is timed alone, a
  stream of 200 queries (two title words of each article in turn, or \`--queries TSV\`), and the
  engines take turns round by round (5 rounds, interleaved): plain FlexSearch (English pack,
  \`suggest: true\`, top 10), newsfind's ranking (\`rank()\`: parse, typo check, BM25F, top 10),
  newsfind's full search (ranking plus ten snippets) and MiniSearch (BM25+, top 10).
- **The worker over loopback**: the built index is bundled by \`wrangler deploy --dry-run\` and
  served by Miniflare on a free loopback port, the socket reaching the worker itself
  (\`bench/harness/\`), then timed from outside over one keep-alive connection. Every search
  follows a request to the worker's empty endpoint (\`/\`); server time is a search's total minus
  the empty requests' median. ${WARMUP_PASSES} untimed passes come first, so V8's compilers have
  settled; then the same stream in \`--rounds\` timed rounds, at most 3. The edge cache is off
  here and through \`wrangler dev\` (\`NEWSFIND_EDGE_CACHE\`): Miniflare's Cache API is a local
  stand-in whose cost says nothing of the edge's; \`npm run load\` compares the two.
- **The widget** (Chromium, \`/usr/bin/chromium\` or \`NEWSFIND_CHROMIUM\`; skipped where absent):
  the size is the bytes of \`/widget.js\` Chromium received, gzipped at level 9; the keystroke
  time runs from the \`keydown\` of a query's last letter to the first animation frame (plus one
  task) after \`newsfind:load\`, over 30 keystrokes after 3 warm-up ones, the HTTP cache off. It
  includes the widget's debounce, shown apart.
- **Archive scale** (\`--articles\`): for each article count (the corpus's first N articles),
  newsfind, MiniSearch and Orama are each built, bundled by \`wrangler deploy --dry-run\`, checked
  against the Workers limits and served as their own worker, as above (\`bench/scale/\`). Cold
  first query: the first request of a fresh worker, beside that of a fresh empty worker, medians
  over \`--cold-runs\` fresh processes (5). Field p50/p90/p99: a stream of distinct queries, the
  same for every engine (\`bench/scale/field-stream.ts\`): the 1,000 known-item headlines, 1,000
  two-word queries of other titles of the articles measured, 300 of yet others with a typo and 50
  ledes of 30 to 60 words, interleaved by a seeded shuffle; 200 further queries of every kind go
  first, untimed, then each measured query once, each after an empty request. Long p99: the
  ledes alone. With \`--repeated\`, for comparison only: 100 queries (known-item headlines and
  two-word queries made from them), \`--warmup\` untimed passes (${WARMUP_PASSES}), then \`--rounds\` timed
  rounds (3), each after an empty request. Heap: the isolate's V8 heap after a full GC, after
  1,000 queries; buffers: its ArrayBuffer backing stores then, outside the heap. Then for newsfind alone: \`/suggest\` over the partial queries typing each
  headline makes (the first word to two, three and four letters, then the first word with the
  second's first two letters; \`bench/scale/suggest-stream.ts\`), each distinct one once after
  those of the warm-up headlines, timed twice, as the suggestion shards load and warm;
  \`/articles/:id/related\` for the top hit of each of the first ${RELATED_ARTICLES} measured headlines, each
  once (\`bench/scale/related-stream.ts\`); the index data a cold two-word query reads (as typed,
  and with a typo in each word of five letters or more) and a cached rebuild after five edits
  and one new article.
- **Where the time goes** (newsfind, in this process: inside workerd the clock stands still
  without I/O): the same field stream on one store over the same built files, the warm-up
  first, then each measured query once (10 hits), timed phase by phase (plan: posting lists
  read and decoded, words expanded; rank; cards: the page's hit cards, and whole articles where
  a card lacks the words; snippets), its asset reads counted, and the wall time with a read
  pending kept per phase. Once per \`--asset-latency\` (0, 2 and 10 ms), each on a fresh store:
  every read waits that much more, reads issued together once, as a slower asset store would.
- **Through \`wrangler dev\`** (newsfind; not with \`--no-wrangler-dev\`): the same built worker
  served by \`wrangler dev\` (its development proxy in front of Miniflare), the same stream, each
  search after a GET /health on one keep-alive connection; the figure is each percentile of
  /search minus the same percentile of /health (\`bench/scale/dev-server.ts\`).
- **Results are data**: each run writes \`bench/results/<kind>-<date>.json\` (command, date,
  commit, machine, corpus, figures with their percentiles) and this file is rendered from all of
  them (\`npm run bench:report\`).`;

const DIAGNOSE = `## Diagnostics (\`npm run bench:diagnose\`)

\`\`\`sh
npm run bench:diagnose -- --mode jit --corpus ../shared/datasets/reuters-2006-2013/docs.jsonl.gz --articles 101400 [--passes 12]
npm run bench:diagnose -- --mode gc --corpus ../shared/datasets/reuters-2006-2013/docs.jsonl.gz --articles 101400 [--warmup 5] [--passes 6] [--runs 2] [--threshold 3]
npm run bench:diagnose -- --mode dev --corpus ../shared/datasets/reuters-2006-2013/docs.jsonl.gz --articles 101400 [--queries N] [--runs 2]
\`\`\`

Why a served worker is slow, rather than how fast it is (\`bench/diagnose/\`): the corpus's first N
articles built and bundled as the archive-scale bench does, served with workerd's V8 tracing
flags (line-buffered through coreutils' \`libstdbuf\`), and the archive-scale bench's warm queries
sent pass after pass, each after an empty request. Tracing slows the worker: these tools time
nothing a target is judged by.

- \`--mode jit\` (\`--trace-opt --trace-deopt\`): per pass, how many functions V8 finished compiling
  and how much optimized code it threw away; why the timed rounds follow five untimed passes.
- \`--mode gc\` (\`--trace-gc\`): the requests slower than \`--threshold\` ms over the median empty
  request, by what paused them: a garbage collection of the worker's isolate (told apart by a full
  GC forced in it over the inspector), of another isolate of the same workerd, or none; once with
  the socket reaching the worker itself and once through Miniflare's assets router.
- \`--mode dev\` (untraced): what a request costs each process that serves it, through
  \`wrangler dev\` and served directly, \`--runs\` times each in alternating order: the field
  stream (its first \`--queries\`), each search after a GET /health, and the CPU of every process
  of the stack read from /proc before each request and 5 ms after its answer, summed by role
  (this client; the launcher, wrangler's or Miniflare's Node process; wrangler's proxy runtime;
  the worker's runtime). It says what wrangler dev adds to the server time of a search.

\`npm run bench:compare -- --corpus FILE --articles N --base REV [--rounds 5] [--warmup 5]\` serves
this checkout and revision REV side by side, requests interleaved, for a change's effect on warm
latency (\`bench/compare.ts\`).`;

interface Target {
  name: string;
  limit: string;
  /** The measured value as text and whether it meets the limit; null when the run has no such figure. */
  measure(run: BenchRun | ScaleRun): { value: string; met: boolean } | null;
}

const ratioOf = (run: BenchRun) => run.figures.inProcess.ranking.p50 / run.figures.inProcess.flexsearch.p50;
/** The in-process ratios are judged on 10,000 articles or more: on a few, every engine takes a few microseconds and the ratios move between runs. */
const RATIO_ARTICLES = 10_000;
const ratioRun = (run: BenchRun | ScaleRun): run is BenchRun =>
  run.kind === "bench" && run.corpus.articles >= RATIO_ARTICLES;
const largest = (run: ScaleRun) => {
  const rows = run.figures.rows.filter((row) => row.engine === "newsfind");
  return rows.length > 0 ? rows.reduce((a, b) => (b.articles > a.articles ? b : a)) : undefined;
};
/** The archive-scale targets are set for the whole archive: a run is judged only at this size. */
const SCALE_ARTICLES = 101_400;
const numeric = (value: unknown) => (typeof value === "number" ? value : null);
function scaleTarget(
  name: string,
  limit: string,
  pick: (run: ScaleRun) => number | null,
  max: number,
  format: (value: number) => string,
): Target {
  return {
    name,
    limit,
    measure: (run) => {
      if (run.kind !== "scale" || (largest(run)?.articles ?? 0) < SCALE_ARTICLES) return null;
      const value = pick(run);
      return value === null ? null : { value: format(value), met: value <= max };
    },
  };
}

/** The 101,400-article figures of a scale run: its profile at 0 ms a read, and its stream through `wrangler dev`. */
const profileAt = (run: ScaleRun) => run.figures.profile?.[String(SCALE_ARTICLES)]?.latencies["0"];
const devOver = (run: ScaleRun) => {
  const timings = run.figures.devServer?.[String(SCALE_ARTICLES)];
  return timings && !("missing" in timings) ? timings.over : undefined;
};

/** The 101,400-article warm /suggest p99 of a scale run, when it measured one. */
const suggestP99 = (run: ScaleRun) => {
  const suggest = largest(run)?.suggest;
  return suggest && "warm" in suggest ? suggest.warm.p99 : null;
};

/** The 101,400-article /articles/:id/related percentile of a scale run, when it measured one. */
const relatedAt = (run: ScaleRun, key: "p50" | "p99") => {
  const related = largest(run)?.related;
  return related && key in related ? (related as Percentiles)[key] : null;
};

/** The 101,400-article p50 that facets add to a search in process, when the run measured it. */
const facetsAdded = (run: ScaleRun) => {
  const cost = run.figures.facets?.[String(SCALE_ARTICLES)];
  return cost ? cost.with.p50 - cost.without.p50 : null;
};

/** Issue 21's goals for the field stream of distinct queries, and issue 23's for suggestions, related stories and facets. */
function fieldTargets(): Target[] {
  const ms = (value: number) => `${ms2(value)} ms`;
  const files = (value: number) => `${value} files`;
  const kibs = (bytes: number) => `${kib(bytes)} KiB`;
  return [
    scaleTarget("field stream p50, server time", "2 ms", (run) => numeric(largest(run)?.fieldP50Ms), 2, ms),
    scaleTarget("field stream p99, server time", "15 ms", (run) => numeric(largest(run)?.fieldP99Ms), 15, ms),
    scaleTarget("pasted paragraphs p99, server time", "25 ms", (run) => numeric(largest(run)?.longP99Ms), 25, ms),
    scaleTarget("wrangler dev, /search minus /health, p50", "2 ms", (run) => devOver(run)?.p50 ?? null, 2, ms),
    scaleTarget("wrangler dev, /search minus /health, p90", "5 ms", (run) => devOver(run)?.p90 ?? null, 5, ms),
    scaleTarget("files a query reads, p50", "4", (run) => profileAt(run)?.reads.p50 ?? null, 4, files),
    scaleTarget("files a query reads, p99", "16", (run) => profileAt(run)?.reads.p99 ?? null, 16, files),
    scaleTarget("KiB a query reads, p50", "64 KiB", (run) => profileAt(run)?.bytes.p50 ?? null, 64 * 1024, kibs),
    scaleTarget("KiB a query reads, p99", "512 KiB", (run) => profileAt(run)?.bytes.p99 ?? null, 512 * 1024, kibs),
    scaleTarget("/suggest p99, server time, distinct partial headlines, warm", "2 ms", suggestP99, 2, ms),
    scaleTarget(
      "/articles/:id/related p50, server time, distinct articles",
      "2 ms",
      (run) => relatedAt(run, "p50"),
      2,
      ms,
    ),
    scaleTarget(
      "/articles/:id/related p99, server time, distinct articles",
      "15 ms",
      (run) => relatedAt(run, "p99"),
      15,
      ms,
    ),
    scaleTarget("facets added to the field stream's p50, in process", "1 ms", facetsAdded, 1, ms),
  ];
}

const TARGETS: Target[] = [
  {
    name: "newsfind ranking over plain FlexSearch, p50",
    limit: "2 ×",
    measure: (run) => (ratioRun(run) ? { value: `${ratioOf(run).toFixed(2)} ×`, met: ratioOf(run) <= 2 } : null),
  },
  {
    name: "MiniSearch over newsfind ranking, p50",
    limit: "at least 10 ×",
    measure: (run) => {
      const mini = ratioRun(run) ? run.figures.inProcess.minisearch : undefined;
      if (!ratioRun(run) || !mini) return null;
      const ratio = mini.p50 / run.figures.inProcess.ranking.p50;
      return { value: `${ratio.toFixed(1)} ×`, met: ratio >= 10 };
    },
  },
  {
    name: "widget, gzip",
    limit: `${count(WIDGET_GZIP_BUDGET)} bytes`,
    measure: (run) => {
      const widget = run.kind === "bench" ? run.figures.widget : undefined;
      return widget && "gzipBytes" in widget
        ? { value: `${count(widget.gzipBytes)} bytes`, met: widget.gzipBytes <= WIDGET_GZIP_BUDGET }
        : null;
    },
  },
  scaleTarget(
    "cold first query over an empty worker's first request",
    "+50 ms",
    (run) => {
      const row = largest(run);
      const [cold, empty] = [numeric(row?.coldMs), numeric(row?.emptyColdMs)];
      return cold === null || empty === null ? null : cold - empty;
    },
    50,
    (value) => `+${value.toFixed(1)} ms`,
  ),
  scaleTarget(
    "index data a two-word query reads (with typos too), max",
    "1 MB",
    (run) => {
      const reads = Object.values(run.figures.reads);
      return reads.length === 0
        ? null
        : Math.max(...reads.flatMap(({ clean, typos }) => [clean.maxBytes, typos.maxBytes]));
    },
    1_000_000,
    (bytes) => `${kib(bytes)} KiB`,
  ),
  ...fieldTargets(),
  scaleTarget(
    "warm p50, server time",
    "1 ms",
    (run) => numeric(largest(run)?.warmP50Ms),
    1,
    (value) => `${ms2(value)} ms`,
  ),
  scaleTarget(
    "warm p99, server time",
    "5 ms",
    (run) => numeric(largest(run)?.warmP99Ms),
    5,
    (value) => `${ms2(value)} ms`,
  ),
  scaleTarget(
    "heap after 1,000 varied queries",
    "64 MB",
    (run) => numeric(largest(run)?.heapMB),
    64,
    (value) => `${value.toFixed(1)} MB`,
  ),
  scaleTarget(
    "build, cold cache",
    "120 s",
    (run) => numeric(largest(run)?.buildS),
    120,
    (value) => `${value.toFixed(1)} s`,
  ),
  scaleTarget(
    "rebuild after 5 edits and 1 new article",
    "10 s",
    (run) => (run.figures.rebuild ? run.figures.rebuild.rebuild.wallMs / 1000 : null),
    10,
    (value) => `${value.toFixed(1)} s`,
  ),
  {
    name: "deployable within the Workers limits",
    limit: "64 MiB script, 20,000 files of 25 MiB",
    measure: (run) => {
      const row = run.kind === "scale" ? largest(run) : undefined;
      if (!row || row.articles < SCALE_ARTICLES || "missing" in row.deployable) return null;
      return { value: row.deployable.yes ? "yes" : `no: ${row.deployable.reason}`, met: row.deployable.yes };
    },
  },
];

/** Runs a target is judged on: the latest three that measure it (a goal is met when it is met in all three). */
const JUDGED_RUNS = 3;

function targetsSection(results: readonly BenchResult[]): string {
  const runs = results.filter((run): run is BenchRun | ScaleRun => run.kind !== "extract");
  const rows = TARGETS.map((target) => {
    const judged = runs
      .flatMap((run) => {
        const measured = target.measure(run);
        return measured ? [{ run, measured }] : [];
      })
      .slice(-JUDGED_RUNS);
    if (judged.length === 0) return [target.name, target.limit, "not measured yet", ""];
    const latest = judged.at(-1)!;
    const met = judged.filter(({ measured }) => measured.met).length;
    return [
      target.name,
      target.limit,
      `${judged.map(({ measured }) => measured.value).join(" · ")} (${count(latest.run.corpus.articles)} articles, latest ${day(latest.run)})`,
      met === judged.length ? `met ${met} of ${judged.length}` : `**met ${met} of ${judged.length}**`,
    ];
  });
  return `## Targets\n\nThe issues' targets, each against the latest ${JUDGED_RUNS} runs that measure it, oldest first: the in-process ratios on a corpus of ${count(RATIO_ARTICLES)} articles or more, the archive-scale ones on a run of ${count(SCALE_ARTICLES)} articles. Each run's command is in the tables below.\n\n${markdown(["target", "limit", "runs", ""], rows, ["limit", "runs", ""])}`;
}

/** This run's figures against every target it measures, as the scale bench prints them at its end. */
export function runTargets(run: ScaleRun): string {
  const rows = TARGETS.flatMap((target) => {
    const measured = target.measure(run);
    return measured ? [[target.name, target.limit, measured.value, measured.met ? "met" : "**not met**"]] : [];
  });
  return rows.length === 0
    ? ""
    : `#### Targets, this run\n\n${markdown(["target", "limit", "this run", ""], rows, ["limit", "this run", ""])}`;
}

/** One row per everyday run: p50s, with the command that reproduces it. */
function benchHistory(runs: BenchRun[]): string {
  const rows = [...runs].reverse().map((run) => {
    const { build, inProcess, worker, widget } = run.figures;
    const rank = inProcess.ranking.p50;
    return [
      day(run),
      run.commit,
      `${run.corpus.path} (${count(run.corpus.articles)})`,
      count(build.ms),
      us(inProcess.flexsearch.p50),
      `${us(rank)} (${(rank / inProcess.flexsearch.p50).toFixed(2)} ×)`,
      us(inProcess.search.p50),
      inProcess.minisearch
        ? `${us(inProcess.minisearch.p50)} (${(inProcess.minisearch.p50 / rank).toFixed(1)} ×)`
        : "–",
      worker ? `${ms2(worker.serverP50Ms)} / ${ms2(worker.serverP99Ms)}` : "–",
      widget && "gzipBytes" in widget ? count(widget.gzipBytes) : "–",
      widget && "paintMs" in widget
        ? `${widget.paintMs.p50.toFixed(1)} (net ${(widget.paintMs.p50 - widget.debounceMs).toFixed(1)})`
        : "–",
      code(run.command),
    ];
  });
  const headings = [
    "date (UTC)",
    "commit",
    "corpus (articles)",
    "build ms",
    "FlexSearch µs",
    "ranking µs (/ FlexSearch)",
    "search µs",
    "MiniSearch µs (/ ranking)",
    "worker server p50 / p99 ms",
    "widget gzip B",
    "keystroke ms (net of debounce)",
    "command",
  ];
  return markdown(headings, rows, ["commit", "corpus (articles)", "command"]);
}

/** The latest everyday run, every percentile. */
export function benchDetail(run: BenchRun): string {
  const { queries, rounds, build, inProcess, worker, widget } = run.figures;
  const line = (
    name: string,
    p: { n: number; p50: number; p90: number; p99: number },
    unit: (ms: number) => string,
  ) => [name, count(p.n), unit(p.p50), unit(p.p90), unit(p.p99)];
  const rows = [
    line("plain FlexSearch, µs", inProcess.flexsearch, us),
    line("newsfind ranking, µs", inProcess.ranking, us),
    line("newsfind with 10 snippets, µs", inProcess.search, us),
    ...(inProcess.minisearch ? [line("MiniSearch, µs", inProcess.minisearch, us)] : []),
  ];
  if (worker) {
    rows.push(["worker: search total, ms", count(worker.requests), ms2(worker.p50Ms), "", ms2(worker.p99Ms)]);
    rows.push([
      "worker: server time, ms",
      count(worker.requests),
      ms2(worker.serverP50Ms),
      "",
      ms2(worker.serverP99Ms),
    ]);
    rows.push([
      "worker: empty request, ms (p99 above its median)",
      count(worker.requests),
      ms2(worker.emptyMedianMs),
      "",
      `+${ms2(worker.emptyP99Ms)}`,
    ]);
  }
  if (widget && "paintMs" in widget)
    rows.push(
      line(`keystroke to results painted, ms (debounce ${widget.debounceMs})`, widget.paintMs, (ms) => ms.toFixed(1)),
    );
  const parts = [
    `${code(run.command)} on ${day(run)} UTC at ${run.commit}; ${machine(run)}; ${count(queries)} queries × ${rounds} rounds in process${worker ? `, × ${worker.requests / queries} through the worker` : ""} on ${run.corpus.path} (${count(run.corpus.articles)} articles).`,
    `Build ${count(build.ms)} ms (${build.layout}); index module ${(build.indexRawBytes / 1024).toFixed(1)} KiB raw, ${(build.indexGzipBytes / 1024).toFixed(1)} KiB gzip${build.assetFiles > 0 ? `; ${count(build.assetFiles)} asset files, ${kib(build.assetBytes)} KiB` : ""}.`,
    markdown(["measure", "samples", "p50", "p90", "p99"], rows),
  ];
  if (widget && "gzipBytes" in widget) {
    const peers = Object.entries(PEERS_GZIP)
      .map(([name, bytes]) => `${(widget.gzipBytes / bytes).toFixed(2)} × ${name} (${(bytes / 1000).toFixed(1)} KB)`)
      .join(", ");
    parts.push(
      `Widget: ${count(widget.receivedBytes)} bytes received, ${count(widget.gzipBytes)} bytes gzip (${Math.round((widget.gzipBytes / WIDGET_GZIP_BUDGET) * 100)} % of the ${count(WIDGET_GZIP_BUDGET)}-byte budget; ${peers}); its /search request alone, median ${widget.requestMedianMs.toFixed(1)} ms.`,
    );
  } else if (widget) {
    parts.push(widget.skipped);
  }
  return parts.join("\n\n");
}

/** newsfind's own figures of one archive-scale run: reads, the in-process profile and rebuild. */
export function scaleDetail(run: ScaleRun): string {
  const { rows, reads, profile, devServer, facets, rebuild } = run.figures;
  const parts = [`${code(run.command)} on ${day(run)} UTC at ${run.commit}; ${machine(run)}.`, formatTables(rows, 4)];
  const readRows = Object.entries(reads).flatMap(([articles, { clean, typos }]) =>
    (
      [
        ["as typed", clean],
        ["a typo in each word of 5+ letters", typos],
      ] as const
    ).map(([kind, f]) => [
      count(Number(articles)),
      kind,
      count(f.queries),
      kib(f.medianBytes),
      kib(f.p99Bytes),
      kib(f.maxBytes),
      String(f.medianFiles),
    ]),
  );
  if (readRows.length > 0)
    parts.push(
      `#### newsfind: index data a cold two-word query reads (10 hits with snippets; a fresh store per query)\n\n${markdown(["articles", "queries", "count", "median KiB", "p99 KiB", "max KiB", "median files"], readRows, ["queries"])}`,
    );
  const phased = rows.filter((row) => row.engine === "newsfind" && row.buildPhasesMs);
  if (phased.length > 0) {
    const phases = [...new Set(phased.flatMap((row) => Object.keys(row.buildPhasesMs!)))];
    parts.push(
      `#### newsfind: where the build's time went (s; \`copies\` finds the copies of one story, build/copies.ts)\n\n${markdown(
        ["articles", ...phases],
        phased.map((row) => [
          count(row.articles),
          ...phases.map((phase) => ((row.buildPhasesMs![phase] ?? 0) / 1000).toFixed(1)),
        ]),
        [],
      )}`,
    );
  }
  for (const row of rows.filter((row) => row.engine === "newsfind" && row.fieldSlowest?.length)) {
    const slowRows = row.fieldSlowest!.map(({ kind, query, ms }) => [queryCell(query), kind, ms.toFixed(2)]);
    parts.push(
      `#### newsfind: the ${row.fieldSlowest!.length} slowest queries served at ${count(row.articles)} articles (server time)\n\n${markdown(["query", "kind", "server ms"], slowRows, ["query", "kind"])}`,
    );
  }
  parts.push(...profileTables(profile));
  if (facets && Object.keys(facets).length > 0) {
    const triple = (p: { p50: number; p90: number; p99: number }) =>
      [p.p50, p.p90, p.p99].map((value) => value.toFixed(2)).join(" / ");
    const facetRows = Object.entries(facets).map(([articles, cost]) => [
      count(Number(articles)),
      count(cost.queries),
      triple(cost.without),
      triple(cost.with),
      (cost.with.p50 - cost.without.p50).toFixed(2),
    ]);
    parts.push(
      `#### newsfind: facets (source, year, month) on the field stream, in process (ms a search, 10 hits with snippets; two warm stores, each query once on each in turn)\n\n${markdown(["articles", "queries", "without p50 / p90 / p99", "with facets p50 / p90 / p99", "added p50"], facetRows, ["queries"])}`,
    );
  }
  if (devServer && Object.keys(devServer).length > 0) {
    const triple = (p: { p50: number; p90: number; p99: number }) =>
      [p.p50, p.p90, p.p99].map((value) => value.toFixed(2)).join(" / ");
    const devRows = Object.entries(devServer).map(([articles, timings]) =>
      "missing" in timings
        ? [count(Number(articles)), "—", timings.missing, "", ""]
        : [
            count(Number(articles)),
            count(timings.search.n),
            triple(timings.search),
            triple(timings.health),
            triple(timings.over),
          ],
    );
    parts.push(
      `#### newsfind: the field stream through \`wrangler dev\`, each search after a GET /health (ms)\n\n${markdown(["articles", "queries", "/search p50 / p90 / p99", "/health p50 / p90 / p99", "search − health p50 / p90 / p99"], devRows, ["queries"])}`,
    );
  }
  if (rebuild) {
    const again = rebuild.rebuild;
    parts.push(
      `#### newsfind: build cache at ${count(rebuild.articles)} articles (each build a fresh process, timed from outside)\n\n` +
        `- full build, filling the cache: ${(rebuild.full.wallMs / 1000).toFixed(1)} s (report: ${(rebuild.full.buildMs / 1000).toFixed(1)} s)\n` +
        `- rebuild after 5 edits and 1 new article: ${(again.wallMs / 1000).toFixed(1)} s (report: ${(again.buildMs / 1000).toFixed(1)} s; ${count(again.cached)} of ${count(again.articles)} articles from the cache; ${count(again.written)} files written)`,
    );
  }
  return parts.join("\n\n");
}

/** One row per archive-scale run and article count: newsfind's figures. */
function scaleHistory(runs: ScaleRun[]): string {
  const cell = (value: unknown, digits = 2) => (typeof value === "number" ? value.toFixed(digits) : "—");
  const rows = [...runs]
    .reverse()
    .flatMap((run) =>
      run.figures.rows
        .filter((row) => row.engine === "newsfind")
        .map((row) => [
          day(run),
          run.commit,
          count(row.articles),
          cell(row.buildS, 1),
          cell(row.buildRssMB, 0),
          cell(row.coldMs, 1),
          cell(row.emptyColdMs, 1),
          cell(row.fieldP50Ms),
          cell(row.fieldP99Ms),
          cell(row.longP99Ms),
          cell(row.warmP50Ms),
          cell(row.warmP99Ms),
          cell(row.heapMB, 1),
          code(run.command),
        ]),
    );
  return markdown(
    [
      "date (UTC)",
      "commit",
      "articles",
      "build s",
      "build peak RSS MB",
      "cold 1st query ms",
      "empty 1st req ms",
      "field p50 ms",
      "field p99 ms",
      "long p99 ms",
      "repeated p50 ms",
      "repeated p99 ms",
      "heap MB",
      "command",
    ],
    rows,
    ["commit", "command"],
  );
}

const percent = (fraction: number) => `${(fraction * 100).toFixed(1)} %`;

/** One extraction run: accuracy by field, then every disagreement. */
export function extractDetail(run: ExtractRun): string {
  const { pages, unread, msPerPage, fields, mismatches, body } = run.figures;
  const rows = FIELDS.map((field) => [
    field,
    count(fields[field].compared),
    count(fields[field].agreed),
    percent(fields[field].accuracy),
  ]);
  const quote = (value: string | null) => (value === null ? "null" : code(value.replace(/`/g, "'")));
  const listed = mismatches.map(
    ({ page, field, extracted, expected }) => `- ${page}, ${field}: ${quote(extracted)}, expected ${quote(expected)}`,
  );
  return [
    `${code(run.command)} on ${day(run)} UTC at ${run.commit}; ${machine(run)}; ${count(pages)} pages of ${run.corpus.path} (${unread} gave no article), ${msPerPage.toFixed(0)} ms a page.`,
    markdown(["field", "pages compared", "agreed", "accuracy"], rows),
    ...(body
      ? [
          `Body text against the expected article text, words as a multiset, mean over the pages: precision ${percent(body.precision)}, recall ${percent(body.recall)}, F1 ${percent(body.f1)}; lowest F1: ${body.lowest.map((low) => `${low.page} ${percent(low.f1)}`).join(", ")}.`,
        ]
      : []),
    listed.length > 0 ? `Disagreements:\n\n${listed.join("\n")}` : "No disagreements.",
  ].join("\n\n");
}

export function renderReadme(results: readonly BenchResult[]): string {
  const bench = results.filter((run): run is BenchRun => run.kind === "bench");
  const scale = results.filter((run): run is ScaleRun => run.kind === "scale");
  const extract = results.filter((run): run is ExtractRun => run.kind === "extract");
  const tune = results.filter((run): run is TuneRun => run.kind === "tune");
  const partial = results.filter((run): run is PartialRun => run.kind === "partial");
  const variants = results.filter((run): run is VariantsRun => run.kind === "variants");
  const load = results.filter((run): run is LoadRun => run.kind === "load");
  const copies = results.filter((run): run is CopiesRun => run.kind === "copies");
  const sections = [
    "# Benchmarks",
    "<!-- Generated by `npm run bench:report` from bench/results/*.json: edit bench/report.ts, not this file. -->",
    "```sh\nnpm run bench                                     # the seed corpus\nnpm run bench -- --corpus PATH [--fields LIST] [--queries TSV] [--count 200] [--rounds 5] [--no-http] [--no-minisearch] [--no-widget]\nnpm run bench -- --corpus ../shared/datasets/reuters-2006-2013/docs.jsonl.gz --articles 1000,10000,101400 [--engines newsfind,minisearch,orama] [--cold-runs 5] [--no-rebuild] [--no-wrangler-dev] [--asset-latency 0,2,10] [--repeated [--rounds 3] [--warmup 5]]\nnpm run bench:report                              # this file, from bench/results/\n```",
    METHOD,
    targetsSection(results),
    "## Everyday bench (`npm run bench`)",
    bench.length > 0
      ? `Every run, latest first (p50; ratios within the run):\n\n${benchHistory(bench)}\n\n### Latest run\n\n${benchDetail(bench.at(-1)!)}`
      : "No run recorded yet.",
    "## Archive scale (`npm run bench -- --articles ...`)",
    scale.length > 0
      ? `newsfind in every run, latest first:\n\n${scaleHistory(scale)}\n\n### Latest run\n\n${scaleDetail(scale.at(-1)!)}`
      : "No run recorded yet.",
    "## HTML metadata extraction (`npm run eval:extract`)",
    extract.length > 0
      ? `The pages of the news-html dataset read as the build reads an .html file, each field compared with Readability.js's expected metadata after normalising both sides alike (case and white space; a title also without a trailing site name after \`|\`, \` - \` or \`_\`; a byline's names as a set, without "By"; the calendar date of a published time; a language's primary subtag; a site name without "The"). Title, byline and site name are compared on every page (an expected null must be matched by null); published date and language only where the page's expectation has one. Latest run:\n\n${extractDetail(extract.at(-1)!)}`
      : "No run recorded yet.",
    "## Ranking constants (`npm run eval:tune`)",
    tune.length > 0
      ? `Leave-one-collection-out cross-validation over the seven public judged sets (\`bench/tune.ts\`): each set read and analysed once, then compiled with every candidate of the grid and its judged queries ranked in process (10 hits, typo tolerance on). For each set held out, the candidate best on the other six (fewest below their BM25 reference, then the highest mean gain) is scored on it. Latest run: ${code(tune.at(-1)!.command)} on ${day(tune.at(-1)!)} UTC at ${tune.at(-1)!.commit}.\n\n${tuneTable(tune.at(-1)!.figures)}`
      : "No run recorded yet.",
    "## Full matches first (`npm run eval:partial`)",
    partial.length > 0
      ? `How long a query may be for the articles matching every word to rank first (\`FULL_FIRST_WORDS\`): each public judged set built once with the shipped constants, and its judged queries ranked in process (10 hits, typo tolerance on) with full matches first for queries of up to each column's number of words, or by score alone. Latest run: ${code(partial.at(-1)!.command)} on ${day(partial.at(-1)!)} UTC at ${partial.at(-1)!.commit}.\n\n${partialTable(partial.at(-1)!.figures)}`
      : "No run recorded yet.",
    "## Ranking variants (`npm run eval:variants`)",
    variants.length > 0
      ? `Changes to the ranking measured before they are kept (\`bench/variants.ts\`): each family's variants scored on the seven public judged sets beside its baseline, in process (10 hits, typo tolerance on). A family's variant is chosen by leave-one-collection-out cross-validation (fewest sets below BM25, then the highest mean gain; the baseline wins ties), and is kept only if, held out, it gains on average and loses on no set. Latest run: ${code(variants.at(-1)!.command)} on ${day(variants.at(-1)!)} UTC at ${variants.at(-1)!.commit}.\n\n${variantsTable(variants.at(-1)!.figures)}`
      : "No run recorded yet.",
    "## Copies of one story (`npm run eval:copies`)",
    copies.length > 0 ? copiesSection(copies) : "No run recorded yet.",
    "## Load (`npm run load`)",
    load.length > 0 ? `Latest run:\n\n${loadDetail(load.at(-1)!)}` : "No run recorded yet.",
    DIAGNOSE,
  ];
  return `${sections.join("\n\n")}\n`;
}

/** The copies section: the method, every run with its constants, and the latest run with the shipped ones in detail. */
function copiesSection(runs: readonly CopiesRun[]): string {
  const shipped = runs.filter((run) => run.figures.shipped).at(-1) ?? runs.at(-1)!;
  return `How well the build groups copies of one story (\`build/copies.ts\`, method in [docs/copies.md](../docs/copies.md)): the archive with copies made of some of its articles (each kind as a newsroom makes them; the truth known), and pairs of the archive's own articles judged by hand (\`bench/copies-labels.tsv\`), drawn from the pairs grouped and the near misses. Runs with other constants (\`--text-words\`, \`--containment\`, \`--days\`) measure the alternatives; each row is one run, scored against the labels it was run with.\n\n${copiesRunsTable(runs)}\n\nLatest run${shipped.figures.shipped ? " with the shipped constants" : ""}: ${code(shipped.command)} on ${day(shipped)} UTC at ${shipped.commit}.\n\n${copiesTable(shipped.figures)}`;
}

/** Renders bench/README.md from bench/results/; returns its path. */
export function writeReadme(): string {
  const path = join(PROJECT_ROOT, "bench/README.md");
  writeFileSync(path, renderReadme(loadResults()));
  return path;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) console.log(`rendered ${writeReadme()}`);
