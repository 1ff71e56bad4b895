// GET /search: full-text search with filters, or, with an empty q, the newest articles.
import { Hono } from "hono";
import { jsonResponse } from "../http/json.js";
import type { IndexStore } from "../engine/store/store.js";
import { DEFAULT_HALF_LIFE_DAYS, search } from "../engine/search.js";
import { documented } from "../http/documented.js";
import { cacheKey, canonicalUrl, throughEdgeCache } from "../http/edge-cache.js";
import { NewsfindError } from "../http/errors.js";
import {
  dateParam,
  enumParam,
  intParam,
  listParam,
  numberParam,
  queryParams,
  repeatedParam,
  textParam,
} from "../http/params.js";
import { FACETS } from "../engine/facets.js";
import { searchResponse } from "../http/responses.js";
import { validate } from "../http/validate.js";

export const SEARCH_CACHE_CONTROL = "public, max-age=60, stale-while-revalidate=300";

/** Characters a query may have. */
export const MAX_QUERY_LENGTH = 500;
/** Words a query may have: a pasted paragraph, not a page. */
export const MAX_QUERY_WORDS = 64;
/**
 * Hits a search skips at most: every page is ranked from the top, so a deep page costs as much
 * as all those before it; past this, narrow the search with filters or sort=date.
 */
export const MAX_OFFSET = 1000;
/** Values of one entity filter at most: each is an alternative, as a facet's choices are. */
export const MAX_ENTITY_FILTERS = 5;

/** The words and filters of a search: /search's, and /feed's too. */
export const SEARCH_WORDS_AND_FILTERS = {
  q: textParam(
    "q",
    "The words to find (a phrase in double quotes); empty lists the newest articles",
    MAX_QUERY_LENGTH,
    { maxWords: MAX_QUERY_WORDS },
  ),
  typos: enumParam(
    "typos",
    "Typo tolerance and the sound-alike fallback for words the archive lacks",
    ["on", "off"],
    "on",
  ),
  from: dateParam("from", "The oldest publication day to include"),
  to: dateParam("to", "The newest publication day to include"),
  source: textParam("source", "Only this publication, as /filters names it", 200),
  person: repeatedParam(
    "person",
    "Only articles naming this person (any one given), as /filters or the person facet names them",
    200,
    MAX_ENTITY_FILTERS,
  ),
  org: repeatedParam(
    "org",
    "Only articles naming this organisation (any one given), as /filters or the org facet names them",
    200,
    MAX_ENTITY_FILTERS,
  ),
  place: repeatedParam(
    "place",
    "Only articles naming this place (any one given), as /filters or the place facet names them",
    200,
    MAX_ENTITY_FILTERS,
  ),
};

const { q, typos, from, to, source, person, org, place } = SEARCH_WORDS_AND_FILTERS;

// In the order the unknown-parameter message lists them.
export const searchQuery = queryParams({
  q,
  limit: intParam("limit", "Hits to return", { min: 1, max: 100, fallback: 10 }),
  offset: intParam("offset", "Hits to skip, for the next pages", { min: 0, max: MAX_OFFSET, fallback: 0 }),
  sort: enumParam(
    "sort",
    "relevance: the best matches first; date: newest first; recent: relevance that halves with age every half_life days",
    ["relevance", "date", "recent"],
    "relevance",
  ),
  half_life: numberParam("half_life", "The half-life of sort=recent; default: the deployment's, 7 days unless set", {
    min: 0.01,
    max: 36500,
    unit: "days",
  }),
  typos,
  prefix: enumParam(
    "prefix",
    "last: the query is being typed, and its last word also matches the words it begins",
    ["none", "last"],
    "none",
  ),
  from,
  to,
  source,
  person,
  org,
  place,
  facets: listParam(
    "facets",
    "Counts among the matches by source, publication year and month (a date histogram), and the people, organisations and places named (the 20 most named of each), each respecting every filter but its own",
    FACETS,
  ),
  collapse: enumParam(
    "collapse",
    "on: one hit per story, its other copies (syndicated, re-headlined or cut) listed in its copies; off: every copy a hit of its own",
    ["on", "off"],
    "on",
  ),
});

/** Refuses a date range that ends before it starts, naming the fix. */
export function refuseReversedRange({ from, to }: { from?: string; to?: string }): void {
  if (!from || !to || from <= to) return;
  const message = `from (${from}) must not be after to (${to}): swap them or widen the range`;
  throw new NewsfindError("invalid-parameter", message, { errors: [{ param: "from", message }] });
}

/** The deployment's default half-life for sort=recent: NEWSFIND_HALF_LIFE_DAYS in wrangler.toml [vars]. */
function configuredHalfLife(env: unknown): number {
  const value = Number((env as Record<string, unknown> | undefined)?.NEWSFIND_HALF_LIFE_DAYS);
  return Number.isFinite(value) && value > 0 ? value : DEFAULT_HALF_LIFE_DAYS;
}

const SEARCH_DOC = documented({
  summary: "Search the archive",
  description:
    "The articles matching the query, best first (BM25F over title, lead and body, with aliases, stemming and typo tolerance), each with a snippet. For queries of up to two words, articles holding every word come before those holding only some. Copies of one story are one hit, which lists them. An empty q lists the newest articles.",
  tag: "search",
  ok: { description: "A page of hits.", content: { "application/json": searchResponse } },
  problems: ["index-unavailable"],
  tagged: true,
  cached: true,
});

export function searchRoutes(loadIndex: (env: unknown) => Promise<IndexStore>) {
  return new Hono().get("/", SEARCH_DOC, validate("query", searchQuery), async (c) => {
    // The deployment's half-life is part of the answer, and so of its cache key.
    const valid = c.req.valid("query");
    const query = { ...valid, half_life: valid.half_life ?? configuredHalfLife(c.env) };
    refuseReversedRange(query);
    const store = await loadIndex(c.env);
    const key = () => cacheKey(canonicalUrl(c.req.url, query), store.manifest);
    return throughEdgeCache(c, key, async () => {
      const { half_life: halfLife, typos, prefix, collapse, ...params } = query;
      const result = await search(store, {
        ...params,
        q: params.q ?? "",
        halfLife,
        typos: typos === "on",
        prefix: prefix === "last",
        collapse: collapse === "on",
      });
      return jsonResponse(result, { headers: { "cache-control": SEARCH_CACHE_CONTROL }, tagged: true });
    });
  });
}
