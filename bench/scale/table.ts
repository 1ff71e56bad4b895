// The scale bench's tables, as Markdown (pure formatting): one table per engine, a row per
// article count; then newsfind/peer ratios of the numeric columns. A cell that could not be
// measured prints "—" and a numbered footnote with the reason (the same reason, the same number).
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

function cell(value: Measured | undefined, notes: Footnotes, column?: NumericColumn): string {
  if (value === undefined) return `—${notes.mark("not measured by the bench of this run")}`;
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
  const byEngine = (engine: EngineName) =>
    rows.filter((row) => row.engine === engine).sort((a, b) => a.articles - b.articles);
  for (const engine of ENGINES) {
    const own = byEngine(engine);
    if (own.length === 0) continue;
    const body = own.map((row) => [
      row.articles.toLocaleString("en-US"),
      ...COLUMNS.map((column) => cell(row[column], notes, column)),
      deployable(row, notes),
    ]);
    sections.push(
      `${hashes} ${ENGINE_LABELS[engine]}\n\n${markdown(["articles", ...COLUMNS.map((column) => NUMERIC_COLUMNS[column]), "deployable"], body, ["deployable"])}`,
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
      ...COLUMNS.map((column) => {
        const value = ratio(row[column], other[column], label);
        return typeof value === "number" ? `${formatNumber(value)}×` : cell(value, notes);
      }),
    ]);
    sections.push(
      `${hashes} newsfind / ${label}\n\n${markdown(["articles", ...COLUMNS.map((column) => NUMERIC_COLUMNS[column])], body)}`,
    );
  }
  const runs = Math.max(0, ...rows.map((row) => row.coldSamplesMs?.length ?? 0));
  const cold =
    runs > 1
      ? ` Cold 1st query and empty 1st req: medians over ${runs} fresh workers each (the JSON output keeps every sample).`
      : "";
  const legend = `MiB = 2^20 bytes, MB = 10^6 bytes.${cold} Warm p50/p99 are server time: total minus the median of an empty request to the same worker, over a keep-alive loopback connection to the bundle \`wrangler deploy --dry-run\` makes, served by Miniflare. Empty p99: the empty requests' own p99 above their median, the floor under any p99. Heap: the isolate's used V8 heap after a full GC, after 1,000 queries. Peak RSS: VmHWM of the workerd process running the worker.`;
  return [...sections, legend, notes.text()].filter(Boolean).join("\n\n");
}
