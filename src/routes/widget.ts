// GET /widget.js: the embeddable <newsfind-search> element, bundled from src/widget/ by the
// build. Sites load it cross-origin as a module script, so it carries CORS * (set app-wide).
import { Hono } from "hono";
import { documented } from "../http/documented.js";
import { etagOf, taggedResponse } from "../http/etag.js";
import { queryParams } from "../http/params.js";
import { validate } from "../http/validate.js";

export const WIDGET_CACHE_CONTROL = "public, max-age=3600, stale-while-revalidate=86400";

const WIDGET_DOC = documented({
  summary: "The embeddable search widget",
  description:
    "The <newsfind-search> custom element, as an ES module: a site embeds it with one script tag of type module.",
  tag: "browser",
  ok: { description: "The widget's script.", content: { "text/javascript": { text: "An ES module." } } },
  tagged: true,
});

export function widgetRoutes(source: string) {
  const etag = etagOf(source);
  return new Hono().get("/", WIDGET_DOC, validate("query", queryParams({})), (c) => {
    const headers = { "content-type": "text/javascript; charset=utf-8", "cache-control": WIDGET_CACHE_CONTROL };
    return taggedResponse(c.req.header("if-none-match") ?? null, source, headers, { etag });
  });
}
