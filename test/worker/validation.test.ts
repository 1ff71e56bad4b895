// Every validation error: a 400 application/problem+json naming the parameter and the fix.
import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { problemOf } from "./helpers.js";
import { MAX_OFFSET } from "../../src/routes/search.js";
import { MAX_OFFSET as WIDGET_MAX_OFFSET } from "../../src/widget/api.js";

async function badRequest(path: string) {
  const response = await exports.default.fetch(`http://newsfind.test${path}`);
  expect(response.status).toBe(400);
  const problem = await problemOf(response);
  expect(problem).toMatchObject({
    type: "/problems/invalid-parameter",
    title: "Invalid request parameter",
    status: 400,
  });
  return problem;
}

describe("parameter validation", () => {
  it.each([
    ["/search?q=x&limit=500", "limit", "limit must be between 1 and 100 (got 500)"],
    ["/search?q=x&limit=0", "limit", "limit must be between 1 and 100 (got 0)"],
    ["/search?q=x&limit=ten", "limit", 'limit must be a whole number between 1 and 100 (got "ten")'],
    ["/search?q=x&limit=1&limit=2", "limit", "limit must be given once (got 2 values)"],
    ["/search?q=x&offset=-1", "offset", 'offset must be a whole number between 0 and 1000 (got "-1")'],
    ["/search?q=x&offset=1001", "offset", "offset must be between 0 and 1000 (got 1001)"],
    [`/search?q=${"w ".repeat(65)}`, "q", "q must be at most 64 words (got 65)"],
    ["/search?q=x&sort=popular", "sort", 'sort must be one of relevance, date, recent (got "popular")'],
    ["/search?q=x&from=21-10-2025", "from", 'from must be a date as YYYY-MM-DD, such as 2025-10-21 (got "21-10-2025")'],
    ["/search?q=x&to=2025-02-30", "to", 'to must be a real calendar date (got "2025-02-30")'],
    [
      "/search?q=x&from=2025-10-22&to=2025-10-01",
      "from",
      "from (2025-10-22) must not be after to (2025-10-01): swap them or widen the range",
    ],
    [`/search?q=${"a".repeat(501)}`, "q", "q must be at most 500 characters (got 501)"],
    [`/search?source=${"a".repeat(201)}`, "source", "source must be at most 200 characters (got 201)"],
    [
      "/search?q=x&lmit=5",
      "lmit",
      'unknown parameter "lmit": this endpoint accepts q, limit, offset, sort, half_life, typos, prefix, from, to, source, person, org, place, facets, collapse',
    ],
    ["/health?verbose=1", "verbose", 'unknown parameter "verbose": this endpoint accepts no parameters'],
    ["/articles/some-id?format=html", "format", 'unknown parameter "format": this endpoint accepts no parameters'],
  ])("answers %s with an error on %s", async (path, param, message) => {
    const problem = await badRequest(path);
    expect(problem.errors).toContainEqual({ param, message });
    expect(problem.detail).toContain(message);
  });

  it("reports every invalid parameter at once", async () => {
    const problem = await badRequest("/search?limit=0&sort=x");
    expect(problem.errors!.map((e) => e.param)).toEqual(["limit", "sort"]);
  });

  it("does not cache errors", async () => {
    const response = await exports.default.fetch("http://newsfind.test/search?limit=0");
    expect(response.headers.get("cache-control")).toBe("no-store");
  });
});

describe("unknown routes and methods", () => {
  it("answers an unknown path with 404 problem+json listing the endpoints", async () => {
    const response = await exports.default.fetch("http://newsfind.test/nope");
    expect(response.status).toBe(404);
    const problem = await problemOf(response);
    expect(problem).toMatchObject({ type: "/problems/not-found", status: 404 });
    expect(problem.detail).toContain("/search");
  });

  it.each(["POST", "PUT", "DELETE", "PATCH"])("answers %s /search with 405 and an Allow header", async (method) => {
    const response = await exports.default.fetch("http://newsfind.test/search?q=x", { method });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
    expect(await problemOf(response)).toMatchObject({ type: "/problems/method-not-allowed", status: 405 });
  });

  it("answers HEAD like GET without a body", async () => {
    const response = await exports.default.fetch("http://newsfind.test/health", { method: "HEAD" });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("");
  });
});

describe("the widget's paging limit", () => {
  it("is the API's: the widget never asks for a page past MAX_OFFSET", () => {
    expect(WIDGET_MAX_OFFSET).toBe(MAX_OFFSET);
  });
});
