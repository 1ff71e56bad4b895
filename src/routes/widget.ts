// GET /widget.js: the embeddable <newsfind-search> element, bundled from src/widget/ by the
// build. Sites load it cross-origin as a module script, so it carries CORS * (set app-wide).
import { Hono } from "hono";
import { etagOf, taggedResponse } from "../http/etag.js";
import { queryParams } from "../http/params.js";
import { validate } from "../http/validate.js";

export const WIDGET_CACHE_CONTROL = "public, max-age=3600, stale-while-revalidate=86400";

export function widgetRoutes(source: string) {
  const etag = etagOf(source);
  return new Hono().get("/", validate("query", queryParams({})), (c) => {
    const headers = { "content-type": "text/javascript; charset=utf-8", "cache-control": WIDGET_CACHE_CONTROL };
    return taggedResponse(c.req.header("if-none-match") ?? null, source, headers, { etag });
  });
}
