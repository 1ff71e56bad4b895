// The sharded layout's asset files: term shards (posting lists partitioned by term hash),
// article shards and card packs (consecutive positions), id tables (id hash → position), phonetic
// shards (by key hash), the metadata file and the lexicon shards (runs of sorted terms). Shard counts follow the corpus
// size, so a query reads tens of kilobytes a shard and the files stay within Workers limits.
import {
  cardOf,
  checksum,
  encodePack,
  encodeLexicon,
  encodePrefixTable,
  noChecksums,
  recordChecksum,
  encodeMeta,
  encodeCopies,
  type CopyGroups,
  encodeIdTables,
  idTableCount,
  encodeTermShard,
  shardOf,
  shardPaths,
  splitLexicon,
  type Article,
  type SlotLists,
  type ShardedLayout,
} from "../src/index-format.js";
import { deflateRawSync, gzipSync } from "node:zlib";
import type { Inverted } from "./postings.js";

/** Asset files by path (relative to the assets directory); null keeps the file a previous build wrote. */
export type ShardFiles = Map<string, Uint8Array | null>;

/** Where the asset files go as they are made, so a large index never sits in memory whole. */
export interface AssetSink {
  /**
   * Takes the file at `path` (relative to the assets directory); null keeps the one a previous
   * build wrote, whose bytes it returns (for its checksum).
   */
  put(path: string, data: Uint8Array | null): Uint8Array | undefined;
}

/** How the build cache spares unchanged article shards. */
export interface ShardReuse {
  /** A signature of the articles at these positions (what decides the shard's bytes). */
  signature(start: number, end: number): string;
  /** Whether the file at `path` was written with this signature and is still there. */
  unchanged(path: string, signature: string): boolean;
}

/** Target sizes of one shard, in bytes: small enough that a query reads little, large enough to keep the file count down. */
export const SHARD_TARGETS = {
  terms: 32 << 10,
  /** Whole articles (the article page, phrase checks) are read one at a time, so their shards may be larger. */
  articles: 64 << 10,
  /**
   * Cards a pack holds, as raw JSON (deflate with the card dictionary takes it to about a
   * third): an isolate reads each pack once and keeps it, so packs are large enough to be few
   * (some 1,600 at 101,400 articles), and small enough that a cold query, reading a pack for
   * each hit, reads about 200 KB of them.
   */
  cardPacks: 48 << 10,
  phonetic: 16 << 10,
  lexicon: 16 << 10,
};
/** Postings inverted at once: what bounds the memory of writing the term shards. */
export const POSTINGS_PER_PASS = 4_000_000;
/** Asset files a sharded index may take: Workers allow 20,000, and the rest is left for the worker's own. */
export const MAX_INDEX_FILES = 19_000;
/** Where the index's files go under the assets directory. */
export const INDEX_ROOT = "/index";

/** A text shard's file: its UTF-8, gzip-compressed (see `shardPaths`). */
const packed = (text: string) => new Uint8Array(gzipSync(text, { level: 9 }));

/**
 * Bytes of card JSON lines that make the card shards' preset dictionary. A page of hits
 * inflates one card shard a hit, so a shard holds one card, inflated alone. Alone, a card
 * would compress poorly; with the dictionary, which holds the keys, the sources' names and the
 * common words of cards, it compresses about as well as many cards together. Half of zlib's
 * 32 KiB window leaves the rest of it to the card itself.
 */
export const CARD_DICTIONARY_BYTES = 16 << 10;

/**
 * The card dictionary: the cards of the first positions, whole, up to CARD_DICTIONARY_BYTES.
 * The first positions rarely change between builds, and with them the dictionary: a card
 * pack the build cache keeps is one deflated with the same dictionary (its signature holds
 * the dictionary's checksum).
 */
export function cardDictionary(articles: readonly Article[]): string {
  const lines: string[] = [];
  let bytes = 0;
  for (const article of articles) {
    const line = `${JSON.stringify(cardOf(article))}\n`;
    bytes += Buffer.byteLength(line);
    if (bytes > CARD_DICTIONARY_BYTES) break;
    lines.push(line);
  }
  return lines.join("");
}
const shards = (bytes: number, target: number) => Math.max(1, Math.ceil(bytes / target));

function groupBy<T>(items: Iterable<T>, count: number, shard: (item: T) => number): T[][] {
  const groups = Array.from({ length: count }, () => [] as T[]);
  for (const item of items) groups[shard(item)]!.push(item);
  return groups;
}

/** Workers' static-asset limit on one file. */
export const MAX_ASSET_BYTES = 25 << 20;

