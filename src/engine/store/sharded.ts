// The sharded layout's store: the worker script holds the manifest only, and every other
// artefact is a static asset read on demand through an `AssetReader` (the ASSETS binding in
// production). A query reads the term shards of its words and the card packs of its hits
// (whole articles only to check a phrase, or for the article page). Term shards are fetched
// once per isolate and kept; card packs are kept as read, compressed, so that an isolate soon
// holds an archive's cards and a page of hits reads no file; the cards and articles shown are
// kept one by one. Every cache keeps within its memory budget (least recently used go first).
import {
  packMember,
  decodeMeta,
  CopyTable,
  type CopyIndex,
  decodeEntities,
  type EntityIndex,
  decodeTermShard,
  COMPLETIONS,
  parsePrefixTable,
  readLexicon,
  TABLED_PREFIX,
  checksum,
  expectedChecksum,
  TopCompletions,
  type LexiconShard,
  lexiconShardOf,
  parsePhoneticTable,
  fnv1a,
  IdTable,
  idTableOf,
  readSuggestionShard,
  shardOf,
  suggestShardOf,
  type SuggestionIndex,
  shardPaths,
  type Article,
  type ArticleMeta,
  type HitCard,
  type IndexManifest,
  type Postings,
  type ShardedLayout,
  type TermShard,
} from "../../index-format.js";
import { joined, PromiseCache } from "./promise-cache.js";
import type { IndexStore } from "./store.js";
import { damagedFile, decodedAs, lineOf, unpackText, unpackWithDictionary } from "./unpack.js";

/** Reads one asset file of the index; rejects when it is missing. */
export type AssetReader = (path: string) => Promise<ArrayBuffer>;

/**
 * Memory budgets of the caches, in bytes. An isolate has 128 MB: these, with the dense term
 * views' budget (rank/term-views.ts), cap what the index keeps however many queries an isolate
 * serves, leaving room for the metadata, the scoring buffers and the runtime. Term shards are
 * kept encoded (about a byte a posting), so the largest budget holds most of a large archive's
 * term shards. The posting lists queries used are also kept, each slot decoded as a search first
 * reads it and counted at four bytes a posting whether decoded or not, the most recent first, so
 * a frequent word is not decoded on every query. Card packs are kept as
 * read, compressed (about 20 KB a pack, format/pack.ts): a page's hits are spread over the
 * archive, so only a budget that holds every pack spares a page its reads; 32 MiB holds the
 * 101,400-article archive's 33 MB of packs (docs/scale.md). The hit cards shown, decoded, and
 * articles are kept one by one. Lexicon shards (typo tolerance) are held as text, two bytes a
 * character; suggestion shards as FlexSearch indexes, which 12 MiB holds all of at 101,400
 * articles. Together with the views: 105 MiB.
 */
export const CACHE_BUDGETS = {
  terms: 32 << 20,
  decoded: 4 << 20,
  articles: 2 << 20,
  cardPacks: 32 << 20,
  cards: 2 << 20,
  ids: 2 << 20,
  phonetic: 1 << 20,
  lexicon: 2 << 20,
  suggest: 12 << 20,
};

/**
 * Bytes a posting list takes once every slot is decoded: four a position, plus its arrays. Its
 * slots are decoded as they are read, so it is counted at the most it can take.
 */
function postingsBytes(slots: Postings | null): number {
  return slots ? 64 + 4 * slots.df + 72 * slots.length : 64;
}

/** Bytes a hit card takes in memory, about: its text as UTF-16. */
function cardBytes(card: HitCard): number {
  let chars = card.id.length + card.title.length + (card.url?.length ?? 0) + 64;
  for (const paragraph of card.text) chars += paragraph.length;
  return 2 * chars;
}

/** Bytes an article takes in memory, about: its text as UTF-16. */
function articleBytes(article: Article): number {
  let chars = article.id.length + article.title.length + 64;
  for (const paragraph of article.body) chars += paragraph.length;
  return 2 * chars;
}

/** The copies file opened for lookups; a file or group that cannot be read is a damaged file (503). */
function openCopies(path: string, data: ArrayBuffer): CopyIndex {
  const table = decodedAs(path, () => new CopyTable(data));
  return { of: (position) => decodedAs(path, () => table.of(position)) };
}

/** Candidates judged to verify phrases, at most, in one query (by their cards; see phrase/verify.ts). */
export const VERIFY_BUDGET = 40;
/** Of those, candidates read whole when their cards cannot settle them, at most, in one query. */
export const ARTICLE_CHECKS = 8;

/**
 * Reads asset files and checks each against the manifest's checksum: a file that is missing,
 * unreadable or not the one the build wrote is an unusable index (EngineError naming the file),
 * never decoded. `damaged` holds the files that failed, until one is read whole again.
 */
