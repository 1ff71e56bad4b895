// `totals: false` (related stories) spares the count of the articles matching every word when
// it is not needed: the page is the same, and `total` then counts every match.
import { describe, expect, it } from "vitest";
import { compileIndex } from "../../../build/compile-index.js";
import { rank, type SearchParams } from "../../../src/engine/search.js";
import { indexLoader } from "../../../src/engine/store/load.js";
import { seededRandom } from "../../../src/engine/phrase/seeded-random.js";
import type { Article } from "../../../src/index-format.js";
import { memoryAssets } from "../helpers.js";
import { inlineTagger } from "../tagger.js";

const VOCABULARY = ["harbour", "strike", "council", "budget", "river", "flood", "election", "tariff"];

/** Articles of a few words each over a small vocabulary: many match some words of a query, few all. */
function corpus(count: number): Article[] {
  const next = seededRandom(7);
  return Array.from({ length: count }, (_, n) => {
    const words = Array.from({ length: 2 + Math.floor(next() * 6) }, () => VOCABULARY[Math.floor(next() * 8)]!);
    return {
      id: `a${n}`,
      title: `Note ${n}`,
      source: null,
      published: "2024-05-01",
      url: null,
      body: [words.join(" ")],
    };
  });
}

describe.each(["bundle", "sharded"] as const)("a ranking without totals (%s layout)", (layout) => {
  const store = async () => {
    const { artefacts, files } = compileIndex(corpus(300), {
      tagger: inlineTagger(),
      builtAt: "2025-01-01T00:00:00Z",
      layout,
    });
    return indexLoader(artefacts, memoryAssets(files))();
  };
  const query: SearchParams = { q: "harbour strike council", limit: 10, offset: 0, sort: "relevance", typos: false };

  it("gives the same page, and counts every match as its total, when scores alone rank", async () => {
    const index = await store();
    const params = { ...query, fullFirstWords: 0 };
    const counted = await rank(index, params);
    const uncounted = await rank(index, { ...params, totals: false });
    expect(counted.partialTotal).toBeGreaterThan(0);
    expect(uncounted.page).toEqual(counted.page);
    expect(uncounted.total).toBe(counted.total + counted.partialTotal);
    expect(uncounted.partialTotal).toBe(0);
  });

  it("still counts the full matches when they rank first (a query of two words)", async () => {
    const index = await store();
    const twoWords = { ...query, q: "harbour strike" };
    const counted = await rank(index, twoWords);
    expect(counted.partialTotal).toBeGreaterThan(0);
    expect(await rank(index, { ...twoWords, totals: false })).toEqual(counted);
  });
});