/** Refuses a file Workers would refuse to deploy, saying what is over. */
function checkSize(path: string, data: Uint8Array | null): void {
  if (data && data.length > MAX_ASSET_BYTES)
    throw new Error(`${path} is ${data.length} bytes, over Workers' 25 MiB limit on an asset file`);
}

/** Refuses a layout with more files than Workers would deploy. */
function checkCount(files: number): void {
  if (files > MAX_INDEX_FILES)
    throw new Error(
      `the sharded index needs ${files} files, over the ${MAX_INDEX_FILES} newsfind leaves itself of Workers' 20,000 asset files`,
    );
}

export interface ShardInput {
  articles: readonly Article[];
  /** The groups of copies (build/copies.ts), kept with the metadata. */
  copies: CopyGroups;
  /** The named entities' file (`encodeEntities`), asked for last: they are found while the rest is written. */
  entities: () => Uint8Array;
  dictionary: readonly string[];
  /** Every term's document frequency, by term number. */
  documentFrequency: Int32Array;
  /** Inverts the postings of the terms `include` marks (see postings.ts). */
  invert: (include: Uint8Array) => Inverted;
  /** Postings inverted at once. Default: POSTINGS_PER_PASS. */
  postingsPerPass?: number;
  phonetic: readonly string[];
  /** How many suggestion shards there are. */
  suggestShards: number;
  /** The suggestion shards' JSON, by shard number (`suggestionShards`), asked for last: named entities join them. */
  suggestions: (shards: number) => readonly string[];
  progress: (phase: string, done: number, total: number) => void;
  /** The article store's size in bytes, about (what sizes the article shards). */
  storeBytes: number;
  /** The hit cards' size in bytes, about (what sizes the card shards). */
  cardBytes: number;
  reuse?: ShardReuse;
  /** Where the files go, one by one. */
  sink: AssetSink;
}

export interface Sharded {
  layout: ShardedLayout;
  /** Each article shard's signature, by path (for the build cache). */
  signatures: Map<string, string>;
}

