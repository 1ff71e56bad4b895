// The suggestions of an archive (see src/format/suggestions.ts): the runs of one to three words
// of its titles that neither begin nor end with a stop word, each with the number of titles
// holding it, and the names of its people, organisations and places, with the articles naming them. A run counts once a title. They are weighed by titles, halved for each
// SUGGESTION_HALF_LIFE_DAYS between their newest title and the archive's newest article, so a
// name in the news now outranks one as frequent years ago; the MAX_SUGGESTIONS heaviest are
// kept, heaviest first, which is the order the worker ranks equal matches in.
import { fold } from "../src/analysis/fold.js";
import { DEFAULT_LANGUAGE, languageRules } from "../src/analysis/languages.js";
import { words } from "../src/analysis/tokenize.js";
import { fnv1a } from "../src/format/hash.js";
import {
  dayNumber,
  encodeSuggestionShard,
  type EntityTable,
  suggestKey,
  suggestShardOf,
  type Article,
  type SuggestionItem,
} from "../src/index-format.js";

/** Longest run of title words suggested. */
export const SUGGESTION_WORDS = 3;
/** Suggestions an index keeps at most: beyond them, phrases are rare and old. */
export const MAX_SUGGESTIONS = 20_000;
/** From this many articles on, a suggestion must be in two titles: a phrase of one headline is noise. */
export const SHARED_FROM_ARTICLES = 1000;
/** Days over which a suggestion's weight halves, counted back from the archive's newest article. */
export const SUGGESTION_HALF_LIFE_DAYS = 365;
/** Suggestions a shard holds, about. */
export const SUGGESTIONS_PER_SHARD = 200;

/** Days since 1970 of a YYYY-MM-DD date, NaN for none. */
const dayOf = (published: string | null) => (published ? dayNumber(published) : Number.NaN);

/** Counters of the sketch that spares a large archive's build from keeping its one-title phrases. */
const SKETCH_SIZE = 1 << 22;

/**
 * Calls `each` with every run of a title (see the header) that counts: its folded key and its
 * text as written. A run counts once a title.
 */
function eachRun(
  { title, language }: Pick<Article, "title" | "language">,
  each: (key: string, start: number, end: number, surface: readonly string[]) => void,
): void {
  const stop = (languageRules(language) ?? languageRules(DEFAULT_LANGUAGE)!).stopWords;
  const surface = words(title);
  const folded = surface.map(fold);
  // A boundary word must say something: not a stop word, not a single letter.
  const bounds = folded.map((word) => word.length > 1 && !stop.has(word));
  const seen = new Set<string>();
  for (let start = 0; start < surface.length; start++) {
    if (!bounds[start]) continue;
    for (let end = start; end < Math.min(surface.length, start + SUGGESTION_WORDS); end++) {
      if (!bounds[end]) continue;
      const key = folded.slice(start, end + 1).join(" ");
      if (seen.has(key)) continue;
      seen.add(key);
      each(key, start, end, surface);
    }
  }
}

/** The runs of an archive's titles as counted, before they are weighed and ranked. */
export interface SuggestionCounts {
  texts: string[];
  counts: number[];
  /** Each run's newest title's day, NaN when undated. */
  days: number[];
  /** Run slot by folded key. */
  slot: Map<string, number>;
  newest: number;
  /** Titles a run must be in to be suggested. */
  least: number;
}

/** Counts the runs of the titles (see the header). */
export function suggestionCounts(
  articles: readonly Pick<Article, "title" | "published" | "language">[],
): SuggestionCounts {
  const least = articles.length >= SHARED_FROM_ARTICLES ? 2 : 1;
  // A large archive's titles hold hundreds of thousands of phrases found once. A first pass
  // counts every phrase in a sketch (saturating counters by hash: a count is never too low),
  // and the second keeps only those the sketch saw in at least two titles.
  let likely = (_key: string) => true;
  if (least > 1) {
    const sketch = new Uint8Array(SKETCH_SIZE);
    for (const article of articles)
      eachRun(article, (key) => {
        const at = fnv1a(key) & (SKETCH_SIZE - 1);
        if (sketch[at]! < 255) sketch[at]! += 1;
      });
    likely = (key) => sketch[fnv1a(key) & (SKETCH_SIZE - 1)]! >= least;
  }
  const slot = new Map<string, number>();
  const texts: string[] = [];
  const counts: number[] = [];
  const days: number[] = [];
  let newest = Number.NaN;
  for (const article of articles) {
    const day = dayOf(article.published);
    if (day > newest || (Number.isNaN(newest) && !Number.isNaN(day))) newest = day;
    eachRun(article, (key, start, end, surface) => {
      if (!likely(key)) return;
      const n = slot.get(key);
      if (n === undefined) {
        slot.set(key, texts.length);
        texts.push(surface.slice(start, end + 1).join(" "));
        counts.push(1);
        days.push(day);
        return;
      }
      counts[n]! += 1;
      // The newest title's spelling: how the archive writes it now.
      if (day > days[n]! || Number.isNaN(days[n]!)) {
        days[n] = day;
        texts[n] = surface.slice(start, end + 1).join(" ");
      }
    });
  }
  return { texts, counts, days, slot, newest, least };
}

