// Facets: counts of the articles a search matches by source, publication year and month, and by
// the people, organisations and places they name, for the controls that narrow it. Counting is
// disjunctive, as faceted search engines count: each facet's counts respect every active filter
// but its own (the source counts ignore `source`, the year and month counts ignore `from` and
// `to`, the people counts ignore `person`), so a reader sees what choosing another value would
// give. The months are a date histogram of the matches, oldest first.
import { dayNumber, ENTITY_KINDS, type ArticleMeta, type EntityIndex, type EntityKind } from "../index-format.js";
import { popcount } from "./rank/term-views.js";

export const FACETS = ["source", "year", "month", ...ENTITY_KINDS] as const;
export type FacetName = (typeof FACETS)[number];

export interface FacetCount {
  /** A source's name, a year (YYYY), a month (YYYY-MM), or an entity's name. */
  value: string;
  count: number;
}

/** The counts of each facet asked for: sources and entities most articles first, years and months in date order. */
export type Facets = Partial<Record<FacetName, FacetCount[]>>;

/**
 * The filters a search applies, each facet ignoring its own. Entity filters are repeatable: an
 * article must name one of a kind's values (a kind's values are alternatives, as a facet's
 * choices are in faceted search), and every kind given.
 */
export interface FacetFilters {
  source?: string;
  from?: string;
  to?: string;
  person?: readonly string[];
  org?: readonly string[];
  place?: readonly string[];
}

/** Sources listed at most: the rest of a long tail is left out, most articles first. */
export const FACET_SOURCES = 50;
/** Entities of each kind listed at most. */
export const FACET_ENTITIES = 20;

export const isEntityFacet = (name: FacetName): name is EntityKind =>
  (ENTITY_KINDS as readonly string[]).includes(name);

export const hasEntityFilters = (filters: FacetFilters) =>
  ENTITY_KINDS.some((kind) => (filters[kind]?.length ?? 0) > 0);

/** Whether a search needs the entity table: to filter by entities or to count them. */
export const needsEntities = (filters: FacetFilters, facets: readonly FacetName[] = []) =>
  hasEntityFilters(filters) || facets.some(isEntityFacet);

/** Each kind's filter as entity numbers; -1 for a name the archive does not have (it matches nothing). */
function entityFilterIds(entities: EntityIndex | null, filters: FacetFilters): (readonly number[])[] {
  return ENTITY_KINDS.map((kind) => (filters[kind] ?? []).map((name) => entities?.find(kind, name) ?? -1));
}

/** Whether the article at `position` names one of the entities `wanted` (a -1 it cannot). */
function namesAny(entities: EntityIndex | null, position: number, wanted: readonly number[]): boolean {
  for (const entity of wanted) if (entity >= 0 && entities?.holds(position, entity)) return true;
  return false;
}

/** The test of every filter, or null when there is none. */
export function filterTest(
  meta: ArticleMeta,
  entities: EntityIndex | null,
  filters: FacetFilters,
): ((position: number) => boolean) | null {
  const dated = filters.from !== undefined || filters.to !== undefined;
  if (filters.source === undefined && !dated && !hasEntityFilters(filters)) return null;
  const first = filters.from === undefined ? Number.NEGATIVE_INFINITY : dayNumber(filters.from);
  const last = filters.to === undefined ? Number.POSITIVE_INFINITY : dayNumber(filters.to);
  const wanted = entityFilterIds(entities, filters).filter((ids) => ids.length > 0);
  return (position) => {
    if (filters.source !== undefined && meta.source(position) !== filters.source) return false;
    if (dated) {
      const day = meta.days[position]!;
      if (!(day >= first && day <= last)) return false;
    }
    return wanted.every((ids) => namesAny(entities, position, ids));
  };
}

/** Archive-wide counts by source number and by day (offset from the oldest), once a loaded index. */
const archiveCounts = new WeakMap<ArticleMeta, { bySource: Uint32Array; byDay: Uint32Array }>();

