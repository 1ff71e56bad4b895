// BM25F scoring over FlexSearch's impact-ordered posting lists. The build stored each term's
// quantised term-frequency part as its resolution slot; here each slot turns back into that
// part, times the term's IDF (from its posting list's length) and the query weight, summed
// into one accumulator per article. Articles lacking a word simply score less.
import { BM25, type Postings } from "../../index-format.js";
import { documentFrequency } from "../store/store.js";
import { grownLength } from "./sized-scratch.js";

export interface ScoringTerm {
  term: string;
  /** Query weight: 1 for a word's own term, less for typo and phonetic expansions. */
  weight: number;
  /** Bits recording which query words the term stands for. */
  mask: number;
}

/** The articles a query touched, with their scores and which query words each matched. */
export interface Accumulated {
  /** Positions of the matching articles (views into pooled buffers, valid until `release`). */
  ids: Int32Array;
  /** Scores by position; only the positions in `ids` hold this query's (the rest are stale). */
  scores: Float64Array;
  /** Query-word bits by position; 0 for every position not in `ids`. */
  masks: Uint32Array;
  /** Returns the buffers to the pool; call once the query is done with them. */
  release(): void;
}

interface Buffers {
  scores: Float64Array;
  masks: Uint32Array;
  touched: Int32Array;
}

/**
 * Free buffers by article count. A query holds its buffers across awaits (reading articles to
 * verify phrases), so concurrent queries of one isolate each take their own from the pool.
 */
const pool = new Map<number, Buffers[]>();

function acquire(size: number): Buffers {
  return (
    pool.get(size)?.pop() ?? {
      scores: new Float64Array(size),
      masks: new Uint32Array(size),
      touched: new Int32Array(grownLength(0, size)),
    }
  );
}

/**
 * Makes room in `touched` for `more` articles after those counted: a pruned ranking touches a
 * page's worth, so the list grows only for the queries that score more (see grownLength).
 */
export function roomFor(scoring: Scoring, more: number): void {
  const needed = Math.min(scoring.articles, scoring.count + more);
  if (scoring.touched.length >= needed) return;
  const touched = new Int32Array(grownLength(needed, scoring.articles));
  touched.set(scoring.touched.subarray(0, scoring.count));
  scoring.touched = touched;
}

/**
 * Returns the buffers to the pool, clean. Only the masks need it (a score is set, not added,
 * when its article is first touched): the touched entries one by one, or the whole array at
 * once when the query touched a large share of the articles.
 */
function releaser(size: number, buffers: Buffers, count: number): () => void {
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const { masks, touched } = buffers;
    if (count > size >>> 4) masks.fill(0);
    else for (let i = 0; i < count; i++) masks[touched[i]!] = 0;
    const free = pool.get(size) ?? [];
    if (free.length < 4) free.push(buffers);
    pool.set(size, free);
  };
}

/** Robertson-Spärck Jones IDF as in Lucene's BM25: never negative. */
function idf(documentFrequency: number, articles: number): number {
  return Math.log(1 + (articles - documentFrequency + 0.5) / (documentFrequency + 0.5));
}

/** The term-frequency part an impact slot stands for (the inverse of the build's quantisation). */
export function slotImpact(slot: number): number {
  return ((BM25.levels - 1 - slot) / (BM25.levels - 1)) * (BM25.k1 + 1);
}

/** A scored term with its posting list: what every way of scoring reads. */
export interface ScoringList {
  /** The query's term (weight and mask). */
  term: ScoringTerm;
  slots: Postings;
  /** Articles holding the term. */
  df: number;
  /** IDF times query weight: an impact slot contributes `termWeight * slotImpact(slot)`. */
  termWeight: number;
  /** The most this term adds to any article's score: the contribution of its first non-empty slot. */
  top: number;
}

/**
 * The terms the index holds, in scoring order: largest possible contribution first (ties in
 * query order). Every way of scoring sums an article's contributions in this order, so a
 * pruned ranking (prune.ts) gives scores identical to the bit to scoring every posting.
 */
export function scoringOrder(
  postings: ReadonlyMap<string, Postings>,
  articles: number,
  terms: readonly ScoringTerm[],
): ScoringList[] {
  const lists: ScoringList[] = [];
  for (const term of terms) {
    const slots = postings.get(term.term);
    if (!slots) continue;
    const df = documentFrequency(slots);
    const termWeight = idf(df, articles) * term.weight;
    let first = 0;
    while (first < slots.length && slots.count(first) === 0) first++;
    if (first === slots.length) continue;
    lists.push({ term, slots, df, termWeight, top: termWeight * slotImpact(first) });
  }
  // Array.prototype.sort is stable: equal tops keep query order.
  return lists.sort((a, b) => b.top - a.top);
}

/** Pooled scoring buffers for an index of `articles`, with nothing scored yet. */
export function scoring(articles: number): Scoring {
  return { ...acquire(articles), count: 0, articles };
}

/** Buffers being scored into: `touched[0, count)` are the articles scored so far. */
export interface Scoring extends Buffers {
  count: number;
  articles: number;
}

/** Adds every posting of one term to the scores and masks. */
export function scoreList(scoring: Scoring, { term, slots, termWeight }: ScoringList): void {
  roomFor(scoring, slots.df);
  const { scores, masks, touched } = scoring;
  const mask = term.mask;
  let count = scoring.count;
  for (let s = 0; s < slots.length; s++) {
    const ids = slots.slot(s);
    if (!ids) continue;
    const impact = termWeight * slotImpact(s);
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]!;
      // Masks come clean from the pool, and every term has a mask bit: 0 means untouched,
      // and the score there is left over from an earlier query (always finite). Without a
      // branch (which a mix of fresh and touched articles keeps mispredicting): `fresh` is
      // 1 for an untouched article, 0 otherwise; the id is always written and counted only
      // when fresh, and a fresh article's stale score is multiplied away.
      const seen = masks[id]!;
      const fresh = ((seen | -seen) >>> 31) ^ 1;
      touched[count] = id;
      count += fresh;
      scores[id] = scores[id]! * (1 - fresh) + impact;
      masks[id] = seen | mask;
    }
  }
  scoring.count = count;
}

/** What has been scored, as the query's result; `release` returns the buffers to the pool. */
export function accumulated(scoring: Scoring): Accumulated {
  const { scores, masks, touched, count, articles } = scoring;
  return {
    ids: touched.subarray(0, count),
    scores,
    masks,
    release: releaser(articles, { scores, masks, touched }, count),
  };
}

/**
 * Scores every article that holds at least one of the terms, given their posting lists and
 * the index's article count. The results are views into pooled buffers: call `release` after.
 */
export function accumulate(
  postings: ReadonlyMap<string, Postings>,
  articles: number,
  terms: readonly ScoringTerm[],
): Accumulated {
  const state = scoring(articles);
  for (const list of scoringOrder(postings, articles, terms)) scoreList(state, list);
  return accumulated(state);
}