export function checkedReader(layout: ShardedLayout, read: AssetReader): { read: AssetReader; damaged: Set<string> } {
  const damaged = new Set<string>();
  return {
    damaged,
    read: async (path) => {
      let data: ArrayBuffer;
      try {
        data = await read(path);
      } catch (error) {
        damaged.add(path);
        throw error;
      }
      const expected = expectedChecksum(layout.checksums, path);
      if (expected === undefined || checksum(new Uint8Array(data)) !== expected) {
        damaged.add(path);
        throw damagedFile(path, "it is not the file the build wrote");
      }
      damaged.delete(path);
      return data;
    },
  };
}

/** A member of the pack read from `path`; a pack that lacks it is a damaged deployment. */
function memberOf(path: string, pack: Uint8Array, member: number): Uint8Array {
  return decodedAs(path, () => packMember(pack, member));
}

export function shardedStore(manifest: IndexManifest & { layout: ShardedLayout }, assets: AssetReader): IndexStore {
  const layout = manifest.layout;
  const { read, damaged } = checkedReader(layout, assets);
  const terms = new PromiseCache<number, TermShard>(CACHE_BUDGETS.terms, (shard) => shard.bytes);
  const decoded = new PromiseCache<string, Postings | null>(CACHE_BUDGETS.decoded, postingsBytes);
  const articleCache = new PromiseCache<number, Article>(CACHE_BUDGETS.articles, articleBytes);
  const cardCache = new PromiseCache<number, HitCard>(CACHE_BUDGETS.cards, cardBytes);
  const cardPacks = new PromiseCache<number, Uint8Array>(CACHE_BUDGETS.cardPacks, (data) => data.byteLength);
  /** Article shards being read, by path: concurrent misses of one shard share its read. */
  const fetching = new Map<string, Promise<Uint8Array>>();
  const idTables = new PromiseCache<number, IdTable>(CACHE_BUDGETS.ids, (table) => table.bytes);
  const phonetic = new PromiseCache<number, { table: Map<string, string[]>; bytes: number }>(
    CACHE_BUDGETS.phonetic,
    (shard) => shard.bytes,
  );
  const lexicon = new PromiseCache<number, { shard: LexiconShard; bytes: number }>(
    CACHE_BUDGETS.lexicon,
    (shard) => shard.bytes,
  );
  const lexiconShard = async (shard: number) =>
    (
      await lexicon.get(shard, async () => {
        const lines = await text(shardPaths.lexicon(layout, shard));
        return { shard: readLexicon(lines), bytes: lines.length * 2 };
      })
    ).shard;
  const suggestShards = new PromiseCache<number, { shard: SuggestionIndex; bytes: number }>(
    CACHE_BUDGETS.suggest,
    (shard) => shard.bytes,
  );
  let prefixes: Promise<Map<string, string[]>> | undefined;
  let meta: Promise<ArticleMeta> | undefined;
  let copies: Promise<CopyIndex> | undefined;
  let entities: Promise<EntityIndex> | undefined;
  /** The card shards' preset dictionary, as bytes (encoded on first use). */
  let cardDictionary: Uint8Array | undefined;

  /** The text of the compressed shard at `path`. */
  const text = async (path: string) => unpackText(path, await read(path));
  const termShard = (shard: number) =>
    terms.get(shard, async () => {
      const path = shardPaths.terms(layout, shard);
      const data = await read(path);
      return decodedAs(path, () => decodeTermShard(data, (error) => damagedFile(path, error)));
    });
  /** The term's posting list, or null when the index lacks it; a list its shard cannot give is a damaged file. */
  const postingsOf = async (term: string) => {
    const shard = shardOf(term, layout.termShards);
    const found = await termShard(shard);
    return decodedAs(shardPaths.terms(layout, shard), () => found.postings(term) ?? null);
  };
  /** The article shard at `path` (a pack, one article a member), its read shared by concurrent callers. */
  const articleShard = (path: string) => {
    let pending = fetching.get(path);
    if (!pending) {
      pending = read(path).then((data) => new Uint8Array(data));
      fetching.set(path, pending);
      const done = () => fetching.delete(path);
      pending.then(done, done);
    }
    return joined(pending);
  };

  const cards = async (positions: readonly number[]): Promise<HitCard[]> => {
    // Each card shard a call needs is inflated once, however many of its cards the call takes;
    // only the cards taken are decoded and parsed (a shard is JSON lines, a card a line).
    cardDictionary ??= new TextEncoder().encode(layout.cardDictionary);
    const dictionary = cardDictionary;
    const packOf = (shard: number) => Math.floor(shard / layout.cardShardsPerPack);
    // A card shard's pack named in an error only: a card read makes no path it does not show.
    const damaged = (shard: number, why: unknown) => damagedFile(shardPaths.cards(layout, packOf(shard)), why);
    const inflated = new Map<number, Promise<Uint8Array>>();
    const shardBytes = (shard: number) => {
      let bytes = inflated.get(shard);
      if (!bytes) {
        const pack = packOf(shard);
        const path = shardPaths.cards(layout, pack);
        bytes = cardPacks
          .get(pack, async () => new Uint8Array(await read(path)))
          .then((data) =>
            unpackWithDictionary(path, memberOf(path, data, shard - pack * layout.cardShardsPerPack), dictionary),
          );
        inflated.set(shard, bytes);
      }
      return bytes;
    };
    return Promise.all(
      positions.map((position) =>
        cardCache.get(position, async () => {
          const shard = Math.floor(position / layout.cardsPerShard);
          const line = lineOf(await shardBytes(shard), position - shard * layout.cardsPerShard);
          if (line === undefined) throw damaged(shard, `card shard ${shard} lacks position ${position}`);
          try {
            return JSON.parse(line) as HitCard;
          } catch (error) {
            throw damaged(shard, error);
          }
        }),
      ),
    );
  };

  return {
    manifest,
    verifyBudget: VERIFY_BUDGET,
    articleChecks: ARTICLE_CHECKS,
    damaged: () => [...damaged],
    async postings(list) {
      const found = new Map<string, Postings>();
      await Promise.all(
        list.map(async (term) => {
          const slots = await decoded.get(term, () => postingsOf(term));
          if (slots) found.set(term, slots);
        }),
      );
      return found;
    },
    async frequencies(list) {
      // The terms by lexicon shard: a word's hundreds of typo candidates fall in a few shards,
      // each read (or found held) once and then asked for its terms in one go.
      const byShard = new Map<number, string[]>();
      for (const term of list) {
        const shard = lexiconShardOf(term, layout.lexiconShards);
        if (shard < 0) continue;
        const terms = byShard.get(shard);
        if (terms) terms.push(term);
        else byShard.set(shard, [term]);
      }
      const found = new Map<string, number>();
      await Promise.all(
        [...byShard].map(async ([shard, terms]) => {
          const lexicon = await lexiconShard(shard);
          for (const term of terms) {
            const df = lexicon.frequency(term);
            if (df > 0) found.set(term, df);
          }
        }),
      );
      return found;
    },
    async completions(prefix) {
      if (prefix === "") return [];
      if (prefix.length <= TABLED_PREFIX) {
        prefixes ??= text(shardPaths.prefixes(layout)).then(parsePrefixTable);
        prefixes.catch(() => (prefixes = undefined));
        return (await joined(prefixes)).get(prefix) ?? [];
      }
      // The shards from the prefix's own to the one its last possible term would be in.
      const first = Math.max(0, lexiconShardOf(prefix, layout.lexiconShards));
      const last = lexiconShardOf(`${prefix}\uffff`, layout.lexiconShards);
      const shards = await Promise.all(
        Array.from({ length: Math.max(0, last - first + 1) }, (_, n) => lexiconShard(first + n)),
      );
      const top = new TopCompletions(COMPLETIONS);
      for (const shard of shards) shard.withPrefix(prefix, (term, frequency) => top.offer(term, frequency));
      return top.terms;
    },
    async soundsLike(key) {
      const shard = shardOf(key, layout.phoneticShards);
      const { table } = await phonetic.get(shard, async () => {
        const lines = await text(shardPaths.phonetic(layout, shard));
        return { table: parsePhoneticTable(lines), bytes: lines.length * 2 };
      });
      return table.get(key) ?? [];
    },
    async suggestions(key) {
      const shard = suggestShardOf(key, layout.suggestShards);
      const path = shardPaths.suggest(layout, shard);
      return (
        await suggestShards.get(shard, async () => {
          const json = await text(path);
          // FlexSearch's forward index takes about six times the JSON's size in memory.
          return decodedAs(path, () => ({ shard: readSuggestionShard(json), bytes: json.length * 6 }));
        })
      ).shard;
    },
    meta() {
      meta ??= read(shardPaths.meta(layout)).then(decodeMeta);
      meta.catch(() => (meta = undefined));
      return joined(meta);
    },
    copies() {
      const path = shardPaths.copies(layout);
      copies ??= read(path).then((data) => openCopies(path, data));
      copies.catch(() => (copies = undefined));
      return joined(copies);
    },
    entities() {
      const path = shardPaths.entities(layout);
      entities ??= read(path).then((data) => decodedAs(path, () => decodeEntities(data, manifest.articles)));
      entities.catch(() => (entities = undefined));
      return joined(entities);
    },
    async articles(positions) {
      return Promise.all(
        positions.map((position) =>
          articleCache.get(position, async () => {
            const shard = Math.floor(position / layout.articlesPerShard);
            const path = shardPaths.articles(layout, shard);
            const member = memberOf(path, await articleShard(path), position - shard * layout.articlesPerShard);
            return JSON.parse(unpackText(path, member)) as Article;
          }),
        ),
      );
    },
    cards,
    async position(id) {
      const table = idTableOf(fnv1a(id), layout.idTables);
      const path = shardPaths.ids(layout, table);
      const found = await idTables.get(table, async () => {
        const data = await read(path);
        return decodedAs(path, () => new IdTable(data));
      });
      // Ids that share the id's hash are told apart by their cards, which hold their ids.
      for (const position of found.candidates(id)) {
        if (!(position < manifest.articles))
          throw damagedFile(path, `it places an id at ${position}, past the archive`);
        const [card] = await cards([position]);
        if (card?.id === id) return position;
      }
      return undefined;
    },
  };
}
