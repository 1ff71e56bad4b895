// /articles/:id and /health through the worker's own fetch.
import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { INDEX_FORMAT_VERSION } from "../../src/index-format.js";
import { problemOf } from "./helpers.js";

describe("GET /articles/:id", () => {
  it("returns the clean article of a search hit", async () => {
    const found = (await (await exports.default.fetch("http://newsfind.test/search?q=AzerNews")).json()) as { hits: { id: string }[] };
    const response = await exports.default.fetch(`http://newsfind.test/articles/${found.hits[0]!.id}`);
    expect(response.status).toBe(200);
    const article = (await response.json()) as Record<string, unknown> & { body: string[]; wordCount: number };
    expect(article).toMatchObject({ id: found.hits[0]!.id, title: "Putin, Trump Still Open To Meeting: Russia", source: "AzerNews", published: "2025-10-25", url: null });
    expect(article.body[0]).toMatch(/^Kremlin spokesperson Dmitry Peskov/);
    expect(article.wordCount).toBe(article.body.join(" ").split(/\s+/).length);
    expect(response.headers.get("etag")).toBeTruthy();
    expect(response.headers.get("cache-control")).toMatch(/max-age/);
  });

  it("answers an unknown id with 404 problem+json", async () => {
    const response = await exports.default.fetch("http://newsfind.test/articles/no-such-article");
    expect(response.status).toBe(404);
    const problem = await problemOf(response);
    expect(problem).toMatchObject({ type: "/problems/article-not-found", status: 404 });
    expect(problem.detail).toContain('"no-such-article"');
  });

  it("refuses an over-long id with 400", async () => {
    const response = await exports.default.fetch(`http://newsfind.test/articles/${"x".repeat(600)}`);
    expect(response.status).toBe(400);
    expect((await problemOf(response)).errors![0]!.param).toBe("id");
  });
});

describe("GET /health", () => {
  it("reports the article count, index version and build time", async () => {
    const response = await exports.default.fetch("http://newsfind.test/health");
    const health = (await response.json()) as Record<string, unknown>;
    expect(health).toMatchObject({ status: "ok", articles: 5, indexVersion: INDEX_FORMAT_VERSION, fields: ["title", "body"] });
    expect(Date.parse(health.builtAt as string)).not.toBeNaN();
  });
});
