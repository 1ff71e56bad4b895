// GET /articles/:id: one clean article, as the build extracted it: JSON, or a readable page
// when the client prefers text/html (a reader following a widget link).
import { Hono } from "hono";
import { prefersHtml } from "../http/accept.js";
import { jsonResponse } from "../http/json.js";
import { ARTICLE_CSS, articlePage } from "../pages/article.js";
import { htmlResponse } from "../pages/html.js";
import * as v from "valibot";
import type { IndexStore } from "../engine/store/store.js";
import { documented } from "../http/documented.js";
import { NewsfindError } from "../http/errors.js";
import { queryParams } from "../http/params.js";
import { articleResponse } from "../http/responses.js";
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

export function articleRoutes(loadIndex: (env: unknown) => Promise<IndexStore>) {
  return new Hono().get(
    "/:id",
    ARTICLE_DOC,
    validate("param", articleParams),
    validate("query", queryParams({})),
    async (c) => {
      const { id } = c.req.valid("param");
      const store = await loadIndex(c.env);
      const position = await store.position(id);
      if (position === undefined) {
        throw new NewsfindError(
          "article-not-found",
          `no article has the id ${JSON.stringify(id)}; take ids from /search hits`,
        );
      }
      const [article] = await store.articles([position]);
      const headers = { "cache-control": ARTICLE_CACHE_CONTROL, vary: "Accept" };
      if (prefersHtml(c.req.header("accept")))
        return htmlResponse(articlePage(article!), { css: ARTICLE_CSS }, headers);
      const wordCount = article!.body.reduce(
        (sum, paragraph) => sum + paragraph.split(/\s+/).filter(Boolean).length,
        0,
      );
      return jsonResponse({ ...article!, wordCount }, { headers, request: c.req.raw });
    },
  );
}
