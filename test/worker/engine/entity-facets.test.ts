// Facet counts against counts made the slow way: the most named entities of each kind, most
// first and ties by name, at most FACET_ENTITIES, over many entities with tied counts; and
// every facet, whether few of the articles match or most (which are counted by the rest).
import { describe, expect, it } from "vitest";
import { FACET_ENTITIES, facetCounts, matchSet } from "../../../src/engine/facets.js";
import { seededRandom } from "../../../src/engine/phrase/seeded-random.js";
import { articleMeta } from "../../../src/format/meta.js";
import { decodeEntities, ENTITY_KINDS, encodeEntities, type EntityKind } from "../../../src/index-format.js";

/** How many of the matches name each entity of a kind, counted the slow way: most first, ties by name. */
function namedCounts(
  matches: Iterable<number>,
  byArticle: readonly number[][],
  kinds: readonly EntityKind[],
  names: readonly string[],
  kind: EntityKind,
) {
  const counts = new Map<string, number>();
  for (const position of matches)
    for (const id of byArticle[position]!)
      if (kinds[id] === kind) counts.set(names[id]!, (counts.get(names[id]!) ?? 0) + 1);
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));
}

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
    const facets = facetCounts(meta, matchSet(matches, 400), ["person", "org", "place"], {}, entities);
    for (const kind of ENTITY_KINDS) {
      const counted = namedCounts(matches, byArticle, kinds, names, kind);
      expect(counted.length).toBeGreaterThan(FACET_ENTITIES);
      expect(facets[kind]).toEqual(counted.slice(0, FACET_ENTITIES));
    }
  });

  it("count sources, months, years and entities as a count of the matches does, for few matches or most", () => {
    const next = seededRandom(11);
    const kinds: EntityKind[] = Array.from({ length: 30 }, (_, id) => ENTITY_KINDS[id % 3]!);
    const names = kinds.map((kind, id) => `${kind} ${id}`);
    const articles = 333;
    const byArticle = Array.from({ length: articles }, () =>
      [...new Set(Array.from({ length: Math.floor(next() * 8) }, () => Math.floor(next() * 30)))].sort((a, b) => a - b),
    );
    const entities = decodeEntities(encodeEntities({ kinds, names, byArticle }));
    const sources = ["Wire", "Daily", null];
    const dates = byArticle.map((_, n) =>
      n % 17 === 0
        ? null
        : new Date(Date.UTC(2024, 0, 1) + Math.floor(next() * 800) * 86_400_000).toISOString().slice(0, 10),
    );
    const meta = articleMeta(dates.map((published, n) => ({ published, source: sources[n % 3]! })));
    for (const share of [0, 0.1, 0.49, 0.51, 0.9, 1]) {
      const matches = Int32Array.from(
        Array.from({ length: articles }, (_, n) => n).filter(() => next() < share || share === 1),
      );
      const facets = facetCounts(
        meta,
        matchSet(matches, articles),
        ["source", "year", "month", "person", "org", "place"],
        {},
        entities,
      );
      const tally = (key: (position: number) => string | null) => {
        const counts = new Map<string, number>();
        for (const position of matches) {
          const value = key(position);
          if (value !== null) counts.set(value, (counts.get(value) ?? 0) + 1);
        }
        return counts;
      };
      const inOrder = (counts: Map<string, number>) =>
        [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => (a.value < b.value ? -1 : 1));
      expect(facets.month, `share ${share}`).toEqual(inOrder(tally((n) => dates[n]?.slice(0, 7) ?? null)));
      expect(facets.year, `share ${share}`).toEqual(inOrder(tally((n) => dates[n]?.slice(0, 4) ?? null)));
      expect(facets.source, `share ${share}`).toEqual(
        inOrder(tally((n) => sources[n % 3]!)).sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1)),
      );
      for (const kind of ENTITY_KINDS)
        expect(facets[kind], `${kind}, share ${share}`).toEqual(namedCounts(matches, byArticle, kinds, names, kind));
    }
  });
});
