// Scoring into pooled buffers: a query's scores and word masks must not depend on the queries
// the isolate answered before it, whichever way a released buffer was cleaned (entry by entry
// after a small query, whole arrays after a large one).
import { describe, expect, it } from "vitest";
import { accumulate, slotImpact, type ScoringTerm } from "../../../../src/engine/rank/score.js";
import { type Postings, slotPostings } from "../../../../src/index-format.js";

const ARTICLES = 64;

/** A posting list with the given positions in one impact slot. */
function list(slot: number, ids: number[]): Postings {
  const slots: (Int32Array | undefined)[] = [];
  slots[slot] = Int32Array.from(ids);
  return slotPostings(slots);
}

const term = (name: string, mask: number, weight = 1): ScoringTerm => ({ term: name, weight, mask });
/** Robertson-Spärck Jones IDF as Lucene's BM25 defines it. */
const idf = (df: number, articles: number) => Math.log(1 + (articles - df + 0.5) / (df + 0.5));
const expected = (df: number, slot: number, weight = 1) => idf(df, ARTICLES) * weight * slotImpact(slot);

/** Scores and masks of every position, read while the buffers are held. */
function snapshot(postings: Map<string, Postings>, terms: ScoringTerm[]) {
  const accumulated = accumulate(postings, ARTICLES, terms);
  const ids = Array.from(accumulated.ids).sort((a, b) => a - b);
  const scores = new Map(ids.map((id) => [id, accumulated.scores[id]!]));
  const masks = Array.from(accumulated.masks);
  accumulated.release();
  return { ids, scores, masks };
}

describe("accumulate with pooled buffers", () => {
  it("scores a small query the same after a large one touched every article", () => {
    const everything = Array.from({ length: ARTICLES }, (_, id) => id);
    const fresh = snapshot(new Map([["b", list(3, [5, 9])]]), [term("b", 1)]);
    snapshot(new Map([["a", list(0, everything)]]), [term("a", 1)]);
    const after = snapshot(new Map([["b", list(3, [5, 9])]]), [term("b", 1)]);
    expect(after.ids).toEqual([5, 9]);
    expect(after.scores).toEqual(fresh.scores);
    expect(after.scores.get(5)).toBe(expected(2, 3));
  });

  it("leaves no word mask behind, after a small query or a large one", () => {
    snapshot(new Map([["c", list(1, [7])]]), [term("c", 4)]);
    snapshot(
      new Map([
        [
          "a",
          list(
            0,
            Array.from({ length: ARTICLES }, (_, id) => id),
          ),
        ],
      ]),
      [term("a", 2)],
    );
    const { ids, masks } = snapshot(new Map([["d", list(2, [8])]]), [term("d", 1)]);
    expect(ids).toEqual([8]);
    expect(masks.map((mask, id) => (mask === 0 ? null : id)).filter((id) => id !== null)).toEqual([8]);
    expect(masks[8]).toBe(1);
  });

  it("adds the terms of an article in scoring order (largest contribution first) and ORs their masks", () => {
    const postings = new Map([
      ["x", list(0, [1, 2])],
      ["y", list(4, [2, 3])],
    ]);
    const { ids, scores, masks } = snapshot(postings, [term("x", 1), term("y", 2, 0.5)]);
    expect(ids).toEqual([1, 2, 3]);
    expect(scores.get(2)).toBe(expected(2, 0) + expected(2, 4, 0.5));
    expect(scores.get(3)).toBe(expected(2, 4, 0.5));
    expect([masks[1], masks[2], masks[3]]).toEqual([1, 3, 2]);
  });

  it("sums in scoring order whatever the query order, so every way of scoring agrees to the bit", () => {
    // x and z can add more than y: the order is x, z, y, and these sums differ in the last bit.
    const postings = new Map([
      ["x", list(0, [1, 10])],
      ["y", list(4, [1, 11, 12])],
      ["z", list(0, [1, 13, 14, 15])],
    ]);
    const { scores } = snapshot(postings, [term("x", 1), term("y", 2), term("z", 4)]);
    const inScoringOrder = expected(2, 0) + expected(4, 0) + expected(3, 4);
    expect(inScoringOrder).not.toBe(expected(2, 0) + expected(3, 4) + expected(4, 0));
    expect(scores.get(1)).toBe(inScoringOrder);
  });

  it("scores every article of a query that touches thousands, list after list, and leaves no mask behind", () => {
    // Three lists of 1,500 positions each, overlapping in part: the articles touched pass
    // 1,024, 2,048 and 4,096 as the lists are scored (the list of them grows as it fills).
    const articles = 6_000;
    const lists = [0, 1_000, 3_000].map((start) => Array.from({ length: 1_500 }, (_, n) => start + n));
    const postings = new Map(lists.map((ids, t) => [`t${t}`, list(t, ids)]));
    const terms = lists.map((_, t) => term(`t${t}`, 1 << t));
    const accumulated = accumulate(postings, articles, terms);
    const ids = Array.from(accumulated.ids).sort((a, b) => a - b);
    const holders = [...new Set(lists.flat())].sort((a, b) => a - b);
    expect(ids).toEqual(holders);
    const weight = (t: number) => idf(1_500, articles) * slotImpact(t);
    for (const id of [0, 999, 1_000, 1_499, 1_500, 2_499, 3_000, 4_499]) {
      const held = lists.map((ids, t) => (ids.includes(id) ? t : -1)).filter((t) => t >= 0);
      expect(accumulated.masks[id]).toBe(held.reduce((mask, t) => mask | (1 << t), 0));
      expect(accumulated.scores[id]).toBeCloseTo(
        held.reduce((sum, t) => sum + weight(t), 0),
        12,
      );
    }
    accumulated.release();
    const after = accumulate(new Map([["d", list(2, [8])]]), articles, [term("d", 1)]);
    const left = Array.from(after.masks).flatMap((mask, id) => (mask === 0 ? [] : [id]));
    after.release();
    expect(left).toEqual([8]);
  });
});
