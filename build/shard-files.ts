// The sharded layout's asset files: term shards (posting lists partitioned by term hash),
// article shards (consecutive positions), id shards (id → position, by id hash), phonetic
// shards (by key hash), the metadata file and the lexicon. Shard counts follow the corpus
// size, so a query reads tens of kilobytes a shard and the files stay within Workers limits.
import {
  encodeLexicon,
  encodeMeta,
  encodeTermShard,
  shardOf,
  shardPaths,
  type Article,
  type Postings,
  type ShardedLayout,
} from "../src/index-format.js";
import type { Inverted } from "./postings.js";

/** Asset files by path (relative to the assets directory). */
export type ShardFiles = Map<string, Uint8Array>;

/** Target sizes of one shard, in bytes: small enough that a query reads little, large enough to keep the file count down. */
export const SHARD_TARGETS = { terms: 64 << 10, articles: 32 << 10, ids: 32 << 10, phonetic: 16 << 10 };
/** Asset files a sharded index may take: Workers allow 20,000, and the rest is left for the worker's own. */
export const MAX_INDEX_FILES = 19_000;
/** Where the index's files go under the assets directory. */
export const INDEX_ROOT = "/index";

const bytesOf = (text: string) => new Uint8Array(Buffer.from(text, "utf8"));
const shards = (bytes: number, target: number) => Math.max(1, Math.ceil(bytes / target));

function groupBy<T>(items: Iterable<T>, count: number, shard: (item: T) => number): T[][] {
  const groups = Array.from({ length: count }, () => [] as T[]);
  for (const item of items) groups[shard(item)]!.push(item);
  return groups;
}

export interface ShardInput {
  articles: readonly Article[];
  dictionary: readonly string[];
  inverted: Inverted;
  phonetic: readonly string[];
  progress: (phase: string, done: number, total: number) => void;
}

export function shardFiles({ articles, dictionary, inverted, phonetic, progress }: ShardInput): { layout: ShardedLayout; files: ShardFiles } {
  const files: ShardFiles = new Map();
  let postingsBytes = 0;
  dictionary.forEach((term, n) => (postingsBytes += term.length + 4 + 1.2 * inverted.documentFrequency[n]!));
  const articleJson = articles.map((article) => JSON.stringify(article));
  const storeBytes = articleJson.reduce((sum, json) => sum + json.length + 1, 0);
  const idBytes = articles.reduce((sum, article) => sum + article.id.length + 12, 0);
  const termShards = Math.min(4096, shards(postingsBytes, SHARD_TARGETS.terms));
  const idShards = shards(idBytes, SHARD_TARGETS.ids);
  const phoneticShards = shards(phonetic.reduce((sum, line) => sum + line.length + 1, 0), SHARD_TARGETS.phonetic);
  const room = MAX_INDEX_FILES - termShards - idShards - phoneticShards - 2;
  const averageArticle = storeBytes / Math.max(1, articles.length);
  let articlesPerShard = Math.max(1, Math.floor(SHARD_TARGETS.articles / averageArticle));
  articlesPerShard = Math.max(articlesPerShard, Math.ceil(articles.length / room));
  const layout: ShardedLayout = {
    kind: "sharded",
    root: INDEX_ROOT,
    termShards,
    articlesPerShard,
    articleShards: Math.max(1, Math.ceil(articles.length / articlesPerShard)),
    idShards,
    phoneticShards,
  };

  const byShard = groupBy(dictionary.keys(), termShards, (n) => shardOf(dictionary[n]!, termShards));
  byShard.forEach((terms, shard) => {
    if (shard % 64 === 0) progress("term shards", shard, termShards);
    const entries = terms.map((n): [string, Postings] => [dictionary[n]!, inverted.postings(n)]);
    files.set(shardPaths.terms(layout, shard), encodeTermShard(entries));
  });
  progress("term shards", termShards, termShards);
  for (let shard = 0; shard < layout.articleShards; shard++) {
    if (shard % 500 === 0) progress("article shards", shard, layout.articleShards);
    const slice = articleJson.slice(shard * articlesPerShard, (shard + 1) * articlesPerShard);
    files.set(shardPaths.articles(layout, shard), bytesOf(`[${slice.join(",")}]`));
  }
  progress("article shards", layout.articleShards, layout.articleShards);
  groupBy(articles.keys(), idShards, (position) => shardOf(articles[position]!.id, idShards)).forEach((positions, shard) => {
    files.set(shardPaths.ids(layout, shard), bytesOf(JSON.stringify(Object.fromEntries(positions.map((position) => [articles[position]!.id, position])))));
  });
  groupBy(phonetic, phoneticShards, (line) => shardOf(line.slice(0, line.indexOf(" ")), phoneticShards)).forEach((lines, shard) => {
    files.set(shardPaths.phonetic(layout, shard), bytesOf(lines.join("\n")));
  });
  files.set(shardPaths.meta(layout), encodeMeta(articles));
  const documentFrequency = new Map<string, number>();
  dictionary.forEach((term, n) => documentFrequency.set(term, inverted.documentFrequency[n]!));
  files.set(shardPaths.lexicon(layout), bytesOf(encodeLexicon(documentFrequency)));
  return { layout, files };
}
