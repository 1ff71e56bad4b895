// The index built from a folder mixing every corpus format (test/fixtures/mixed): each
// article is found, and /articles/:id serves the details its format gave it.
import { describe, expect, it } from "vitest";
import * as mixed from "../../dist/test-index/mixed/artefacts.js";
import { source as widget } from "../../dist/widget/widget.js";
import { createApp } from "../../src/app.js";
import { appFor } from "./helpers.js";

const app = createApp({ artefacts: mixed, widget });

async function search(q: string): Promise<{ id: string; title: string }[]> {
  const response = await app.request(`/search?q=${encodeURIComponent(q)}`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { hits: { id: string; title: string }[] }).hits;
}

describe("an index built from every corpus format", () => {
  it.each([
    ["an HTML page", "fastnet keepers", "Lighthouse keepers return to Fastnet"],
    ["an RSS item with full text", "rotterdam dockers", "Dockers vote to end the Rotterdam strike"],
    ["a headline-only RSS item", "antwerp crane", "FLASH: Antwerp quay crane collapses, no injuries reported"],
    ["a summary-only RSS item", "graslei", "Café owners in Gent report a quieter season"],
    ["an Atom entry", "comet tail", "Comet Tsuchinshan returns to the evening sky"],
    [
      "a JSON export read through a field mapping",
      "allotment leeds",
      "Allotment waiting lists reach a record in Leeds",
    ],
    ["a headline-only JSON Lines record", "glacier express", "Glacier Express resumes after avalanche clearance"],
    ["a Markdown column", "awnings shade", "Why our cities need more shade than air conditioning"],
    ["a text scrape", "limestone quarry", "Quarry Reopens As Village Objections Fade"],
    ["a page in a web archive", "sleeper graz", "Night trains return to the Alps"],
  ])("finds %s", async (_format, query, title) => {
    const hits = await search(query);
    expect(hits[0]?.title).toBe(title);
  });

  it("serves an article's byline, section, keywords, language and dates from /articles/:id", async () => {
    const [hit] = await search("fastnet keepers");
    const response = await app.request(`/articles/${encodeURIComponent(hit!.id)}`);
    expect(await response.json()).toMatchObject({
      title: "Lighthouse keepers return to Fastnet",
      published: "2025-03-04",
      publishedTime: "2025-03-04T23:30:00-05:00",
      modified: "2025-03-06",
      byline: "Aoife Byrne and Tom Hale",
      section: "Maritime",
      keywords: ["lighthouses", "Fastnet"],
      language: "en",
    });
  });

  it("says which article is only a feed's summary, and which was captured by a crawler when", async () => {
    const summary = await app.request("/articles/wire-1003");
    expect(await summary.json()).toMatchObject({ summaryOnly: true });
    const [page] = await search("sleeper graz");
    const captured = await app.request(`/articles/${encodeURIComponent(page!.id)}`);
    expect(await captured.json()).toMatchObject({ published: "2025-09-01", crawled: "2025-10-02T10:00:01Z" });
  });
});

describe("an article page with the details a format gave", () => {
  const hostile = appFor(
    [
      {
        id: "h1",
        title: "Harbour <b>reopens</b>",
        source: "Wire",
        published: "2025-01-02",
        url: null,
        body: ["The harbour reopened on Thursday."],
        byline: '<img src=x onerror="alert(1)">',
        section: "<script>alert(2)</script>",
        language: 'en" onload="alert(3)',
        summaryOnly: true,
      },
    ],
    "bundle",
  );

  it("shows the byline, section and language escaped, and says when it is a summary only", async () => {
    const response = await hostile.request("/articles/h1", { headers: { accept: "text/html" } });
    const html = await response.text();
    expect(html).toContain("By &lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
    expect(html).toContain("&lt;script&gt;alert(2)&lt;/script&gt;");
    expect(html).toContain('<html lang="en&quot; onload=&quot;alert(3)">');
    expect(html).toContain("Summary only");
    expect(html).not.toMatch(/<(img|script)\b/);
  });
});
