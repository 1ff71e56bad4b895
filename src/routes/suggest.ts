// GET /suggest: completions of a partial query, for a search box (engine/suggest.ts). As JSON
// ({query, suggestions: [{text, articles}]}) or, with format=opensearch, as the OpenSearch
// suggestions extension's array ([query, [completions]]), which browsers read from the
// suggestion URL of /opensearch.xml.
import { Hono } from "hono";
import { suggest } from "../engine/suggest.js";
import type { IndexStore } from "../engine/store/store.js";
import { jsonResponse } from "../http/json.js";
import { enumParam, intParam, queryParams, textParam } from "../http/params.js";
import { validate } from "../http/validate.js";
import { SEARCH_CACHE_CONTROL } from "./search.js";

/** Characters a partial query may have: what a search box holds while it is typed in. */
export const MAX_SUGGEST_LENGTH = 100;

export const suggestQuery = queryParams({
  q: textParam("q", MAX_SUGGEST_LENGTH),
  limit: intParam("limit", { min: 1, max: 20, fallback: 8 }),
  format: enumParam("format", ["json", "opensearch"], "json"),
});

export function suggestRoutes(loadIndex: (env: unknown) => Promise<IndexStore>) {
  return new Hono().get("/", validate("query", suggestQuery), async (c) => {
    const { q = "", limit, format } = c.req.valid("query");
    const suggestions = await suggest(await loadIndex(c.env), q, limit);
    const headers = { "cache-control": SEARCH_CACHE_CONTROL };
    if (format === "opensearch")
      return jsonResponse([q, suggestions.map(({ text }) => text)], {
        headers,
        type: "application/x-suggestions+json",
        request: c.req.raw,
      });
    return jsonResponse({ query: q, suggestions }, { headers, request: c.req.raw });
  });
}
