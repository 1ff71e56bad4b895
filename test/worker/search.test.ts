// /search over the seed corpus index, in both layouts (sharded: the worker's own fetch).
import { describe, expect, it } from "vitest";
import type { SearchResult as SearchBody } from "../../src/engine/search.js";
import { LAYOUTS, seedFetch } from "./helpers.js";

describe.each(LAYOUTS)("GET /search (%s layout)", (layout) => {
  const fetch = seedFetch(layout);
  async function search(query: string, init?: RequestInit): Promise<SearchBody> {
    const response = await fetch(`/search?${query}`, init);
    expect(response.status).toBe(200);
    return (await response.json()) as SearchBody;
  }

  it("finds the three seed articles that mention Tomahawk, with highlighted snippets", async () => {
    const body = await search("q=Tomahawk");
    expect(body.total).toBe(3);
    expect(body.hits.map((hit) => hit.title)).toEqual(
      expect.arrayContaining([
        "Russia Says Diplomatic Momentum from Putin-Trump Meeting Falters",
        "Putin, Trump Still Open To Meeting: Russia",
        "Another Trump-Putin summit? Not so fast.",
      ]),
    );
    for (const hit of body.hits) {
      expect(hit.snippet).toMatch(/<mark>Tomahawk<\/mark>/);
      expect(hit.score).toBeGreaterThan(0);
    }
  });

  it("ranks an article with the term in its title above one with it only in the body", async () => {
    const body = await search("q=isolation");
    expect(body.hits[0]!.title).toBe("Trump ends Putin’s isolation without reaching a ceasefire in Ukraine");
  });

  it("matches words regardless of diacritics", async () => {
    const folded = await search("q=Turkiye");
    const accented = await search("q=T%C3%BCrkiye");
    expect(folded.total).toBe(1);
    expect(folded.hits.map((h) => h.id)).toEqual(accented.hits.map((h) => h.id));
  });

  it("returns the documented shape with defaults for limit and offset", async () => {
    const body = await search("q=Putin");
    expect(body).toMatchObject({ query: "Putin", offset: 0, limit: 10, partialTotal: 0, didYouMean: null });
    expect(body.totalExact).toBe(true);
    expect(Object.keys(body.hits[0]!).sort()).toEqual([
      "copies",
      "id",
      "partial",
      "published",
      "score",
      "snippet",
      "source",
      "title",
      "url",
    ]);
  });

  it("pages with limit and offset over a stable total", async () => {
    const all = await search("q=Trump&limit=100");
    const first = await search("q=Trump&limit=2");
    const second = await search("q=Trump&limit=2&offset=2");
    expect(first.total).toBe(all.total);
    expect([...first.hits, ...second.hits].map((h) => h.id)).toEqual(all.hits.slice(0, 4).map((h) => h.id));
  });

  it("sorts by date newest first, undated articles last", async () => {
    const body = await search("q=Putin&sort=date&limit=100");
    const dates = body.hits.map((hit) => hit.published);
    const dated = dates.filter((d): d is string => d !== null);
    expect(dated).toEqual([...dated].sort().reverse());
    expect(dates.slice(dated.length).every((d) => d === null)).toBe(true);
  });

  it("filters by date range and source", async () => {
    const range = await search("q=Putin&from=2025-10-20&to=2025-10-24");
    expect(range.hits.map((h) => h.published)).toEqual(["2025-10-21"]);
    const source = await search("q=Putin&source=AzerNews");
    expect(source.hits.map((h) => h.source)).toEqual(["AzerNews"]);
  });

  it("lists the matching articles newest first when q is empty", async () => {
    const body = await search("from=2025-10-01");
    expect(body.hits.map((h) => h.published)).toEqual(["2025-10-25", "2025-10-21", "2025-10-08"]);
    expect(body.hits.every((h) => h.score === null)).toBe(true);
  });

  it("returns no hits, not an error, when nothing matches", async () => {
    const body = await search("q=zzyzxquux");
    expect(body).toMatchObject({ total: 0, hits: [] });
  });

  it("sets Cache-Control and an ETag, and answers 304 to a matching If-None-Match", async () => {
    const response = await fetch("/search?q=Kremlin");
    expect(response.headers.get("cache-control")).toMatch(/max-age=\d+/);
    const etag = response.headers.get("etag");
    expect(etag).toBeTruthy();
    const again = await fetch("/search?q=Kremlin", { headers: { "if-none-match": etag! } });
    expect(again.status).toBe(304);
    const other = await fetch("/search?q=Lavrov", { headers: { "if-none-match": etag! } });
    expect(other.status).toBe(200);
  });

  it("allows cross-origin GET requests and answers the preflight", async () => {
    const response = await fetch("/search?q=Kremlin", { headers: { origin: "https://news.example" } });
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    const preflight = await fetch("/search", {
      method: "OPTIONS",
      headers: { origin: "https://news.example", "access-control-request-method": "GET" },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-methods")).toContain("GET");
    expect(preflight.headers.get("access-control-max-age")).toBe("86400");
  });

  it("gives every response, errors and 304s included, the CORS and secure headers exactly once", async () => {
    const ok = await fetch("/search?q=Kremlin");
    const notModified = await fetch("/search?q=Kremlin", { headers: { "if-none-match": ok.headers.get("etag")! } });
    const invalid = await fetch("/search?q=Kremlin&limit=500");
    const missing = await fetch("/nowhere");
    const wrongMethod = await fetch("/search?q=Kremlin", { method: "POST" });
    expect([ok.status, notModified.status, invalid.status, missing.status, wrongMethod.status]).toEqual([
      200, 304, 400, 404, 405,
    ]);
    for (const response of [ok, notModified, invalid, missing, wrongMethod]) {
      expect(response.headers.get("access-control-allow-origin")).toBe("*");
      expect(response.headers.get("access-control-expose-headers")).toBe("ETag");
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(response.headers.get("x-frame-options")).toBe("DENY");
      expect(response.headers.get("referrer-policy")).toBe("no-referrer");
      expect(response.headers.get("strict-transport-security")).toMatch(/^max-age=\d+/);
      expect(response.headers.get("cross-origin-resource-policy")).toBe("cross-origin");
    }
  });
});
