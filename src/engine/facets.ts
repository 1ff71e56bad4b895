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

/**
 * The facets `names` of the matching articles at `positions` (the search's matches before its
 * filters), each facet counted over the matches that pass every filter but its own. Counted by
 * number (source ids, days since the archive's oldest), named at the end.
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
  const { days, sourceIds, sources, oldestDay, newestDay } = meta;
  const wanted = source === undefined ? -1 : sources.indexOf(source) + 1;
  const bySource = new Uint32Array(sources.length + 1);
  const byDay = new Uint32Array(wantDates ? Math.max(0, newestDay - oldestDay) + 1 : 0);
  for (let i = 0; i < positions.length; i++) {
    const position = positions[i]!;
    const day = days[position]!;
    const id = sourceIds[position]!;
    if (wantSources && (!dated || (day >= first && day <= last))) bySource[id]!++;
    if (wantDates && !Number.isNaN(day) && (wanted < 0 || id === wanted)) byDay[day - oldestDay]!++;
  }
  const facets: Facets = {};
  if (wantSources) {
    const counted: FacetCount[] = [];
    for (let id = 1; id < bySource.length; id++)
      if (bySource[id]! > 0) counted.push({ value: sources[id - 1]!, count: bySource[id]! });
    facets.source = counted
      .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0))
      .slice(0, FACET_SOURCES);
  }
  if (wantDates) {
    // Days in order fold into months in order: a month's name and its end are found once.
    const months: FacetCount[] = [];
    let month: FacetCount | undefined;
    let monthEnd = Number.NEGATIVE_INFINITY;
    for (let offset = 0; offset < byDay.length; offset++) {
      if (byDay[offset] === 0) continue;
      const day = oldestDay + offset;
      if (day >= monthEnd) {
        const start = new Date(day * 86_400_000);
        monthEnd = Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1) / 86_400_000;
        month = { value: start.toISOString().slice(0, 7), count: 0 };
        months.push(month);
      }
      month!.count += byDay[offset]!;
    }
    if (names.includes("month")) facets.month = months;
    if (names.includes("year")) {
      const years: FacetCount[] = [];
      for (const { value, count } of months) {
        const previous = years.at(-1);
        if (previous?.value === value.slice(0, 4)) previous.count += count;
        else years.push({ value: value.slice(0, 4), count });
      }
      facets.year = years;
    }
  }
  return facets;
}
