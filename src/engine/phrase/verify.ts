// Phrase verification: an article whose words match a phrase's terms must still be read to
// see the phrase word for word. When few candidates need it, all are read and the total is
// exact. Otherwise candidates are read in rank order until the page is full or the store's
// read budget is spent, and the total of the unread rest is estimated from a small sample.
import type { Article } from "../../index-format.js";
import type { IndexStore } from "../store/store.js";
import { seededRandom } from "./seeded-random.js";
import { topK } from "../rank/top-k.js";

export interface Verified {
  /** The best k verified candidates, best first. */
  best: number[];
  total: number;
  /** False when the total is an estimate (some candidates were never read). */
  exact: boolean;
}

export interface Checks {
  /** Whether the candidate can only be judged by reading it. */
  needed(id: number): boolean;
  /** The judgement, given the article. */
  passes(id: number, article: Article): boolean;
}

/**
 * The best k candidates that pass the checks.
 * @param key The order's key when it is "highest key first" (see topK): a faster top k.
 */
export async function verifiedTop(
  store: IndexStore,
  candidates: ArrayLike<number>,
  k: number,
  better: (a: number, b: number) => boolean,
  checks: Checks | null,
  key?: Float64Array,
): Promise<Verified> {
  const needing = checks ? Array.from(candidates).filter((id) => checks.needed(id)) : [];
  if (!checks || needing.length === 0)
    return { best: topK(candidates, k, better, key), total: candidates.length, exact: true };

  const verdicts = new Map<number, boolean>();
  const read = async (ids: number[]) => {
    const articles = await store.articles(ids);
    ids.forEach((id, i) => {
      verdicts.set(id, checks.passes(id, articles[i]!));
    });
  };
  const passing = (id: number) => verdicts.get(id) ?? !checks.needed(id);

  if (needing.length <= store.verifyBudget) {
    await read(needing);
    const kept = Array.from(candidates).filter(passing);
    return { best: topK(kept, k, better), total: kept.length, exact: true };
  }

  let best: number[] = [];
  for (let window = Math.max(k, 1); ; window *= 2) {
    const ranked = topK(candidates, window, better);
    const unread = ranked
      .filter((id) => checks.needed(id) && !verdicts.has(id))
      .slice(0, store.verifyBudget - verdicts.size);
    await read(unread);
    best = ranked.filter((id) => verdicts.has(id) || !checks.needed(id)).filter(passing);
    if (best.length >= k || ranked.length === candidates.length || verdicts.size >= store.verifyBudget) break;
  }
  // The best-ranked candidates pass more often than the rest, so the rest's pass rate comes
  // from a sample of them.
  const ranked = [...verdicts.values()].filter(Boolean).length;
  const rest = needing.filter((id) => !verdicts.has(id));
  const sample = sampleOf(rest);
  const sampleVerdicts =
    sample.length > 0 ? (await store.articles(sample)).map((article, i) => checks.passes(sample[i]!, article)) : [];
  const rate =
    sampleVerdicts.length > 0
      ? sampleVerdicts.filter(Boolean).length / sampleVerdicts.length
      : ranked / Math.max(1, verdicts.size);
  const free = candidates.length - needing.length;
  return { best: best.slice(0, k), total: free + ranked + Math.round(rest.length * rate), exact: false };
}

/** Candidates beyond the read budget that are read to estimate how many of the rest pass. */
export const SAMPLE = 32;

/**
 * Up to SAMPLE of these candidates, one drawn at random from each of SAMPLE equal runs of
 * their position order (with a fixed seed): spread over the whole archive, the same for the
 * same candidates whatever order the scoring touched them in, and never in step with a
 * pattern of positions (every third article) as a fixed stride can be.
 */
export function sampleOf(candidates: readonly number[]): number[] {
  const sorted = [...candidates].sort((a, b) => a - b);
  if (sorted.length <= SAMPLE) return sorted;
  const next = seededRandom(0x9e3779b9);
  return Array.from({ length: SAMPLE }, (_, run) => {
    const start = Math.floor((run * sorted.length) / SAMPLE);
    const end = Math.floor(((run + 1) * sorted.length) / SAMPLE);
    return sorted[start + Math.floor(next() * (end - start))]!;
  });
}
