// Random indexes for the ranking tests: posting lists over as many impact slots as the
// index format has, random queries over them, and the page two ways (every posting scored,
// and pruned), so a test compares them.
import { allWords, matchesAll, type Coverage } from "../../../../src/engine/rank/coverage.js";
import { topScored } from "../../../../src/engine/rank/prune.js";
import { accumulate, scoringOrder, type ScoringTerm } from "../../../../src/engine/rank/score.js";
import type { TermViews } from "../../../../src/engine/rank/term-views.js";
import { topK } from "../../../../src/engine/rank/top-k.js";
import { seededRandom } from "../../../../src/engine/phrase/seeded-random.js";
import { BM25, type Postings, slotPostings } from "../../../../src/index-format.js";

/** A posting list of `df` distinct articles out of `articles`, each in one of the first `slotCount` slots (the highest the rarest). */
export function postingList(
  next: () => number,
  articles: number,
  df: number,
  slotCount: number = BM25.levels,
): Postings {
  const chosen = new Set<number>();
  while (chosen.size < Math.min(df, articles)) chosen.add(Math.floor(next() * articles));
  const slots: number[][] = [];
  for (const id of [...chosen].sort((a, b) => a - b)) {
    const slot = Math.min(BM25.levels - 1, Math.floor(next() ** 2 * slotCount));
    (slots[slot] ??= []).push(id);
  }
  return slotPostings(
    Array.from({ length: BM25.levels }, (_, s) => (slots[s] ? Int32Array.from(slots[s]!) : undefined)),
  );
}

export interface Page {
  best: number[];
  scores: number[];
  masks: number[];
  total: number;
}

/** The page from every posting scored: by score, or, given a coverage, the articles matching every word first. */
export function reference(
  postings: Map<string, Postings>,
  articles: number,
  terms: ScoringTerm[],
  k: number,
  coverage?: Coverage,
): Page & { full?: number } {
  const all = accumulate(postings, articles, terms);
  const { scores, masks } = all;
  const full = (id: number) => !coverage || matchesAll(coverage, masks[id]!);
  const best = topK(
    all.ids,
    k,
    (a, b) => (full(a) !== full(b) ? full(a) : scores[a]! > scores[b]! || (scores[a] === scores[b] && a < b)),
    coverage ? undefined : scores,
  );
  const page = {
    best,
    scores: best.map((id) => scores[id]!),
    masks: best.map((id) => masks[id]!),
    total: all.ids.length,
    ...(coverage ? { full: Array.from(all.ids).filter(full).length } : {}),
  };
  all.release();
  return page;
}

/** The pruned page: by score, or, given a coverage, the articles matching every word first. */
export function pruned(
  postings: Map<string, Postings>,
  terms: ScoringTerm[],
  k: number,
  views: TermViews,
  coverage?: Coverage,
): Page & { full?: number } {
  const matching = coverage ? allWords(coverage, scoringOrder(postings, views.articles, terms), views) : undefined;
  const tiers = matching && { full: (mask: number) => matchesAll(coverage!, mask), ...matching };
  const top = topScored(postings, terms, k, views, tiers);
  const page = {
    best: top.best,
    scores: top.best.map((id) => top.scores[id]!),
    masks: top.best.map((id) => top.masks[id]!),
    total: top.total,
    ...(matching ? { full: matching.count } : {}),
  };
  matching?.clear();
  top.release();
  return page;
}

/** Each query word of a random case (the bits of its terms) as one word of a coverage. */
export function coverageOfCase(terms: readonly ScoringTerm[]): Coverage {
  const bits = [...new Set(terms.map((term) => term.mask))];
  return { words: bits.map((any) => ({ any, phrases: [] })) };
}

/** A random query over a random index: rare, common and very common words, typo-like expansions sharing a word's bit. */
export function randomCase(seed: number) {
  const next = seededRandom(seed);
  const articles = 50 + Math.floor(next() * 3000);
  const postings = new Map<string, Postings>();
  const terms: ScoringTerm[] = [];
  const words = 1 + Math.floor(next() * 7);
  for (let w = 0; w < words; w++) {
    const expansions = next() < 0.15 ? 1 + Math.floor(next() * 3) : 1;
    for (let e = 0; e < expansions; e++) {
      const shape = next();
      const df =
        shape < 0.3
          ? 1 + Math.floor(next() * 20)
          : shape < 0.6
            ? Math.floor(articles / (8 + next() * 40))
            : Math.floor(articles * (0.1 + next() * 0.8));
      const name = `w${w}e${e}`;
      // Coarse slots on some lists make many equal scores: ties are broken by position.
      postings.set(name, postingList(next, articles, Math.max(1, df), next() < 0.3 ? 2 : BM25.levels));
      terms.push({ term: name, weight: expansions > 1 ? 0.7 : next() < 0.1 ? 0.5 : 1, mask: 1 << w });
    }
  }
  if (next() < 0.1) terms.push({ term: "missing", weight: 1, mask: 1 << words });
  const k = [1, 3, 10, 10, 25, 100][Math.floor(next() * 6)]!;
  return { articles, postings, terms, k };
}

/** The same posting list, counting every read of a position in `reads.count`. */
export function countingReads(list: Postings): { counted: Postings; reads: { count: number } } {
  const reads = { count: 0 };
  const counted = Array.from({ length: list.length }, (_, s) => {
    const ids = list.slot(s);
    return ids
      ? new Proxy(ids as Int32Array, {
          get: (target, key) => {
            if (typeof key === "string" && /^\d+$/.test(key)) reads.count++;
            return Reflect.get(target, key);
          },
        })
      : undefined;
  });
  return { counted: slotPostings(counted), reads };
}
