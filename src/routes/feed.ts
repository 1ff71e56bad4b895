// GET /feed: an Atom 1.0 feed of a search, newest first, so that a feed reader can follow a
// story. The same words and filters as /search (sort=date: the articles matching the most
// query words first, each tier newest first); each entry links to the article (its own URL, or
// the worker's article page) and carries its snippet as HTML. The XML is written by feedsmith,
// which escapes every value.
import { generateAtomFeed } from "feedsmith";
import { Hono } from "hono";
import { hitHref } from "../widget/api.js";
import { search } from "../engine/search.js";
import type { IndexStore } from "../engine/store/store.js";
import { taggedResponse } from "../http/etag.js";
import { intParam, queryParams } from "../http/params.js";
import { documented } from "../http/documented.js";
import { cacheKey, canonicalUrl, throughEdgeCache } from "../http/edge-cache.js";
import { validate } from "../http/validate.js";
import { refuseReversedRange, SEARCH_CACHE_CONTROL, SEARCH_WORDS_AND_FILTERS } from "./search.js";

const { q, typos, from, to, source, person, org, place } = SEARCH_WORDS_AND_FILTERS;

export const feedQuery = queryParams({
  q,
  limit: intParam("limit", "Entries to return", { min: 1, max: 100, fallback: 20 }),
  typos,
  from,
  to,
  source,
  person,
  org,
  place,
});

/** A day (YYYY-MM-DD) as the instant it starts, UTC. */
const dayStart = (day: string) => new Date(`${day}T00:00:00Z`);

const FEED_DOC = documented({
  summary: "Follow a search as an Atom feed",
  description:
    "An Atom 1.0 feed of a search, newest first (the articles matching the most query words first), so that a feed reader can follow a story. The same words and filters as /search.",
  tag: "search",
  ok: { description: "The feed.", content: { "application/atom+xml": { text: "An Atom 1.0 feed." } } },
  problems: ["index-unavailable"],
  tagged: true,
  cached: true,
});

export function feedRoutes(loadIndex: (env: unknown) => Promise<IndexStore>) {
  return new Hono().get("/", FEED_DOC, validate("query", feedQuery), async (c) => {
    const query = c.req.valid("query");
    refuseReversedRange(query);
    const store = await loadIndex(c.env);
    // The feed's id and self link are its canonical URL, the same whatever the parameters' order.
    const url = canonicalUrl(c.req.url, query);
    return throughEdgeCache(
      c,
      () => cacheKey(url, store.manifest),
      async () => {
        const { typos, ...params } = query;
        const q = params.q ?? "";
        const result = await search(store, { ...params, q, offset: 0, sort: "date", typos: typos === "on" });
        const origin = url.origin;
        const built = new Date(store.manifest.builtAt);
        const entries = result.hits.map((hit) => {
          const updated = hit.published ? dayStart(hit.published) : built;
          return {
            id: `${origin}/articles/${encodeURIComponent(hit.id)}`,
            title: { value: hit.title },
            updated,
            ...(hit.published && { published: updated }),
            links: [{ href: hitHref(origin, hit), rel: "alternate" }],
            ...(hit.source && { authors: [{ name: hit.source }] }),
            summary: { value: hit.snippet, type: "html" },
          };
        });
        const xml = generateAtomFeed({
          id: url.href,
          title: { value: q ? `newsfind: ${q}` : "newsfind: the newest articles" },
          // The feed changes only when the index is rebuilt.
          updated: built,
          authors: [{ name: "newsfind" }],
          generator: { text: "newsfind" },
          links: [
            { href: url.href, rel: "self", type: "application/atom+xml" },
            { href: `${origin}/search${url.search}`, rel: "alternate", type: "application/json" },
          ],
          entries,
        });
        return taggedResponse(null, xml, {
          "content-type": "application/atom+xml; charset=utf-8",
          "cache-control": SEARCH_CACHE_CONTROL,
        });
      },
    );
  });
}
