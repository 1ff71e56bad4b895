import { describe, expect, it } from "vitest";
import * as seeds from "../../../dist/test-index/seeds/artefacts.js";
import { search, type SearchPhase } from "../../../src/engine/search.js";
import { indexLoader } from "../../../src/engine/store/load.js";

describe("search trace", () => {
  it("tells each phase of a search as it ends, in order, once", async () => {
    const store = await indexLoader(seeds)();
    const phases: SearchPhase[] = [];
    const result = await search(store, { q: "Tomahawk missiles", limit: 10, offset: 0, sort: "relevance" }, (phase) =>
      phases.push(phase),
    );
    expect(result.hits.length).toBeGreaterThan(0);
    expect(phases).toEqual(["plan", "rank", "cards", "snippets"]);
  });

  it("tells every phase for a query that finds nothing to search for", async () => {
    const store = await indexLoader(seeds)();
    const phases: SearchPhase[] = [];
    await search(store, { q: "the", limit: 10, offset: 0, sort: "relevance" }, (phase) => phases.push(phase));
    expect(phases).toEqual(["plan", "rank", "cards", "snippets"]);
  });
});