function archiveCountsOf(meta: ArticleMeta): { bySource: Uint32Array; byDay: Uint32Array } {
  let found = archiveCounts.get(meta);
  if (!found) {
    const every = Int32Array.from({ length: meta.days.length }, (_, position) => position);
    found = { bySource: new Uint32Array(meta.sources.length + 1), byDay: dayCounts(meta) };
    countSources(every, meta.sourceIds, found.bySource);
    countDays(every, meta.days, meta.oldestDay, found.byDay);
    archiveCounts.set(meta, found);
  }
  return found;
}

/** The matches of a bitset as a list, in position order: those whose bit is `held`, of the archive's `articles`. */
function positionsOf(matches: Int32Array, articles: number, held: boolean, count: number): Int32Array {
  const positions = new Int32Array(count);
  let at = 0;
  for (let w = 0; w < matches.length; w++) {
    // The last word's bits past the archive are not articles.
    const inside = w < matches.length - 1 || articles % 32 === 0 ? -1 : (1 << (articles % 32)) - 1;
    for (let bits = (held ? matches[w]! : ~matches[w]!) & inside; bits !== 0; bits &= bits - 1)
      positions[at++] = (w << 5) | (31 - Math.clz32(bits & -bits));
  }
  return positions;
}

/** A bitset by position of the articles at `positions` (each once), for `facetCounts`. */
export function matchSet(positions: ArrayLike<number>, articles: number): Int32Array {
  const bits = new Int32Array((articles + 31) >>> 5);
  for (let i = 0; i < positions.length; i++) bits[positions[i]! >>> 5]! |= 1 << (positions[i]! & 31);
  return bits;
}

/** The month (YYYY-MM) of each day from the archive's oldest to its newest, once a loaded index. */
const calendars = new WeakMap<ArticleMeta, { monthOf: Uint16Array; names: string[] }>();

function calendarOf(meta: ArticleMeta): { monthOf: Uint16Array; names: string[] } {
  let found = calendars.get(meta);
  if (!found) {
    const monthOf = new Uint16Array(daySpan(meta));
    const names: string[] = [];
    let monthEnd = Number.NEGATIVE_INFINITY;
    for (let offset = 0; offset < monthOf.length; offset++) {
      const day = meta.oldestDay + offset;
      if (day >= monthEnd) {
        const start = new Date(day * 86_400_000);
        monthEnd = Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1) / 86_400_000;
        names.push(start.toISOString().slice(0, 7));
      }
      monthOf[offset] = names.length - 1;
    }
    found = { monthOf, names };
    calendars.set(meta, found);
  }
  return found;
}

// The counting loops of an unfiltered count, each a function of its own: small loops the
// runtime optimises on their own, whatever else the facets do.

function countSources(counted: ArrayLike<number>, sourceIds: Uint16Array, bySource: Uint32Array): void {
  for (let i = 0; i < counted.length; i++) bySource[sourceIds[counted[i]!]!]!++;
}

function countDays(counted: ArrayLike<number>, days: Float64Array, oldestDay: number, byDay: Uint32Array): void {
  for (let i = 0; i < counted.length; i++) {
    const day = days[counted[i]!]!;
    if (!Number.isNaN(day)) byDay[day - oldestDay]!++;
  }
}

/**
 * Each article's first entities from the lanes table, without a branch (an empty place counts
 * into a spare counter past the entities); the entities past those, of the few articles that
 * name more, from the lists.
 */
function countEntities(counted: ArrayLike<number>, entities: EntityIndex, byEntity: Uint32Array): void {
  const { table, more } = lanesOf(entities);
  const { offsets, ids } = entities;
  const counts = new Uint32Array(entities.size + LANES);
  for (let i = 0; i < counted.length; i++) {
    const row = counted[i]! * LANES;
    counts[table[row]!]!++;
    counts[table[row + 1]!]!++;
    counts[table[row + 2]!]!++;
    counts[table[row + 3]!]!++;
  }
  for (let i = 0; i < counted.length; i++) {
    const position = counted[i]!;
    if (more[position] === 0) continue;
    for (let e = offsets[position]! + LANES; e < offsets[position + 1]!; e++) counts[ids[e]!]!++;
  }
  byEntity.set(counts.subarray(0, byEntity.length));
}

/** Entities an article's row of the lanes table holds (see `lanesOf`): the four `countEntities` reads. */
const LANES = 4;

