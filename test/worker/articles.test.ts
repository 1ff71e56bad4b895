// /articles/:id and /health over the seed corpus, in both layouts (sharded: the worker's own fetch).
import { describe, expect, it } from "vitest";
import { INDEX_FORMAT_VERSION } from "../../src/index-format.js";
import { LAYOUTS, problemOf, seedFetch } from "./helpers.js";

describe.each(LAYOUTS)("GET /articles/:id (%s layout)", (layout) => {
  const fetch = seedFetch(layout);
  it("returns the clean article of a search hit", async () => {
    const found = (await (await fetch("/search?q=AzerNews")).json()) as { hits: { id: string }[] };
    const response = await fetch(`/articles/${found.hits[0]!.id}`);
    expect(response.status).toBe(200);
    const article = (await response.json()) as Record<string, unknown> & { body: string[]; wordCount: number };
    expect(article).toMatchObject({
      id: found.hits[0]!.id,
      title: "Putin, Trump Still Open To Meeting: Russia",
      source: "AzerNews",
      published: "2025-10-25",
      url: null,
    });
    expect(article.body[0]).toMatch(/^Kremlin spokesperson Dmitry Peskov/);
    expect(article.wordCount).toBe(article.body.join(" ").split(/\s+/).length);
    expect(response.headers.get("etag")).toBeTruthy();
    expect(response.headers.get("cache-control")).toMatch(/max-age/);
  });

  it("answers an unknown id with 404 problem+json", async () => {
    const response = await fetch("/articles/no-such-article");
    expect(response.status).toBe(404);
    const problem = await problemOf(response);
    expect(problem).toMatchObject({ type: "/problems/article-not-found", status: 404 });
    expect(problem.detail).toContain('"no-such-article"');
  });

  it("refuses an over-long id with 400", async () => {
    const response = await fetch(`/articles/${"x".repeat(600)}`);
    expect(response.status).toBe(400);
    expect((await problemOf(response)).errors![0]!.param).toBe("id");
  });
});

describe.each(LAYOUTS)("GET /health (%s layout)", (layout) => {
  const fetch = seedFetch(layout);
  it("reports the article count, index version, content id and build time", async () => {
    const response = await fetch("/health");
    const health = (await response.json()) as Record<string, unknown>;
    expect(health).toMatchObject({
      status: "ok",
      articles: 5,
      indexVersion: INDEX_FORMAT_VERSION,
      fields: ["title", "body"],
    });
    expect(Date.parse(health.builtAt as string)).not.toBeNaN();
    expect(health.contentId).toMatch(/^[0-9a-z]+(-[0-9a-z]+)*$/);
  });
});
