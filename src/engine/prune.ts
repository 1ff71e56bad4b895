// The k best articles without scoring every posting (MaxScore, term at a time). Terms are
// scored in scoring order, largest possible contribution first. Once the terms left could add,
// all together, less than a score some k articles are already known to reach, no article that
// only they hold can make the page: only the articles scored so far can, and of those only the
// ones whose score plus everything left still reaches it. Those few get the rest of their score
// from dense views of the frequent terms (term-views.ts); the other postings of those terms are
// never read. The page, its scores (the same sums in the same order, identical to the bit), the
// words each hit matched and the total (every article holding any term, counted in bitsets) are
// exactly what scoring every posting gives.
import type { Postings } from "../index-format.js";
import { accumulated, scoreList, scoring, scoringOrder, slotImpact, type Scoring, type ScoringList, type ScoringTerm } from "./rank.js";
import { ABSENT, isDense, popcount, slotAt, type TermViews } from "./term-views.js";
import { topK } from "./top-k.js";

export interface Top {
  /** The k best positions, best first (score, then position). */
  best: number[];
  /** Scores by position: exact for `best` (pooled, valid until `release`). */
  scores: Float64Array;
  /** Query-word bits by position: complete for `best` (pooled, valid until `release`). */
  masks: Uint32Array;
  /** Articles holding at least one of the terms. */
  total: number;
  /** Returns the buffers to the pool. */
  release(): void;
}

/**
 * How far under a score known to be reached an article must stay to be ruled out: far above
 * the rounding of a sum of a few dozen terms, far below any difference between real scores.
 */
const MARGIN = 1e-9;

/** Per-isolate scratch, reused by every query: `topScored` never awaits, so no two queries share it at once. */
let scratch: { articles: number; slots: Uint8Array; bits: Int32Array; survivors: Int32Array } | undefined;

function scratchFor(articles: number) {
  if (scratch?.articles !== articles) scratch = { articles, slots: new Uint8Array(articles).fill(ABSENT), bits: new Int32Array((articles + 31) >>> 5), survivors: new Int32Array(1024) };
  return scratch;
}

/** Calls `write` with each position of a posting list and its slot. */
function eachPosting(slots: Postings, write: (id: number, slot: number) => void): void {
  for (let s = 0; s < slots.length; s++) {
    const ids = slots[s];
    if (ids) for (let i = 0; i < ids.length; i++) write(ids[i]!, s);
  }
}

/** Each impact slot's contribution, computed exactly as scoreList computes it. */
function contributions({ termWeight }: ScoringList): Float64Array {
  const table = new Float64Array(32);
  for (let s = 0; s < table.length; s++) table[s] = termWeight * slotImpact(s);
  return table;
}

/**
 * Adds the terms left to the scores and masks of the survivors, in scoring order. After each
 * term, the survivors whose score plus the most the terms after it add (`rest[j + 1]` for
 * `left[j]`) is below the floor drop out: they cannot make the page. Returns how many remain
 * (compacted to the front of `survivors`).
 */
function complete(state: Scoring, views: TermViews, left: readonly ScoringList[], rest: Float64Array, floor: number, survivors: Int32Array, count: number): number {
  const { scores, masks } = state;
  for (let j = 0; j < left.length; j++) {
    const list = left[j]!;
    const table = contributions(list);
    const mask = list.term.mask;
    const room = rest[j + 1]!;
    let kept = 0;
    if (isDense(list.df, state.articles)) {
      const { bits, ranks, slots } = views.get(list.term.term, list.slots);
      for (let n = 0; n < count; n++) {
        const id = survivors[n]!;
        const slot = slotAt(bits, ranks, slots, id);
        if (slot !== ABSENT) {
          scores[id] = scores[id]! + table[slot]!;
          masks[id] = masks[id]! | mask;
        }
        if (scores[id]! + room >= floor) survivors[kept++] = id;
      }
    } else {
      // A short list is spread into the scratch slots for the lookups, then cleared again.
      const spread = scratchFor(state.articles).slots;
      eachPosting(list.slots, (id, slot) => (spread[id] = slot));
      for (let n = 0; n < count; n++) {
        const id = survivors[n]!;
        const slot = spread[id]!;
        if (slot !== ABSENT) {
          scores[id] = scores[id]! + table[slot]!;
          masks[id] = masks[id]! | mask;
        }
        if (scores[id]! + room >= floor) survivors[kept++] = id;
      }
      eachPosting(list.slots, (id) => (spread[id] = ABSENT));
    }
    count = kept;
  }
  return count;
}

/** Articles taken from the highest slots of each of the first terms, to find a floor before scoring. */
export const SAMPLE = 128;
/** Terms sampled: the first in scoring order, whose highest slots hold the likeliest hits. */
const SAMPLED_TERMS = 3;

/**
 * A score that k articles are sure to reach, found before scoring: articles of the highest
 * slots of the first terms, each credited with what those terms give it (known from the slot
 * it was found in) and what the dense terms give it (their views). Terms neither sampled nor
 * dense are left out, so each sum is at most the article's score: the k-th best is a floor
 * for the page (0 with fewer than k articles sampled). The sums are kept in the scoring
 * buffers, which are left as they came (masks clean; scores of untouched articles are stale
 * anyway).
 */