/**
 * Each article's first LANES entities, a row an article, an empty place holding a number past
 * the entities (size + its lane), and which articles name more: built once a loaded index, for
 * counting entities without a loop an article.
 */
const entityLanes = new WeakMap<EntityIndex, { table: Uint16Array | Uint32Array; more: Uint8Array }>();

function lanesOf(entities: EntityIndex): { table: Uint16Array | Uint32Array; more: Uint8Array } {
  let found = entityLanes.get(entities);
  if (!found) {
    const { offsets, ids, size } = entities;
    const articles = offsets.length - 1;
    const table = size + LANES <= 0xffff ? new Uint16Array(articles * LANES) : new Uint32Array(articles * LANES);
    const more = new Uint8Array(articles);
    for (let position = 0; position < articles; position++) {
      const named = offsets[position + 1]! - offsets[position]!;
      for (let lane = 0; lane < LANES; lane++)
        table[position * LANES + lane] = lane < named ? ids[offsets[position]! + lane]! : size + lane;
      more[position] = named > LANES ? 1 : 0;
    }
    found = { table, more };
    entityLanes.set(entities, found);
  }
  return found;
}

/** Days from the archive's oldest to its newest, both counted. */
const daySpan = ({ oldestDay, newestDay }: ArticleMeta) => Math.max(0, newestDay - oldestDay) + 1;

/** Empty counts by day, from the archive's oldest to its newest. */
const dayCounts = (meta: ArticleMeta) => new Uint32Array(daySpan(meta));

/**
 * The facets `names` of the matching articles, `matches` (the search's matches before its
 * filters, as a bitset by position: bit `id & 31` of word `id >> 5`; `matchSet` makes one),
 * each facet counted over the matches that pass every filter but its own.
 * Counted by number (source ids, days since the archive's oldest, entity numbers), named at the
 * end. `entities` is needed for entity facets and filters, else may be null.
 */
