// The copy-grouping quality tables (pure Markdown) of `npm run eval:copies`: a run's recall on
// each kind of made copy, and precision and recall on the archive's own pairs judged by hand;
// and every run in a row, with the constants it grouped with.
import type { CopiesFigures, RunInfo } from "./results.js";
import { markdown } from "./scale/table.js";

const share = (part: number, whole: number) => (whole === 0 ? "–" : `${((100 * part) / whole).toFixed(1)} %`);

/** Each run in a row, latest first: its constants and its three figures. */
export function copiesRunsTable(runs: readonly (RunInfo & { figures: CopiesFigures })[]): string {
  return markdown(
    [
      "date (UTC)",
      "commit",
      "words read",
      "containment",
      "days apart",
      "made copies found",
      "judged precision",
      "judged recall",
      "pairs judged",
    ],
    [...runs].reverse().map(({ date, commit, figures }) => {
      const { options, archive } = figures;
      const found = figures.byKind.reduce((sum, kind) => sum + kind.found, 0);
      return [
        date.slice(0, 16).replace("T", " "),
        commit,
        options.textWords.toLocaleString("en-US"),
        String(options.containment),
        Number.isFinite(options.days) ? String(options.days) : "any",
        share(found, figures.made),
        share(archive.truePositives, archive.truePositives + archive.falsePositives),
        share(archive.truePositives, archive.truePositives + archive.falseNegatives),
        String(archive.judged),
      ];
    }),
    ["date (UTC)", "commit"],
  );
}

/** The quality table (pure Markdown), from a run's figures. */
export function copiesTable(figures: CopiesFigures): string {
  const { archive } = figures;
  const kinds = markdown(
    ["made copy", "made", "grouped with its article (recall)"],
    [
      ...figures.byKind.map(({ kind, made, found }) => [kind, String(made), share(found, made)]),
      [
        "all",
        String(figures.made),
        share(
          figures.byKind.reduce((sum, kind) => sum + kind.found, 0),
          figures.made,
        ),
      ],
    ],
    ["made copy"],
  );
  const judged = markdown(
    ["the archive's own pairs", "figure"],
    [
      ["pairs grouped", String(archive.groupedPairs)],
      ["near misses (a third of the sketch alike, not grouped)", String(archive.nearMisses)],
      ["pairs judged by hand", String(archive.judged)],
      [
        "precision: judged pairs grouped that are copies",
        share(archive.truePositives, archive.truePositives + archive.falsePositives),
      ],
      [
        "recall: judged copies that are grouped",
        share(archive.truePositives, archive.truePositives + archive.falseNegatives),
      ],
    ],
    ["the archive's own pairs"],
  );
  return `${figures.articles.toLocaleString("en-US")} articles and ${figures.made} made copies: ${figures.groups} groups of ${figures.grouped.toLocaleString("en-US")} articles, found in ${Math.round(figures.ms).toLocaleString("en-US")} ms. Made copies grouped with anything but their article and its copies: ${figures.madeWrongPairs} pairs (precision ${share(figures.madeRightPairs, figures.madeRightPairs + figures.madeWrongPairs)}).\n\n${kinds}\n\n${judged}`;
}
