// The ranking constants as an index's configuration. The build quantises impacts with `RANKING`
// (ranking.ts) unless it is given others, as the tuning bench does, and the manifest records
// them. The worker needs only the number of levels, which is fixed: it scores a slot as its
// share of the top impact, times k1 + 1 of the defaults, a factor common to every term that
// leaves the order as it is. So it serves an index built with any valid constants.
import { BM25, FIELD_WEIGHTS, INDEXED_FIELDS, LEAD_BONUS, type IndexedField } from "./ranking.js";

/** The constants an index's impacts are computed with; the manifest records them. */
export interface RankingConstants {
  weights: { readonly [field in IndexedField]: number };
  leadBonus: number;
  bm25: { k1: number; b: number; levels: number };
}

/** The constants every build uses unless told otherwise. */
export const RANKING: RankingConstants = { weights: FIELD_WEIGHTS, leadBonus: LEAD_BONUS, bm25: BM25 };

/** What is wrong with ranking constants read from a manifest, or null when they can be served. */
export function rankingProblem(ranking: Partial<RankingConstants> | undefined): string | null {
  const { weights, leadBonus, bm25 } = ranking ?? {};
  const finite = (value: unknown, least: number, most = Infinity) =>
    typeof value === "number" && Number.isFinite(value) && value >= least && value <= most;
  if (!weights || !INDEXED_FIELDS.every((field) => finite(weights[field], 0)))
    return "field weights are missing or negative";
  if (!finite(leadBonus, 0)) return "the lede bonus is missing or negative";
  if (!bm25 || !finite(bm25.k1, 0) || !finite(bm25.b, 0, 1)) return "BM25's k1 or b is missing or out of range";
  if (bm25.levels !== BM25.levels)
    return `the index has ${bm25.levels} impact levels, this worker reads ${BM25.levels}`;
  return null;
}
