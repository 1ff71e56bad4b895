// The k best articles without scoring every posting (MaxScore, term at a time). Terms are
// scored in scoring order, largest possible contribution first. Once the terms left could add,
// all together, less than a score some k articles are already known to reach, no article that
// only they hold can make the page: only the articles scored so far can, and of those only the
// ones whose score plus everything left still reaches it. Those few get the rest of their score
// from dense views of the frequent terms (term-views.ts); the other postings of those terms are
// never read. The page, its scores (the same sums in the same order, identical to the bit), the
// words each hit matched and the total (every article holding any term, counted in bitsets) are
// exactly what scoring every posting gives.
//
// The floor comes in two steps. Before scoring, from a sample of the first terms' highest slots;
// after the terms that must be read in full, from the articles that scored best on them, whose
// scores the dense views then all but complete. The second is usually far closer to the page's
// lowest score, and every article it rules out is one fewer to complete.
//
// Even the terms read in full are not read whole when they are frequent: a slot whose
// contribution, plus the most every other term adds, stays under the first floor holds no
// article of the page. A two-word query of common words reads the few highest slots of its
// first word instead of every posting; the word's dense view counts the rest for the total.
import { BM25, type Postings } from "../../index-format.js";
import { eachPosting } from "../store/store.js";
import { ScoredSet, scoreBlocks } from "./block-scores.js";
import { sizedScratch } from "./sized-scratch.js";
import {
  accumulated,
  roomFor,
  scoring,
  scoringOrder,
  slotImpact,
  type Scoring,
  type ScoringList,
  type ScoringTerm,
} from "./score.js";
import { ABSENT, isDense, popcount, slotAt, type TermViews } from "./term-views.js";
import { keepHighest, kthLargest, topK } from "./top-k.js";

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

/** Impact slots of a posting list, from the index format: the width of each term's table. */
const SLOTS = BM25.levels;

/** Per-isolate scratch, reused by every query: `topScored` never awaits, so no two queries share it at once. */
interface Scratch {
  /** Impact slot by position while a short list is spread into it; ABSENT everywhere between uses. */
  slots: Uint8Array;
  /** Bitsets by position, all zero between uses: the sample being put in order; articles holding any term. */
  marks: Int32Array;
  held: Int32Array;
  /** Entries of the scored set that may still make the page. */
  survivors: Int32Array;
  /** The first floor's sampled positions; then the heap of the second floor's candidates (entries of the scored set). */
  sample: Int32Array;
  /** The candidates' positions, and the lower-bound scores of either floor's articles. */
  candidates: Int32Array;
  sums: Float64Array;
  /** The articles of the terms read in full; the full matches, when they are all scored. */
  scored: ScoredSet;
  fulls: ScoredSet;
  /** Each term's contribution by impact slot: SLOTS entries a term, in scoring order. */
  tables: Float64Array;
}

/** The scratch for an index of this many articles. */
const scratchFor = sizedScratch((articles): Scratch => {
  const words = (articles + 31) >>> 5;
  const most = Math.max(SAMPLE * SAMPLED_TERMS, CANDIDATES);
  return {
    slots: new Uint8Array(articles).fill(ABSENT),
    marks: new Int32Array(words),
    held: new Int32Array(words),
    survivors: new Int32Array(1024),
    sample: new Int32Array(most),
    candidates: new Int32Array(most),
    scored: new ScoredSet(),
    fulls: new ScoredSet(),
    sums: new Float64Array(most),
    tables: new Float64Array(SLOTS * 8),
  };
});

/** Fills `space.tables` with each term's contribution by slot, computed exactly as scoreList computes it. */
function fillTables(space: Scratch, order: readonly ScoringList[]): Float64Array {
  if (space.tables.length < SLOTS * order.length) space.tables = new Float64Array(SLOTS * order.length);
  const tables = space.tables;
  for (let t = 0; t < order.length; t++) {
    const { termWeight } = order[t]!;
    for (let s = 0; s < SLOTS; s++) tables[t * SLOTS + s] = termWeight * slotImpact(s);
  }
  return tables;
}

/** Writes the positions set in a bitset to `out`, ascending, clearing the bitset; returns how many. */
function drain(bits: Int32Array, out: Int32Array): number {
  let count = 0;
  for (let w = 0; w < bits.length; w++) {
    let word = bits[w]!;
    if (word === 0) continue;
    bits[w] = 0;
    while (word !== 0) {
      const low = word & -word;
      out[count++] = (w << 5) | (31 - Math.clz32(low));
      word ^= low;
    }
  }
  return count;
}

