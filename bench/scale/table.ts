// The scale bench's tables, as Markdown (pure formatting): one table per engine, a row per
// article count; then newsfind/peer ratios of the numeric columns, and the field stream's server
// time by kind of query. A cell that could not be measured prints "—" and a numbered footnote
// with the reason (the same reason, the same number); a column no row has is left out, as the
// field stream's in runs before it and the repeated set's in runs without `--repeated`.
import { FIELD_KINDS } from "./field-stream.js";
import {
  ENGINE_LABELS,
  ENGINES,
  NUMERIC_COLUMNS,
  type EngineName,
  type Measured,
  type NumericColumn,
  type ScaleRow,
} from "./types.js";

const COLUMNS = Object.keys(NUMERIC_COLUMNS) as NumericColumn[];

/** 1234.5 -> "1,235"; 12.34 -> "12.3"; 1.234 -> "1.23"; files are whole numbers. */
export function formatNumber(value: number, column?: NumericColumn): string {
  if (!Number.isFinite(value)) return String(value);
  const digits = column === "files" ? 0 : Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

class Footnotes {
  readonly reasons: string[] = [];
  mark(reason: string): string {
    let index = this.reasons.indexOf(reason);
    if (index < 0) index = this.reasons.push(reason) - 1;
    return `[${index + 1}]`;
  }
  text(): string {
    return this.reasons.map((reason, index) => `[${index + 1}] ${reason}`).join("\n");
  }
}

/** A Markdown table; the first column, and those named in `left`, are left-aligned, the rest right. */
export function markdown(headings: string[], rows: string[][], left: readonly string[] = []): string {
  const widths = headings.map((heading, column) => Math.max(heading.length, ...rows.map((row) => row[column]!.length)));
  const isLeft = (column: number) => column === 0 || left.includes(headings[column]!);
  const line = (cells: string[]) =>
    `| ${cells.map((text, column) => (isLeft(column) ? text.padEnd(widths[column]!) : text.padStart(widths[column]!))).join(" | ")} |`;
  const rule = `|${widths.map((width, column) => (isLeft(column) ? `:${"-".repeat(width + 1)}` : `${"-".repeat(width + 1)}:`)).join("|")}|`;
  return [line(headings), rule, ...rows.map(line)].join("\n");
}

/** The memory of one Workers isolate, in MB: a heap above it would end the worker in production. */
export const ISOLATE_MEMORY_MB = 128;

const NOT_MEASURED = "not measured by the bench of this run";
const notMeasured: Measured = { missing: NOT_MEASURED };

function cell(value: Measured | undefined, notes: Footnotes, column?: NumericColumn): string {
  if (value === undefined) return `—${notes.mark(NOT_MEASURED)}`;
  if (typeof value !== "number") return `—${notes.mark(value.missing)}`;
  const over = column === "heapMB" && value > ISOLATE_MEMORY_MB;
  return (
    formatNumber(value, column) +
    (over
      ? notes.mark(
          `above the ${ISOLATE_MEMORY_MB} MB memory limit of a Workers isolate: in production the worker would be ended`,
        )
      : "")
  );
}

function deployable(row: ScaleRow, notes: Footnotes): string {
  const { deployable: d } = row;
  if ("missing" in d) return `—${notes.mark(d.missing)}`;
  return d.yes
    ? "yes"
    : `no${notes.mark(`${ENGINE_LABELS[row.engine]} at ${row.articles.toLocaleString("en-US")} articles: ${d.reason}`)}`;
}

/** newsfind's value over the peer's, or why there is none. */
export function ratio(ours: Measured, theirs: Measured, peer: string): Measured {
  if (typeof ours !== "number") return { missing: `newsfind: ${ours.missing}` };
  if (typeof theirs !== "number") return { missing: `${peer}: ${theirs.missing}` };
  if (theirs === 0) return { missing: `${peer} measured 0` };
  return ours / theirs;
}

/** The tables as Markdown, each under a heading of `level` (###, by default). */
export function formatTables(rows: readonly ScaleRow[], level = 3): string {
  const hashes = "#".repeat(level);
  const notes = new Footnotes();
  const sections: string[] = [];
  const columns = COLUMNS.filter((column) => rows.some((row) => row[column] !== undefined));
  const byEngine = (engine: EngineName) =>
    rows.filter((row) => row.engine === engine).sort((a, b) => a.articles - b.articles);
  for (const engine of ENGINES) {
    const own = byEngine(engine);
    if (own.length === 0) continue;
    const body = own.map((row) => [
      row.articles.toLocaleString("en-US"),
      ...columns.map((column) => cell(row[column], notes, column)),
      deployable(row, notes),
    ]);
    sections.push(
      `${hashes} ${ENGINE_LABELS[engine]}\n\n${markdown(["articles", ...columns.map((column) => NUMERIC_COLUMNS[column]), "deployable"], body, ["deployable"])}`,
    );
  }
  const ours = byEngine("newsfind");
  for (const peer of ENGINES.filter((engine) => engine !== "newsfind")) {
    const theirs = byEngine(peer);
    const pairs = ours.flatMap((row) =>
      theirs.filter((other) => other.articles === row.articles).map((other) => [row, other] as const),
    );
    if (pairs.length === 0) continue;
    const label = ENGINE_LABELS[peer];
    const body = pairs.map(([row, other]) => [
      row.articles.toLocaleString("en-US"),
      ...columns.map((column) => {
        const value = ratio(row[column] ?? notMeasured, other[column] ?? notMeasured, label);
        return typeof value === "number" ? `${formatNumber(value)}×` : cell(value, notes);
      }),
    ]);
    sections.push(
      `${hashes} newsfind / ${label}\n\n${markdown(["articles", ...columns.map((column) => NUMERIC_COLUMNS[column])], body)}`,
    );
  }
  const kinds = ENGINES.flatMap(byEngine).flatMap((row) =>
    FIELD_KINDS.flatMap((kind) => {
      const p = row.fieldByKind?.[kind];
      return p
        ? [
            [
              ENGINE_LABELS[row.engine],
              row.articles.toLocaleString("en-US"),
              kind,
              p.n.toLocaleString("en-US"),
              ...[p.p50, p.p90, p.p99].map((ms) => formatNumber(ms)),
            ],
          ]
        : [];
    }),
  );
  if (kinds.length > 0)
    sections.push(
      `${hashes} Field stream by kind of query (server time, ms)\n\n${markdown(["engine", "articles", "kind", "queries", "p50", "p90", "p99"], kinds, ["articles", "kind"])}`,
    );
  const runs = Math.max(0, ...rows.map((row) => row.coldSamplesMs?.length ?? 0));
  const cold =
    runs > 1
      ? ` Cold 1st query and empty 1st req: medians over ${runs} fresh workers each (the JSON output keeps every sample).`
      : "";
  const has = (column: NumericColumn) => columns.includes(column);
  const legend = [
    `MiB = 2^20 bytes, MB = 10^6 bytes.${cold}`,
    "Server time: a search's total minus the median of an empty request to the same worker, each search following one, over a keep-alive loopback connection to the bundle `wrangler deploy --dry-run` makes, served by Miniflare.",
    has("fieldP50Ms")
      ? "Field p50/p90/p99: server time over a stream of distinct queries, each sent once after untimed warm-up queries of every kind, none repeated: the known-item headlines, two-word queries of other titles (some with a typo) and ledes of 30 to 60 words, interleaved (`bench/scale/field-stream.ts`). Long p99: the ledes alone."
      : "",
    has("warmP50Ms")
      ? "Repeated p50/p99: server time over 100 queries (known-item headlines and two-word queries made from them) sent round after round, after untimed passes over them: every answer and code path warm, a floor rather than a site's stream (`--repeated`)."
      : "",
    "Empty p99: the empty requests' own p99 above their median, the floor under any p99. Heap: the isolate's used V8 heap after a full GC, after 1,000 queries; buffers: its ArrayBuffer backing stores then, outside the heap (shards kept as read). Peak RSS: VmHWM of the workerd process running the worker.",
  ]
    .filter(Boolean)
    .join(" ");
  return [...sections, legend, notes.text()].filter(Boolean).join("\n\n");
}
