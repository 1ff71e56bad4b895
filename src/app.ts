// The Hono app: middleware, routes, and the one error handler. `createApp` takes the index
// artefacts and the widget script, so tests can serve any index (another corpus, another
// format version).
import { Hono } from "hono";
import { indexLoader } from "./engine/store/load.js";
import type { AssetReader } from "./engine/store/sharded.js";
import { ALLOWED_METHODS, preflight, responseHeaders, secureHeaders } from "./http/cors.js";
import { apiErrorOf, NewsfindError, problemResponse } from "./http/errors.js";
import type { IndexArtefacts } from "./index-format.js";
import { articleRoutes } from "./routes/articles.js";
import { feedRoutes } from "./routes/feed.js";
import { filterRoutes } from "./routes/filters.js";
import { healthRoutes } from "./routes/health.js";
import { homeRoutes } from "./routes/home.js";
import { docsRoutes, openApiRoutes } from "./routes/openapi.js";
import { openSearchRoutes } from "./routes/opensearch.js";
import { searchRoutes } from "./routes/search.js";
import { suggestRoutes } from "./routes/suggest.js";
import { rateLimit } from "./http/rate-limit.js";
import { widgetRoutes } from "./routes/widget.js";

const ALLOWED = ALLOWED_METHODS.join(", ");
const ENDPOINTS = [
  "/search",
  "/suggest",
  "/feed",
  "/articles/:id",
  "/articles/:id/related",
  "/filters",
  "/health",
  "/widget.js",
  "/opensearch.xml",
  "/openapi.json",
  "/docs",
];
const PATHS = ["/", ...ENDPOINTS.filter((path) => !path.includes(":"))];

export interface AppOptions {
  /** The index the worker serves: the generated artefact module's exports. */
  artefacts: IndexArtefacts;
  /**
   * Reads a sharded index's asset files. Default: the ASSETS binding of the request's
   * environment. Tests pass a reader over files held in memory.
   */
  assets?: AssetReader;
  /**
   * The minified widget served at /widget.js: `source` of the generated dist/widget/widget.js.
   * Default: none, and /widget.js answers 404 (tests of the API alone need no widget).
   */
  widget?: string;
}

export function createApp({ artefacts, assets, widget }: AppOptions) {
  const loadIndex = indexLoader(artefacts, assets);
  const app = new Hono();

  app.use("*", responseHeaders, secureHeaders, rateLimit);
  app.options("*", preflight);

  app.route("/", homeRoutes(ENDPOINTS));
  // The API's routes chained, so that the app's type carries them (NewsfindApp, for hono/client).
  const api = app
    .route("/search", searchRoutes(loadIndex))
    .route("/suggest", suggestRoutes(loadIndex))
    .route("/feed", feedRoutes(loadIndex))
    .route("/articles", articleRoutes(loadIndex))
    .route("/filters", filterRoutes(loadIndex))
    .route("/health", healthRoutes(loadIndex));
  app.route("/opensearch.xml", openSearchRoutes());
  app.route("/openapi.json", openApiRoutes(app));
  app.route("/docs", docsRoutes(app));
  if (widget !== undefined) app.route("/widget.js", widgetRoutes(widget));

  app.all("*", (c) => {
    const known =
      (PATHS.includes(c.req.path) && (widget !== undefined || c.req.path !== "/widget.js")) ||
      /^\/articles\/[^/]+(?:\/related)?$/.test(c.req.path);
    if (known) {
      throw new NewsfindError("method-not-allowed", `${c.req.method} is not allowed on ${c.req.path}: use GET`, {
        headers: { allow: ALLOWED },
      });
    }
    throw new NewsfindError("not-found", `nothing is served at ${c.req.path}: newsfind serves ${ENDPOINTS.join(", ")}`);
  });

  app.onError((error, c) => {
    const known = apiErrorOf(error);
    if (!known) console.error("newsfind: unhandled error", error);
    return problemResponse(known, c.req.path);
  });

  return api;
}

/**
 * The app's type, for typed calls through hono/client: `hc<NewsfindApp>(base).search.$get({
 * query: { q: "Putin" } })` checks the parameters' names and types at compile time.
 */
export type NewsfindApp = ReturnType<typeof createApp>;
