// The number of impact levels comes from the index format alone. This file runs in a project
// of its own (vitest.config.ts) where src/format/ranking.ts is replaced by ./ranking.ts, the
// same constants with twice the levels: the build quantises to that many slots, the manifest
// records it, and the pruned ranking gives exactly what scoring every posting gives.
import { describe, expect, it } from "vitest";
import { compileIndex } from "../../../../../build/compile-index.js";
import { inlineTagger } from "../../../tagger.js";
import { rank } from "../../../../../src/engine/search.js";
import { indexLoader } from "../../../../../src/engine/store/load.js";
import { seededRandom } from "../../../../../src/engine/phrase/seeded-random.js";
import { TermViews } from "../../../../../src/engine/rank/term-views.js";
import { BM25, type Article } from "../../../../../src/index-format.js";
import { pruned, randomCase, reference } from "../random-index.js";

const LEVELS = 64;

/** Reads the sharded layout's files from memory. */
const memoryAssets = (files: ReadonlyMap<string, Uint8Array | null>) => async (path: string) =>
  files.get(path)!.slice().buffer;

/** Articles over a small vocabulary, of varied lengths and term counts, all dated. */
function corpus(count: number): Article[] {
  const next = seededRandom(11);
  const vocabulary = [
    "harbour",
    "strike",
    "council",
    "budget",
    "river",
    "flood",
    "election",
    "tariff",
    "vaccine",
    "orbit",
    "court",
    "storm",
  ];
  return Array.from({ length: count }, (_, n) => {
    const words = Array.from(
      { length: 5 + Math.floor(next() * 120) },
      () => vocabulary[Math.floor(next() ** 2 * vocabulary.length)]!,
    );
    const title = Array.from({ length: 3 }, () => vocabulary[Math.floor(next() * vocabulary.length)]!).join(" ");
    return { id: `a${n}`, title, source: null, published: "2024-05-01", url: null, body: [words.join(" ")] };
  });
}

describe("another number of impact levels", () => {
  it("is the format's constant everywhere in this file", () => {
    expect(BM25.levels).toBe(LEVELS);
  });

  it("gives the pruned ranking the page, scores, masks and total of scoring every posting", () => {
    for (let seed = 1; seed <= 150; seed++) {
      const { articles, postings, terms, k } = randomCase(seed);
      const views = new TermViews(articles);
      expect({ seed, ...pruned(postings, terms, k, views) }).toEqual({
        seed,
        ...reference(postings, articles, terms, k),
      });
    }
  });

  for (const layout of ["bundle", "sharded"] as const) {
    it(`builds a ${layout} index over that many slots and ranks it as scoring every posting does`, async () => {
      const articles = corpus(600);
      const { artefacts, files } = compileIndex(articles, {
        tagger: inlineTagger(),
        builtAt: "2025-01-01T00:00:00Z",
        layout,
      });
      expect(artefacts.manifest.config.bm25.levels).toBe(LEVELS);
      const store = await indexLoader(artefacts, memoryAssets(files))();
      const slots = (await store.postings(["flood"])).get("flood")!;
      const used = Array.from({ length: slots.length }, (_, slot) => slot).filter((slot) => slots.count(slot) > 0);
      expect(Math.max(...used)).toBeGreaterThanOrEqual(32);
      expect(slots.length).toBeLessThanOrEqual(LEVELS);
      for (const q of ["flood", "river flood", "budget council strike", "storm orbit tariff vaccine"]) {
        const params = { q, limit: 20, offset: 0, sort: "relevance" as const, typos: false };
        const fast = await rank(store, params);
        // A date range that holds every article sends the query through full scoring.
        const full = await rank(store, { ...params, from: "2024-01-01" });
        expect(fast.total).toBeGreaterThan(20);
        expect({ q, ...fast }).toEqual({ q, ...full });
      }
    });
  }
});
