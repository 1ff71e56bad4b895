// The widget script, the demo page at / and article pages as HTML, in both layouts: headers,
// content negotiation, the Content-Security-Policy, and hostile articles escaped.
import { describe, expect, it } from "vitest";
import { gzipBytes } from "../../dist/widget/widget.js";
import { hostileFetch, LAYOUTS, problemOf, seedFetch } from "./helpers.js";

const HTML = { accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8" };

describe.each(LAYOUTS)("GET /widget.js (%s layout)", (layout) => {
  const fetch = seedFetch(layout);
  it("serves the widget as cacheable JavaScript that any site may load", async () => {
    const response = await fetch("/widget.js", { headers: { origin: "https://news.example" } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("cache-control")).toMatch(/^public, max-age=\d+/);
    const etag = response.headers.get("etag");
    expect(etag).toBeTruthy();
    expect(await response.text()).toContain("newsfind-search");
    expect((await fetch("/widget.js", { headers: { "if-none-match": etag! } })).status).toBe(304);
  });

  it("keeps the widget within 10 KB gzipped", () => {
    expect(gzipBytes).toBeGreaterThan(1000);
    expect(gzipBytes).toBeLessThanOrEqual(10_000);
  });
});

describe.each(LAYOUTS)("GET /opensearch.xml (%s layout)", (layout) => {
  const fetch = seedFetch(layout);
  it("describes newsfind as an OpenSearch 1.1 engine: the page, feed and JSON of a search, and suggestions", async () => {
    const response = await fetch("/opensearch.xml");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/opensearchdescription+xml; charset=utf-8");
    const xml = await response.text();
    expect(xml).toContain('<OpenSearchDescription xmlns="http://a9.com/-/spec/opensearch/1.1/">');
    expect(xml).toContain("<ShortName>newsfind</ShortName>");
    const templates = Object.fromEntries(
      [...xml.matchAll(/<Url type="([^"]+)" rel="([^"]+)" template="([^"]+)"\/>/g)].map(([, type, , template]) => [
        type,
        template!.replace(/^http:\/\/[^/]+/, ""),
      ]),
    );
    expect(templates).toEqual({
      "text/html": "/?q={searchTerms}",
      "application/atom+xml": "/feed?q={searchTerms}",
      "application/json": "/search?q={searchTerms}",
      "application/x-suggestions+json": "/suggest?q={searchTerms}&amp;format=opensearch",
      "application/opensearchdescription+xml": "/opensearch.xml",
    });
    expect(xml).toContain('rel="suggestions"');
  });

  it("is linked from every page, so that a browser offers it", async () => {
    const link =
      '<link rel="search" type="application/opensearchdescription+xml" title="newsfind" href="/opensearch.xml">';
    expect(await (await fetch("/", { headers: HTML })).text()).toContain(link);
    const article = (await (await fetch("/search?q=Putin&limit=1")).json()) as { hits: { id: string }[] };
    expect(await (await fetch(`/articles/${article.hits[0]!.id}`, { headers: HTML })).text()).toContain(link);
  });
});

