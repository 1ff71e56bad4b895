// Saved article pages (.html, .htm): metadata from JSON-LD, OpenGraph and <meta> in that order,
// the body as paragraphs of plain text, and pages that are odd, broken or hostile.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readHtml, readHtmlPage } from "../../../build/formats/html.js";
import { readCorpus } from "../../../build/read-corpus.js";

const PARAGRAPHS = [
  "The city council voted on Tuesday to close the old harbour bridge to cars from next spring, ending a debate that has run for more than a decade.",
  "Engineers told the council that the bridge, opened in 1931, could no longer carry heavy traffic safely, and that repairs would cost more than a new crossing.",
  "Shopkeepers on the north bank said they feared losing customers, while cycling groups welcomed the decision as a chance to make the crossing safer for everyone.",
];

/** A page with the given head and an article body of the three paragraphs (or `body`). */
function page(head: string, { body = PARAGRAPHS.map((p) => `<p>${p}</p>`).join("\n"), lang = "" } = {}): Buffer {
  return Buffer.from(
    `<!doctype html><html${lang ? ` lang="${lang}"` : ""}><head><meta charset="utf-8">${head}</head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<main><article><h1>Bridge to close</h1>${body}</article></main>
<footer>Copyright 2024 The Harbour Gazette</footer></body></html>`,
  );
}

const jsonLd = (data: object) => `<script type="application/ld+json">${JSON.stringify(data)}</script>`;
const meta = (name: string, content: string) =>
  `<meta ${name.includes(":") ? "property" : "name"}="${name}" content="${content}">`;

const read = (data: Buffer) => readHtml("news/bridge.html", data);
const only = (data: Buffer) => {
  const result = read(data);
  expect(result.skipped).toEqual([]);
  expect(result.articles).toHaveLength(1);
  return result.articles[0]!;
};

