// The bundle store reads posting lists from FlexSearch's term map, a field outside its public
// API (src/engine/store/bundle.ts): these tests fail on a FlexSearch upgrade that changes it.
import { Index } from "flexsearch";
import { describe, expect, it } from "vitest";
import { compileIndex } from "../../../../build/compile-index.js";
import { inlineTagger } from "../../tagger.js";
import * as seeds from "../../../../dist/test-index/seeds/artefacts.js";
import { indexLoader } from "../../../../src/engine/store/load.js";
import { flexOptions, type Article } from "../../../../src/index-format.js";

describe("bundle store posting lists", () => {
  it("are the lists FlexSearch's public search returns, for every term of a compiled index", async () => {
    const articles = JSON.parse(seeds.articles!) as Article[];
    const { artefacts, analyzer } = compileIndex(articles, {
      tagger: inlineTagger(),
      builtAt: "2025-01-01T00:00:00Z",
      layout: "bundle",
    });
    const terms = analyzer.dictionary;
    const store = await indexLoader(artefacts)();
    const postings = await store.postings([...terms, "zzzunindexed"]);

    const index = new Index(flexOptions());
    for (const [key, data] of Object.entries(artefacts.chunks!)) index.import(key, data);
    /** Slots as arrays, an empty one as null, trailing empty ones left out. */
    const plain = (slots: ArrayLike<ArrayLike<number> | undefined>) => {
      const lists = Array.from(slots, (ids) => (ids && ids.length > 0 ? Array.from(ids) : null));
      while (lists.length > 0 && lists.at(-1) === null) lists.pop();
      return JSON.stringify(lists);
    };
    const differ = terms.filter((term) => {
      const found = postings.get(term);
      const slots = Array.from({ length: found?.length ?? 0 }, (_, s) => found!.slot(s));
      return plain(slots) !== plain(index.search(term, { resolve: false }).result as ArrayLike<ArrayLike<number>>);
    });
    expect(differ).toEqual([]);
    expect(terms.length).toBeGreaterThan(500);
    expect(postings.size).toBe(terms.length);
    expect(index.search("zzzunindexed", { resolve: false }).result).toEqual([]);
    expect(postings.has("zzzunindexed")).toBe(false);
  });
});
