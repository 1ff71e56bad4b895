// People, organisations and places as /search facets and filters, and in /filters. The archive
// is checked by hand: Emmanuel Macron is in h2, h3 and h6; Angela Merkel in h1 and h2; Volodymyr
// Zelenskiy in h5 and, spelt Zelenskyy, h6; Siemens in h3 and h4; Hamburg in h1, h4 and h5;
// Paris in h2 and h6; Marseille in h3 and w1. Every article but w1 is about the harbour.
import { describe, expect, it } from "vitest";
import { compileIndex } from "../../build/compile-index.js";
import { createApp } from "../../src/app.js";
import type { Article } from "../../src/index-format.js";
import { appFor, LAYOUTS, memoryAssets, NO_EDGE_CACHE, problemOf } from "./helpers.js";
import { inlineTagger } from "./tagger.js";

type Counts = { value: string; count: number }[];

interface Body {
  total: number;
  hits: { id: string }[];
  facets?: Partial<Record<"source" | "month" | "person" | "org" | "place", Counts>>;
}

const article = (id: string, source: string, published: string, title: string, body: string): Article => ({
  id,
  title,
  source,
  published,
  url: null,
  body: [body],
});

const ARCHIVE = [
  article(
    "h1",
    "Coast Gazette",
    "2025-01-09",
    "Angela Merkel visits the harbour in Hamburg",
    "Angela Merkel toured the harbour in Hamburg on Monday with port officials.",
  ),
  article(
    "h2",
    "Coast Gazette",
    "2025-01-20",
    "Merkel and Macron discuss harbour fees",
    "Angela Merkel and Emmanuel Macron met in Paris to discuss harbour fees.",
  ),
  article(
    "h3",
    "Port Daily",
    "2025-02-02",
    "Macron opens harbour terminal in Marseille",
    "Emmanuel Macron opened a harbour terminal in Marseille, built by Siemens.",
  ),
  article(
    "h4",
    "Port Daily",
    "2025-02-14",
    "Siemens wins harbour crane contract in Hamburg",
    "Siemens will supply cranes to the harbour in Hamburg, the city said.",
  ),
  article(
    "h5",
    "Island News",
    "2025-03-01",
    "Zelenskiy thanks Hamburg harbour workers",
    "Volodymyr Zelenskiy thanked harbour workers in Hamburg for shipping aid.",
  ),
  article(
    "h6",
    "Island News",
    "2025-03-05",
    "Zelenskyy visits Paris harbour",
    "Volodymyr Zelenskyy met Emmanuel Macron at the harbour in Paris.",
  ),
  article("w1", "Port Daily", "2025-02-03", "Rain falls all week in Marseille", "Rain fell all week in Marseille."),
];

const ids = (body: Body) => body.hits.map((hit) => hit.id).sort();

