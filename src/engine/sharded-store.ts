// The sharded layout's store: the worker script holds the manifest only, and every other
// artefact is a static asset read on demand through an `AssetReader` (the ASSETS binding in
// production). A query reads the term shards of its words and the article shards of its
// hits; each shard is fetched once per isolate and kept while it fits a memory budget.
import {
  decodeMeta,
  decodeTermShard,
  lexiconReader,
  parsePhoneticTable,
  shardOf,
  shardPaths,
  type Article,
  type ArticleMeta,
  type IndexManifest,
  type Postings,
  type ShardedLayout,
  type TermShard,
} from "../index-format.js";
import { PromiseCache } from "./promise-cache.js";
import type { IndexStore } from "./store.js";

/** Reads one asset file of the index; rejects when it is missing. */
export type AssetReader = (path: string) => Promise<ArrayBuffer>;

/**
 * Memory budgets of the shard caches, in bytes. An isolate has 128 MB; these keep the index's
 * share near 40 MB however many queries it serves (the lexicon and metadata come on top).
 */
export const CACHE_BUDGETS = { terms: 20 << 20, articles: 16 << 20, ids: 2 << 20, phonetic: 1 << 20 };

/** Article shards read to verify phrases, at most, in one query. */
export const VERIFY_BUDGET = 200;

const text = (buffer: ArrayBuffer) => new TextDecoder().decode(buffer);

export function shardedStore(manifest: IndexManifest & { layout: ShardedLayout }, read: AssetReader): IndexStore {
  const layout = manifest.layout;
  const terms = new PromiseCache<number, TermShard>(CACHE_BUDGETS.terms, (shard) => shard.bytes);
  const articleShards = new PromiseCache<number, { articles: Article[]; bytes: number }>(CACHE_BUDGETS.articles, (shard) => shard.bytes);
  const ids = new PromiseCache<number, { positions: Record<string, number>; bytes: number }>(CACHE_BUDGETS.ids, (shard) => shard.bytes);
  const phonetic = new PromiseCache<number, { table: Map<string, string[]>; bytes: number }>(CACHE_BUDGETS.phonetic, (shard) => shard.bytes);
  let lexicon: Promise<(term: string) => number> | undefined;
  let meta: Promise<ArticleMeta> | undefined;

  const termShard = (shard: number) => terms.get(shard, async () => decodeTermShard(await read(shardPaths.terms(layout, shard))));
  const articleShard = (shard: number) =>
    articleShards.get(shard, async () => {
      const buffer = await read(shardPaths.articles(layout, shard));
      return { articles: JSON.parse(text(buffer)) as Article[], bytes: buffer.byteLength * 2 };
    });

  return {
    manifest,
    verifyBudget: VERIFY_BUDGET,
    async postings(list) {
      const found = new Map<string, Postings>();
      await Promise.all(
        list.map(async (term) => {
          const slots = (await termShard(shardOf(term, layout.termShards))).postings(term);
          if (slots) found.set(term, slots);
        }),
      );
      return found;
    },
    vocabulary() {
      lexicon ??= read(shardPaths.lexicon(layout)).then((buffer) => lexiconReader(text(buffer)));
      lexicon.catch(() => (lexicon = undefined));
      return lexicon;
    },
    async soundsLike(key) {
      const shard = shardOf(key, layout.phoneticShards);
      const { table } = await phonetic.get(shard, async () => {
        const buffer = await read(shardPaths.phonetic(layout, shard));
        return { table: parsePhoneticTable(text(buffer)), bytes: buffer.byteLength * 2 };
      });
      return table.get(key) ?? [];
    },
    meta() {
      meta ??= read(shardPaths.meta(layout)).then(decodeMeta);
      meta.catch(() => (meta = undefined));
      return meta;
    },
    async articles(positions) {
      return Promise.all(
        positions.map(async (position) => {
          const shard = Math.floor(position / layout.articlesPerShard);
          return (await articleShard(shard)).articles[position - shard * layout.articlesPerShard]!;
        }),
      );
    },
    async position(id) {
      const shard = shardOf(id, layout.idShards);
      const { positions } = await ids.get(shard, async () => {
        const buffer = await read(shardPaths.ids(layout, shard));
        return { positions: JSON.parse(text(buffer)) as Record<string, number>, bytes: buffer.byteLength * 2 };
      });
      return Object.hasOwn(positions, id) ? positions[id] : undefined;
    },
  };
}
