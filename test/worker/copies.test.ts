// Syndicated copies through the app: the seeds with three copies of one of them (re-headlined,
// padded with boilerplate, cut short; build/copies.ts groups them). A search shows the story
// once, its canonical copy listing the others; collapse=off shows them all; pages never repeat
// a story; a filter shows the copy it lets through; /articles/:id lists an article's copies.
import { describe, expect, it } from "vitest";
import * as seedBundle from "../../dist/test-index/seeds/artefacts.js";
import { compileIndex } from "../../build/compile-index.js";
import { type Article, shardPaths } from "../../src/index-format.js";
import { appFor, appWithChangedFile, LAYOUTS, NO_EDGE_CACHE, problemOf } from "./helpers.js";
import { inlineTagger } from "./tagger.js";

interface Copy {
  id: string;
  source: string | null;
  url: string | null;
  published: string | null;
}

interface Body {
  total: number;
  partialTotal: number;
  hits: { id: string; source: string | null; copies: Copy[] }[];
}

const seeds = JSON.parse(seedBundle.articles!) as Article[];
const story = seeds.find((seed) => seed.source === "AzerNews")!;

const copies: Article[] = [
  { ...story, id: "wire-copy", title: "Kremlin: summit still possible", source: "Wire Desk" },
  {
    ...story,
    id: "padded-copy",
    source: "Example Media",
    body: [
      "Sign up for our morning newsletter to get the day's top stories delivered to your inbox.",
      ...story.body,
      "Copyright 2025 Example Media Group. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.",
    ],
  },
  { ...story, id: "cut-copy", source: "Brief News", body: story.body.slice(0, 6) },
].map((copy, n) => ({ ...copy, published: "2025-10-26", url: `https://copies.example/${n}` }));

const listed = (copy: Article): Copy => ({
  id: copy.id,
  source: copy.source,
  url: copy.url,
  published: copy.published,
});

describe.each(LAYOUTS)("copies of one story (%s layout)", (layout) => {
  const app = appFor([...seeds, ...copies], layout);
  const get = async (path: string) => app.request(path, {}, NO_EDGE_CACHE);
  const search = async (query: string): Promise<Body> => {
    const response = await get(`/search?${query}`);
    expect(response.status).toBe(200);
    return (await response.json()) as Body;
  };
  const group = new Set([story.id, ...copies.map((copy) => copy.id)]);
  const ofStory = (body: Body) => body.hits.filter((hit) => group.has(hit.id));

  it("shows the story once, as its earliest copy, listing the others", async () => {
    const body = await search("q=Peskov");
    const [hit, ...more] = ofStory(body);
    expect(more).toEqual([]);
    expect(hit!.id).toBe(story.id);
    expect(hit!.copies).toEqual(copies.map(listed));
    for (const other of body.hits.filter((other) => other !== hit)) expect(other.copies).toEqual([]);
    // The totals count articles, copies included.
    expect(body.total + body.partialTotal).toBeGreaterThanOrEqual(body.hits.length + copies.length);
  });

  it("shows every copy as a hit of its own with collapse=off, each listing the others", async () => {
    const body = await search("q=Peskov&collapse=off");
    const hits = ofStory(body);
    expect(hits.map((hit) => hit.id).sort()).toEqual([...group].sort());
    for (const hit of hits) {
      expect(hit.copies.map((copy) => copy.id)).toEqual([...group].filter((id) => id !== hit.id));
    }
  });

  it("never shows a story twice across pages, and pages over the collapsed list", async () => {
    const all = await search("q=Peskov+Kremlin&limit=100");
    const paged: string[] = [];
    for (let offset = 0; offset < all.hits.length + 1; offset++) {
      const page = await search(`q=Peskov+Kremlin&limit=1&offset=${offset}`);
      paged.push(...page.hits.map((hit) => hit.id));
    }
    expect(paged).toEqual(all.hits.map((hit) => hit.id));
    expect(paged.filter((id) => group.has(id))).toHaveLength(1);
  });

  it("shows the copy a filter lets through, listing the others, the earliest first", async () => {
    const body = await search(`q=Peskov&source=${encodeURIComponent("Wire Desk")}`);
    expect(body.hits.map((hit) => hit.id)).toEqual(["wire-copy"]);
    expect(body.hits[0]!.copies.map((copy) => copy.id)).toEqual([story.id, "padded-copy", "cut-copy"]);
  });

  it("lists an article's copies at /articles/:id, the earliest first, and none for a story run once", async () => {
    const copy = (await (await get("/articles/cut-copy")).json()) as { copies: Copy[] };
    expect(copy.copies).toEqual([listed(story), listed(copies[0]!), listed(copies[1]!)]);
    const other = seeds.find((seed) => seed !== story)!;
    const single = (await (await get(`/articles/${encodeURIComponent(other.id)}`)).json()) as { copies: Copy[] };
    expect(single.copies).toEqual([]);
  });

  it("never offers a copy of an article as related to it", async () => {
    for (const id of [story.id, "cut-copy"]) {
      const related = (await (await get(`/articles/${id}/related?limit=20`)).json()) as { hits: { id: string }[] };
      expect(related.hits.length).toBeGreaterThan(0);
      expect(related.hits.filter((hit) => group.has(hit.id))).toEqual([]);
    }
  });

  it("refuses a collapse value other than on or off, naming the fix", async () => {
    const response = await get("/search?q=Peskov&collapse=yes");
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("collapse");
  });
});

describe("a copies file whose checksum passes but whose content is wrong (a faulty build)", () => {
  const compiled = compileIndex([...seeds, ...copies], {
    tagger: inlineTagger(),
    builtAt: "2025-01-01T00:00:00Z",
    layout: "sharded",
  });
  it.each([
    ["lists more articles than it holds", (words: Uint32Array) => void (words[0] = words.length)],
    ["gives an article a group without it", (words: Uint32Array) => words.subarray(1 + 2 * words[0]!).fill(0, 1)],
  ])("answers 503 naming it when it %s", async (_, change) => {
    const { app, path } = appWithChangedFile(compiled, shardPaths.copies, change);
    const response = await app.request("/search?q=Peskov", {}, NO_EDGE_CACHE);
    expect(response.status).toBe(503);
    expect((await problemOf(response)).detail).toContain(`${path} is damaged`);
  });
});
