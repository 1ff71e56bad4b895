// GET /filters: what the archive can be filtered by, for the widget's controls: every source
// with its article count (most articles first), the oldest and newest publication dates, and
// the people, organisations and places named most, with their article counts.
import { Hono } from "hono";
import { joined } from "../engine/store/promise-cache.js";
import type { IndexStore } from "../engine/store/store.js";
import { jsonResponse } from "../http/json.js";
import { queryParams } from "../http/params.js";
import { documented } from "../http/documented.js";
import { filtersResponse } from "../http/responses.js";
import { validate } from "../http/validate.js";
import { ENTITY_KINDS, type ArticleMeta, type EntityIndex, type EntityKind } from "../index-format.js";
import { SEARCH_CACHE_CONTROL } from "./search.js";

export interface Filters {
  sources: { name: string; count: number }[];
  /** YYYY-MM-DD; null when no article is dated. */
  dates: { oldest: string | null; newest: string | null };
  /** The most named of each kind (FILTER_ENTITIES), most articles first. */
  entities: Record<EntityKind, { name: string; count: number }[]>;
}

/** Entities of each kind /filters lists. */
export const FILTER_ENTITIES = 50;

const isoDay = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);

/** Counts sources and finds the date range over every article's metadata, and lists the most named entities. */
export function filtersOf(meta: ArticleMeta, named: EntityIndex): Filters {
  const counts = new Map<string, number>();
  let dated = false;
  for (let position = 0; position < meta.days.length; position++) {
    const source = meta.source(position);
    if (source !== null) counts.set(source, (counts.get(source) ?? 0) + 1);
    if (!Number.isNaN(meta.days[position]!)) dated = true;
  }
  const sources = [...counts]
    .map(([name, count]) => ({ name, count }))
    .sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return {
    sources,
    dates: dated ? { oldest: isoDay(meta.oldestDay), newest: isoDay(meta.newestDay) } : { oldest: null, newest: null },
    entities: Object.fromEntries(
      ENTITY_KINDS.map((kind, k) => {
        const ids = [...named.counts.keys()].filter((id) => named.kinds[id] === k && named.counts[id]! > 0);
        const listed = ids
          .map((id) => ({ name: named.names[id]!, count: named.counts[id]! }))
          .sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
        return [kind, listed.slice(0, FILTER_ENTITIES)];
      }),
    ) as Filters["entities"],
  };
}

/** The filters of each loaded index, counted once: a pass over every article is not per request. */
const counted = new WeakMap<IndexStore, Promise<Filters>>();

const FILTERS_DOC = documented({
  summary: "What the archive can be filtered by",
  description:
    "Every source with its article count, most articles first; the oldest and newest publication dates; and the 50 people, organisations and places the archive names most, with their article counts.",
  tag: "articles",
  ok: { description: "The filters.", content: { "application/json": filtersResponse } },
  problems: ["index-unavailable"],
  tagged: true,
});

export function filterRoutes(loadIndex: (env: unknown) => Promise<IndexStore>) {
  return new Hono().get("/", FILTERS_DOC, validate("query", queryParams({})), async (c) => {
    const store = await loadIndex(c.env);
    let filters = counted.get(store);
    if (!filters) {
      filters = Promise.all([store.meta(), store.entities()]).then(([meta, named]) => filtersOf(meta, named));
      filters.catch(() => counted.delete(store));
      counted.set(store, filters);
    }
    return jsonResponse(await joined(filters), {
      headers: { "cache-control": SEARCH_CACHE_CONTROL },
      request: c.req.raw,
    });
  });
}
