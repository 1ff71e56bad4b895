// The tuning bench's grid (pure): candidates of ranking constants, every combination of the
// values given for the title weight, the lede bonus, k1 and b; an axis not given keeps the
// shipped value. The body weight is 1: what counts is the weights' ratio, with k1.
import { RANKING, type RankingConstants } from "../../src/index-format.js";

/** One candidate: the constants the grid varies. */
export interface Candidate {
  title: number;
  lede: number;
  k1: number;
  b: number;
}

export const DEFAULT_GRID = "title=1,2,3,4:lede=0,1,2,3:k1=0.9,1.2,1.5:b=0.4,0.6,0.75,0.9";

/** The shipped constants as a candidate. */
export const SHIPPED: Candidate = {
  title: RANKING.weights.title,
  lede: RANKING.leadBonus,
  k1: RANKING.bm25.k1,
  b: RANKING.bm25.b,
};

/** The constants a candidate stands for: body weight 1, levels as the format has them. */
export function constants({ title, lede, k1, b }: Candidate): RankingConstants {
  return { weights: { title, body: 1 }, leadBonus: lede, bm25: { k1, b, levels: RANKING.bm25.levels } };
}

/** The grid's candidates, every combination, the title's values outermost, in the order given. */
export function parseGrid(grid: string): Candidate[] {
  const axes = new Map<keyof Candidate, number[]>();
  for (const part of grid.split(":")) {
    const [name, values] = part.split("=");
    const numbers = (values ?? "").split(",").map((value) => (value.trim() === "" ? Number.NaN : Number(value)));
    if (
      !name ||
      !(name in SHIPPED) ||
      numbers.some((n) => !Number.isFinite(n) || n < 0) ||
      (name === "b" && numbers.some((n) => n > 1))
    )
      throw new Error(`--grid: "${part}" is not name=n,n,... with name one of title, lede, k1, b (b at most 1)`);
    axes.set(name as keyof Candidate, numbers);
  }
  const axis = (name: keyof Candidate) => axes.get(name) ?? [SHIPPED[name]];
  return axis("title").flatMap((title) =>
    axis("lede").flatMap((lede) => axis("k1").flatMap((k1) => axis("b").map((b) => ({ title, lede, k1, b })))),
  );
}

/** How many of a candidate's constants differ from the shipped ones. */
export function changedFromShipped(candidate: Candidate): number {
  return (Object.keys(SHIPPED) as (keyof Candidate)[]).filter((axis) => candidate[axis] !== SHIPPED[axis]).length;
}

/** Score differences smaller than this are none. */
const SAME = 1e-9;

/**
 * The constants fewer than two of the collections `on` respond to: for each, whether changing it
 * alone, the others fixed, ever changes a collection's score. Such a constant would be chosen by
 * one collection alone, or by none (the lede bonus, on collections of one-paragraph abstracts):
 * it keeps its shipped value.
 * @param scores scores[candidate][collection]
 */
export function unsupported(
  candidates: readonly Candidate[],
  scores: readonly (readonly number[])[],
  on: readonly number[],
): (keyof Candidate)[] {
  const axes = Object.keys(SHIPPED) as (keyof Candidate)[];
  return axes.filter((axis) => {
    const groups = new Map<string, number[]>();
    candidates.forEach((candidate, n) => {
      const key = axes.map((other) => (other === axis ? "" : candidate[other])).join("/");
      groups.set(key, [...(groups.get(key) ?? []), n]);
    });
    const responding = on.filter((c) =>
      [...groups.values()].some((group) => {
        const values = group.map((n) => scores[n]![c]!);
        return Math.max(...values) - Math.min(...values) > SAME;
      }),
    );
    return responding.length < 2;
  });
}

/** Whether each candidate keeps the shipped value of every one of these constants. */
export function keeping(candidates: readonly Candidate[], axes: readonly (keyof Candidate)[]): boolean[] {
  return candidates.map((candidate) => axes.every((axis) => candidate[axis] === SHIPPED[axis]));
}
