// GET /: the demo page for a browser (which asks for text/html first), its box started with the
// page's ?q= (the search URL of the OpenSearch description); for API clients, which send no
// Accept or */*, the endpoint list as JSON. Other query parameters are ignored here (links to
// the page may carry tracking parameters).
import { Hono } from "hono";
import { prefersHtml } from "../http/accept.js";
import { documented } from "../http/documented.js";
import { jsonResponse } from "../http/json.js";
import { endpointListResponse } from "../http/responses.js";
import { DEMO_CSS, demoPage } from "../pages/demo.js";
import { htmlResponse } from "../pages/html.js";

const HOME_DOC = documented({
  summary: "The demo page, or the list of endpoints",
  description:
    "For a browser (which asks for text/html first), the demo page, its box started with ?q=. For API clients, the endpoint list as JSON. Other parameters are ignored.",
  tag: "browser",
  parameters: [
    {
      in: "query",
      name: "q",
      description: "The demo page's first search (the search URL of /opensearch.xml); at most 500 characters are kept.",
      schema: { type: "string" },
    },
  ],
  ok: {
    description: "The page or the list.",
    content: { "text/html": { text: "The demo page." }, "application/json": endpointListResponse },
  },
});

export function homeRoutes(endpoints: readonly string[]) {
  return new Hono().get("/", HOME_DOC, (c) => {
    if (prefersHtml(c.req.header("accept")))
      return htmlResponse(
        demoPage(new URL(c.req.url).origin, (c.req.query("q") ?? "").slice(0, 500)),
        { css: DEMO_CSS, scripts: true },
        { "cache-control": "public, max-age=300" },
      );
    return jsonResponse({ name: "newsfind", endpoints }, { headers: { vary: "Accept" } });
  });
}
