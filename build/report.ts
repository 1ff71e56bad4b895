// The build report as text for a terminal, and what --strict counts in it.
import { REPORT_FILE } from "../src/index-format.js";
import type { BuildReport } from "./types.js";

/** Files skipped, articles warned of and duplicates set aside: what `--strict` refuses. */
export function problemCount(report: BuildReport): number {
  return report.skipped.length + report.warnings.length + report.duplicates.length;
}

/** A build refused by `--strict`; it carries the report, and nothing was written. */
export class StrictBuildError extends Error {
  constructor(readonly report: BuildReport) {
    super(
      `--strict: ${report.skipped.length} files skipped, ${report.warnings.length} warnings and ${report.duplicates.length} duplicates; the previous index is left in place`,
    );
  }
}

function size(bytes: number): string {
  return bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KiB` : `${(bytes / 1024 / 1024).toFixed(2)} MiB`;
}

/** The warnings counted by kind, " (no-date 3, headline-only 1)", or nothing. */
function kinds(report: BuildReport): string {
  const counts = new Map<string, number>();
  for (const { kind } of report.warnings) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  return counts.size === 0
    ? ""
    : ` (${[...counts]
        .sort((a, b) => b[1] - a[1])
        .map(([kind, n]) => `${kind} ${n}`)
        .join(", ")})`;
}

/** Lines a list shows in the terminal; the JSON report beside the index has them all. */
export const LISTED_LINES = 10;

function listed(lines: string[]): string[] {
  return lines.length <= LISTED_LINES
    ? lines
    : [...lines.slice(0, LISTED_LINES), `      … and ${lines.length - LISTED_LINES} more in ${REPORT_FILE}`];
}

/** Warning lines grouped by kind, most frequent kind first. */
function byKind(report: BuildReport): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const w of report.warnings) {
    const lines = groups.get(w.kind) ?? [];
    lines.push(`    - ${w.path}: ${w.reason}`);
    groups.set(w.kind, lines);
  }
  return new Map([...groups].sort((a, b) => b[1].length - a[1].length));
}

/** The stories run more than once, in a line. */
function copiesLine({ groups, articles }: BuildReport["copies"]): string {
  if (groups === 0) return "0";
  return `${groups} ${groups === 1 ? "story" : "stories"} run more than once, ${articles} articles in all (a search shows one hit a story)`;
}

export function formatReport(report: BuildReport): string {
  const lines = [
    `newsfind build: ${report.corpus} -> ${report.outDir}`,
    `  files read        ${report.filesRead}`,
    `  articles indexed  ${report.articlesIndexed}`,
    `  files skipped     ${report.skipped.length}`,
    ...listed(report.skipped.map((s) => `    - ${s.path}: ${s.reason}`)),
    `  warnings          ${report.warnings.length}${kinds(report)}`,
    ...[...byKind(report).values()].flatMap((lines) => listed(lines)),
    `  duplicates        ${report.duplicates.length}`,
    ...listed(report.duplicates.map((d) => `    - ${d.origin}: same article as ${d.duplicateOf} (${d.id})`)),
    `  copies            ${copiesLine(report.copies)}`,
    ...listed(report.copies.list.map(([canonical, ...others]) => `    - ${canonical}: also ${others.join(", ")}`)),
    `  layout            ${report.layout}`,
    `  index module      ${size(report.indexBytes.raw)} raw, ${size(report.indexBytes.gzip)} gzip`,
    ...(report.layout === "sharded"
      ? [
          `  index assets      ${report.assets.files} files, ${size(report.assets.bytes)} in ${report.assets.dir} (${report.assets.written} written, the rest unchanged)`,
        ]
      : []),
    ...(report.cached > 0 ? [`  from build cache  ${report.cached} of ${report.articlesIndexed} articles`] : []),
    `  peak memory       ${size(report.peakRssBytes)}`,
    `  build time        ${report.buildMs} ms (${Object.entries(report.phasesMs)
      .map(([phase, ms]) => `${phase} ${ms}`)
      .join(", ")})`,
  ];
  return lines.join("\n");
}
