// GET /opensearch.xml: an OpenSearch 1.1 description, so that browsers offer newsfind as a
// search engine (the pages link it with <link rel="search">): a search opens the demo page
// with the query, the browser completes what is typed from /suggest (the OpenSearch
// suggestions extension), and feed readers and apps get the Atom and JSON URLs of a search.
import { Hono } from "hono";
import { escapeHtml } from "../html/escape.js";
import { documented } from "../http/documented.js";
import { queryParams } from "../http/params.js";
import { validate } from "../http/validate.js";

/** The description for a worker at `origin`; every value escaped for XML. */
export function openSearchDescription(origin: string): string {
  const url = (type: string, path: string, rel = "results") =>
    `  <Url type="${type}" rel="${rel}" template="${escapeHtml(`${origin}${path}`)}"/>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<OpenSearchDescription xmlns="http://a9.com/-/spec/opensearch/1.1/">
  <ShortName>newsfind</ShortName>
  <Description>Search the news archive</Description>
  <InputEncoding>UTF-8</InputEncoding>
${url("text/html", "/?q={searchTerms}")}
${url("application/atom+xml", "/feed?q={searchTerms}")}
${url("application/json", "/search?q={searchTerms}")}
${url("application/x-suggestions+json", "/suggest?q={searchTerms}&format=opensearch", "suggestions")}
${url("application/opensearchdescription+xml", "/opensearch.xml", "self")}
</OpenSearchDescription>
`;
}

const OPENSEARCH_DOC = documented({
  summary: "The OpenSearch 1.1 description",
  description:
    "Lets browsers offer newsfind as a search engine: the search URL (the demo page), the suggestion URL (/suggest) and the Atom and JSON URLs of a search.",
  tag: "browser",
  ok: {
    description: "The description.",
    content: { "application/opensearchdescription+xml": { text: "An OpenSearch 1.1 description." } },
  },
});

export function openSearchRoutes() {
  return new Hono().get("/", OPENSEARCH_DOC, validate("query", queryParams({})), (c) =>
    c.body(openSearchDescription(new URL(c.req.url).origin), 200, {
      "content-type": "application/opensearchdescription+xml; charset=utf-8",
      "cache-control": "public, max-age=86400",
    }),
  );
}
