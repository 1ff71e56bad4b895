// Results as data: every run of `npm run bench` writes one JSON file to bench/results/, named
// after its kind and time, holding the command that reproduces it, the date, the commit, the
// machine, the corpus and the figures (percentiles of every timed sample). bench/README.md is
// rendered from these files (report.ts); a run's history is the files, never prose.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, type, arch } from "node:os";
import { join } from "node:path";
import { git, PROJECT_ROOT } from "./harness/commands.js";
import type { FacetCost } from "./scale/facet-cost.js";
import type { Field, FieldScore, Mismatch, TextOverlap } from "./extract/compare.js";
import type { ReadFigures } from "./query-reads.js";
import type { DevServerTimings } from "./scale/dev-server.js";
import type { FieldProfile } from "./scale/field-profile.js";
import type { RebuildFigures } from "./rebuild.js";
import type { ScaleRow } from "./scale/types.js";
import type { WarmTimings } from "./scale/timing.js";
import type { Percentiles } from "./stats.js";
import type { Fold } from "./tune/cross-validate.js";
import type { Candidate } from "./tune/grid.js";
import type { Metric } from "./tune/judged-sets.js";
import type { WidgetFigures } from "./widget.js";

const RESULTS_DIR = join(PROJECT_ROOT, "bench/results");

export interface RunInfo {
  /** The command that reproduces the run, e.g. "npm run bench -- --articles 1000". */
  command: string;
  /** When the run finished, ISO 8601 (UTC). */
  date: string;
  /** The commit measured (short hash), with " + changes" when the tree had uncommitted changes. */
  commit: string;
  machine: { cpu: string; cores: number; node: string; os: string };
  corpus: { path: string; articles: number };
}

/** The everyday bench's figures; times in milliseconds. */
export interface BenchFigures {
  queries: number;
  rounds: number;
  /** The build report's time and sizes: the index module, raw and gzip, and the sharded layout's asset files. */
  build: {
    ms: number;
    indexRawBytes: number;
    indexGzipBytes: number;
    layout: string;
    assetFiles: number;
    assetBytes: number;
  };
  /** Each query timed alone in this process, rounds interleaved: plain FlexSearch, newsfind's ranking, its full search, MiniSearch. */
  inProcess: { flexsearch: Percentiles; ranking: Percentiles; search: Percentiles; minisearch?: Percentiles };
  /** The worker over loopback, each search after an empty request (scale/timing.ts). */
  worker?: WarmTimings;
  widget?: WidgetFigures | { skipped: string };
}

/** The archive-scale bench's figures (`--articles`). */
export interface ScaleFigures {
  rows: ScaleRow[];
  /** Index data a cold two-word query reads, by article count. */
  reads: Record<string, { clean: ReadFigures; typos: ReadFigures }>;
  /** The field stream profiled in process at each `--asset-latency`, by article count; absent in runs before it, or without latencies. */
  profile?: Record<string, FieldProfile>;
  /** The field stream through `wrangler dev`, by article count; absent in runs before it, or with --no-wrangler-dev. */
  devServer?: Record<string, DevServerTimings | { missing: string }>;
  /** newsfind's field stream in process without and with facets, by article count; absent in runs before it. */
  facets?: Record<string, FacetCost>;
  rebuild?: RebuildFigures & { articles: number };
}

/** The HTML extraction check's figures (`bench/extract-accuracy.ts`). */
export interface ExtractFigures {
  /** Pages read, and how many of them gave no article. */
  pages: number;
  unread: number;
  /** Mean time to read one page (decode, parse, metadata, Readability), ms. */
  msPerPage: number;
  /** Agreement with the expected metadata, field by field. */
  fields: Record<Field, FieldScore>;
  /** Every disagreement, for reading what went wrong. */
  mismatches: Mismatch[];
  /**
   * The body's words against the expected article text's, means over the pages, with the
   * pages of lowest F1.
   */
  body?: TextOverlap & { lowest: (TextOverlap & { page: string })[] };
}

/** The tuning bench's figures (`bench/tune.ts`). */
export interface TuneFigures {
  sets: { name: string; metric: Metric; bm25: number; queries: number }[];
  candidates: Candidate[];
  /** Mean metric by candidate, then by set. */
  scores: number[][];
  /** Constants fewer than two sets respond to, kept at their shipped values in the choice over every set; absent in runs before it. */
  held?: (keyof Candidate)[];
  /** The candidate chosen over every set. */
  chosen: number;
  /** One per set held out: the candidate chosen on the others and its score there. */
  folds: Fold[];
}

/** The full-matches-first bench's figures (`bench/partial.ts`). */
export interface PartialFigures {
  /** Query words up to which full matches rank first, one measurement each; 0: by score alone. */
  lines: number[];
  sets: {
    name: string;
    metric: Metric;
    bm25: number;
    queries: number;
    /** By line: the queries of more than one word and at most the line's. */
    within: number[];
    /** By line: the mean metric. */
    scores: number[];
    /** By `common.shares`: the mean metric at the shipped line with that share (1: every word asked for). */
    byShare?: number[];
  }[];
  /** FULL_FIRST_WORDS at the time of the run. */
  shipped: number;
  /** COMMON_SHARE and COMMON_FLOOR at the time of the run, and the shares measured at the shipped line. */
  common?: { share: number; floor: number; shares: number[] };
  /** With `--corpus`: what ranking full matches first costs a query at archive scale. */
  cost?: FullFirstCost;
}

