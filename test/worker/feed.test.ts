// GET /feed: an Atom 1.0 feed of a search, read back with a feed parser, in both layouts: its
// entries are the search's hits newest first, every value escaped, with ETag and caching.
import { parseAtomFeed } from "feedsmith";
import { describe, expect, it } from "vitest";
import { hostileFetch, LAYOUTS, problemOf, seedFetch } from "./helpers.js";

describe.each(LAYOUTS)("GET /feed (%s layout)", (layout) => {
  const fetch = seedFetch(layout);

  async function feed(query: string) {
    const response = await fetch(`/feed?${query}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
    const xml = await response.text();
    return { response, xml, parsed: parseAtomFeed(xml) };
  }

  it("is a valid Atom feed of the search's hits, newest first, each linking to its article", async () => {
    const { parsed } = await feed("q=Putin");
    const search = (await (await fetch("/search?q=Putin&sort=date&limit=20")).json()) as {
      hits: { id: string; title: string; published: string | null }[];
    };
    expect(parsed.title?.value).toBe("newsfind: Putin");
    expect(parsed.entries?.map((entry) => entry.title?.value)).toEqual(search.hits.map((hit) => hit.title));
    // Dated entries newest first, undated ones (updated: the index's build) after them.
    const days = parsed.entries!.map((entry) => (entry.published ? String(entry.published).slice(0, 10) : ""));
    expect([...days].sort().reverse()).toEqual(days);
    for (const [n, entry] of parsed.entries!.entries()) {
      expect(entry.id).toMatch(new RegExp(`^http://[^/]+/articles/${encodeURIComponent(search.hits[n]!.id)}$`));
      expect(entry.links?.[0]?.href).toMatch(/^https?:\/\//);
      expect(entry.summary?.type).toBe("html");
    }
    // The self link is the feed's canonical URL: parameters sorted, defaults written out.
    expect(parsed.links?.find((link) => link.rel === "self")?.href).toMatch(
      /^http:\/\/[^/]+\/feed\?limit=20&q=Putin&typos=on$/,
    );
  });

  it("lists the newest articles without a query, and takes the search's filters", async () => {
    const all = await feed("");
    expect(all.parsed.title?.value).toBe("newsfind: the newest articles");
    expect(all.parsed.entries?.length).toBe(5);
    const one = await feed("source=AzerNews");
    expect(one.parsed.entries?.map((entry) => entry.authors?.[0]?.name)).toEqual(["AzerNews"]);
  });

  it("answers If-None-Match with 304 and carries the search's caching", async () => {
    const { response } = await feed("q=Kremlin");
    expect(response.headers.get("cache-control")).toBe("public, max-age=60, stale-while-revalidate=300");
    const again = await fetch("/feed?q=Kremlin", { headers: { "if-none-match": response.headers.get("etag")! } });
    expect(again.status).toBe(304);
  });

  it("refuses a bad parameter with problem+json", async () => {
    const response = await fetch("/feed?q=x&limit=500");
    expect(response.status).toBe(400);
    expect((await problemOf(response)).detail).toBe("limit must be between 1 and 100 (got 500)");
  });

  it("escapes a hostile article's title, source and text, which read back as the same text", async () => {
    const response = await hostileFetch(layout)("/feed?q=Tomahawk");
    const xml = await response.text();
    // Markup from the corpus is only ever character data (CDATA sections, which feedsmith splits
    // around any "]]>"), never an element of the feed.
    expect(xml.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, "")).not.toMatch(/<script|<b>/i);
    const entry = parseAtomFeed(xml).entries!.find((found) => found.title?.value.includes("exposé"))!;
    expect(entry.title?.value).toBe("<script>alert('title')</script> Tomahawk exposé");
    expect(entry.authors?.[0]?.name).toBe("<b>Evil</b> Press");
  });
});