export function facetCounts(
  meta: ArticleMeta,
  matches: Int32Array,
  names: readonly FacetName[],
  filters: FacetFilters,
  entities: EntityIndex | null = null,
): Facets {
  const { source, from, to } = filters;
  const first = from === undefined ? Number.NEGATIVE_INFINITY : dayNumber(from);
  const last = to === undefined ? Number.POSITIVE_INFINITY : dayNumber(to);
  const dated = from !== undefined || to !== undefined;
  const wantSources = names.includes("source");
  const wantDates = names.includes("year") || names.includes("month");
  const wantKinds = ENTITY_KINDS.map((kind) => names.includes(kind));
  const wantEntities = entities !== null && wantKinds.some(Boolean);
  const wantedIds = entityFilterIds(entities, filters);
  const filtering = wantedIds.map((ids) => ids.length > 0);
  const anyEntityFilter = filtering.some(Boolean);
  const { days, sourceIds, sources, oldestDay } = meta;
  const articles = days.length;
  let total = 0;
  for (let w = 0; w < matches.length; w++) total += popcount(matches[w]!);
  const wanted = source === undefined ? -1 : sources.indexOf(source) + 1;
  const bySource = new Uint32Array(sources.length + 1);
  const byDay = wantDates ? dayCounts(meta) : new Uint32Array(0);
  const byEntity = new Uint32Array(wantEntities ? entities!.size : 0);
  const kindOk = [true, true, true];
  // The entity table's arrays, in locals for the loop (empty when no entity facet is asked for).
  const { offsets, ids, kinds } = wantEntities ? entities! : NO_ENTITIES;
  if (wanted < 0 && !dated && !anyEntityFilter) {
    // No filter: every match counts in every facet. When most of the archive matches (a query
    // of common words), the articles that do not match are fewer: they are counted, and the
    // counts are the archive's less theirs.
    const others = 2 * total > articles;
    const counted = positionsOf(matches, articles, !others, others ? articles - total : total);
    if (wantSources) countSources(counted, sourceIds, bySource);
    if (wantDates) countDays(counted, days, oldestDay, byDay);
    if (wantEntities) countEntities(counted, entities!, byEntity);
    if (others) {
      const archive = archiveCountsOf(meta);
      for (let id = 0; id < bySource.length; id++) bySource[id] = archive.bySource[id]! - bySource[id]!;
      for (let day = 0; day < byDay.length; day++) byDay[day] = archive.byDay[day]! - byDay[day]!;
      for (let entity = 0; entity < byEntity.length; entity++)
        byEntity[entity] = entities!.counts[entity]! - byEntity[entity]!;
    }
  } else {
    const positions = positionsOf(matches, articles, true, total);
    for (let i = 0; i < positions.length; i++) {
      const position = positions[i]!;
      const day = days[position]!;
      const id = sourceIds[position]!;
      const sourceOk = wanted < 0 || id === wanted;
      const dayOk = !dated || (day >= first && day <= last);
      let entitiesOk = true;
      if (anyEntityFilter) {
        for (let k = 0; k < 3; k++) kindOk[k] = !filtering[k] || namesAny(entities, position, wantedIds[k]!);
        entitiesOk = kindOk[0]! && kindOk[1]! && kindOk[2]!;
      }
      if (wantSources && dayOk && entitiesOk) bySource[id]!++;
      if (wantDates && !Number.isNaN(day) && sourceOk && entitiesOk) byDay[day - oldestDay]!++;
      if (wantEntities && sourceOk && dayOk) {
        const end = offsets[position + 1]!;
        if (!anyEntityFilter) {
          // No entity filter: every entity of the article counts (its kind is checked when named).
          for (let e = offsets[position]!; e < end; e++) byEntity[ids[e]!]!++;
        } else {
          for (let e = offsets[position]!; e < end; e++) {
            const entity = ids[e]!;
            const kind = kinds[entity]!;
            // An entity counts when the article passes every other kind's filters.
            if ((kind === 0 || kindOk[0]) && (kind === 1 || kindOk[1]) && (kind === 2 || kindOk[2]))
              byEntity[entity]!++;
          }
        }
      }
    }
  }
  const facets: Facets = {};
  if (wantSources) {
    const counted: FacetCount[] = [];
    for (let id = 1; id < bySource.length; id++)
      if (bySource[id]! > 0) counted.push({ value: sources[id - 1]!, count: bySource[id]! });
    facets.source = mostFirst(counted).slice(0, FACET_SOURCES);
  }
  if (wantDates) {
    // Days fold into months by the archive's calendar.
    const { monthOf, names: monthNames } = calendarOf(meta);
    const byMonth = new Uint32Array(monthNames.length);
    for (let offset = 0; offset < byDay.length; offset++) byMonth[monthOf[offset]!]! += byDay[offset]!;
    const months: FacetCount[] = [];
    for (let m = 0; m < byMonth.length; m++)
      if (byMonth[m]! > 0) months.push({ value: monthNames[m]!, count: byMonth[m]! });
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
  if (wantEntities) {
    const top = ENTITY_KINDS.map(() => [] as number[]);
    const entityNames = entities!.names;
    // The FACET_ENTITIES most counted of each kind, kept by insertion as the counts are read
    // (most first, ties by name): no list of every counted entity is made or sorted.
    const before = (a: number, b: number) =>
      byEntity[a]! > byEntity[b]! || (byEntity[a] === byEntity[b] && entityNames[a]! < entityNames[b]!);
    for (let entity = 0; entity < byEntity.length; entity++) {
      if (byEntity[entity] === 0 || !wantKinds[kinds[entity]!]) continue;
      const list = top[kinds[entity]!]!;
      if (list.length === FACET_ENTITIES && !before(entity, list[FACET_ENTITIES - 1]!)) continue;
      let at = list.length === FACET_ENTITIES ? FACET_ENTITIES - 1 : list.length;
      while (at > 0 && before(entity, list[at - 1]!)) {
        list[at] = list[at - 1]!;
        at--;
      }
      list[at] = entity;
    }
    ENTITY_KINDS.forEach((kind, k) => {
      if (wantKinds[k])
        facets[kind] = top[k]!.map((entity) => ({ value: entityNames[entity]!, count: byEntity[entity]! }));
    });
  }
  return facets;
}

const NO_ENTITIES = { offsets: new Uint32Array(1), ids: new Uint32Array(0), kinds: new Uint8Array(0) };

/** Most articles first, then by name. */
function mostFirst(counts: FacetCount[]): FacetCount[] {
  return counts.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
}
