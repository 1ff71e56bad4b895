// The ranking variants' tables (pure Markdown): for each family, every variant's score on each
// judged set against the family's baseline, the mean, the variant chosen over all seven sets
// and, for each set held out, the change the variant chosen on the other six makes there.
import type { VariantFigures } from "../results.js";
import { markdown } from "../scale/table.js";

const signed = (value: number) => `${value >= 0 ? "+" : "−"}${Math.abs(value).toFixed(3)}`;

/** Whether the family's cross-validated choice helps: a gain held out on average, and no set held out below the baseline. */
export function kept(family: VariantFigures["families"][number]): boolean {
  const deltas = family.folds.map((fold) => fold.score - family.variants[0]!.scores[fold.heldOut]!);
  return deltas.every((delta) => delta >= 0) && deltas.reduce((sum, delta) => sum + delta, 0) > 0;
}

export function variantsTable({ sets, families }: VariantFigures): string {
  return families
    .map((family) => {
      const baseline = family.variants[0]!.scores;
      const mean = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
      const rows = family.variants.map(({ label, scores }, v) => [
        `${label}${v === family.chosen ? " (chosen on all)" : ""}`,
        ...scores.map((score, s) => (v === 0 ? score.toFixed(3) : signed(score - baseline[s]!))),
        v === 0 ? "" : signed(mean(scores.map((score, s) => score - baseline[s]!))),
      ]);
      const held = family.folds.map((fold) => fold.score - baseline[fold.heldOut]!);
      rows.push([
        "held out: chosen on the other six",
        ...sets.map((_, s) => signed(held[family.folds.findIndex((fold) => fold.heldOut === s)]!)),
        signed(mean(held)),
      ]);
      const verdict = kept(family)
        ? "kept: it gains held out, and no set held out loses"
        : "not kept: held out, it loses on a set or gains nothing on average";
      return `### ${family.name}\n\n${family.description}\n\n${markdown(
        ["variant", ...sets.map((set) => `${set.name} (${set.metric})`), "mean"],
        rows,
        ["variant"],
      )}\n\nThe first row is the baseline's scores; the others, each variant's change from it. Verdict: ${verdict}.`;
    })
    .join("\n\n");
}