/** The field stream's time per query in process, ranked by score alone and as shipped (bench/full-first-cost.ts). */
export interface FullFirstCost {
  articles: number;
  queries: number;
  byScore: Percentiles;
  shipped: Percentiles;
}

/** The ranking variants bench's figures (`bench/variants.ts`). */
export interface VariantFigures {
  sets: { name: string; metric: Metric; bm25: number; queries: number }[];
  families: {
    name: string;
    description: string;
    /** The baseline first, then every variant: the mean metric by set. */
    variants: { label: string; scores: number[] }[];
    /** The variant chosen over every set (0: the baseline). */
    chosen: number;
    /** One per set held out: the variant chosen on the others and its score there. */
    folds: Fold[];
  }[];
}

/** `npm run load`'s two runs over one stream of distinct paths through `wrangler dev`. */
export interface LoadFigures {
  connections: number;
  durationS: number;
  /** Distinct paths in the stream, which starts again when it runs out. */
  paths: number;
  runs: {
    edgeCache: "off" | "on";
    requestsPerSecond: number;
    requests: number;
    /** Share of the answers the edge cache gave (Cache-Status: hit). */
    cacheHits: number;
    p50Ms: number;
    p99Ms: number;
    errors: number;
  }[];
}

/** `npm run eval:copies`: how well copies of one story are grouped (bench/copies.ts). */
export interface CopiesFigures {
  /** Articles of the archive, and copies made of some of them and added. */
  articles: number;
  made: number;
  /** Time to sketch every text and group them, ms. */
  ms: number;
  /** Groups found, and the articles in them. */
  groups: number;
  grouped: number;
  /** By kind of made copy: how many were made, and how many were grouped with their article. */
  byKind: { kind: string; made: number; found: number }[];
  /** Pairs of a made copy and another member of its group: right (its article or that article's copies) and wrong. */
  madeRightPairs: number;
  madeWrongPairs: number;
  /** The archive's own pairs: grouped, near misses, and those judged by hand with the outcome. */
  archive: {
    groupedPairs: number;
    nearMisses: number;
    judged: number;
    truePositives: number;
    falsePositives: number;
    falseNegatives: number;
  };
  /** The constants the run grouped with (build/copies.ts), and whether they were the shipped ones. */
  options: { textWords: number; containment: number; days: number };
  shipped: boolean;
}

export type BenchResult = RunInfo &
  (
    | { kind: "bench"; figures: BenchFigures }
    | { kind: "scale"; figures: ScaleFigures }
    | { kind: "extract"; figures: ExtractFigures }
    | { kind: "tune"; figures: TuneFigures }
    | { kind: "partial"; figures: PartialFigures }
    | { kind: "variants"; figures: VariantFigures }
    | { kind: "load"; figures: LoadFigures }
    | { kind: "copies"; figures: CopiesFigures }
  );

/**
 * The commit the code under measurement is at (short hash), with " + changes" when tracked files
 * differ from it. The bench's own outputs (bench/results/, bench/README.md) do not count: every
 * run rewrites them. Take it before measuring, so a checkout during a long run is not recorded.
 */
export function sourceCommit(): string {
  try {
    const changed = git(
      "status",
      "--porcelain",
      "--untracked-files=no",
      "--",
      ".",
      ":(exclude)bench/results",
      ":(exclude)bench/README.md",
    );
    return `${git("rev-parse", "--short", "HEAD")}${changed ? " + changes" : ""}`;
  } catch {
    return "unknown";
  }
}

/** The command as typed: `npm run bench -- ARGS`, arguments with spaces quoted. */
export function commandLine(script: string, argv: readonly string[]): string {
  const args = argv.map((arg) => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, "'\\''")}'`));
  return args.length > 0 ? `npm run ${script} -- ${args.join(" ")}` : `npm run ${script}`;
}

/** The run's description, with `commit` as `sourceCommit()` gave it when the run started. */
export function runInfo(command: string, corpus: RunInfo["corpus"], commit: string): RunInfo {
  return {
    command,
    date: new Date().toISOString().replace(/\.\d+Z$/, "Z"),
    commit,
    machine: {
      cpu: cpus()[0]?.model.trim() ?? "unknown",
      cores: availableParallelism(),
      node: process.version,
      os: `${type()} ${arch()}`,
    },
    corpus,
  };
}

/** Writes the result as bench/results/<kind>-<date>.json; returns the path. */
export function writeResult(result: BenchResult): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const path = join(RESULTS_DIR, `${result.kind}-${result.date.replace(/:/g, "")}.json`);
  writeFileSync(path, `${JSON.stringify(result, null, 2)}\n`);
  return path;
}

/** Every result in the folder, oldest first. */
export function loadResults(): BenchResult[] {
  let files: string[];
  try {
    files = readdirSync(RESULTS_DIR).filter((file) => file.endsWith(".json"));
  } catch {
    return [];
  }
  return files
    .map((file) => JSON.parse(readFileSync(join(RESULTS_DIR, file), "utf8")) as BenchResult)
    .sort((a, b) => a.date.localeCompare(b.date));
}
