// Query suggestions: the phrases of the archive's titles that a reader is likely to be typing,
// served from FlexSearch indexes made at build time. A suggestion is a run of one to three title
// words (`build/suggestions.ts` chooses and weighs them), with the number of articles whose
// title holds it.
//
// The suggestions are split by key: the first two folded letters of their first word. The
// shard of a query's first word holds every suggestion that begins the same way. Each shard is
// a FlexSearch Index ("forward" tokenizer: every prefix of a word finds it; LatinBalance
// encoder: a letter doubled or a vowel missed still matches) exported with its public
// `export`, beside the suggestions its ids number, heaviest first.
//
//   shard   JSON {"items": [[text, articles], ...], "chunks": [[key, data], ...]}
//           item i is FlexSearch id i; `chunks` are `Index.export`'s, read with `Index.import`
import { Charset, Index, type IndexOptions } from "flexsearch";
import { fold } from "../analysis/fold.js";
import { shardOf } from "./hash.js";

/** A suggestion of a shard: its text as titles write it, and how many titles hold it. */
export type SuggestionItem = [text: string, articles: number];

/** A shard as the worker uses it: the FlexSearch index and the suggestions its ids number. */
export interface SuggestionIndex {
  index: Index;
  items: readonly SuggestionItem[];
}

/** Letters of a word that choose its shard: a query is looked up once it has this many. */
export const SUGGEST_KEY_LETTERS = 2;

/**
 * FlexSearch options of a suggestion shard; the build and the worker must use the same. The
 * encoder keeps no cache: FlexSearch clears its encoder cache from a timer, which a worker
 * cancels when the request that set it ends, so the cache would grow with every distinct query.
 */
export function suggestOptions(): IndexOptions {
  return { tokenize: "forward", encoder: { ...Charset.LatinBalance, cache: false }, cache: false, resolution: 1 };
}

/** The shard key of a word: its first two folded letters, or null when it is shorter. */
export function suggestKey(word: string): string | null {
  const folded = fold(word);
  return folded.length < SUGGEST_KEY_LETTERS ? null : folded.slice(0, SUGGEST_KEY_LETTERS);
}

/** The shard, 0 to shards − 1, of a key. */
export function suggestShardOf(key: string, shards: number): number {
  return shards <= 1 ? 0 : shardOf(key, shards);
}

/** One shard's JSON: the suggestions and the FlexSearch index of their texts. */
export function encodeSuggestionShard(items: readonly SuggestionItem[]): string {
  const index = new Index(suggestOptions());
  items.forEach(([text], id) => {
    index.add(id, text);
  });
  const chunks: [string, string][] = [];
  index.export((key, data) => {
    chunks.push([String(key), data]);
  });
  return JSON.stringify({ items, chunks });
}

/**
 * A shard read back from its JSON.
 * @throws Error when the JSON is not a suggestion shard.
 */
export function readSuggestionShard(json: string): SuggestionIndex {
  const { items, chunks } = JSON.parse(json) as { items?: unknown; chunks?: unknown };
  if (!Array.isArray(items) || !Array.isArray(chunks)) throw new Error("not a suggestion shard");
  const index = new Index(suggestOptions());
  for (const [key, data] of chunks as [string, string][]) index.import(key, data);
  return { index, items: items as SuggestionItem[] };
}
