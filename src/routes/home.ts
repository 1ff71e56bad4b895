// GET /: the demo page for a browser (which asks for text/html first), its box started with the
// page's ?q= (the search URL of the OpenSearch description); for API clients, which send no
// Accept or */*, the endpoint list as JSON. Other query parameters are ignored here (links to
// the page may carry tracking parameters).
import { Hono } from "hono";
import { prefersHtml } from "../http/accept.js";
import { jsonResponse } from "../http/json.js";
import { DEMO_CSS, demoPage } from "../pages/demo.js";
import { htmlResponse } from "../pages/html.js";

export function homeRoutes(endpoints: readonly string[]) {
  return new Hono().get("/", (c) => {
    if (prefersHtml(c.req.header("accept")))
      return htmlResponse(
        demoPage(new URL(c.req.url).origin, (c.req.query("q") ?? "").slice(0, 500)),
        { css: DEMO_CSS, scripts: true },
        { "cache-control": "public, max-age=300" },
      );
    return jsonResponse({ name: "newsfind", endpoints }, { headers: { vary: "Accept" } });
  });
}
