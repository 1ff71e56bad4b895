// Query term expansion: each word of the query becomes the index terms it should find.
// - The word's own terms (one a language of the index), at full weight, those the index has.
// - Typo tolerance: when a word of five letters or more is missing from the index, the most
//   frequent index terms one edit away (the first letter kept) stand in for it at lower weight.
// - Phonetic fallback: a word that still finds nothing brings the few most frequent index
//   terms that sound alike (Double Metaphone), at lower weight again.
// Name and place variants need none of this: the alias table folds them at index and query time.
import { DEFAULT_LANGUAGE, analyzeLetters, phoneticKey } from "../../index-format.js";
import { fold } from "../../analysis/fold.js";
import { editsOf } from "./edits.js";
import type { IndexStore } from "../store/store.js";

export interface WeightedTerm {
  term: string;
  /** Multiplies the term's BM25 score: 1 for the word's own term. */
  weight: number;
  /** True for a typo neighbour or a sound-alike: the index's spelling, not the word's own. */
  corrected?: true;
}

/** Shortest word (in letters) that typo tolerance corrects. */
export const MIN_TYPO_LENGTH = 5;
/** Neighbours kept per word, most frequent first. */
export const MAX_NEIGHBOURS = 3;
/** Weight of a spelling neighbour when the word itself is missing from the index. */
export const TYPO_WEIGHT = 0.7;
/** Weight of a term that only sounds like the word. */
export const PHONETIC_WEIGHT = 0.5;

async function neighbours(
  store: IndexStore,
  word: string,
  terms: readonly string[],
  languages: readonly string[],
): Promise<WeightedTerm[]> {
  const folded = fold(word);
  if (folded.length < MIN_TYPO_LENGTH || !/^[a-z]+$/.test(folded)) return [];
  // Every candidate first, in edit order, then their frequencies in one batch (a sharded index
  // reads the few lexicon shards they fall in). The candidates are lower-case letters, as the
  // folded word is.
  const candidates = new Set<string>();
  for (const edit of editsOf(folded)) {
    for (const language of languages) {
      const neighbour = analyzeLetters(edit, language);
      if (neighbour !== null && !terms.includes(neighbour)) candidates.add(neighbour);
    }
  }
  const frequencies = await store.frequencies([...candidates]);
  return [...candidates]
    .filter((neighbour) => frequencies.has(neighbour))
    .map((neighbour) => [neighbour, frequencies.get(neighbour)!] as const)
    .sort((a, b) => b[1] - a[1])
    .slice(0, MAX_NEIGHBOURS)
    .map(([neighbour]) => ({ term: neighbour, weight: TYPO_WEIGHT, corrected: true as const }));
}

/**
 * A far more common spelling of a word the index holds in `frequency` articles, for "did you
 * mean": the most frequent index term one edit away, when it is held by RESPELL_RATIO times as
 * many articles or more; null when there is none.
 */
export async function commonerSpelling(
  store: IndexStore,
  word: string,
  terms: readonly string[],
  frequency: number,
  languages: readonly string[],
): Promise<string | null> {
  const [best] = await neighbours(store, word, terms, languages);
  if (!best) return null;
  const commoner = (await store.frequencies([best.term])).get(best.term) ?? 0;
  return commoner >= RESPELL_RATIO * Math.max(1, frequency) ? best.term : null;
}

/** How many times as many articles a spelling must be in to be suggested for a word the index holds. */
export const RESPELL_RATIO = 10;
/** Articles at most that hold a word for which a commoner spelling is looked up: a misspelling is rare. */
export const RARE_WORD = 2;

async function soundAlikes(store: IndexStore, terms: readonly string[]): Promise<WeightedTerm[]> {
  const keys = [...new Set(terms.map(phoneticKey).filter((key): key is string => key !== null))];
  const found: WeightedTerm[] = [];
  for (const alike of await Promise.all(keys.map((key) => store.soundsLike(key))))
    for (const other of alike)
      if (!terms.includes(other) && !found.some((known) => known.term === other))
        found.push({ term: other, weight: PHONETIC_WEIGHT, corrected: true });
  return found;
}

export interface ExpandOptions {
  /** Typo and phonetic expansion of a word the index lacks; with false, the word's own terms only. Default: true. */
  tolerant?: boolean;
  /** The index's languages, in which typo candidates are analysed (`IndexManifest.languages`). Default: English. */
  languages?: readonly string[];
}

/**
 * The weighted index terms one query word stands for (empty when nothing matches), given its
 * own terms (`termsOf`) and which of them the index holds: those, when it holds any; else its
 * typo neighbours, else its sound-alikes.
 */
export async function expandWord(
  store: IndexStore,
  word: string,
  terms: readonly string[],
  indexed: (term: string) => boolean,
  { tolerant = true, languages = [DEFAULT_LANGUAGE] }: ExpandOptions = {},
): Promise<WeightedTerm[]> {
  const own = terms.filter(indexed);
  if (own.length > 0) return own.map((term) => ({ term, weight: 1 }));
  if (!tolerant) return [];
  let memo = expansions.get(store);
  if (!memo) expansions.set(store, (memo = new Map()));
  const key = `${word}\u0000${terms.join(" ")}`;
  let found = memo.get(key);
  if (!found) {
    const typos = await neighbours(store, word, terms, languages);
    found = typos.length > 0 ? typos : await soundAlikes(store, terms);
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(key, found);
  }
  return found;
}

/** Expansions of missing words kept per index (an index never changes): a word's hundreds of edits are looked up once. */
const expansions = new WeakMap<IndexStore, Map<string, WeightedTerm[]>>();
const MEMO_LIMIT = 10_000;