describe.each(LAYOUTS)("entities (%s layout)", (layout) => {
  const app = appFor(ARCHIVE, layout);
  const search = async (query: string): Promise<Body> => {
    const response = await app.request(`/search?${query}`, {}, NO_EDGE_CACHE);
    expect(response.status).toBe(200);
    return (await response.json()) as Body;
  };

  it("counts the people, organisations and places of the matches", async () => {
    const { facets } = await search("q=harbour&facets=person,org,place");
    expect(facets).toEqual({
      person: [
        { value: "Emmanuel Macron", count: 3 },
        { value: "Angela Merkel", count: 2 },
        { value: "Volodymyr Zelenskiy", count: 2 },
      ],
      org: [{ value: "Siemens", count: 2 }],
      place: [
        { value: "Hamburg", count: 3 },
        { value: "Paris", count: 2 },
        { value: "Marseille", count: 1 },
      ],
    });
  });

  it("filters by an entity, each facet counting with every filter but its own", async () => {
    const body = await search(`q=harbour&person=${encodeURIComponent("Emmanuel Macron")}&facets=person,place,source`);
    expect(ids(body)).toEqual(["h2", "h3", "h6"]);
    expect(body.total).toBe(3);
    // The person facet ignores the person filter; the others respect it.
    expect(body.facets!.person).toEqual([
      { value: "Emmanuel Macron", count: 3 },
      { value: "Angela Merkel", count: 2 },
      { value: "Volodymyr Zelenskiy", count: 2 },
    ]);
    expect(body.facets!.place).toEqual([
      { value: "Paris", count: 2 },
      { value: "Marseille", count: 1 },
    ]);
    expect(body.facets!.source).toEqual([
      { value: "Coast Gazette", count: 1 },
      { value: "Island News", count: 1 },
      { value: "Port Daily", count: 1 },
    ]);
  });

  it("takes a kind's values as alternatives, and asks for every kind given, with source and dates too", async () => {
    expect(ids(await search("q=harbour&person=Emmanuel%20Macron&person=Angela%20Merkel"))).toEqual([
      "h1",
      "h2",
      "h3",
      "h6",
    ]);
    expect(ids(await search("q=harbour&person=Emmanuel%20Macron&place=Hamburg"))).toEqual([]);
    expect(ids(await search("q=harbour&person=Angela%20Merkel&place=Hamburg"))).toEqual(["h1"]);
    expect(ids(await search("q=harbour&place=Hamburg&source=Port%20Daily"))).toEqual(["h4"]);
    expect(ids(await search("q=harbour&place=Hamburg&from=2025-02-01"))).toEqual(["h4", "h5"]);
    expect(ids(await search("q=harbour&org=Siemens&place=Marseille"))).toEqual(["h3"]);
  });

  it("finds an entity by any spelling merged into it, and nothing for one the archive lacks", async () => {
    expect(ids(await search("q=harbour&person=zelenskyy"))).toEqual(["h5", "h6"]);
    expect(ids(await search("q=harbour&person=Volodymyr%20Zelensky"))).toEqual(["h5", "h6"]);
    const none = await search("q=harbour&person=Nobody%20Known&facets=person");
    expect(none.total).toBe(0);
    expect(none.facets!.person!.length).toBe(3);
  });

  it("filters the newest articles, with no words", async () => {
    expect(ids(await search("place=Marseille"))).toEqual(["h3", "w1"]);
  });

  it("lists the archive's entities with their article counts in /filters", async () => {
    const response = await app.request("/filters");
    expect(response.status).toBe(200);
    const { entities } = (await response.json()) as { entities: Record<string, { name: string; count: number }[]> };
    expect(entities).toEqual({
      person: [
        { name: "Emmanuel Macron", count: 3 },
        { name: "Angela Merkel", count: 2 },
        { name: "Volodymyr Zelenskiy", count: 2 },
      ],
      org: [{ name: "Siemens", count: 2 }],
      place: [
        { name: "Hamburg", count: 3 },
        { name: "Marseille", count: 2 },
        { name: "Paris", count: 2 },
      ],
    });
  });

  it("completes a name no headline writes whole, from the entities", async () => {
    const response = await app.request("/suggest?q=emman");
    expect(response.status).toBe(200);
    const { suggestions } = (await response.json()) as { suggestions: { text: string }[] };
    expect(suggestions.map(({ text }) => text)).toContain("Emmanuel Macron");
  });

  it("refuses an entity filter that is empty or given too often, naming it", async () => {
    for (const query of ["q=harbour&person=", `q=harbour&${Array(6).fill("place=Paris").join("&")}`]) {
      const response = await app.request(`/search?${query}`);
      expect(response.status).toBe(400);
      const param = query.includes("person") ? "person" : "place";
      expect((await problemOf(response)).errors![0]!.param).toBe(param);
    }
  });
});

describe("a damaged entity file", () => {
  it("answers 503 naming the file to a search that needs it, and others as before", async () => {
    const { artefacts, files } = compileIndex(ARCHIVE, {
      tagger: inlineTagger(),
      builtAt: "2025-01-01T00:00:00Z",
      layout: "sharded",
    });
    const damaged = new Map(files);
    for (const [path, data] of files) if (path.endsWith("/entities.bin")) damaged.set(path, data!.subarray(0, 9));
    const app = createApp({ artefacts, assets: memoryAssets(damaged) });
    const response = await app.request("/search?q=harbour&person=Angela%20Merkel", {}, NO_EDGE_CACHE);
    expect(response.status).toBe(503);
    expect((await problemOf(response)).detail).toContain("entities.bin");
    expect((await app.request("/search?q=harbour", {}, NO_EDGE_CACHE)).status).toBe(200);
  });

  it("answers 503 for a bundle whose entity table is damaged, or another archive's", async () => {
    const { artefacts } = compileIndex(ARCHIVE, {
      tagger: inlineTagger(),
      builtAt: "2025-01-01T00:00:00Z",
      layout: "bundle",
    });
    const other = compileIndex(ARCHIVE.slice(0, 3), {
      tagger: inlineTagger(),
      builtAt: "2025-01-01T00:00:00Z",
      layout: "bundle",
    }).artefacts;
    for (const entities of [artefacts.entities!.slice(0, 12), other.entities!]) {
      const app = createApp({ artefacts: { ...artefacts, entities } });
      const response = await app.request("/search?q=harbour&facets=person", {}, NO_EDGE_CACHE);
      expect(response.status).toBe(503);
      expect((await problemOf(response)).detail).toContain("entity table is damaged");
      expect((await app.request("/search?q=harbour", {}, NO_EDGE_CACHE)).status).toBe(200);
    }
  });
});
