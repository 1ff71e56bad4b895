// Scoring a block of article positions at a time into a compact set (block-scores.ts): the
// same articles, scores (to the bit) and word masks as scoring list after list into
// article-sized arrays, in position order, for any block size and any slots read.
import { describe, expect, it } from "vitest";
import { ScoredSet, scoreBlocks } from "../../../../src/engine/rank/block-scores.js";
import {
  accumulated,
  scoreList,
  scoring,
  scoringOrder,
  type ScoringList,
  type ScoringTerm,
} from "../../../../src/engine/rank/score.js";
import { seededRandom } from "../../../../src/engine/phrase/seeded-random.js";
import { type Postings, slotPostings } from "../../../../src/index-format.js";

interface Scored {
  ids: number[];
  scores: number[];
  masks: number[];
}

/** Scoring list after list into article-sized arrays, of each list only its first `slotsRead[t]` slots. */
function listByList(order: readonly ScoringList[], articles: number, slotsRead: number[]): Scored {
  const state = scoring(articles);
  order.forEach((list, t) => {
    const read = Math.min(slotsRead[t]!, list.slots.length);
    scoreList(state, { ...list, slots: slotPostings(Array.from({ length: read }, (_, s) => list.slots.slot(s))) });
  });
  const ids = Array.from(state.touched.subarray(0, state.count)).sort((a, b) => a - b);
  const result = { ids, scores: ids.map((id) => state.scores[id]!), masks: ids.map((id) => state.masks[id]!) };
  accumulated(state).release();
  return result;
}

function blocks(
  order: readonly ScoringList[],
  articles: number,
  slotsRead: number[],
  set: ScoredSet,
  block: number | undefined,
): Scored & { held: number[] } {
  const bits = new Int32Array((articles + 31) >>> 5);
  scoreBlocks(order, order.length, articles, set, { slotsRead, block, held: bits });
  const n = set.count;
  const held: number[] = [];
  for (let id = 0; id < articles; id++) if ((bits[id >>> 5]! >>> (id & 31)) & 1) held.push(id);
  return {
    ids: Array.from(set.ids.subarray(0, n)),
    scores: Array.from(set.scores.subarray(0, n)),
    masks: Array.from(set.masks.subarray(0, n)),
    held,
  };
}

/** A random query: up to five terms, each article in at most one slot of a term, ascending within each slot. */
function randomQuery(next: () => number, articles: number) {
  const postings = new Map<string, Postings>();
  const terms: ScoringTerm[] = [];
  const count = 1 + Math.floor(next() * 5);
  for (let t = 0; t < count; t++) {
    const density = next() < 0.5 ? 0.3 : 0.005;
    const slots: number[][] = [];
    for (let id = 0; id < articles; id++) if (next() < density) (slots[Math.floor(next() * 6)] ??= []).push(id);
    postings.set(
      `t${t}`,
      slotPostings(Array.from({ length: 6 }, (_, s) => (slots[s] ? Int32Array.from(slots[s]!) : undefined))),
    );
    terms.push({ term: `t${t}`, mask: 1 << t, weight: next() < 0.2 ? 0.7 : 1 });
  }
  const order = scoringOrder(postings, articles, terms);
  const slotsRead = order.map(() => (next() < 0.7 ? 6 : Math.floor(next() * 6)));
  return { order, slotsRead };
}

describe("scoring a block of articles at a time", () => {
  it("gives the articles in position order, with the scores (to the bit) and masks of scoring list after list, and marks them held, on 300 random queries and any block size", () => {
    const next = seededRandom(17);
    const set = new ScoredSet();
    for (let n = 0; n < 300; n++) {
      const articles = 1 + Math.floor(next() * (n % 10 === 0 ? 6000 : 400));
      const { order, slotsRead } = randomQuery(next, articles);
      const expected = listByList(order, articles, slotsRead);
      // Each size twice (undefined: the default block): a block must be left clean for the next query.
      for (const block of [32, 64, 64, 96, 1024, undefined, undefined])
        expect({ n, block, ...blocks(order, articles, slotsRead, set, block) }).toEqual({
          n,
          block,
          ...expected,
          held: expected.ids,
        });
    }
  });

  it("refuses a block that is not a positive multiple of 32", () => {
    expect(() => scoreBlocks([], 0, 10, new ScoredSet(), { block: 48 })).toThrow(/multiple of 32 \(got 48\)/);
  });

  it("scores only the lists asked for", () => {
    const postings = new Map<string, Postings>([
      ["a", slotPostings([Int32Array.from([1, 5])])],
      ["b", slotPostings([Int32Array.from([2, 5])])],
    ]);
    const order = scoringOrder(postings, 10, [
      { term: "a", weight: 1, mask: 1 },
      { term: "b", weight: 0.5, mask: 2 },
    ]);
    const set = new ScoredSet();
    scoreBlocks(order, 1, 10, set);
    expect(Array.from(set.ids.subarray(0, set.count))).toEqual([1, 5]);
    expect(Array.from(set.masks.subarray(0, set.count))).toEqual([1, 1]);
  });
});
