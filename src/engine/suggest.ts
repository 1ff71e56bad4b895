// Query suggestions (GET /suggest): completions of what a reader is typing, from the suggestion
// shard of its first word (format/suggestions.ts). FlexSearch finds the suggestions whose words
// begin as the typed words do, forgiving a doubled letter or a vowel missed (its LatinBalance
// encoder) and, when no suggestion has every word, returning those with most of them (a finished
// word the shard lacks is then respelt with its neighbours one edit away); of those,
// the ones whose first word has the typed first word's key are kept (the shard may hold other
// keys too). They are ranked by how closely they match what was typed, then by weight (the
// titles holding them, halved with age), which is their order in the shard.
import { fold } from "../analysis/fold.js";
import { words } from "../analysis/tokenize.js";
import { suggestKey, type SuggestionIndex } from "../index-format.js";
import { editsOf } from "./query/edits.js";
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

/** What is derived from a shard's items, once: their folded words as first asked for, and the vocabulary. */
interface Derived {
  folded: (readonly string[] | undefined)[];
  vocabulary?: Map<string, number>;
}

const derived = new WeakMap<SuggestionIndex, Derived>();

function derivedOf(shard: SuggestionIndex): Derived {
  let found = derived.get(shard);
  if (!found) derived.set(shard, (found = { folded: [] }));
  return found;
}

/** The folded words of the shard's item `id`. */
function foldedWords(shard: SuggestionIndex, id: number): readonly string[] {
  const { folded } = derivedOf(shard);
  let found = folded[id];
  if (!found) folded[id] = found = words(shard.items[id]![0]).map(fold);
  return found;
}

/** The shard's folded words, with the heaviest suggestion holding each: what a finished word is corrected to. */
function vocabularyOf(shard: SuggestionIndex): Map<string, number> {
  const cached = derivedOf(shard);
  if (!cached.vocabulary) {
    const vocabulary = new Map<string, number>();
    // Items are heaviest first: a word keeps the first (heaviest) id that holds it.
    for (let id = 0; id < shard.items.length; id++)
      for (const word of foldedWords(shard, id)) if (!vocabulary.has(word)) vocabulary.set(word, id);
    cached.vocabulary = vocabulary;
  }
  return cached.vocabulary;
}

/** Neighbours tried for each misspelt word, and spellings of the whole query tried at most. */
const NEIGHBOURS = 3;
const SPELLINGS = 9;

/**
 * Spellings of the typed words in which each of the first `finished` that no suggestion of the
 * shard holds is one of its one-edit neighbours there (first letter kept; the first word's key
 * too), the heaviest first; none when every finished word is held.
 */
function respellings(typed: readonly string[], finished: number, vocabulary: Map<string, number>): string[][] {
  let misspelt = false;
  const options = typed.map((word, n) => {
    if (n >= finished || vocabulary.has(word)) return [word];
    misspelt = true;
    const near = editsOf(word)
      .filter((edit) => vocabulary.has(edit) && (n > 0 || suggestKey(edit) === suggestKey(word)))
      .sort((a, b) => vocabulary.get(a)! - vocabulary.get(b)!)
      .slice(0, NEIGHBOURS);
    return near.length > 0 ? near : [word];
  });
  if (!misspelt) return [];
  let spellings: string[][] = [[]];
  for (const choices of options)
    spellings = spellings.flatMap((head) => choices.map((word) => [...head, word])).slice(0, SPELLINGS);
  return spellings;
}

/**
 * At most `limit` suggestions for what is typed in `q`, best first; none until its first word has
 * two letters. When no suggestion holds every typed word, the finished words (each followed by
 * another, or by a space) that the shard lacks are respelt with their one-edit neighbours there,
 * and the spelling that finds the nearest suggestion is taken.
 */
export async function suggest(store: IndexStore, q: string, limit: number): Promise<Suggestion[]> {
  const typed = words(q).map(fold);
  const key = typed.length > 0 ? suggestKey(typed[0]!) : null;
  if (key === null) return [];
  const shard = await store.suggestions(key);
  const found = (query: readonly string[]) =>
    (shard.index.search(query.join(" "), { limit: CANDIDATES, suggest: true }) as number[])
      .map((id) => ({ id, words: foldedWords(shard, id) }))
      .filter((found) => suggestKey(found.words[0]!) === key)
      .map(({ id, words }) => ({ id, distance: distance(query, words) }))
      .sort((a, b) => a.distance - b.distance || a.id - b.id);
  let ranked = found(typed);
  if (!ranked.some(({ distance }) => distance <= 1)) {
    // The spelling whose best suggestion is nearest to it (then heaviest) wins, as typed included.
    const finished = /[\p{L}\p{N}]$/u.test(q) ? typed.length - 1 : typed.length;
    const better = (a: typeof ranked, b: typeof ranked) =>
      a.length > 0 &&
      (b.length === 0 || a[0]!.distance < b[0]!.distance || (a[0]!.distance === b[0]!.distance && a[0]!.id < b[0]!.id));
    for (const spelling of respellings(typed, finished, vocabularyOf(shard))) {
      const respelt = found(spelling);
      if (better(respelt, ranked)) ranked = respelt;
    }
  }
  return ranked.slice(0, limit).map(({ id }) => ({ text: shard.items[id]![0], articles: shard.items[id]![1] }));
}
