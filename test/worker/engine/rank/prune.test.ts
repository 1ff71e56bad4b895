// The pruned top k (prune.ts) against scoring every posting: on random indexes of every shape
// the page, its scores (to the bit), the words each hit matched and the total are the same,
// and a frequent word's postings are not read once its dense view exists.
import { describe, expect, it } from "vitest";
import { SAMPLE } from "../../../../src/engine/rank/prune.js";
import { ABSENT, slotAt, TermViews } from "../../../../src/engine/rank/term-views.js";
import { seededRandom } from "../../../../src/engine/phrase/seeded-random.js";
import { BM25, type Postings, slotPostings } from "../../../../src/index-format.js";
import { countingReads, coverageOfCase, postingList, pruned, randomCase, reference } from "./random-index.js";

describe("the pruned top k", () => {
  it("gives the page, scores, matched words and total of scoring every posting, on 400 random queries", () => {
    for (let seed = 1; seed <= 400; seed++) {
      const { articles, postings, terms, k } = randomCase(seed);
      // Views belong to one index. A small budget on every other case: views are dropped and built again.
      const views = new TermViews(articles, seed % 2 === 0 ? 1 << 20 : 4096);
      const expected = reference(postings, articles, terms, k);
      expect({ seed, ...pruned(postings, terms, k, views) }).toEqual({ seed, ...expected });
      expect({ seed, ...pruned(postings, terms, k, views) }).toEqual({ seed, ...expected });
    }
  });

  it("ranks the articles matching every word first, as tiering every scored article does, on 400 random queries", () => {
    let fullBelowPartial = 0;
    for (let seed = 1; seed <= 400; seed++) {
      const { articles, postings, terms, k } = randomCase(seed);
      const coverage = coverageOfCase(terms);
      const views = new TermViews(articles, seed % 2 === 0 ? 1 << 20 : 4096);
      const expected = reference(postings, articles, terms, k, coverage);
      expect({ seed, ...pruned(postings, terms, k, views, coverage) }).toEqual({ seed, ...expected });
      // Cases where a full match scores below partial ones: the tiers change the page.
      const byScore = reference(postings, articles, terms, k);
      if (byScore.best.join() !== expected.best.join()) fullBelowPartial++;
    }
    expect(fullBelowPartial).toBeGreaterThan(20);
  });

  it("answers a query whose words the index lacks with nothing", () => {
    const views = new TermViews(100);
    expect(pruned(new Map(), [{ term: "absent", weight: 1, mask: 1 }], 10, views)).toEqual({
      best: [],
      scores: [],
      masks: [],
      total: 0,
    });
  });

  it("scores each buffer afresh: the same query gives the same page after others", () => {
    const { articles, postings, terms, k } = randomCase(7);
    const views = new TermViews(articles);
    const first = pruned(postings, terms, k, views);
    for (let seed = 100; seed < 120; seed++) {
      const other = randomCase(seed);
      pruned(other.postings, other.terms, other.k, new TermViews(other.articles));
    }
    expect(pruned(postings, terms, k, views)).toEqual(first);
  });

  it("reads no more of a frequent word's postings than the few it samples, once its view is built", () => {
    const articles = 20_000;
    const next = seededRandom(42);
    const rare = postingList(next, articles, 30);
    const common = postingList(next, articles, 12_000);
    const { counted, reads } = countingReads(common);
    const postings = new Map([
      ["rare", rare],
      ["common", counted],
    ]);
    const terms = [
      { term: "rare", weight: 1, mask: 1 },
      { term: "common", weight: 1, mask: 2 },
    ];
    const views = new TermViews(articles);
    const expected = reference(new Map([...postings, ["common", common]]), articles, terms, 10);
    expect(pruned(postings, terms, 10, views)).toEqual(expected);
    reads.count = 0;
    expect(pruned(postings, terms, 10, views)).toEqual(expected);
    expect(reads.count).toBeGreaterThan(0);
    expect(reads.count).toBeLessThanOrEqual(SAMPLE);
  });
});

describe("slots no page article holds", () => {
  it("are not read: a frequent word's low-impact slots, when one word plus the most the others add stays under the floor", () => {
    const articles = 20_000;
    const next = seededRandom(7);
    // Two frequent words, each article in a slot anywhere from the highest to the lowest impact.
    const spread = (df: number): Postings => {
      const slots: number[][] = [];
      for (let id = 0; id < articles; id++)
        if (next() < df / articles) (slots[Math.floor(next() * BM25.levels)] ??= []).push(id);
      return slotPostings(
        Array.from({ length: BM25.levels }, (_, s) => (slots[s] ? Int32Array.from(slots[s]!) : undefined)),
      );
    };
    const first = spread(6_000);
    const second = spread(10_000);
    const { counted, reads } = countingReads(first);
    const terms = [
      { term: "first", weight: 1, mask: 1 },
      { term: "second", weight: 1, mask: 2 },
    ];
    const views = new TermViews(articles);
    const expected = reference(
      new Map([
        ["first", first],
        ["second", second],
      ]),
      articles,
      terms,
      10,
    );
    const postings = new Map([
      ["first", counted],
      ["second", second],
    ]);
    expect(pruned(postings, terms, 10, views)).toEqual(expected);
    reads.count = 0;
    expect(pruned(postings, terms, 10, views)).toEqual(expected);
    const df = first.df;
    // The sample's reads and the highest slots' only: far fewer than every posting.
    expect(reads.count).toBeGreaterThan(0);
    expect(reads.count).toBeLessThan(df / 4);
  });
});

describe("dense term views", () => {
  it("give each article's slot, and ABSENT for the others", () => {
    const next = seededRandom(3);
    // Past the first few thousand articles, and across every rank directory entry.
    const articles = 10_000;
    const list = postingList(next, articles, 4000);
    const slotOf = new Map<number, number>();
    for (let slot = 0; slot < list.length; slot++)
      for (const id of Array.from(list.slot(slot) ?? [])) slotOf.set(id, slot);
    const { bits, ranks, slots } = new TermViews(articles).get("t", list);
    for (let id = 0; id < articles; id++) expect(slotAt(bits, ranks, slots, id)).toBe(slotOf.get(id) ?? ABSENT);
  });

  it("keep within their budget, dropping the least recently used", () => {
    const articles = 10_000;
    const next = seededRandom(5);
    const views = new TermViews(articles, 3000);
    // Each view: a 313-word bitset and its 79-word rank directory (1,568 bytes), plus a byte a holder.
    views.get("a", postingList(next, articles, 100));
    views.get("b", postingList(next, articles, 100));
    expect(views.size.count).toBe(1);
    expect(views.size.bytes).toBeLessThanOrEqual(3000);
  });
});