/** Sorts `ids[0, count)` (distinct positions) ascending through a bitset, which it leaves clear. */
function ascending(ids: Int32Array, count: number, bits: Int32Array): void {
  for (let n = 0; n < count; n++) bits[ids[n]! >>> 5] = bits[ids[n]! >>> 5]! | (1 << (ids[n]! & 31));
  drain(bits, ids);
}

/**
 * Adds the terms `order[from]` and after to the scores and masks of the survivors (entries of
 * the scored set, ascending), in scoring order. After each term, the survivors whose score plus
 * the most the terms after it add is below the floor drop out: they cannot make the page.
 * Returns how many remain (compacted to the front of `survivors`).
 */
function complete(
  set: ScoredSet,
  views: TermViews,
  order: readonly ScoringList[],
  from: number,
  tables: Float64Array,
  rest: Float64Array,
  floor: number,
  survivors: Int32Array,
  count: number,
): number {
  const { ids, scores, masks } = set;
  for (let t = from; t < order.length; t++) {
    const list = order[t]!;
    const base = SLOTS * t;
    const mask = list.term.mask;
    const room = rest[t + 1]!;
    let kept = 0;
    if (isDense(list.df, views.articles)) {
      const { bits, ranks, slots } = views.get(list.term.term, list.slots);
      for (let n = 0; n < count; n++) {
        const entry = survivors[n]!;
        const slot = slotAt(bits, ranks, slots, ids[entry]!);
        if (slot !== ABSENT) {
          scores[entry] = scores[entry]! + tables[base + slot]!;
          masks[entry] = masks[entry]! | mask;
        }
        if (scores[entry]! + room >= floor) survivors[kept++] = entry;
      }
    } else {
      // A short list is spread into the scratch slots for the lookups, then cleared again.
      const spread = scratchFor(views.articles).slots;
      eachPosting(list.slots, (id, slot) => (spread[id] = slot));
      for (let n = 0; n < count; n++) {
        const entry = survivors[n]!;
        const slot = spread[ids[entry]!]!;
        if (slot !== ABSENT) {
          scores[entry] = scores[entry]! + tables[base + slot]!;
          masks[entry] = masks[entry]! | mask;
        }
        if (scores[entry]! + room >= floor) survivors[kept++] = entry;
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
/** Articles the second floor is taken from: those that scored best on the terms read in full. */
const CANDIDATES = 64;
/**
 * Adds to `sums[0, count)`, the scores so far of the articles `ids[0, count)`, what the dense
 * terms `order[from]` and after give each: a lower bound of its score (terms neither read nor
 * dense are left out). In position order the lookups sweep each view once; any order gives the
 * same sums. `skip(id, t)` leaves a term out for an article that has it already.
 */
function addDense(
  views: TermViews,
  order: readonly ScoringList[],
  from: number,
  tables: Float64Array,
  ids: Int32Array,
  sums: Float64Array,
  count: number,
  skip?: (id: number, t: number) => boolean,
): void {
  for (let t = from; t < order.length; t++) {
    const list = order[t]!;
    if (!isDense(list.df, views.articles)) continue;
    const { bits, ranks, slots } = views.get(list.term.term, list.slots);
    const base = SLOTS * t;
    for (let n = 0; n < count; n++) {
      const id = ids[n]!;
      if (skip?.(id, t)) continue;
      const slot = slotAt(bits, ranks, slots, id);
      if (slot !== ABSENT) sums[n] = sums[n]! + tables[base + slot]!;
    }
  }
}

/**
 * A score that k articles are sure to reach, found before scoring: articles of the highest
 * slots of the first terms, each credited with what those terms give it (known from the slot
 * it was found in) and what the dense terms give it (their views). Terms neither sampled nor
 * dense are left out, so each sum is at most the article's score: the k-th best is a floor
 * for the page (0 with fewer than k articles sampled). The buffers are left as they came
 * (masks clean; scores of untouched articles are stale anyway).
 */
function floorOf(
  state: Scoring,
  views: TermViews,
  order: readonly ScoringList[],
  k: number,
  space: Scratch,
  tables: Float64Array,
): number {
  const { scores, masks } = state;
  const { sample: ids, sums } = space;
  const sampled = Math.min(SAMPLED_TERMS, order.length);
  let count = 0;
  for (let t = 0; t < sampled; t++) {
    const { slots } = order[t]!;
    let taken = 0;
    for (let s = 0; s < slots.length && taken < SAMPLE; s++) {
      const list = slots.slot(s);
      if (!list) continue;
      for (let i = 0; i < list.length && taken < SAMPLE; i++, taken++) {
        const id = list[i]!;
        if (masks[id] === 0) {
          ids[count++] = id;
          scores[id] = 0;
        }
        scores[id] = scores[id]! + tables[SLOTS * t + s]!;
        masks[id] = masks[id]! | (1 << t);
      }
    }
  }
  // In position order, the lookups sweep each view once instead of jumping about it.
  ascending(ids, count, space.marks);
  for (let n = 0; n < count; n++) sums[n] = scores[ids[n]!]!;
  addDense(views, order, 0, tables, ids, sums, count, (id, t) => ((masks[id]! >>> t) & 1) === 1);
  for (let n = 0; n < count; n++) masks[ids[n]!] = 0;
  return count < k ? 0 : kthLargest(sums, count, k);
}

/** Articles holding any term: `held` (those scored) with the terms not scored added, counted; leaves `held` clear. */
function union(views: TermViews, left: readonly ScoringList[], held: Int32Array): number {
  for (const { term, slots, df } of left) {
    if (isDense(df, views.articles)) {
      const view = views.get(term.term, slots).bits;
      for (let w = 0; w < held.length; w++) held[w] = held[w]! | view[w]!;
    } else eachPosting(slots, (id) => (held[id >>> 5] = held[id >>> 5]! | (1 << (id & 31))));
  }
  let total = 0;
  for (let w = 0; w < held.length; w++) total += popcount(held[w]!);
  held.fill(0);
  return total;
}

/**
 * The k best articles for the terms, with their scores and matched words, and how many
 * articles hold any term: exactly what `accumulate` then a top k give, most postings unread.
 */
export function topScored(
  postings: ReadonlyMap<string, Postings>,
  terms: readonly ScoringTerm[],
  k: number,
  views: TermViews,
  fullFirst?: FullFirst,
): Top {
  const articles = views.articles;
  const order = scoringOrder(postings, articles, terms);
  /** rest[i]: the most that terms i and after can add to one article. */
  const rest = new Float64Array(order.length + 1);
  for (let i = order.length - 1; i >= 0; i--) rest[i] = rest[i + 1]! + order[i]!.top;
  const state = scoring(articles);
  const space = scratchFor(articles);
  const tables = fillTables(space, order);
  // A floor no page can fall below, from a sample. The terms before `split` are scored in
  // full (but for the slots cut below); those after it together add less than the floor, so an
  // article only they hold cannot make the page.
  // A single term is scored in full: no floor to find, no view to build.
  let floor = k > 0 && order.length > 1 ? floorOf(state, views, order, k, space, tables) * (1 - MARGIN) : 0;
  let split = Math.min(1, order.length);
  while (split < order.length && !(rest[split]! < floor)) split++;
  // An article's score is at most what one term gives it plus the most every other term can
  // add: the slots of a term where even that stays under the floor hold no article of the page,
  // and are not read. Only frequent terms are cut short: their dense views count their articles
  // for the total. (Not when every term is read: those queries have too low a floor to cut.)
  const slotsRead = new Int32Array(split);
  const cut: ScoringList[] = [];
  for (let t = 0; t < split; t++) {
    const list = order[t]!;
    let read = list.slots.length;
    if (split < order.length && isDense(list.df, articles)) {
      const others = rest[0]! - list.top;
      while (read > 0 && tables[SLOTS * t + read - 1]! + others < floor) read--;
      if (read < list.slots.length) cut.push(list);
    }
    slotsRead[t] = read;
  }
  const set = space.scored;
  const exhaustive = split >= order.length;
  // Unless every term is read, the articles scored are marked as held, for the total.
  scoreBlocks(order, split, articles, set, { slotsRead, held: exhaustive ? undefined : space.held });
  const { ids, scores } = set;
  const scored = set.count;
  const better = (a: number, b: number) => scores[a]! > scores[b]! || (scores[a] === scores[b] && a < b);
  if (space.survivors.length < scored) space.survivors = new Int32Array(scored);
  const survivors = space.survivors;
  if (exhaustive) {
    for (let n = 0; n < scored; n++) survivors[n] = n;
    const best = picked(set, topK(survivors.subarray(0, scored), k, better, scores));
    return answer(state, fullFirst ? tiered(best, k, fullFirst, order, views, tables) : best, scored);
  }

  const { held, sample: heap, candidates, sums } = space;
  const room = rest[split]!;
  const kept = k <= CANDIDATES ? CANDIDATES : 0;
  let count = survey(set, room, floor, survivors, heap, kept);
  const size = Math.min(kept, count);
  // The second floor: the k-th best of the candidates' scores completed by the dense terms left.
  if (k > 0 && size >= k) {
    for (let n = 0; n < size; n++) {
      candidates[n] = ids[heap[n]!]!;
      sums[n] = scores[heap[n]!]!;
    }
    addDense(views, order, split, tables, candidates, sums, size);
    const second = kthLargest(sums, size, k) * (1 - MARGIN);
    if (second > floor) {
      floor = second;
      let kept = 0;
      for (let n = 0; n < count; n++) if (scores[survivors[n]!]! + room >= floor) survivors[kept++] = survivors[n]!;
      count = kept;
    }
  }
  count = complete(set, views, order, split, tables, rest, floor, survivors, count);
  const total = union(views, [...cut, ...order.slice(split)], held);
  const best = picked(set, topK(survivors.subarray(0, count), k, better, scores));
  return answer(state, fullFirst ? tiered(best, k, fullFirst, order, views, tables) : best, total);
}

/**
 * One pass over the articles scored, in position order: those that may still make the page
 * (their score plus `room` reaches the floor) are listed as survivors, and the `capacity` best
 * of those kept in a heap (root: the lowest score kept), from which the second floor is taken.
 * Returns how many survive.
 */
function survey(
  set: ScoredSet,
  room: number,
  floor: number,
  survivors: Int32Array,
  heap: Int32Array,
  capacity: number,
): number {
  const scores = set.scores;
  let count = 0;
  let size = 0;
  /** The heap's lowest score once it is full: most articles score under it, and are not offered. */
  let lowest = capacity === 0 ? Infinity : -Infinity;
  for (let n = 0; n < set.count; n++) {
    const score = scores[n]!;
    if (score + room < floor) continue;
    survivors[count++] = n;
    if (score > lowest) {
      size = keepHighest(heap, size, capacity, n, scores);
      if (size === capacity) lowest = scores[heap[0]!]!;
    }
  }
  return count;
}

/** An article of the page: its position, score and word bits. */
interface Pick {
  id: number;
  score: number;
  mask: number;
}

/** Entries of the scored set, as picks. */
function picked(set: ScoredSet, entries: readonly number[]): Pick[] {
  return entries.map((entry) => ({ id: set.ids[entry]!, score: set.scores[entry]!, mask: set.masks[entry]! }));
}

/** Articles that rank above every other: those matching every query word (coverage.ts). */
export interface FullFirst {
  /** Whether an article with these word bits is one of them. */
  full(mask: number): boolean;
  /** Them, as a bitset by position (cleared by `topScored` as it reads it), and how many. */
  bits: Int32Array;
  count: number;
}

/**
 * The page in two tiers: the best of the full matches, then the best of the rest. The k best
 * by score already hold the best of both, unless a full match ranks below k partial ones:
 * then every full match is scored, term after term in scoring order (the same sums, to the
 * bit), and the best of them taken.
 */
function tiered(
  best: readonly Pick[],
  k: number,
  { full, bits, count }: FullFirst,
  order: readonly ScoringList[],
  views: TermViews,
  tables: Float64Array,
): Pick[] {
  let fulls = best.filter((pick) => full(pick.mask));
  const partials = best.filter((pick) => !full(pick.mask));
  if (fulls.length < Math.min(k, count)) {
    const set = scratchFor(views.articles).fulls;
    set.count = 0;
    set.reserve(count);
    set.count = drain(bits, set.ids);
    set.scores.fill(0, 0, set.count);
    set.masks.fill(0, 0, set.count);
    const entries = new Int32Array(set.count);
    for (let n = 0; n < set.count; n++) entries[n] = n;
    const room = new Float64Array(order.length + 1);
    complete(set, views, order, 0, tables, room, -Infinity, entries, set.count);
    const { scores } = set;
    const better = (a: number, b: number) => scores[a]! > scores[b]! || (scores[a] === scores[b] && a < b);
    fulls = picked(set, topK(entries, k, better, scores));
  } else bits.fill(0);
  return [...fulls, ...partials].slice(0, k);
}

/** The page's picks, best first, with their scores and masks written by position into the pooled buffers. */
function answer(state: Scoring, best: readonly Pick[], total: number): Top {
  roomFor(state, best.length);
  best.forEach(({ id, score, mask }, n) => {
    state.scores[id] = score;
    state.masks[id] = mask;
    state.touched[n] = id;
  });
  state.count = best.length;
  return {
    best: best.map(({ id }) => id),
    scores: state.scores,
    masks: state.masks,
    total,
    release: accumulated(state).release,
  };
}
