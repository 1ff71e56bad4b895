// A folder mixing every corpus format (test/fixtures/mixed): every article is read with its
// dates, byline, section and language, and the build report accounts for every file.
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { build } from "../../build/build.js";
import { CONFIG_FILE } from "../../build/corpus-config.js";
import { readCorpus } from "../../build/read-corpus.js";

const MIXED = "test/fixtures/mixed";

describe("a corpus folder mixing every format", () => {
  const { articles, skipped, warnings } = readCorpus(MIXED);
  const byTitle = (title: string) => {
    const found = articles.find((article) => article.title === title);
    if (!found) throw new Error(`no article titled ${title}`);
    return found;
  };

  it("reads an article from every file, and every file but the configuration", () => {
    const files = readdirSync(MIXED).filter((name) => name !== CONFIG_FILE);
    const origins = new Set(articles.map((article) => article.origin.replace(/[#:].*$/, "").replace(`${MIXED}/`, "")));
    expect([...origins].sort()).toEqual(files.sort());
    expect(skipped).toEqual([]);
    expect(articles).toHaveLength(11);
  });

  it("takes an HTML page's metadata from its JSON-LD, keeping the publisher's own day and zone", () => {
    expect(byTitle("Lighthouse keepers return to Fastnet")).toMatchObject({
      published: "2025-03-04",
      publishedTime: "2025-03-04T23:30:00-05:00",
      modified: "2025-03-06",
      byline: "Aoife Byrne and Tom Hale",
      section: "Maritime",
      keywords: ["lighthouses", "Fastnet"],
      source: "The Coast Gazette",
      url: "https://gazette.example/2025/03/fastnet-keepers",
      language: "en",
    });
  });

  it("reads a Latin-1 feed's items, full text, summaries and briefs, in the feed's own zone", () => {
    expect(byTitle("Dockers vote to end the Rotterdam strike")).toMatchObject({
      id: "wire-1001",
      publishedTime: "2025-06-02T18:15:00-05:00",
      byline: "Lena Visser",
      section: "Business",
      source: "Harbour Wire",
    });
    expect(byTitle("FLASH: Antwerp quay crane collapses, no injuries reported").body).toEqual([]);
    const summary = byTitle("Café owners in Gent report a quieter season");
    expect(summary.summaryOnly).toBe(true);
    expect(summary.body.join(" ")).toContain("Café owners along the Graslei");
  });

  it("maps an export's own field names through newsfind.config.json and reads its dates in its locale", () => {
    expect(byTitle("Allotment waiting lists reach a record in Leeds")).toMatchObject({
      byline: "Sam Okafor",
      published: "2025-06-03",
      section: "Local",
      keywords: ["gardening", "councils"],
    });
  });

  it("keeps a web archive page's capture time apart from its publication", () => {
    const page = byTitle("Night trains return to the Alps");
    expect(page).toMatchObject({
      published: "2025-09-01",
      crawled: "2025-10-02T10:00:01Z",
      url: "https://rail.example/night-trains",
    });
    expect(page.body[0]).toContain("Zürich");
  });

  it("builds an index whose report accounts for every article and warns of the brief and the summary", () => {
    const out = join(mkdtempSync(join(tmpdir(), "newsfind-mixed-")), "index");
    const report = build({ corpus: MIXED, outDir: out, cacheDir: null, layout: "bundle" });
    expect(report.articlesIndexed).toBe(11);
    expect(report.skipped).toEqual([]);
    const kinds = (kind: string) =>
      report.warnings.filter((w) => w.kind === kind).map((w) => w.path.replace(`${MIXED}/`, ""));
    expect(kinds("headline-only").sort()).toEqual(["briefs.jsonl:1", "wire.rss#2"]);
    expect(kinds("summary-only")).toEqual(["wire.rss#3"]);
    expect(warnings).toEqual([]);
  });
});
