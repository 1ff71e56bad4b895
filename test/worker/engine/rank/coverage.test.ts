// Which articles match every query word: words joined by OR count as one, a phrase needs all of
// its words, and the bitset of full matches agrees with testing each article's bits, whether a
// term is read from its postings or from its dense view.
import { describe, expect, it } from "vitest";
import {
  allWords,
  anyWord,
  COMMON_FLOOR,
  COMMON_SHARE,
  coverageOf,
  isCommon,
  matchesAll,
  wordsMatched,
} from "../../../../src/engine/rank/coverage.js";
import { scoringOrder } from "../../../../src/engine/rank/score.js";
import { TermViews } from "../../../../src/engine/rank/term-views.js";
import { parseQuery } from "../../../../src/engine/query/parse.js";
import { seededRandom } from "../../../../src/engine/phrase/seeded-random.js";
import { type Postings, slotPostings } from "../../../../src/index-format.js";

/** A posting list holding these positions, all in the top slot. */
const list = (...ids: number[]): Postings => slotPostings([Int32Array.from(ids)]);

describe("the words an article matches", () => {
  const query = parseQuery('czech OR slovak "foreign ministry" diplomats');
  // czech 1, slovak 2, the phrase's two words 4 and 8, diplomats 16.
  const bits = [1, 2, 4 | 8, 16];
  const masks = new Map(query.groups.flatMap((group) => group.clauses).map((clause, n) => [clause, bits[n]!]));
  const coverage = coverageOf(query.groups, masks);

  it("counts OR'd words as one word and a phrase as one word", () => {
    expect(coverage.words).toHaveLength(3);
    expect(wordsMatched(coverage, 1 | 4 | 8 | 16)).toBe(3);
    expect(wordsMatched(coverage, 2 | 4 | 8 | 16)).toBe(3);
    expect(matchesAll(coverage, 2 | 4 | 8 | 16)).toBe(true);
  });

  it("asks every word of a phrase", () => {
    expect(wordsMatched(coverage, 1 | 4 | 16)).toBe(2);
    expect(matchesAll(coverage, 1 | 4 | 16)).toBe(false);
  });

  it("does not ask for a word that has no bit (left out of a long query)", () => {
    const left = coverageOf(query.groups, new Map([...masks].map(([clause, bit]) => [clause, bit === 16 ? 0 : bit])));
    expect(left.words).toHaveLength(2);
    expect(matchesAll(left, 1 | 4 | 8)).toBe(true);
  });

  it("does not ask for a word called too common, unless every word is, and always asks for a phrase", () => {
    const tooCommon = (common: number) => (bits: number) => (bits & common) !== 0;
    const without = coverageOf(query.groups, masks, tooCommon(16));
    expect(without.words).toHaveLength(2);
    expect(matchesAll(without, 1 | 4 | 8)).toBe(true);
    expect(coverageOf(query.groups, masks, tooCommon(4 | 8)).words).toHaveLength(3);
    // Every plain word too common: the phrase alone is asked for.
    expect(coverageOf(query.groups, masks, tooCommon(1 | 2 | 4 | 8 | 16)).words).toEqual([
      { any: 0, phrases: [4 | 8] },
    ]);
    const plain = parseQuery("czech diplomats");
    const plainMasks = new Map(plain.groups.flatMap((group) => group.clauses).map((clause, n) => [clause, 1 << n]));
    expect(coverageOf(plain.groups, plainMasks, tooCommon(1 | 2)).words).toHaveLength(2);
  });
});

describe("a word too common to be asked for", () => {
  it("is held by more than COMMON_SHARE of the articles, and by more than COMMON_FLOOR", () => {
    const large = Math.ceil(COMMON_FLOOR / COMMON_SHARE) * 4;
    expect(isCommon(large * COMMON_SHARE + 1, large)).toBe(true);
    expect(isCommon(large * COMMON_SHARE, large)).toBe(false);
    expect(isCommon(COMMON_FLOOR, COMMON_FLOOR * 2)).toBe(false);
    expect(isCommon(COMMON_FLOOR + 1, COMMON_FLOOR * 2)).toBe(true);
    expect(isCommon(COMMON_FLOOR + 1, COMMON_FLOOR * 2, 1)).toBe(false);
  });
});