function floorOf(state: Scoring, views: TermViews, order: readonly ScoringList[], k: number): number {
  const { scores, masks } = state;
  const sampled = Math.min(SAMPLED_TERMS, order.length);
  const ids = new Int32Array(SAMPLE * sampled);
  let count = 0;
  for (let t = 0; t < sampled; t++) {
    const { slots } = order[t]!;
    const table = contributions(order[t]!);
    let taken = 0;
    for (let s = 0; s < slots.length && taken < SAMPLE; s++) {
      const list = slots[s];
      if (!list) continue;
      for (let i = 0; i < list.length && taken < SAMPLE; i++, taken++) {
        const id = list[i]!;
        if (masks[id] === 0) {
          ids[count++] = id;
          scores[id] = 0;
        }
        scores[id] = scores[id]! + table[s]!;
        masks[id] = masks[id]! | (1 << t);
      }
    }
  }
  // In position order, the lookups sweep each view once instead of jumping about it.
  ids.subarray(0, count).sort();
  for (let t = 0; t < order.length; t++) {
    const list = order[t]!;
    if (!isDense(list.df, views.articles)) continue;
    const { bits, ranks, slots } = views.get(list.term.term, list.slots);
    const table = contributions(list);
    for (let n = 0; n < count; n++) {
      const id = ids[n]!;
      if ((masks[id]! >>> t) & 1) continue;
      const slot = slotAt(bits, ranks, slots, id);
      if (slot !== ABSENT) scores[id] = scores[id]! + table[slot]!;
    }
  }
  const sums = new Float64Array(count);
  for (let n = 0; n < count; n++) {
    sums[n] = scores[ids[n]!]!;
    masks[ids[n]!] = 0;
  }
  return count < k ? 0 : sums.sort().reverse()[k - 1]!;
}

/** Articles holding any term: those scored, plus those of the terms left that were not. */
function union(state: Scoring, views: TermViews, left: readonly ScoringList[]): number {
  const { bits } = scratchFor(state.articles);
  for (const { term, slots, df } of left) {
    if (isDense(df, state.articles)) {
      const view = views.get(term.term, slots).bits;
      for (let w = 0; w < bits.length; w++) bits[w] = bits[w]! | view[w]!;
    } else eachPosting(slots, (id) => (bits[id >>> 5] = bits[id >>> 5]! | (1 << (id & 31))));
  }
  let total = 0;
  for (let w = 0; w < bits.length; w++) total += popcount(bits[w]!);
  const { touched, count } = state;
  for (let n = 0; n < count; n++) if ((bits[touched[n]! >>> 5]! & (1 << (touched[n]! & 31))) === 0) total++;
  bits.fill(0);
  return total;
}

/**
 * The k best articles for the terms, with their scores and matched words, and how many
 * articles hold any term: exactly what `accumulate` then a top k give, most postings unread.
 */
export function topScored(postings: ReadonlyMap<string, Postings>, terms: readonly ScoringTerm[], k: number, views: TermViews): Top {
  const articles = views.articles;
  const order = scoringOrder(postings, articles, terms);
  /** rest[i]: the most that terms i and after can add to one article. */
  const rest = new Float64Array(order.length + 1);
  for (let i = order.length - 1; i >= 0; i--) rest[i] = rest[i + 1]! + order[i]!.top;
  const state = scoring(articles);
  // A floor no page can fall below, from a sample. The terms before `split` are scored in
  // full; those after it together add less than the floor, so an article only they hold
  // cannot make the page.
  // A single term is scored in full: no floor to find, no view to build.
  const floor = k > 0 && order.length > 1 ? floorOf(state, views, order, k) * (1 - MARGIN) : 0;
  let split = Math.min(1, order.length);
  while (split < order.length && !(rest[split]! < floor)) split++;
  for (let i = 0; i < split; i++) scoreList(state, order[i]!);
  const { scores, masks, touched } = state;
  const better = (a: number, b: number) => scores[a]! > scores[b]! || (scores[a] === scores[b] && a < b);
  const release = accumulated(state).release;
  if (split >= order.length) return { best: topK(touched.subarray(0, state.count), k, better, scores), scores, masks, total: state.count, release };

  const left = order.slice(split);
  const space = scratchFor(articles);
  if (space.survivors.length < state.count) space.survivors = new Int32Array(state.count);
  const survivors = space.survivors;
  // Survivors in position order (through a bitset), so the lookups sweep each view once.
  const marks = space.bits;
  for (let n = 0; n < state.count; n++) {
    const id = touched[n]!;
    if (scores[id]! + rest[split]! >= floor) marks[id >>> 5] = marks[id >>> 5]! | (1 << (id & 31));
  }
  let count = 0;
  for (let w = 0; w < marks.length; w++) {
    let word = marks[w]!;
    if (word === 0) continue;
    marks[w] = 0;
    while (word !== 0) {
      const low = word & -word;
      survivors[count++] = (w << 5) | (31 - Math.clz32(low));
      word ^= low;
    }
  }
  count = complete(state, views, left, rest.subarray(split), floor, survivors, count);
  const total = union(state, views, left);
  const best = topK(survivors.subarray(0, count), k, better, scores);
  return { best, scores, masks, total, release };
}