export function shardFiles({
  articles,
  copies,
  entities,
  dictionary,
  documentFrequency: df,
  invert,
  postingsPerPass = POSTINGS_PER_PASS,
  phonetic,
  suggestShards,
  suggestions,
  progress,
  storeBytes,
  cardBytes,
  reuse,
  sink,
}: ShardInput): Sharded {
  let count = 0;
  const checksums = noChecksums();
  const files = {
    set(path: string, data: Uint8Array | null) {
      checkSize(path, data);
      checkCount(++count);
      const kept = sink.put(path, data);
      const bytes = data ?? kept;
      if (!bytes) throw new Error(`the asset sink kept ${path} without giving its bytes for the checksum`);
      recordChecksum(checksums, path, bytes);
    },
  };
  let postingsBytes = 0;
  dictionary.forEach((term, n) => {
    postingsBytes += df[n]! > 0 ? term.length + 4 + 1.2 * df[n]! : 0;
  });
  const termShards = Math.min(4096, shards(postingsBytes, SHARD_TARGETS.terms));
  const idTables = idTableCount(articles.length);
  const phoneticShards = shards(
    phonetic.reduce((sum, line) => sum + line.length + 1, 0),
    SHARD_TARGETS.phonetic,
  );
  const used = [...dictionary.keys()].filter((n) => df[n]! > 0);
  const documentFrequency = new Map<string, number>();
  for (const n of used) documentFrequency.set(dictionary[n]!, df[n]!);
  const lexicon = splitLexicon(encodeLexicon(documentFrequency), SHARD_TARGETS.lexicon);
  // Card shards and packs take their target sizes (packs are few); article shards take the rest
  // of the room, growing larger when it is short.
  // The single files: meta, prefixes, copies and entities.
  const room = MAX_INDEX_FILES - termShards - idTables - phoneticShards - lexicon.length - suggestShards - 4;
  const perShard = (bytes: number, target: number) =>
    Math.max(1, Math.floor(target / (bytes / Math.max(1, articles.length))));
  // One card a shard (CARD_DICTIONARY_BYTES says why).
  const cardsPerShard = 1;
  const cardShards = Math.max(1, articles.length);
  const cardShardsPerPack = perShard(cardBytes, SHARD_TARGETS.cardPacks);
  const cardPacks = Math.ceil(cardShards / cardShardsPerPack);
  const articlesPerShard = Math.max(
    perShard(storeBytes, SHARD_TARGETS.articles),
    Math.ceil(articles.length / Math.max(1, room - cardPacks)),
  );
  const layout: ShardedLayout = {
    kind: "sharded",
    root: INDEX_ROOT,
    termShards,
    articlesPerShard,
    articleShards: Math.max(1, Math.ceil(articles.length / articlesPerShard)),
    cardsPerShard,
    cardShards,
    cardShardsPerPack,
    cardPacks,
    cardDictionary: cardDictionary(articles),
    idTables,
    phoneticShards,
    lexiconShards: lexicon.map((shard) => shard.first),
    suggestShards,
    checksums,
  };

  const byShard = groupBy(used, termShards, (n) => shardOf(dictionary[n]!, termShards));
  // The postings are inverted a group of term shards at a time, each group's postings in memory
  // only while its shards are encoded.
  let postings = 0;
  for (const n of used) postings += df[n]!;
  const passes = Math.max(1, Math.ceil(postings / postingsPerPass));
  for (let pass = 0; pass < passes; pass++) {
    const include = new Uint8Array(dictionary.length);
    for (let shard = pass; shard < termShards; shard += passes) for (const n of byShard[shard]!) include[n] = 1;
    const inverted = invert(include);
    for (let shard = pass; shard < termShards; shard += passes) {
      if (shard % 64 === 0) progress("term shards", shard, termShards);
      const terms = byShard[shard]!;
      // In term order, so a cached build (another numbering) writes the same bytes as a fresh one.
      terms.sort((a, b) => (dictionary[a]! < dictionary[b]! ? -1 : 1));
      const entries = terms.map((n): [string, SlotLists] => [dictionary[n]!, inverted.postings(n)]);
      files.set(shardPaths.terms(layout, shard), encodeTermShard(entries));
    }
  }
  progress("term shards", termShards, termShards);
  const signatures = new Map<string, string>();
  /**
   * Writes files of `perShard` consecutive articles each, their bytes made by `encode`; a file
   * whose articles did not change (the build cache's signature) is kept as it is on disk.
   */
  const positional = (
    phase: string,
    count: number,
    perShard: number,
    pathOf: (shard: number) => string,
    encode: (slice: readonly Article[]) => Uint8Array,
    salt = "",
  ) => {
    for (let shard = 0; shard < count; shard++) {
      if (shard % 500 === 0) progress(phase, shard, count);
      const path = pathOf(shard);
      const [start, end] = [shard * perShard, Math.min(articles.length, (shard + 1) * perShard)];
      const signed = reuse?.signature(start, end);
      const signature = signed === undefined ? undefined : signed + salt;
      if (signature !== undefined) signatures.set(path, signature);
      if (signature !== undefined && reuse!.unchanged(path, signature)) files.set(path, null);
      else files.set(path, encode(articles.slice(start, end)));
    }
    progress(phase, count, count);
  };
  positional(
    "article shards",
    layout.articleShards,
    articlesPerShard,
    (shard) => shardPaths.articles(layout, shard),
    (slice) => encodePack(slice.map((article) => packed(JSON.stringify(article)))),
  );
  const preset = new TextEncoder().encode(layout.cardDictionary);
  positional(
    "card packs",
    cardPacks,
    cardShardsPerPack,
    (pack) => shardPaths.cards(layout, pack),
    (slice) =>
      encodePack(
        slice.map(
          (article) =>
            new Uint8Array(deflateRawSync(JSON.stringify(cardOf(article)), { level: 9, dictionary: preset })),
        ),
      ),
    `:${checksum(preset).toString(36)}`,
  );
  const tables = encodeIdTables(
    articles.map((article) => article.id),
    idTables,
  );
  for (const [n, table] of tables.entries()) files.set(shardPaths.ids(layout, n), table);
  groupBy(phonetic, phoneticShards, (line) => shardOf(line.slice(0, line.indexOf(" ")), phoneticShards)).forEach(
    (lines, shard) => {
      files.set(shardPaths.phonetic(layout, shard), packed(lines.join("\n")));
    },
  );
  files.set(shardPaths.meta(layout), encodeMeta(articles));
  files.set(shardPaths.copies(layout), encodeCopies(copies));
  files.set(shardPaths.entities(layout), entities());
  lexicon.forEach((shard, n) => {
    files.set(shardPaths.lexicon(layout, n), packed(shard.text));
  });
  files.set(shardPaths.prefixes(layout), packed(encodePrefixTable(documentFrequency)));
  suggestions(suggestShards).forEach((json, shard) => {
    files.set(shardPaths.suggest(layout, shard), packed(json));
  });
  return { layout, signatures };
}