/** How many suggestions the counted runs give, before entities join them (what sizes the shards). */
export const suggestedCount = ({ counts, least }: SuggestionCounts) =>
  Math.min(
    MAX_SUGGESTIONS,
    counts.reduce((sum, count) => sum + (count >= least ? 1 : 0), 0),
  );

/**
 * The archive's suggestions, heaviest first (see the header). Named entities (build/entities/)
 * join them: each counted by the articles naming it and dated by the newest, its name taking
 * the place of the same run of title words when it is named more often. The entities are added
 * to `counted` itself: a count is ranked once.
 */
export function suggestionItems(
  articles: readonly Pick<Article, "title" | "published" | "language">[],
  entities?: Pick<EntityTable, "names" | "byArticle">,
  counted: SuggestionCounts = suggestionCounts(articles),
): SuggestionItem[] {
  const { texts, counts, days, slot, newest, least } = counted;
  if (entities) {
    const named = new Uint32Array(entities.names.length);
    const latest = new Float64Array(entities.names.length).fill(Number.NaN);
    entities.byArticle.forEach((ids, position) => {
      const day = ids.length > 0 ? dayOf(articles[position]!.published) : Number.NaN;
      for (const id of ids) {
        named[id]!++;
        if (day > latest[id]! || Number.isNaN(latest[id]!)) latest[id] = day;
      }
    });
    entities.names.forEach((name, id) => {
      const written = words(name);
      const key = written.map(fold).join(" ");
      // A suggestion is found by its first word's key: a name opening with an initial ("J. Smith") has none.
      if (written.length === 0 || suggestKey(written[0]!) === null || named[id]! < least) return;
      const n = slot.get(key);
      if (n === undefined) {
        slot.set(key, texts.length);
        texts.push(name);
        counts.push(named[id]!);
        days.push(latest[id]!);
      } else if (named[id]! > counts[n]!) {
        texts[n] = name;
        counts[n] = named[id]!;
        days[n] = Number.isNaN(days[n]!) || latest[id]! > days[n]! ? latest[id]! : days[n]!;
      }
    });
  }
  const weight = (n: number) =>
    counts[n]! * (Number.isNaN(days[n]!) ? 1 : 0.5 ** ((newest - days[n]!) / SUGGESTION_HALF_LIFE_DAYS));
  const kept = counts.flatMap((count, n) => (count >= least ? [n] : []));
  const weights = new Float64Array(texts.length);
  for (const n of kept) weights[n] = weight(n);
  kept.sort((a, b) => weights[b]! - weights[a]! || (texts[a]! < texts[b]! ? -1 : texts[a]! > texts[b]! ? 1 : 0));
  return kept.slice(0, MAX_SUGGESTIONS).map((n) => [texts[n]!, counts[n]!]);
}

/** How many shards this many suggestions take: one for a small archive (and for the bundle). */
export function suggestionShardCount(items: number): number {
  return Math.max(1, Math.ceil(items / SUGGESTIONS_PER_SHARD));
}

/** The shards' JSON, by shard number: each suggestion in the shard of its first word's key, heaviest first. */
export function suggestionShards(items: readonly SuggestionItem[], shards: number): string[] {
  const byShard: SuggestionItem[][] = Array.from({ length: shards }, () => []);
  for (const item of items) {
    // Every suggestion's first word has a key: it is at least two letters long (see eachRun).
    const key = suggestKey(words(item[0])[0]!)!;
    byShard[suggestShardOf(key, shards)]!.push(item);
  }
  return byShard.map(encodeSuggestionShard);
}
