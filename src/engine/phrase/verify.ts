// Phrase verification: an article whose words match a phrase's terms must still be read to
// see the phrase word for word. Each candidate is first judged from its hit card: a card that
// holds the whole text settles it, and a phrase found in a card's lede proves a pass. Only a
// candidate its card cannot settle is read whole, at most the store's `articleChecks` a query.
// When few candidates need it, all are judged and the total is exact. Otherwise candidates are
// judged in rank order until the page is full or the store's budget is spent, and the total of
// the rest is estimated from a small sample judged by their cards.
import type { Article, HitCard } from "../../index-format.js";
import type { IndexStore } from "../store/store.js";
import { seededRandom } from "./seeded-random.js";
import { filtered, topK } from "../rank/top-k.js";

export interface Verified {
  /** The best k verified candidates, best first. */
  best: number[];
  total: number;
  /** Of the total, those `full` says yes to (all of them without `full`). */
  full: number;
  /** False when the totals are estimates (some candidates were never read). */
  exact: boolean;
}

export interface Checks {
  /** Whether the candidate can only be judged by reading it. */
  needed(id: number): boolean;
  /** The judgement, given the article (or a part of it: its title and lede). */
  passes(id: number, article: Pick<Article, "title" | "body">): boolean;
  /**
   * Whether a pass on part of the article's text proves the whole passes: not when the article
   * must lack something (an excluded phrase), which only the whole text can show.
   */
  provable(id: number): boolean;
}

/** A card's title and text, as the part of its article the checks judge. */
const partOf = (card: HitCard) => ({ title: card.title, body: card.text });

/**
 * The best k candidates that pass the checks.
 * @param key The order's key when it is "highest key first" (see topK): a faster top k.
 * @param full Candidates counted apart in `full` (articles matching every query word). Default: all.
 */
