// GET /suggest: completions of a partial query, for a search box (engine/suggest.ts). As JSON
// ({query, suggestions: [{text, articles}]}) or, with format=opensearch, as the OpenSearch
// suggestions extension's array ([query, [completions]]), which browsers read from the
// suggestion URL of /opensearch.xml.
import { Hono } from "hono";
import { suggest } from "../engine/suggest.js";
import type { IndexStore } from "../engine/store/store.js";
import { jsonResponse } from "../http/json.js";
import { enumParam, intParam, queryParams, textParam } from "../http/params.js";
import { documented } from "../http/documented.js";
import { openSearchSuggestResponse, suggestResponse } from "../http/responses.js";
import { validate } from "../http/validate.js";
import { SEARCH_CACHE_CONTROL } from "./search.js";

/** Characters a partial query may have: what a search box holds while it is typed in. */
export const MAX_SUGGEST_LENGTH = 100;

export const suggestQuery = queryParams({
  q: textParam("q", "What has been typed so far", MAX_SUGGEST_LENGTH),
  limit: intParam("limit", "Completions to return", { min: 1, max: 20, fallback: 8 }),
  format: enumParam(
    "format",
    "json: {query, suggestions}; opensearch: the OpenSearch suggestions array browsers read",
    ["json", "opensearch"],
    "json",
  ),
});

const SUGGEST_DOC = documented({
  summary: "Complete a partial query",
  description:
    "Phrases of one to three words from the archive's titles that complete what has been typed, ranked by how many titles hold them and how recent those are. Finished words may be misspelt.",
  tag: "search",
  ok: {
    description: "The completions.",
    content: { "application/json": suggestResponse, "application/x-suggestions+json": openSearchSuggestResponse },
  },
  problems: ["index-unavailable"],
  tagged: true,
});

export function suggestRoutes(loadIndex: (env: unknown) => Promise<IndexStore>) {
  return new Hono().get("/", SUGGEST_DOC, validate("query", suggestQuery), async (c) => {
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
