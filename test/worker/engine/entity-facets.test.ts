// Entity facet counts against a count made the slow way: the most named of each kind, most
// first and ties by name, at most FACET_ENTITIES, over many entities with tied counts.
import { describe, expect, it } from "vitest";
import { FACET_ENTITIES, facetCounts } from "../../../src/engine/facets.js";
import { seededRandom } from "../../../src/engine/phrase/seeded-random.js";
import { articleMeta } from "../../../src/format/meta.js";
import { decodeEntities, ENTITY_KINDS, encodeEntities, type EntityKind } from "../../../src/index-format.js";

describe("entity facets", () => {
  it("give the most named of each kind, most first, ties by name, as sorting every count does", () => {
    const next = seededRandom(7);
    const kinds: EntityKind[] = Array.from({ length: 90 }, (_, id) => ENTITY_KINDS[id % 3]!);
    const names = kinds.map((kind, id) => `${kind} ${String.fromCharCode(97 + ((id * 7) % 26))}${id}`);
    const byArticle = Array.from({ length: 400 }, () =>
      [...new Set(Array.from({ length: Math.floor(next() * 6) }, () => Math.floor(next() ** 2 * 90)))].sort(
        (a, b) => a - b,
      ),
    );
    const entities = decodeEntities(encodeEntities({ kinds, names, byArticle }));
    const meta = articleMeta(byArticle.map(() => ({ published: "2025-01-01", source: "Wire" })));
    const matches = Int32Array.from({ length: 300 }, (_, n) => n + 50);
    const facets = facetCounts(meta, matches, ["person", "org", "place"], {}, entities);
    for (const kind of ENTITY_KINDS) {
      const counts = new Map<string, number>();
      for (const position of matches)
        for (const id of byArticle[position]!)
          if (kinds[id] === kind) counts.set(names[id]!, (counts.get(names[id]!) ?? 0) + 1);
      const expected = [...counts]
        .map(([value, count]) => ({ value, count }))
        .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1))
        .slice(0, FACET_ENTITIES);
      expect(counts.size).toBeGreaterThan(FACET_ENTITIES);
      expect(facets[kind]).toEqual(expected);
    }
  });
});