describe.each(LAYOUTS)("GET / (%s layout)", (layout) => {
  const fetch = seedFetch(layout);
  it("starts the demo page's box with its ?q=, escaped", async () => {
    const html = await (await fetch("/?q=Tomahawk", { headers: HTML })).text();
    expect(html).toContain('<newsfind-search value="Tomahawk"></newsfind-search>');
    const hostile = await (
      await fetch(`/?q=${encodeURIComponent('"><script>alert(1)</script>')}`, { headers: HTML })
    ).text();
    expect(hostile).toContain('<newsfind-search value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;">');
    expect(hostile).not.toContain("<script>alert(1)");
  });

  it("answers a browser with the demo page, which embeds the widget under a strict CSP", async () => {
    const response = await fetch("/", { headers: HTML });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const csp = response.headers.get("content-security-policy")!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toMatch(/style-src 'sha256-[A-Za-z0-9+/]+=*'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("unsafe");
    const html = await response.text();
    expect(html).toContain('<script type="module" src="/widget.js"></script>');
    expect(html).toContain("<newsfind-search></newsfind-search>");
    expect(html).toContain("&lt;script type=&quot;module&quot; src=&quot;http://");
  });

  it("answers an API client (no Accept, or */*) with the endpoint list as JSON", async () => {
    for (const headers of [{}, { accept: "*/*" }, { accept: "application/json" }] as Record<string, string>[]) {
      const response = await fetch("/", { headers });
      expect(response.headers.get("content-type")).toMatch(/^application\/json/);
      expect(await response.json()).toMatchObject({
        name: "newsfind",
        endpoints: expect.arrayContaining(["/search", "/filters", "/widget.js"]),
      });
    }
  });
});

describe.each(LAYOUTS)("GET /articles/:id as HTML (%s layout)", (layout) => {
  const fetch = seedFetch(layout);
  const hostile = hostileFetch(layout);
  it("answers a browser with a readable article page, and varies on Accept", async () => {
    const response = await fetch("/articles/putin-trump-still-open-to-meeting-russia-2025-10-25", { headers: HTML });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("vary")).toMatch(/accept/i);
    const csp = response.headers.get("content-security-policy")!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain("script-src");
    const html = await response.text();
    expect(html).toContain("<h1>Putin, Trump Still Open To Meeting: Russia</h1>");
    expect(html).toContain('<time datetime="2025-10-25">25 October 2025</time>');
    expect(html).toMatch(/<p>Kremlin spokesperson Dmitry Peskov/);
  });

  it("keeps JSON the default, with Vary: Accept", async () => {
    const response = await fetch("/articles/putin-trump-still-open-to-meeting-russia-2025-10-25");
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(response.headers.get("vary")).toMatch(/accept/i);
  });

  it("escapes a hostile article's title, body and source, and never links its javascript: URL", async () => {
    const response = await hostile("/articles/hostile-script", { headers: HTML });
    const html = await response.text();
    expect(html).toContain("<title>&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt; Tomahawk exposé</title>");
    expect(html).toContain("<p>The Tomahawk &lt;script&gt;alert(1)&lt;/script&gt; report &amp; more.</p>");
    expect(html).toContain("&lt;img src=x onerror=alert(2)&gt;");
    expect(html).toContain("&lt;b&gt;Evil&lt;/b&gt; Press");
    expect(html).not.toContain("javascript:");
    expect(html.match(/<script/g)).toBeNull();
    expect(html.match(/<img/g)).toBeNull();
  });

  it("answers a missing article with 404 problem+json even when HTML is asked", async () => {
    const response = await fetch("/articles/no-such-article", { headers: HTML });
    expect(response.status).toBe(404);
    expect(await problemOf(response)).toMatchObject({ type: "/problems/article-not-found" });
  });
});

describe.each(LAYOUTS)("GET /filters (%s layout)", (layout) => {
  const fetch = seedFetch(layout);
  it("lists every source with its article count, most first, and the date range", async () => {
    const response = await fetch("/filters");
    expect(response.status).toBe(200);
    const filters = (await response.json()) as {
      sources: { name: string; count: number }[];
      dates: { oldest: string; newest: string };
    };
    expect(filters.sources.reduce((sum, source) => sum + source.count, 0)).toBeLessThanOrEqual(5);
    expect(filters.sources.map((s) => s.name)).toContain("AzerNews");
    expect(filters.sources).toEqual(
      [...filters.sources].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)),
    );
    expect(filters.dates.oldest <= filters.dates.newest).toBe(true);
    expect(filters.dates.newest).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(response.headers.get("etag")).toBeTruthy();
    expect(response.headers.get("cache-control")).toMatch(/max-age/);
  });

  it("refuses unknown parameters", async () => {
    const response = await fetch("/filters?source=x");
    expect(response.status).toBe(400);
    expect((await problemOf(response)).detail).toBe('unknown parameter "source": this endpoint accepts no parameters');
  });

  it("escapes a hostile source name in JSON", async () => {
    const raw = await (await hostileFetch(layout)("/filters")).text();
    expect(raw).not.toMatch(/[<>]/);
    expect(JSON.parse(raw).sources).toContainEqual({ name: "<b>Evil</b> Press", count: 1 });
  });
});