describe("the articles matching every word", () => {
  it("are those whose bits match every word, from postings and dense views alike", () => {
    const articles = 200;
    // Frequent terms (dense views) and rare ones (postings).
    const postings = new Map<string, Postings>([
      ["czech", list(1, 2, 3, 50, 51)],
      ["slovak", list(4, 60)],
      ["foreign", list(...Array.from({ length: 100 }, (_, i) => i * 2))],
      ["ministry", list(...Array.from({ length: 67 }, (_, i) => i * 3))],
      ["diplomats", list(...Array.from({ length: 120 }, (_, i) => i))],
    ]);
    const terms = [
      { term: "czech", weight: 1, mask: 1 },
      { term: "slovak", weight: 1, mask: 2 },
      { term: "foreign", weight: 1, mask: 4 },
      { term: "ministry", weight: 1, mask: 8 },
      { term: "diplomats", weight: 1, mask: 16 },
    ];
    const coverage = {
      words: [
        { any: 1 | 2, phrases: [] },
        { any: 0, phrases: [4 | 8] },
        { any: 16, phrases: [] },
      ],
    };
    const bitsOf = new Uint32Array(articles);
    for (const { term, mask } of terms)
      for (const id of Array.from(postings.get(term)!.slot(0)!)) bitsOf[id] = bitsOf[id]! | mask;
    const expected = Array.from({ length: articles }, (_, id) => id).filter((id) => matchesAll(coverage, bitsOf[id]!));
    expect(expected).toEqual([60]);

    const views = new TermViews(articles);
    const found = allWords(coverage, scoringOrder(postings, articles, terms), views);
    const ids = Array.from({ length: articles }, (_, id) => id).filter(
      (id) => ((found.bits[id >>> 5]! >>> (id & 31)) & 1) === 1,
    );
    expect({ ids, count: found.count }).toEqual({ ids: expected, count: 1 });
    found.clear();
    expect(found.bits.every((word) => word === 0)).toBe(true);

    // The articles holding any word: every article some term's postings hold, in order.
    const any = Array.from({ length: articles }, (_, id) => id).filter((id) => bitsOf[id] !== 0);
    const anyBits = anyWord(scoringOrder(postings, articles, terms), views);
    expect(
      Array.from({ length: articles }, (_, id) => id).filter((id) => ((anyBits[id >>> 5]! >>> (id & 31)) & 1) === 1),
    ).toEqual(any);
    expect(any.length).toBeGreaterThan(120);
  });

  it("agree with each article's bits when the rarest words leave few articles, over 40 random queries", () => {
    // After a rare word, the others are read only in the words of the bitset still set: every
    // kind of term and word here runs that way, on lists drawn across 20,000 articles.
    const articles = 20_000;
    for (let seed = 1; seed <= 40; seed++) {
      const random = seededRandom(seed);
      const draw = (df: number) => {
        const ids = new Set<number>();
        while (ids.size < df) ids.add(Math.floor(random() * articles));
        return [...ids].sort((a, b) => a - b);
      };
      // A rare word and a rarer one; a frequent word with a rare expansion; a phrase of a
      // frequent and a middling word; a very frequent word.
      const lists: [string, number, number[]][] = [
        ["rare", 1, draw(40 + Math.floor(random() * 200))],
        ["rarer", 2, draw(5 + Math.floor(random() * 30))],
        ["frequent", 4, draw(2_000 + Math.floor(random() * 2_000))],
        ["expansion", 4, draw(20)],
        ["phrase-a", 8, draw(3_000)],
        ["phrase-b", 16, draw(300)],
        ["common", 32, draw(9_000)],
      ];
      // Each list also holds some articles of the rare words, so that some match every word.
      const seeds = [...lists[0]![2].slice(0, 10), ...lists[1]![2].slice(0, 3)];
      const postings = new Map<string, Postings>(
        lists.map(([term, , ids]) => [term, list(...[...new Set([...ids, ...seeds])].sort((a, b) => a - b))]),
      );
      const terms = lists.map(([term, mask]) => ({ term, weight: 1, mask }));
      const coverage = {
        words: [
          { any: 1 | 2, phrases: [] },
          { any: 4, phrases: [] },
          { any: 0, phrases: [8 | 16] },
          { any: 32, phrases: [] },
        ],
      };
      const bitsOf = new Uint32Array(articles);
      for (const { term, mask } of terms)
        for (const id of Array.from(postings.get(term)!.slot(0)!)) bitsOf[id] = bitsOf[id]! | mask;
      const expected = Array.from({ length: articles }, (_, id) => id).filter((id) =>
        matchesAll(coverage, bitsOf[id]!),
      );
      const found = allWords(coverage, scoringOrder(postings, articles, terms), new TermViews(articles));
      const ids = Array.from({ length: articles }, (_, id) => id).filter(
        (id) => ((found.bits[id >>> 5]! >>> (id & 31)) & 1) === 1,
      );
      expect({ seed, ids, count: found.count }).toEqual({ seed, ids: expected, count: expected.length });
      expect(expected.length).toBeGreaterThan(0);
      found.clear();
      expect(found.bits.every((word) => word === 0)).toBe(true);
    }
  });

  it("are none when a word is held by no article", () => {
    const postings = new Map<string, Postings>([["czech", list(1, 2)]]);
    const terms = [
      { term: "czech", weight: 1, mask: 1 },
      { term: "unknown", weight: 1, mask: 2 },
    ];
    const coverage = {
      words: [
        { any: 1, phrases: [] },
        { any: 2, phrases: [] },
      ],
    };
    const found = allWords(coverage, scoringOrder(postings, 100, terms), new TermViews(100));
    expect(found.count).toBe(0);
    found.clear();
  });
});