describe("HTML page metadata", () => {
  const og = [
    meta("og:title", "OG title"),
    meta("og:site_name", "OG Site"),
    meta("og:url", "https://og.example/bridge"),
    meta("article:published_time", "2024-02-02T09:00:00Z"),
    meta("article:author", "OG Author"),
    meta("article:section", "OG Section"),
  ].join("");
  const plain = [
    meta("title", "Meta title"),
    meta("author", "Meta Author"),
    meta("date", "2024-03-03"),
    meta("dc.publisher", "Meta Site"),
    meta("keywords", "harbour, bridge , traffic"),
  ].join("");
  const ld = jsonLd({
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: "JSON-LD headline",
    datePublished: "2024-01-01T08:00:00+01:00",
    author: { "@type": "Person", name: "Ld Author" },
    publisher: { "@type": "Organization", name: "Ld Gazette" },
    url: "https://ld.example/bridge",
    articleSection: "Ld Section",
  });

  it("prefers JSON-LD to OpenGraph and OpenGraph to other meta tags", () => {
    const fromLd = only(page(`<title>Page title</title>${plain}${og}${ld}`));
    expect(fromLd).toMatchObject({
      title: "JSON-LD headline",
      byline: "Ld Author",
      source: "Ld Gazette",
      published: "2024-01-01",
      url: "https://ld.example/bridge",
      section: "Ld Section",
    });
    const fromOg = only(page(`<title>Page title</title>${plain}${og}`));
    expect(fromOg).toMatchObject({
      title: "OG title",
      source: "OG Site",
      published: "2024-02-02",
      url: "https://og.example/bridge",
      section: "OG Section",
      byline: "OG Author",
    });
    const fromMeta = only(page(`<title>Page title</title>${plain}`));
    expect(fromMeta).toMatchObject({
      title: "Meta title",
      byline: "Meta Author",
      published: "2024-03-03",
      source: "Meta Site",
      keywords: ["harbour", "bridge", "traffic"],
    });
  });

  it("falls back to the page's own title when no metadata names one", () => {
    expect(only(page("<title>Bridge to close</title>")).title).toBe("Bridge to close");
  });

  it("finds the article in a @graph and follows @id references to its publisher and authors", () => {
    const graph = jsonLd({
      "@context": "https://schema.org",
      "@graph": [
        { "@type": "WebSite", "@id": "https://g.example/#site", name: "Not the publisher" },
        { "@type": "Organization", "@id": "https://g.example/#org", name: "Graph Gazette" },
        { "@type": "Person", "@id": "https://g.example/#ann", name: "Ann Smith" },
        {
          "@type": ["ReportageNewsArticle"],
          headline: "Graph headline",
          author: [{ "@id": "https://g.example/#ann" }, { "@type": "Person", name: "Bob  Jones" }],
          publisher: { "@id": "https://g.example/#org" },
          mainEntityOfPage: { "@id": "https://g.example/bridge" },
          keywords: ["harbour", "bridges"],
          inLanguage: "en-GB",
        },
      ],
    });
    expect(only(page(graph))).toMatchObject({
      title: "Graph headline",
      byline: "Ann Smith and Bob Jones",
      source: "Graph Gazette",
      url: "https://g.example/bridge",
      keywords: ["harbour", "bridges"],
      language: "en",
    });
  });

  it("reads author objects and arrays of people and organisations, leaving profile URLs out", () => {
    const authors = (author: unknown) =>
      only(
        page(
          jsonLd({ "@type": "BlogPosting", headline: "H", author }) + meta("article:author", "https://fb.example/x"),
        ),
      ).byline;
    expect(authors({ "@type": "Person", name: "Ann Smith" })).toBe("Ann Smith");
    expect(authors([{ name: "Ann" }, { name: "Bob" }, { "@type": "Organization", name: "Wire Service" }])).toBe(
      "Ann, Bob and Wire Service",
    );
    expect(authors("By  Ann\n Smith")).toBe("Ann Smith");
    expect(authors("https://example.com/ann")).toBeNull();
  });

  it("dates an article by the source's own calendar day and keeps modification apart", () => {
    const article = only(
      page(
        jsonLd({
          "@type": "Article",
          headline: "Late news",
          datePublished: "2024-03-01T23:30:00-05:00",
          dateModified: "2024-03-04T10:00:00-05:00",
        }),
      ),
    );
    expect(article.published).toBe("2024-03-01");
    expect(article.modified).toBe("2024-03-04");
  });

  it("warns of a date it cannot read and indexes the article without it", () => {
    const result = read(page(meta("article:published_time", "soon, we hope")));
    expect(result.articles[0]!.published).toBeNull();
    expect(result.warnings).toEqual([expect.objectContaining({ path: "news/bridge.html", kind: "unreadable-date" })]);
  });

  it("takes the language from JSON-LD, then <html lang>, then og:locale, as an ISO 639-1 code", () => {
    const ld = jsonLd({ "@type": "NewsArticle", headline: "H", inLanguage: "fr-CA" });
    expect(only(page(ld, { lang: "de-AT" })).language).toBe("fr");
    const node = jsonLd({
      "@type": "NewsArticle",
      headline: "H",
      inLanguage: { "@type": "Language", name: "Italian", alternateName: "it" },
    });
    expect(only(page(node, { lang: "de-AT" })).language).toBe("it");
    expect(only(page(meta("og:locale", "es_ES"), { lang: "pt-BR" })).language).toBe("pt");
    expect(only(page(meta("og:locale", "es_ES"))).language).toBe("es");
    expect(only(page(`<meta http-equiv="content-language" content="deu">`)).language).toBe("de");
    expect(only(page("")).language).toBeNull();
  });

  it("keeps a canonical link only when it is an absolute web address", () => {
    expect(only(page(`<link rel="canonical" href="https://c.example/a/bridge">`)).url).toBe(
      "https://c.example/a/bridge",
    );
    expect(only(page(`<link rel="canonical" href="/a/bridge">`)).url).toBeNull();
    expect(only(page(meta("og:url", "javascript:alert(1)"))).url).toBeNull();
  });

  it("keeps each article:tag whole and splits a single keyword list at commas", () => {
    expect(only(page(meta("article:tag", "Mayer, Marissa") + meta("article:tag", "Yahoo"))).keywords).toEqual([
      "Mayer, Marissa",
      "Yahoo",
    ]);
    expect(only(page(meta("news_keywords", "Oceans,New Zealand, Whales"))).keywords).toEqual([
      "Oceans",
      "New Zealand",
      "Whales",
    ]);
  });
});

