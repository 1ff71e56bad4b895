// Query suggestions (GET /suggest): completions of what a reader is typing, from the suggestion
// shard of its first word (format/suggestions.ts). FlexSearch finds the suggestions whose words
// begin as the typed words do, forgiving a doubled letter or a vowel missed (its LatinBalance
// encoder) and, when no suggestion has every word, returning those with most of them; of those,
// the ones whose first word has the typed first word's key are kept (the shard may hold other
// keys too). They are ranked by how closely they match what was typed, then by weight (the
// titles holding them, halved with age), which is their order in the shard.
import { fold } from "../analysis/fold.js";
import { words } from "../analysis/tokenize.js";
import { suggestKey } from "../index-format.js";
import type { IndexStore } from "./store/store.js";

export interface Suggestion {
  /** The phrase, as the newest title holding it writes it. */
  text: string;
  /** Articles whose title holds it. */
  articles: number;
}

/** Suggestions FlexSearch is asked for, to rank. */
const CANDIDATES = 100;

/**
 * How far a suggestion is from the typed words (folded), nearest first: 0 when it begins with
 * them (the last one as a prefix); otherwise 1, plus 2 for each typed word that begins none of
 * its words and 1 more when that is the first (the one the reader started with).
 */
function distance(typed: readonly string[], suggestion: readonly string[]): number {
  const last = typed.length - 1;
  if (typed.every((word, n) => (n === last ? suggestion[n]?.startsWith(word) : suggestion[n] === word))) return 0;
  let distance = 1;
  typed.forEach((word, n) => {
    if (!suggestion.some((other) => other.startsWith(word))) distance += n === 0 ? 3 : 2;
  });
  return distance;
}

/** At most `limit` suggestions for what is typed in `q`, best first; none until its first word has two letters. */
export async function suggest(store: IndexStore, q: string, limit: number): Promise<Suggestion[]> {
  const typed = words(q).map(fold);
  const key = typed.length > 0 ? suggestKey(typed[0]!) : null;
  if (key === null) return [];
  const { index, items } = await store.suggestions(key);
  const ids = index.search(typed.join(" "), { limit: CANDIDATES, suggest: true }) as number[];
  return ids
    .map((id) => ({ id, words: words(items[id]![0]).map(fold) }))
    .filter((found) => suggestKey(found.words[0]!) === key)
    .map(({ id, words }) => ({ id, distance: distance(typed, words) }))
    .sort((a, b) => a.distance - b.distance || a.id - b.id)
    .slice(0, limit)
    .map(({ id }) => ({ text: items[id]![0], articles: items[id]![1] }));
}
