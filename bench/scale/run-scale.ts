// The "Archive scale" benchmark: for each article count, one at a time, the first N articles of
// the corpus go to every engine (newsfind, MiniSearch, Orama); each is built, dry-run against
// the Workers limits and served by fresh workerd processes on loopback to be measured from
// outside (see measure-engine.ts), every engine sent the same field stream of distinct queries
// made from the known-item headlines and that size's articles (field-stream.ts). Everything a
// size wrote is deleted before the next one.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { writeCorpusSubset } from "./corpus-subset.js";
import { writeEmptyWorkerConfig } from "./empty-worker-config.js";
import { FIELD_KINDS, loadFieldStream } from "./field-stream.js";
import { measureEngine, type BuiltEngine } from "./measure-engine.js";
import { buildPeerInChild } from "./peers/build-in-child.js";
import { DEFAULT_QUERIES, mixedQueries, parseTitleQueries, twoWordQuery } from "./scale-queries.js";
import { WARMUP_PASSES } from "./timing.js";
import { ENGINES, type EngineName, type NewsfindBuild, type ScaleRow } from "./types.js";
import { PROJECT_ROOT } from "../harness/commands.js";

export interface ScaleOptions {
  /** A JSON Lines corpus (.jsonl or .jsonl.gz); each size takes its first N articles. */
  corpus: string;
  /** Article counts, measured in this order. */
  sizes: number[];
  /** Builds newsfind for a corpus file into a folder (see types.ts). */
  newsfind: NewsfindBuild;
  /** Engines to measure. Default all: newsfind, minisearch, orama. */
  engines?: readonly EngineName[];
  /** Query TSV (id, text; header line). Default the Reuters known-item queries. */
  queries?: string;
  /** Seeds the field stream's order and typos (field-stream.ts). Default 1. */
  seed?: number;
  /** Also time the repeated set, for comparison with the field stream. Default false; `{ repeated: true }` adds it. */
  repeated?: boolean;
  /** The repeated set's queries: titles and two-word queries alternately. Default 100. */
  warmQueries?: number;
  /** Timed rounds over the repeated set. Default 3. */
  rounds?: number;
  /** Untimed passes over the repeated set before its timed rounds. Default WARMUP_PASSES (timing.ts). */
  warmup?: number;
  /** Fresh workers timed on their first request (cold figures are medians). Default 5. */
  coldRuns?: number;
  /** How long a worker may take to bundle, load and get ready. Default 600 s. */
  readyTimeoutMs?: number;
  /** Keep each size's folder (corpus subset, builds) instead of deleting it. Default false. */
  keep?: boolean;
  /** Progress messages. Default: to stderr. */
  log?: (message: string) => void;
  /** Called with each row as soon as it is measured. */
  onRow?: (row: ScaleRow) => void;
}

async function peerBuild(peer: "minisearch" | "orama", corpusPath: string, dir: string): Promise<BuiltEngine> {
  const built = await buildPeerInChild(peer, corpusPath, dir);
  if (!built.ok) throw new Error(built.reason);
  return {
    configPath: built.configPath,
    buildMs: built.buildMs,
    buildRssBytes: built.buildRssBytes ?? Number.NaN,
    files: 1,
    rawBytes: built.indexBytes.raw,
    gzipBytes: built.indexBytes.gzip,
    emptyPath: "/empty",
  };
}

export async function runScale({
  corpus,
  sizes,
  newsfind,
  engines = ENGINES,
  queries = resolve(PROJECT_ROOT, DEFAULT_QUERIES),
  seed = 1,
  repeated = false,
  warmQueries = 100,
  rounds = 3,
  warmup = WARMUP_PASSES,
  coldRuns = 5,
  readyTimeoutMs = 600_000,
  keep = false,
  log = (message) => console.error(`[scale] ${message}`),
  onRow = () => {},
}: ScaleOptions): Promise<ScaleRow[]> {
  const titles = parseTitleQueries(readFileSync(queries, "utf8"));
  if (titles.length === 0) throw new Error(`no queries in ${queries} (expected id<TAB>text lines after a header)`);
  const warm = mixedQueries(titles, warmQueries);
  const cold = titles.map(twoWordQuery).findLast((query) => query !== null) ?? "oil prices";
  const rows: ScaleRow[] = [];
  for (const size of sizes) {
    const dir = mkdtempSync(join(tmpdir(), `newsfind-scale-${size}-`));
    try {
      const subset = await writeCorpusSubset(corpus, size, dir);
      if (subset.lines < size) log(`the corpus holds ${subset.lines} articles, fewer than ${size}`);
      const field = await loadFieldStream(queries, subset.path, { seed });
      const kinds = FIELD_KINDS.map((kind) => `${field.measured.filter((q) => q.kind === kind).length} ${kind}`);
      log(`field stream: ${kinds.join(", ")}; ${field.warmup.length} warm-up`);
      mkdirSync(join(dir, "empty"));
      const emptyConfigPath = writeEmptyWorkerConfig(join(dir, "empty"));
      for (const engine of engines) {
        const build =
          engine === "newsfind"
            ? async () => ({ ...(await newsfind(subset.path, join(dir, engine))), emptyPath: "/" })
            : () => peerBuild(engine, subset.path, join(dir, engine));
        const row = await measureEngine({
          engine,
          articles: subset.lines,
          build,
          emptyConfigPath,
          coldQuery: cold,
          field,
          repeated,
          warmQueries: warm,
          loadQueries: titles,
          rounds,
          warmup,
          coldRuns,
          readyTimeoutMs,
          log,
        });
        rows.push(row);
        onRow(row);
      }
    } finally {
      if (keep) log(`kept ${dir}`);
      else rmSync(dir, { recursive: true, force: true });
    }
  }
  return rows;
}
