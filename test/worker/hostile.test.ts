// Hostile input: markup in articles and in queries comes back escaped, never as markup.
import { describe, expect, it } from "vitest";
import { hostileFetch, LAYOUTS } from "./helpers.js";

const ONLY_MARK_TAGS = /<(?!\/?mark>)/;

describe.each(LAYOUTS)("hostile input (%s layout)", (layout) => {
  const hostile = hostileFetch(layout);
  it("escapes markup from an article in its snippet, leaving only <mark> tags", async () => {
    const response = await hostile("/search?q=Tomahawk");
    const body = (await response.json()) as { hits: { id: string; snippet: string }[] };
    const hit = body.hits.find((h) => h.id === "hostile-script")!;
    expect(hit.snippet).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(hit.snippet).toContain("<mark>Tomahawk</mark>");
    expect(hit.snippet).not.toMatch(ONLY_MARK_TAGS);
  });

  it("escapes markup and quotes in snippets for a query that contains HTML", async () => {
    const q = encodeURIComponent('<img src=x onerror=alert(1)> "quotes" paragraph');
    const response = await hostile(`/search?q=${q}`);
    const body = (await response.json()) as { query: string; hits: { snippet: string }[] };
    expect(body.query).toBe('<img src=x onerror=alert(1)> "quotes" paragraph');
    expect(body.hits.length).toBeGreaterThan(0);
    for (const hit of body.hits) {
      expect(hit.snippet).not.toMatch(ONLY_MARK_TAGS);
      expect(hit.snippet).not.toContain('"');
    }
    expect(body.hits[0]!.snippet).toContain(
      "&lt;<mark>img</mark> <mark>src</mark>=<mark>x</mark> <mark>onerror</mark>=<mark>alert</mark>(2)&gt;",
    );
  });

  it("never sends raw markup in JSON: the article text is escaped as \\u003c and parses back unchanged", async () => {
    const response = await hostile("/articles/hostile-script");
    const raw = await response.text();
    expect(raw).not.toMatch(/[<>]/);
    expect(raw).toContain("\\u003cscript\\u003e");
    const article = JSON.parse(raw) as { title: string; body: string[]; source: string };
    expect(article.title).toBe("<script>alert('title')</script> Tomahawk exposé");
    expect(article.body[0]).toBe("The Tomahawk <script>alert(1)</script> report & more.");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("echoes a hostile parameter in an error without raw markup", async () => {
    const response = await hostile(`/search?sort=${encodeURIComponent("<script>")}`);
    expect(response.status).toBe(400);
    const raw = await response.text();
    expect(raw).not.toMatch(/[<>]/);
    expect(JSON.parse(raw).errors[0].message).toBe('sort must be one of relevance, date, recent (got "<script>")');
  });
});