describe("HTML page text", () => {
  it("gives the article's block elements as paragraphs, without navigation, footer or headline", () => {
    const [one, two, three] = PARAGRAPHS;
    const body = `<p>${one}</p><p>${two}</p><h2>What happens next</h2><p>${three}</p>
      <ul><li>Closed to cars from April</li><li>Open to cyclists and walkers</li></ul>
      <blockquote><p>"We have waited long enough," the mayor said.</p></blockquote>
      <p>   </p><div>Loose text, then <em>a phrase</em> in a div.<br><br>After a break.</div>`;
    expect(only(page("<title>Bridge to close - The Harbour Gazette</title>", { body })).body).toEqual([
      one,
      two,
      "What happens next",
      three,
      "Closed to cars from April",
      "Open to cyclists and walkers",
      '"We have waited long enough," the mayor said.',
      "Loose text, then a phrase in a div.",
      "After a break.",
    ]);
  });

  it("reads a page with a title and no article text as a headline-only item", () => {
    const result = read(page("<title>Flash: bridge closed</title>", { body: "" }));
    expect(result.articles).toMatchObject([{ title: "Flash: bridge closed", body: [] }]);
    expect(result.skipped).toEqual([]);
  });

  it("skips a page with neither title nor text, saying why", () => {
    const result = read(Buffer.from("<html><head></head><body><div> </div></body></html>"));
    expect(result.articles).toEqual([]);
    expect(result.skipped).toEqual([{ path: "news/bridge.html", reason: "no article text and no title in the page" }]);
  });

  it("decodes a page in the windows-1252 encoding its meta tag declares", () => {
    const html = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252"><title>Caf\u00e9 \u2013 news</title></head><body><article><p>${PARAGRAPHS[0]} Un caf\u00e9 cr\u00e8me co\u00fbte \u20ac2.</p></article></body></html>`;
    const bytes = Buffer.from(
      [...html].map((char) => (char === "\u2013" ? 0x96 : char === "\u20ac" ? 0x80 : char.charCodeAt(0))),
    );
    const result = read(bytes);
    expect(result.warnings).toEqual([]);
    expect(result.articles[0]!.title).toBe("Caf\u00e9 \u2013 news");
    expect(result.articles[0]!.body.join(" ")).toContain("Un caf\u00e9 cr\u00e8me co\u00fbte \u20ac2.");
  });

  it("reads a page that declares a legacy encoding but is UTF-8 as UTF-8, with a warning", () => {
    const result = read(Buffer.from(`<meta charset="gb2312"><title>人工智能迈上新台阶</title><p>${PARAGRAPHS[0]}</p>`));
    expect(result.articles[0]!.title).toBe("人工智能迈上新台阶");
    expect(result.warnings).toEqual([expect.objectContaining({ kind: "repaired-encoding" })]);
  });

  it("reads a page nested 10,000 elements deep without overflowing the stack", () => {
    const depth = 10_000;
    const html = `<html><head><title>Deep page</title></head><body>${"<div>".repeat(depth)}<p>${PARAGRAPHS[0]}</p>${"</div>".repeat(depth)}</body></html>`;
    const started = performance.now();
    const article = only(Buffer.from(html));
    expect(article.title).toBe("Deep page");
    expect(article.body).toEqual([PARAGRAPHS[0]]);
    expect(performance.now() - started).toBeLessThan(4_000);
  });

  it("gives plain text from hostile markup: no scripts, styles, handlers or tags", () => {
    const body = `<p onclick="alert('click')">${PARAGRAPHS[0]} <script>alert('inline')</script><b onmouseover="steal()">Bold</b> text.</p>
      <style>p { display: none }</style><img src="x" onerror="alert('img')"><iframe src="javascript:alert(1)">frame text</iframe>
      <p>${PARAGRAPHS[1]}<noscript><img src="track.gif"></noscript><svg><text>svg text</text></svg></p>
      <p>Writing &lt;b&gt; in a sentence is text, not a tag. ${PARAGRAPHS[2]}</p>`;
    const text = only(page("<title>Bridge to close</title>", { body })).body;
    expect(text).toEqual([
      `${PARAGRAPHS[0]} Bold text.`,
      PARAGRAPHS[1],
      `Writing <b> in a sentence is text, not a tag. ${PARAGRAPHS[2]}`,
    ]);
    expect(text.join(" ")).not.toMatch(/alert|steal|onclick|onerror|display: none|svg text|frame text/);
  });
});

describe("HTML pages in a corpus", () => {
  it("reads .html and .htm files through the format registry, one article each", () => {
    const dir = mkdtempSync(join(tmpdir(), "newsfind-html-"));
    writeFileSync(join(dir, "a.html"), page("<title>First</title>"));
    writeFileSync(join(dir, "b.HTM"), page("<title>Second</title>"));
    const { articles, skipped } = readCorpus(dir, dir);
    expect(skipped).toEqual([]);
    expect(articles.map(({ title, origin, body }) => ({ title, origin, paragraphs: body.length }))).toEqual([
      { title: "First", origin: "a.html", paragraphs: 3 },
      { title: "Second", origin: "b.HTM", paragraphs: 3 },
    ]);
  });

  it("keeps the address a page was fetched from when it names no canonical one, and the capture time apart", () => {
    const result = readHtmlPage(page("<title>Fetched</title>"), "crawl.warc#https://w.example/x", {
      fetchedFrom: "https://w.example/x",
      crawled: "2024-05-01T12:00:00Z",
    });
    expect(result.articles[0]).toMatchObject({
      url: "https://w.example/x",
      crawled: "2024-05-01T12:00:00Z",
      published: null,
    });
  });
});
