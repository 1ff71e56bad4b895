// The tuning bench's table (pure Markdown): for each judged set its metric, its BM25 reference,
// the score of the shipped constants (when the grid holds them), of the constants chosen over
// every set, and of those chosen with the set held out, which are named beside it.
import type { TuneFigures } from "../results.js";
import { markdown } from "../scale/table.js";
import { SHIPPED, type Candidate } from "./grid.js";

/** A candidate as text: "title 3, lede 2, k1 1.2, b 0.75". */
export const candidateLabel = ({ title, lede, k1, b }: Candidate) => `title ${title}, lede ${lede}, k1 ${k1}, b ${b}`;

const same = (a: Candidate, b: Candidate) => a.title === b.title && a.lede === b.lede && a.k1 === b.k1 && a.b === b.b;

export function tuneTable({ sets, candidates, scores, held, chosen, folds }: TuneFigures): string {
  const shipped = candidates.findIndex((candidate) => same(candidate, SHIPPED));
  const score = (value: number | undefined, bm25: number) =>
    value === undefined ? "—" : `${value.toFixed(3)}${value < bm25 ? " (below BM25)" : ""}`;
  const rows = sets.map((set, s) => {
    const fold = folds.find((f) => f.heldOut === s);
    return [
      set.name,
      `${set.metric}, ${set.queries} queries`,
      set.bm25.toFixed(3),
      score(shipped >= 0 ? scores[shipped]![s] : undefined, set.bm25),
      score(scores[chosen]![s], set.bm25),
      score(fold?.score, set.bm25),
      fold ? candidateLabel(candidates[fold.chosen]!) : "—",
    ];
  });
  const mean = (pick: (s: number) => number | undefined) => {
    const values = sets.map((_, s) => pick(s));
    if (values.some((value) => value === undefined)) return "—";
    const gain = values.reduce<number>((sum, value, s) => sum + value! - sets[s]!.bm25, 0) / Math.max(1, sets.length);
    return `${gain >= 0 ? "+" : ""}${gain.toFixed(3)}`;
  };
  rows.push([
    "mean gain over BM25",
    "",
    "",
    mean((s) => (shipped >= 0 ? scores[shipped]![s] : undefined)),
    mean((s) => scores[chosen]![s]),
    mean((s) => folds.find((f) => f.heldOut === s)?.score),
    "",
  ]);
  return `${markdown(
    [
      "set",
      "metric",
      "BM25",
      `shipped (${candidateLabel(SHIPPED)})`,
      `chosen on all (${candidateLabel(candidates[chosen]!)})`,
      "held out: chosen on the others",
      "constants chosen on the others",
    ],
    rows,
    ["set", "metric", "constants chosen on the others"],
  )}\n\n${candidates.length} candidates; the choice: fewest sets below their BM25 reference, then the highest mean gain, then the fewest constants changed; a constant fewer than two of the sets chosen on respond to keeps its shipped value${held && held.length > 0 ? ` (over all ${sets.length} sets: ${held.join(", ")})` : ""}.`;
}
