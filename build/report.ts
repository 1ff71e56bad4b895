// The build report as text for a terminal.
import type { BuildReport } from "./types.js";

function size(bytes: number): string {
  return bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KiB` : `${(bytes / 1024 / 1024).toFixed(2)} MiB`;
}

export function formatReport(report: BuildReport): string {
  const lines = [
    `newsfind build: ${report.corpus} -> ${report.outDir}`,
    `  files read        ${report.filesRead}`,
    `  articles indexed  ${report.articlesIndexed}`,
    `  files skipped     ${report.skipped.length}`,
    ...report.skipped.map((s) => `    - ${s.path}: ${s.reason}`),
    `  warnings          ${report.warnings.length}`,
    ...report.warnings.map((w) => `    - ${w.path}: ${w.reason}`),
    `  duplicates        ${report.duplicates.length}`,
    ...report.duplicates.map((d) => `    - ${d.origin}: same article as ${d.duplicateOf} (${d.id})`),
    `  layout            ${report.layout}`,
    `  index module      ${size(report.indexBytes.raw)} raw, ${size(report.indexBytes.gzip)} gzip`,
    ...(report.layout === "sharded"
      ? [
          `  index assets      ${report.assets.files} files, ${size(report.assets.bytes)} in ${report.assets.dir} (${report.assets.written} written, the rest unchanged)`,
        ]
      : []),
    ...(report.cached > 0 ? [`  from build cache  ${report.cached} of ${report.articlesIndexed} articles`] : []),
    `  build time        ${report.buildMs} ms (${Object.entries(report.phasesMs)
      .map(([phase, ms]) => `${phase} ${ms}`)
      .join(", ")})`,
  ];
  return lines.join("\n");
}
