// Related stories: GET /articles/:id/related and the list under the article page. The seeds are
// five different Trump–Putin stories, so each relates to the four others; copies of a seed
// (re-headlined, with boilerplate added, cut short) are never offered as related to it.
import { describe, expect, it } from "vitest";
import * as seedBundle from "../../dist/test-index/seeds/artefacts.js";
import { compileIndex } from "../../build/compile-index.js";
import { RELATED, type RelatedOptions, related } from "../../src/engine/related.js";
import { indexLoader } from "../../src/engine/store/load.js";
import type { Article } from "../../src/index-format.js";
import { appFor, LAYOUTS, memoryAssets, NO_EDGE_CACHE, problemOf, seedFetch } from "./helpers.js";
import { inlineTagger } from "./tagger.js";

const seeds = () => JSON.parse(seedBundle.articles!) as Article[];
const HTML = { headers: { accept: "text/html" } };

interface Related {
  id: string;
  hits: { id: string; title: string; score: number | null; published: string | null }[];
}

describe.each(LAYOUTS)("GET /articles/:id/related (%s layout)", (layout) => {
  const fetch = seedFetch(layout);

  it("gives each seed the four other seeds, never itself", async () => {
    for (const { id } of seeds()) {
      const response = await fetch(`/articles/${encodeURIComponent(id)}/related`);
      expect(response.status).toBe(200);
      const body = (await response.json()) as Related;
      expect(body.id).toBe(id);
      const others = seeds()
        .map((seed) => seed.id)
        .filter((other) => other !== id);
      expect(body.hits.map((hit) => hit.id).sort()).toEqual(others.sort());
    }
  });

  it("takes limit, and refuses a bad one or an unknown parameter", async () => {
    const [first] = seeds();
    const path = `/articles/${encodeURIComponent(first!.id)}/related`;
    expect(((await (await fetch(`${path}?limit=2`)).json()) as Related).hits).toHaveLength(2);
    for (const query of ["limit=0", "limit=21", "q=Putin"]) {
      const response = await fetch(`${path}?${query}`);
      expect(response.status, query).toBe(400);
      expect((await problemOf(response)).type).toBe("/problems/invalid-parameter");
    }
  });

  it("answers 405 with Allow to a method other than GET", async () => {
    const [first] = seeds();
    const response = await fetch(`/articles/${encodeURIComponent(first!.id)}/related`, { method: "POST" });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toContain("GET");
  });

  it("answers 404 for an unknown article", async () => {
    const response = await fetch("/articles/no-such-article/related");
    expect(response.status).toBe(404);
    expect((await problemOf(response)).type).toBe("/problems/article-not-found");
  });
});

describe("related stories and copies", () => {
  const [original, ...rest] = seeds();
  const copies: Article[] = [
    { ...original!, id: "copy-reheadlined", title: `WIRE: ${original!.title.toUpperCase()} - REPORT` },
    {
      ...original!,
      id: "copy-boilerplate",
      title: "Kremlin: talks momentum fades",
      body: [...original!.body, "Subscribe to our newsletter for the latest news.", "© 2025 All rights reserved."],
    },
    {
      ...original!,
      id: "copy-cut-short",
      title: "Moscow sees summit glow wearing off",
      body: original!.body.slice(0, Math.ceil(original!.body.length / 2)),
    },
  ];

  it.each(LAYOUTS)("never offers a copy of the article, but still its related stories (%s)", async (layout) => {
    const app = appFor([original!, ...copies, ...rest], layout);
    const response = await app.request(`/articles/${encodeURIComponent(original!.id)}/related`, {}, NO_EDGE_CACHE);
    const ids = ((await response.json()) as Related).hits.map((hit) => hit.id);
    for (const copy of copies) expect(ids).not.toContain(copy.id);
    expect(ids.sort()).toEqual(rest.map((seed) => seed.id).sort());
  });
});

describe("a related story that ran twice", () => {
  it("is listed once", async () => {
    const [first, second, ...rest] = seeds();
    const again = { ...second!, id: "second-again", title: `${second!.title} (update)` };
    const app = appFor([first!, second!, again, ...rest], "bundle");
    const response = await app.request(`/articles/${encodeURIComponent(first!.id)}/related`, {}, NO_EDGE_CACHE);
    const ids = ((await response.json()) as Related).hits.map((hit) => hit.id);
    expect(ids.filter((id) => id === second!.id || id === again.id)).toHaveLength(1);
    expect(ids).toHaveLength(4);
  });
});

describe("the article page's related stories", () => {
  it("lists them under the article, linked to their pages", async () => {
    const [first, second] = seeds();
    const html = await (await seedFetch("sharded")(`/articles/${encodeURIComponent(first!.id)}`, HTML)).text();
    expect(html).toContain('<h2 id="related">Related stories</h2>');
    expect(html).toContain(`<a href="/articles/${encodeURIComponent(second!.id)}">`);
    expect(html).not.toContain(`<a href="/articles/${encodeURIComponent(first!.id)}">`);
  });

  it("escapes hostile titles and sources", async () => {
    const hostile: Article[] = [
      {
        id: "hostile-one",
        title: "<script>alert(1)</script> Tomahawk missiles for Ukraine",
        source: "<b>Evil</b> Press",
        published: "2025-10-21",
        url: null,
        body: ["Tomahawk missiles and Ukraine dominated the talks."],
      },
      {
        id: "hostile-two",
        title: '"><img src=x onerror=alert(2)> Tomahawk missiles debate',
        source: "<i>Worse</i> Wire",
        published: "2025-10-20",
        url: null,
        body: ["Ukraine asked for Tomahawk missiles again."],
      },
      {
        id: "other",
        title: "Budapest summit plans",
        source: null,
        published: null,
        url: null,
        body: ["Rubio met Lavrov."],
      },
    ];
    const app = appFor(hostile, "bundle");
    const html = await (await app.request("/articles/hostile-one", HTML, NO_EDGE_CACHE)).text();
    expect(html).toContain("&quot;&gt;&lt;img src=x onerror=alert(2)&gt; Tomahawk missiles debate");
    expect(html).toContain("&lt;i&gt;Worse&lt;/i&gt; Wire");
    expect(html).not.toContain("<img");
    expect(html).not.toContain("<i>Worse");
  });
});

