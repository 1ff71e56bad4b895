// Leave-one-collection-out cross-validation of ranking constants (pure). Each candidate set of
// constants has a score on every judged collection; a collection's gain is its score minus its
// BM25 reference. For each collection held out, the candidate chosen on the others is the one
// that leaves the fewest of them below their reference, then has the highest mean gain over
// them; its score on the held-out collection is what the constants would give a collection
// nobody tuned on. The same rule over every collection chooses the constants to ship. Equal
// standings go to the candidate nearest the shipped constants (the fewest changed), so a
// constant the collections cannot tell apart, such as the lede bonus on collections of
// one-paragraph abstracts, keeps its shipped value instead of the grid's first.

export interface Collection {
  name: string;
  /** The BM25 reference score of the collection's metric. */
  bm25: number;
}

/** A candidate's standing on some collections: how many fall below their reference, and its mean gain. */
interface Standing {
  below: number;
  meanGain: number;
}

function standing(scores: readonly number[], collections: readonly Collection[], on: readonly number[]): Standing {
  let below = 0;
  let gain = 0;
  for (const c of on) {
    const g = scores[c]! - collections[c]!.bm25;
    if (g < 0) below++;
    gain += g;
  }
  return { below, meanGain: gain / Math.max(1, on.length) };
}

/** Mean gains closer than this are equal: far below any difference a judged set can show. */
const TIE = 1e-9;

/**
 * The candidate chosen on the collections `on` (indices): fewest below reference, then highest
 * mean gain, then fewest constants changed from the shipped ones (`changed`), then the earlier.
 * @param scores scores[candidate][collection]
 * @param changed how many constants each candidate changes from the shipped ones; default none
 * @param allowed which candidates may be chosen; default all
 */
export function choose(
  scores: readonly (readonly number[])[],
  collections: readonly Collection[],
  on: readonly number[],
  changed: readonly number[] = scores.map(() => 0),
  allowed: readonly boolean[] = scores.map(() => true),
): number {
  let best = -1;
  let bestStanding: Standing | undefined;
  scores.forEach((row, candidate) => {
    if (!allowed[candidate]) return;
    const s = standing(row, collections, on);
    const better =
      !bestStanding ||
      s.below < bestStanding.below ||
      (s.below === bestStanding.below &&
        (s.meanGain > bestStanding.meanGain + TIE ||
          (Math.abs(s.meanGain - bestStanding.meanGain) <= TIE && changed[candidate]! < changed[best]!)));
    if (better) {
      best = candidate;
      bestStanding = s;
    }
  });
  if (best < 0) throw new Error("no candidate to choose from");
  return best;
}

export interface Fold {
  /** The collection held out. */
  heldOut: number;
  /** The candidate chosen on the others. */
  chosen: number;
  /** Its score on the held-out collection. */
  score: number;
}

/**
 * One fold per collection, each choosing on all the others (see the header; `changed` as for
 * `choose`). `allowedOn` gives the candidates a fold may choose, from its collections; default all.
 */
export function leaveOneOut(
  scores: readonly (readonly number[])[],
  collections: readonly Collection[],
  changed?: readonly number[],
  allowedOn?: (on: readonly number[]) => readonly boolean[],
): Fold[] {
  const all = collections.map((_, c) => c);
  return all.map((heldOut) => {
    const on = all.filter((c) => c !== heldOut);
    const chosen = choose(scores, collections, on, changed, allowedOn?.(on));
    return { heldOut, chosen, score: scores[chosen]![heldOut]! };
  });
}
