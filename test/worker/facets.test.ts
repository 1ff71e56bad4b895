// Facets on /search: counts of the matches by source, year and month, each facet respecting
// every filter but its own. Checked by hand on the seeds (five Trump–Putin stories: MENAFN
// 2025-10-08, AzerNews 2025-10-25, an unsourced one of 2025-10-21, world-today-news.com undated,
// and one with neither) and on a small archive built here.
import { describe, expect, it } from "vitest";
import type { Article } from "../../src/index-format.js";
import { appFor, LAYOUTS, NO_EDGE_CACHE, problemOf, seedFetch } from "./helpers.js";

interface Facets {
  source?: { value: string; count: number }[];
  year?: { value: string; count: number }[];
  month?: { value: string; count: number }[];
}

interface Body {
  total: number;
  partialTotal: number;
  hits: { id: string }[];
  facets?: Facets;
}

const article = (id: string, source: string | null, published: string | null, body: string): Article => ({
  id,
  title: `Report ${id}`,
  source,
  published,
  url: null,
  body: [body],
});

// Harbour in eight articles of three sources over two years; weather in the rest.
const ARCHIVE = [
  article("a1", "Coast Gazette", "2024-11-03", "The harbour reopened after repairs."),
  article("a2", "Coast Gazette", "2024-12-15", "Harbour fees rose again this winter."),
  article("a3", "Coast Gazette", "2025-01-09", "A new crane arrived at the harbour."),
  article("a4", "Port Daily", "2025-01-20", "Harbour workers voted on the deal."),
  article("a5", "Port Daily", "2025-02-02", "Fog closed the harbour for a day."),
  article("a6", "Island News", "2025-02-14", "The harbour ferry ran late."),
  article("a7", "Island News", null, "An undated note on the harbour."),
  article("a8", null, "2025-02-20", "A harbour story without a source."),
  article("w1", "Port Daily", "2025-02-03", "Rain fell all week."),
  article("w2", "Island News", "2025-01-05", "Wind from the west."),
];

describe.each(LAYOUTS)("facets (%s layout)", (layout) => {
  const seeds = async (query: string): Promise<Body> => {
    const response = await seedFetch(layout)(`/search?${query}`);
    expect(response.status).toBe(200);
    return (await response.json()) as Body;
  };
  const app = appFor(ARCHIVE, layout);
  const search = async (query: string): Promise<Body> => {
    const response = await app.request(`/search?${query}`, {}, NO_EDGE_CACHE);
    expect(response.status).toBe(200);
    return (await response.json()) as Body;
  };

  it("counts the seeds matching Putin by source, year and month", async () => {
    const body = await seeds("q=Putin&facets=source,year,month");
    expect(body.total).toBe(5);
    expect(body.facets).toEqual({
      source: [
        { value: "AzerNews", count: 1 },
        { value: "MENAFN", count: 1 },
        { value: "world-today-news.com", count: 1 },
      ],
      year: [{ value: "2025", count: 3 }],
      month: [{ value: "2025-10", count: 3 }],
    });
  });

  it("counts each facet with every filter but its own, on the seeds", async () => {
    const bySource = await seeds("q=Putin&facets=source,month&source=AzerNews");
    expect(bySource.hits).toHaveLength(1);
    expect(bySource.facets!.source).toHaveLength(3);
    expect(bySource.facets!.month).toEqual([{ value: "2025-10", count: 1 }]);
    const byDate = await seeds("q=Putin&facets=source,month&from=2025-10-20");
    expect(byDate.hits).toHaveLength(2);
    expect(byDate.facets!.source).toEqual([{ value: "AzerNews", count: 1 }]);
    expect(byDate.facets!.month).toEqual([{ value: "2025-10", count: 3 }]);
  });

  it("returns a date histogram of the matches, oldest first, and years that add up", async () => {
    const body = await search("q=harbour&facets=year,month");
    expect(body.total).toBe(8);
    expect(body.facets).toEqual({
      year: [
        { value: "2024", count: 2 },
        { value: "2025", count: 5 },
      ],
      month: [
        { value: "2024-11", count: 1 },
        { value: "2024-12", count: 1 },
        { value: "2025-01", count: 2 },
        { value: "2025-02", count: 3 },
      ],
    });
  });

  it("combines source and date filters disjunctively, and counts the listing of an empty query", async () => {
    const body = await search("q=harbour&facets=source,month&source=Port+Daily&from=2025-01-01&to=2025-01-31");
    expect(body.hits.map((hit) => hit.id)).toEqual(["a4"]);
    // Sources within January 2025; months of Port Daily's harbour articles, whatever their date.
    expect(body.facets).toEqual({
      source: [
        { value: "Coast Gazette", count: 1 },
        { value: "Port Daily", count: 1 },
      ],
      month: [
        { value: "2025-01", count: 1 },
        { value: "2025-02", count: 1 },
      ],
    });
    const all = await search("facets=source&to=2024-12-31");
    expect(all.facets!.source).toEqual([{ value: "Coast Gazette", count: 2 }]);
  });

  it("leaves excluded words' articles out of the counts, and facets out when none is asked", async () => {
    const body = await search("q=harbour+-fog&facets=source");
    expect(body.facets!.source).toEqual([
      { value: "Coast Gazette", count: 3 },
      { value: "Island News", count: 2 },
      { value: "Port Daily", count: 1 },
    ]);
    expect("facets" in (await search("q=harbour"))).toBe(false);
  });

  it("counts a required phrase's articles by its words, and gives empty counts for a query of stop words", async () => {
    const phrase = await search(`q=${encodeURIComponent('"harbour fees"')}&facets=source`);
    expect(phrase.hits.map((hit) => hit.id)).toEqual(["a2"]);
    expect(phrase.facets!.source).toEqual([{ value: "Coast Gazette", count: 1 }]);
    expect((await search("q=the+of&facets=source,month")).facets).toEqual({ source: [], month: [] });
  });

  it("refuses an unknown or repeated facet, naming the fix", async () => {
    for (const value of ["source,people", "year,year", ""]) {
      const response = await app.request(`/search?q=harbour&facets=${value}`);
      expect(response.status).toBe(400);
      const problem = await problemOf(response);
      expect(problem.errors![0]!.param).toBe("facets");
      expect(problem.errors![0]!.message).toContain("comma-separated list of source, year, month");
    }
  });
});
