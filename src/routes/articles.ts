// GET /articles/:id: one clean article, as the build extracted it: JSON, or a readable page
// when the client prefers text/html (a reader following a widget link), which lists related
// stories under it. GET /articles/:id/related: those stories as JSON (engine/related.ts).
import { Hono } from "hono";
import { prefersHtml } from "../http/accept.js";
import { jsonResponse } from "../http/json.js";
import { ARTICLE_CSS, articlePage } from "../pages/article.js";
import { htmlResponse } from "../pages/html.js";
import * as v from "valibot";
import type { IndexStore } from "../engine/store/store.js";
import { documented } from "../http/documented.js";
import { NewsfindError } from "../http/errors.js";
import { cacheKey, canonicalUrl, throughEdgeCache } from "../http/edge-cache.js";
import { intParam, queryParams } from "../http/params.js";
import { articleResponse, relatedResponse } from "../http/responses.js";
import { EngineError } from "../engine/errors.js";
import { copiesOf } from "../engine/collapse.js";
import { related } from "../engine/related.js";
import { validate } from "../http/validate.js";

export const ARTICLE_CACHE_CONTROL = "public, max-age=3600, stale-while-revalidate=86400";

const articleParams = v.object({
  id: v.pipe(
    v.string(),
    v.maxLength(
      512,
      ({ input }) => `id must be at most 512 characters (got ${input.length}); take ids from /search hits`,
    ),
  ),
});

const ARTICLE_DOC = documented({
  summary: "One article",
  description:
    "The clean article as the build extracted it: JSON, or a readable page when the client prefers text/html (a reader following a widget link).",
  tag: "articles",
  ok: {
    description: "The article.",
    content: { "application/json": articleResponse, "text/html": { text: "The article as a page." } },
  },
  problems: ["article-not-found", "index-unavailable"],
  tagged: true,
});

/** Related stories the article page lists. */
export const PAGE_RELATED = 5;

const relatedQuery = queryParams({
  limit: intParam("limit", "Related stories to return", { min: 1, max: 20, fallback: PAGE_RELATED }),
});

const RELATED_DOC = documented({
  summary: "Stories related to an article",
  description:
    "The articles most like this one, found by a search for its most distinctive title and lede words, the newer preferred among near-equals. Never the article itself, nor its copies (hits that score nearly as high as the article on its own words).",
  tag: "articles",
  ok: { description: "The related stories, most like it first.", content: { "application/json": relatedResponse } },
  problems: ["article-not-found", "index-unavailable"],
  tagged: true,
  cached: true,
});

/** The article's position, or a 404 naming the id. */
async function positionOf(store: IndexStore, id: string): Promise<number> {
  const position = await store.position(id);
  if (position === undefined)
    throw new NewsfindError(
      "article-not-found",
      `no article has the id ${JSON.stringify(id)}; take ids from /search hits`,
    );
  return position;
}

export function articleRoutes(loadIndex: (env: unknown) => Promise<IndexStore>) {
  return new Hono()
    .get("/:id/related", RELATED_DOC, validate("param", articleParams), validate("query", relatedQuery), async (c) => {
      const { id } = c.req.valid("param");
      const { limit } = c.req.valid("query");
      const store = await loadIndex(c.env);
      const position = await positionOf(store, id);
      const key = () => cacheKey(canonicalUrl(c.req.url, { limit }), store.manifest);
      return throughEdgeCache(c, key, async () =>
        jsonResponse(
          { id, hits: await related(store, position, limit) },
          { headers: { "cache-control": ARTICLE_CACHE_CONTROL }, tagged: true },
        ),
      );
    })
    .get("/:id", ARTICLE_DOC, validate("param", articleParams), validate("query", queryParams({})), async (c) => {
      const { id } = c.req.valid("param");
      const store = await loadIndex(c.env);
      const position = await positionOf(store, id);
      const [article] = await store.articles([position]);
      const headers = { "cache-control": ARTICLE_CACHE_CONTROL, vary: "Accept" };
      if (prefersHtml(c.req.header("accept"))) {
        // The article is whole; a damaged file the related search needs leaves the list out, not the page.
        const stories = await related(store, position, PAGE_RELATED).catch((error: unknown) => {
          if (error instanceof EngineError) return [];
          throw error;
        });
        return htmlResponse(articlePage(article!, stories), { css: ARTICLE_CSS }, headers, c.req.raw);
      }
      const wordCount = article!.body.reduce(
        (sum, paragraph) => sum + paragraph.split(/\s+/).filter(Boolean).length,
        0,
      );
      const copies = await copiesOf(store, position);
      return jsonResponse({ ...article!, wordCount, copies }, { headers, request: c.req.raw });
    });
}