describe("an archive without copies", () => {
  it("never reads a groups file, to search or to relate", async () => {
    const reads: string[] = [];
    const app = appFor(seeds(), "sharded", { reads });
    expect((await app.request("/search?q=Putin", {}, NO_EDGE_CACHE)).status).toBe(200);
    const related = await app.request(`/articles/${encodeURIComponent(seeds()[0]!.id)}/related`, {}, NO_EDGE_CACHE);
    expect(related.status).toBe(200);
    expect(((await related.json()) as Related).hits.length).toBeGreaterThan(0);
    expect(reads.length).toBeGreaterThan(0);
    expect(reads.filter((path) => path.endsWith("/copies.bin"))).toEqual([]);
  });
});

// An article whose lede names Angela Merkel once among twelve rarer words, each shared with one
// other article; six others name her in their headlines and share nothing else with it. By its
// words alone, the twelve rare ones fill the related search; her name, weighed as a title word
// is, takes its place among them, and her stories come back.
const RARE = [
  "zinc",
  "quartz",
  "lumber",
  "copper",
  "sulfur",
  "nickel",
  "cobalt",
  "barley",
  "cotton",
  "rubber",
  "timber",
  "cocoa",
];
const story = (id: string, title: string, body: string): Article => ({
  id,
  title,
  source: "Wire",
  published: "2025-03-01",
  url: null,
  body: [body],
});
const NAMED = [
  story("target", "Port board meets", `Angela Merkel joined. ${RARE.join(" ")}.`),
  ...RARE.map((word, n) => story(`rare-${n}`, `Trade note ${n}`, `The ${word} trade held steady.`)),
  ...["Lisbon", "Madrid", "Vienna", "Oslo", "Prague", "Dublin"].map((city, n) =>
    story(`merkel-${n}`, `Angela Merkel visits ${city}`, `Angela Merkel spoke in ${city}.`),
  ),
];

describe.each(LAYOUTS)("related stories of a named person (%s layout)", (layout) => {
  it("asks for the people an article names, as for its title words", async () => {
    const app = appFor(NAMED, layout);
    const response = await app.request("/articles/target/related?limit=10", {}, NO_EDGE_CACHE);
    expect(response.status).toBe(200);
    const ids = ((await response.json()) as Related).hits.map((hit) => hit.id);
    expect(ids.some((id) => id.startsWith("merkel-"))).toBe(true);
  });
});

describe("what a related search reads", () => {
  it("reads the article's card and no whole article, the hits' snippets coming from their cards", async () => {
    const reads: string[] = [];
    const app = appFor(seeds(), "sharded", { reads });
    const response = await app.request(`/articles/${encodeURIComponent(seeds()[0]!.id)}/related`, {}, NO_EDGE_CACHE);
    expect(response.status).toBe(200);
    const { hits } = (await response.json()) as Related & { hits: { snippet: string }[] };
    expect(hits.length).toBe(4);
    for (const hit of hits) expect(hit.snippet).not.toBe("");
    expect(reads.some((path) => path.includes("/cards/"))).toBe(true);
    expect(reads.filter((path) => path.includes("/articles/"))).toEqual([]);
  });
});

// Seven of nine articles hold "harbour"; one other shares "crane" with the target. With a cap
// of half the archive (and a floor of one article), "harbour" is too common to ask for, and
// only the crane story comes back; without a cap the harbour stories come back as well.
const HARBOUR = [
  story("target", "Harbour crane", "The crane stood."),
  story("crane", "Crane repairs", "The crane was repaired."),
  ...[1, 2, 3, 4, 5, 6].map((n) => story(`harbour-${n}`, `Harbour notice ${n}`, `Harbour note ${n}.`)),
  story("other", "Budget vote", "The council voted."),
];

describe.each(LAYOUTS)("a word too common to relate (%s layout)", (layout) => {
  const idsOf = async (options: RelatedOptions) => {
    const { artefacts, files } = compileIndex(HARBOUR, {
      tagger: inlineTagger(),
      builtAt: "2025-01-01T00:00:00Z",
      layout,
    });
    const store = await indexLoader(artefacts, memoryAssets(files))();
    const position = await store.position("target");
    return (await related(store, position!, 10, options)).map((hit) => hit.id).sort();
  };

  it("is left out above the cap, and asked for below it", async () => {
    expect(await idsOf({ ...RELATED, commonShare: 0.5, commonFloor: 1 })).toEqual(["crane"]);
    const uncapped = await idsOf({ ...RELATED, commonShare: 1, commonFloor: 1 });
    expect(uncapped).toContain("crane");
    expect(uncapped.filter((id) => id.startsWith("harbour-"))).toHaveLength(6);
  });

  it("is kept in an archive too small for the cap (the floor)", async () => {
    const ids = await idsOf(RELATED);
    expect(ids.filter((id) => id.startsWith("harbour-"))).toHaveLength(6);
  });
});
