// Facets: counts of the articles a search matches by source, publication year and month, for
// the controls that narrow it. Counting is disjunctive, as faceted search engines count: each
// facet's counts respect every active filter but its own (the source counts ignore `source`,
// the year and month counts ignore `from` and `to`), so a reader sees what choosing another
// value would give. The months are a date histogram of the matches, oldest first.
import { dayNumber, type ArticleMeta } from "../index-format.js";

export const FACETS = ["source", "year", "month"] as const;
export type FacetName = (typeof FACETS)[number];

export interface FacetCount {
  /** A source's name, a year (YYYY) or a month (YYYY-MM). */
  value: string;
  count: number;
}

/** The counts of each facet asked for: sources most articles first, years and months in date order. */
export type Facets = Partial<Record<FacetName, FacetCount[]>>;

/** The filters a search applies, each facet ignoring its own. */
export interface FacetFilters {
  source?: string;
  from?: string;
  to?: string;
}

/** Sources listed at most: the rest of a long tail is left out, most articles first. */
export const FACET_SOURCES = 50;

const isoMonth = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 7);

/**
 * The facets `names` of the matching articles at `positions` (the search's matches before its
 * filters), each facet counted over the matches that pass every filter but its own.
 */
export function facetCounts(
  meta: ArticleMeta,
  positions: ArrayLike<number>,
  names: readonly FacetName[],
  { source, from, to }: FacetFilters,
): Facets {
  const first = from === undefined ? Number.NEGATIVE_INFINITY : dayNumber(from);
  const last = to === undefined ? Number.POSITIVE_INFINITY : dayNumber(to);
  const dated = from !== undefined || to !== undefined;
  const wantSources = names.includes("source");
  const wantDates = names.includes("year") || names.includes("month");
  const sources = new Map<string, number>();
  // Counted by day first (a few thousand days), then folded into months.
  const days = new Map<number, number>();
  for (let i = 0; i < positions.length; i++) {
    const position = positions[i]!;
    const day = meta.days[position]!;
    const own = meta.source(position);
    if (wantSources && own !== null && (!dated || (day >= first && day <= last)))
      sources.set(own, (sources.get(own) ?? 0) + 1);
    if (wantDates && !Number.isNaN(day) && (source === undefined || own === source))
      days.set(day, (days.get(day) ?? 0) + 1);
  }
  const months = new Map<string, number>();
  for (const [day, count] of days) months.set(isoMonth(day), (months.get(isoMonth(day)) ?? 0) + count);
  const facets: Facets = {};
  if (wantSources)
    facets.source = [...sources]
      .map(([value, count]) => ({ value, count }))
      .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0))
      .slice(0, FACET_SOURCES);
  const byMonth = [...months].sort((a, b) => (a[0] < b[0] ? -1 : 1));
  if (names.includes("month")) facets.month = byMonth.map(([value, count]) => ({ value, count }));
  if (names.includes("year")) {
    const years = new Map<string, number>();
    for (const [month, count] of byMonth) years.set(month.slice(0, 4), (years.get(month.slice(0, 4)) ?? 0) + count);
    facets.year = [...years].map(([value, count]) => ({ value, count }));
  }
  return facets;
}
