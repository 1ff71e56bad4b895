// The full-matches-first table (pure Markdown): for each judged set its metric and BM25
// reference, then its score with full matches ranked first for queries of up to each line's
// number of words (0: by score alone), each with how many of its queries that line reorders
// (more than one word, at most the line), and a mark where the score is below the score alone;
// then each set at the shipped line with each share above which a word is not asked for.
import type { PartialFigures } from "../results.js";
import { markdown } from "../scale/table.js";

export function partialTable({ lines, sets, shipped, common: rule, cost }: PartialFigures): string {
  const header = lines.map((line) =>
    line === 0 ? "by score alone" : `up to ${line} words${line === shipped ? " (shipped)" : ""}`,
  );
  const rows = sets.map((set) => {
    const alone = set.scores[lines.indexOf(0)]!;
    const marked = (score: number) => `${score.toFixed(3)}${score < alone - 5e-4 ? " ▼" : ""}`;
    return [
      set.name,
      `${set.metric}, ${set.queries} queries`,
      set.bm25.toFixed(3),
      ...set.scores.map((score, l) => (lines[l] === 0 ? score.toFixed(3) : `${marked(score)} (${set.within[l]})`)),
    ];
  });
  const common =
    rule && sets.every((set) => set.byShare)
      ? `\n\nWords too common to ask for, at the shipped line (up to ${shipped} words): each column the share of the articles above which a query word (held by more than ${rule.floor}) is not asked for beside a rarer one; 1 asks for every word. ▼: below the set's score by score alone.\n\n${markdown(
          ["set", ...rule.shares.map((share) => (share === rule.share ? `${share} (shipped)` : String(share)))],
          sets.map((set) => {
            const alone = set.scores[lines.indexOf(0)]!;
            return [set.name, ...set.byShare!.map((score) => `${score.toFixed(3)}${score < alone - 5e-4 ? " ▼" : ""}`)];
          }),
          ["set"],
        )}`
      : "";
  const timing = cost
    ? `\n\nTime per query in process, the field stream at ${cost.articles.toLocaleString("en-US")} articles (${cost.queries.toLocaleString("en-US")} queries, each once on two warm stores in turn).\n\n${markdown(
        ["ranking", "p50 ms", "p90 ms", "p99 ms"],
        [
          ["by score alone", ...[cost.byScore.p50, cost.byScore.p90, cost.byScore.p99].map((ms) => ms.toFixed(2))],
          [
            `full matches first (up to ${shipped} words)`,
            ...[cost.shipped.p50, cost.shipped.p90, cost.shipped.p99].map((ms) => ms.toFixed(2)),
          ],
        ],
        ["ranking"],
      )}`
    : "";
  return `${markdown(["set", "metric", "BM25", ...header], rows, ["set", "metric"])}\n\nIn brackets: the queries of more than one word and at most the line's, whose page the line can change. ▼: below the set's score by score alone (by more than 0.0005).${timing}${common}`;
}