export async function verifiedTop(
  store: IndexStore,
  candidates: ArrayLike<number>,
  k: number,
  better: (a: number, b: number) => boolean,
  checks: Checks | null,
  key?: Float64Array,
  full?: (id: number) => boolean,
): Promise<Verified> {
  // Without a test, every candidate counts: no pass over them.
  const fullOf = (ids: ArrayLike<number>) => {
    if (!full) return ids.length;
    let count = 0;
    for (let i = 0; i < ids.length; i++) if (full(ids[i]!)) count++;
    return count;
  };
  if (!checks)
    return { best: topK(candidates, k, better, key), total: candidates.length, full: fullOf(candidates), exact: true };
  // One pass over the candidates: those needing a check, and how many of them and of all are full.
  const needing = new Int32Array(candidates.length);
  let needs = 0;
  let fullNeeding = 0;
  let fullAll = 0;
  for (let i = 0; i < candidates.length; i++) {
    const id = candidates[i]!;
    const isFull = !full || full(id);
    if (isFull) fullAll++;
    if (checks.needed(id)) {
      needing[needs++] = id;
      if (isFull) fullNeeding++;
    }
  }
  if (needs === 0)
    return { best: topK(candidates, k, better, key), total: candidates.length, full: fullAll, exact: true };

  const verdicts = new Map<number, boolean>();
  /** Candidates taken up, judged or not (those left open once the article budget is spent). */
  const taken = new Set<number>();
  let articleChecks = 0;
  /** Judges the candidates by their cards, and those the cards leave open by their articles while the budget lasts. */
  const read = async (ids: readonly number[]) => {
    for (const id of ids) taken.add(id);
    const cards = await store.cards(ids);
    const open: number[] = [];
    ids.forEach((id, i) => {
      const card = cards[i]!;
      const passes = checks.passes(id, partOf(card));
      if (card.whole || (passes && checks.provable(id))) verdicts.set(id, passes);
      else open.push(id);
    });
    const reading = open.slice(0, Math.max(0, store.articleChecks - articleChecks));
    articleChecks += reading.length;
    const articles = await store.articles(reading);
    reading.forEach((id, i) => {
      verdicts.set(id, checks.passes(id, articles[i]!));
    });
  };
  const passing = (id: number) => verdicts.get(id) ?? !checks.needed(id);

  let best: number[];
  if (needs <= store.verifyBudget) {
    await read(Array.from(needing.subarray(0, needs)));
    const kept = filtered(candidates, passing);
    if (verdicts.size === needs)
      return { best: topK(kept, k, better), total: kept.length, full: fullOf(kept), exact: true };
    best = topK(kept, k, better);
  } else {
    // Candidates are taken in rank order, in windows that double, until the page is full or the
    // budget spent. A window of k + budget always ends it (each of its candidates either needs
    // no check or takes budget), so the ranking is made once, to the first window that large.
    let largest = Math.max(k, 1);
    while (largest < k + store.verifyBudget) largest *= 2;
    const order = topK(candidates, largest, better, key);
    best = [];
    for (let window = Math.max(k, 1); ; window *= 2) {
      const ranked = order.slice(0, window);
      const unread = ranked
        .filter((id) => checks.needed(id) && !taken.has(id))
        .slice(0, store.verifyBudget - taken.size);
      await read(unread);
      best = ranked.filter((id) => verdicts.has(id) || !checks.needed(id)).filter(passing);
      if (best.length >= k || ranked.length === candidates.length || taken.size >= store.verifyBudget) break;
    }
  }
  // The best-ranked candidates pass more often than the rest, so the rest's pass rate comes
  // from a sample of them.
  const passed = [...verdicts].flatMap(([id, passes]) => (passes ? [id] : []));
  const rest = filtered(needing.subarray(0, needs), (id) => !verdicts.has(id));
  const sample = sampleOf(rest);
  // The sample is judged by its cards alone: those a card cannot settle are left out of the rate.
  const sampleVerdicts = (await store.cards(sample)).flatMap((card, i) => {
    const passes = checks.passes(sample[i]!, partOf(card));
    return card.whole || (passes && checks.provable(sample[i]!)) ? [passes] : [];
  });
  const rate =
    sampleVerdicts.length > 0
      ? sampleVerdicts.filter(Boolean).length / sampleVerdicts.length
      : passed.length / Math.max(1, verdicts.size);
  // Those needing no check, those that passed, and the rest at the sampled rate; the rest are
  // those needing a check less those judged (verdicts holds only candidates needing one).
  const judged = [...verdicts.keys()];
  const estimate = (all: number, needingCount: number, count: (ids: ArrayLike<number>) => number) =>
    all - needingCount + count(passed) + Math.round((needingCount - count(judged)) * rate);
  return {
    best: best.slice(0, k),
    total: estimate(candidates.length, needs, (ids) => ids.length),
    full: estimate(fullAll, fullNeeding, fullOf),
    exact: false,
  };
}

/** Candidates beyond the read budget whose cards are read to estimate how many of the rest pass. */
export const SAMPLE = 16;

/**
 * Up to SAMPLE of these candidates, one drawn at random from each of SAMPLE equal runs of
 * their position order (with a fixed seed): spread over the whole archive, the same for the
 * same candidates whatever order the scoring touched them in, and never in step with a
 * pattern of positions (every third article) as a fixed stride can be.
 */
export function sampleOf(candidates: ArrayLike<number>): number[] {
  // A typed array sorts by number, natively.
  const sorted = Int32Array.from(candidates).sort();
  if (sorted.length <= SAMPLE) return Array.from(sorted);
  const next = seededRandom(0x9e3779b9);
  return Array.from({ length: SAMPLE }, (_, run) => {
    const start = Math.floor((run * sorted.length) / SAMPLE);
    const end = Math.floor(((run + 1) * sorted.length) / SAMPLE);
    return sorted[start + Math.floor(next() * (end - start))]!;
  });
}
