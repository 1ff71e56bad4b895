// Types the scale bench passes between its parts: the injected newsfind build, and one measured
// row of the table (an engine at an article count).
import type { Percentiles } from "../stats.js";
import type { FieldKind } from "./field-stream.js";
import type { ServedQuery } from "./stream-timing.js";
import type { SuggestTimings } from "./suggest-stream.js";

/** What building an engine's worker yields: its config, build time and memory, and index size. */
export interface EngineBuild {
  configPath: string;
  buildMs: number;
  /** The build process's peak resident memory, bytes. */
  buildRssBytes: number;
  files: number;
  rawBytes: number;
  gzipBytes: number;
  /** Where the build's time went, ms by phase (newsfind's build report: read, compile, copies…). */
  phasesMs?: Record<string, number>;
}

/** Builds newsfind for a corpus; `dir` is a fresh folder the build may fill. */
export type NewsfindBuild = (corpusPath: string, dir: string) => Promise<EngineBuild>;

/** A measured number, or why it could not be measured. */
export type Measured = number | { missing: string };

export const ENGINES = ["newsfind", "minisearch", "orama"] as const;
export type EngineName = (typeof ENGINES)[number];

export const ENGINE_LABELS: Record<EngineName, string> = {
  newsfind: "newsfind",
  minisearch: "MiniSearch",
  orama: "Orama",
};

/** The numeric columns, in table order, with their headings. */
export const NUMERIC_COLUMNS = {
  buildS: "build s",
  buildRssMB: "build peak RSS MB",
  rawMiB: "raw MiB",
  gzipMiB: "gzip MiB",
  files: "files",
  coldMs: "cold 1st query ms",
  emptyColdMs: "empty 1st req ms",
  fieldP50Ms: "field p50 ms",
  fieldP90Ms: "field p90 ms",
  fieldP99Ms: "field p99 ms",
  longP99Ms: "long p99 ms",
  warmP50Ms: "repeated p50 ms",
  warmP99Ms: "repeated p99 ms",
  emptyP99Ms: "empty p99 ms",
  heapMB: "heap MB",
  buffersMB: "buffers MB",
  rssMB: "peak RSS MB",
} as const;
export type NumericColumn = keyof typeof NUMERIC_COLUMNS;

/**
 * Columns a row may lack: the field stream's and the isolate's buffers (rows of runs before they
 * were measured) and the repeated set's (rows of runs without `--repeated`). A table leaves out a column no row has.
 */
export type OptionalColumn =
  | "fieldP50Ms"
  | "fieldP90Ms"
  | "fieldP99Ms"
  | "longP99Ms"
  | "warmP50Ms"
  | "warmP99Ms"
  | "buffersMB";

export type ScaleRow = {
  engine: EngineName;
  /** Articles asked for (the first N of the corpus). */
  articles: number;
  /** Within the Workers limits by the dry run, or why not; missing when no dry run could be made. */
  deployable: { yes: true } | { yes: false; reason: string } | { missing: string };
  /** Each fresh worker's first-query time, ms (coldMs is their median). */
  coldSamplesMs?: number[];
  /** Each fresh empty worker's first-request time, ms (emptyColdMs is their median). */
  emptyColdSamplesMs?: number[];
  /** Server time of the field stream by kind of query, ms (stream-timing.ts); fieldP50Ms and the rest are over all kinds. */
  fieldByKind?: Partial<Record<FieldKind, Percentiles>>;
  /** The field stream's slowest queries, served (stream-timing.ts); absent in runs before it. */
  fieldSlowest?: ServedQuery[];
  /**
   * newsfind's /suggest server time over distinct partial headlines, ms (suggest-stream.ts):
   * the first pass and the warm one; absent in runs before it (one run has the first pass only).
   */
  suggest?: SuggestTimings | Percentiles | { missing: string };
  /** newsfind's /articles/:id/related server time over distinct articles, ms (related-stream.ts); absent in runs before it. */
  related?: Percentiles | { missing: string };
  /** newsfind's build time by phase, ms (its build report's `phasesMs`); absent in runs before it. */
  buildPhasesMs?: Record<string, number>;
} & Record<Exclude<NumericColumn, OptionalColumn>, Measured> &
  Partial<Record<OptionalColumn, Measured>>;
