// The index format: the one contract between the build (writer) and the worker (reader).
// Version, artefact names, fields, ranking constants, the text analyzer and the FlexSearch
// options live here (or are re-exported from here), so both sides index and query alike.
import { Encoder, type IndexOptions } from "flexsearch";
import { ALIAS_GROUPS } from "./analysis/aliases.js";
import { LANGUAGES } from "./analysis/languages.js";
import { BM25, INDEXED_FIELDS, type IndexedField } from "./format/ranking.js";
import { RANKING, rankingProblem, type RankingConstants } from "./format/ranking-config.js";
import type { Checksums } from "./format/checksum.js";

export { analyze, analyzeLetters, analyzeWord } from "./analysis/analyze.js";
export { DEFAULT_LANGUAGE, LANGUAGES } from "./analysis/languages.js";
export { phoneticKey } from "./analysis/phonetic.js";
export {
  decodeTermShard,
  encodeTermShard,
  type Postings,
  type SlotLists,
  slotPostings,
  type TermShard,
} from "./format/term-shard.js";
export { encodeIdTables, IdTable, IDS_PER_TABLE, idTableCount, idTableOf } from "./format/id-table.js";
export { articleMeta, dayNumber, decodeMeta, encodeMeta, type ArticleMeta } from "./format/meta.js";
export { copyIndex, CopyTable, encodeCopies, type CopyGroups, type CopyIndex } from "./format/copies.js";
export {
  decodeEntities,
  encodeEntities,
  ENTITY_KINDS,
  type EntityIndex,
  type EntityKind,
  type EntityTable,
} from "./format/entities.js";
export { fnv1a, shardOf } from "./format/hash.js";
export { CARD_TEXT_CHARS, cardOf, leadText, type HitCard } from "./format/hit-card.js";
export { packMember, encodePack } from "./format/pack.js";
export { encodeLexicon, lexiconShardOf, readLexicon, splitLexicon, type LexiconShard } from "./format/lexicon.js";
export {
  COMPLETIONS,
  encodePrefixTable,
  parsePrefixTable,
  TABLED_PREFIX,
  TopCompletions,
} from "./format/completions.js";
export { parsePhoneticTable } from "./format/phonetic-table.js";
export {
  encodeSuggestionShard,
  readSuggestionShard,
  SUGGEST_KEY_LETTERS,
  suggestKey,
  suggestOptions,
  suggestShardOf,
  type SuggestionIndex,
  type SuggestionItem,
} from "./format/suggestions.js";
export {
  checksum,
  expectedChecksum,
  noChecksums,
  recordChecksum,
  type Checksums,
} from "./format/checksum.js";
export { BM25, FIELD_WEIGHTS, INDEXED_FIELDS, LEAD_BONUS, type IndexedField } from "./format/ranking.js";
export { RANKING, rankingProblem, type RankingConstants } from "./format/ranking-config.js";

/** Bump whenever the shape of the artefacts or the meaning of the index changes. */
export const INDEX_FORMAT_VERSION = 22;

/** Where `npm run build` writes the artefacts by default (relative to the project root). */
export const DEFAULT_OUT_DIR = "dist/index";
/** The generated ES module holding the artefacts as string literals (no JSON import). */
export const ARTEFACT_MODULE = "artefacts.js";
/** The build report, as JSON, beside the artefacts. */
export const REPORT_FILE = "build-report.json";

/**
 * What a format may know of an article besides its text, each left out when the source does not
 * say: the build keeps them in the article store and `/articles/:id` serves them.
 */
export interface ArticleDetails {
  /** Publication instant, ISO 8601 with the source's own offset, when the source gives a time and zone. */
  publishedTime?: string | null;
  /** Last modification date as YYYY-MM-DD, kept apart from publication. */
  modified?: string | null;
  /** The author or authors as the source credits them ("Jane Doe and John Roe"). */
  byline?: string | null;
  /** The section or category the newsroom filed it under ("Politics"). */
  section?: string | null;
  /** Keywords or tags, in the source's order. */
  keywords?: string[];
  /** The language the source declares (lower-case ISO 639-1, "de"); the build detects it when absent. */
  language?: string | null;
  /** When a crawler captured the page (WARC-Date), ISO 8601: never taken for publication. */
  crawled?: string | null;
  /** True when only a feed's summary was available, not the full text. */
  summaryOnly?: boolean;
  /** True when the body was cut at the build's limit on article length. */
  truncated?: boolean;
}

/** The names of an article's details, in the order the article store writes them. */
export const DETAIL_KEYS = [
  "publishedTime",
  "modified",
  "byline",
  "section",
  "keywords",
  "language",
  "crawled",
  "summaryOnly",
  "truncated",
] as const satisfies readonly (keyof ArticleDetails)[];

/** A clean article, as the build writes it and the worker serves it. */
export interface Article extends ArticleDetails {
  id: string;
  title: string;
  source: string | null;
  /** Publication date as YYYY-MM-DD, or null when the text gives none. */
  published: string | null;
  url: string | null;
  body: string[];
}

/** A fingerprint of the alias table: an index built with another table must be rebuilt. */
function aliasFingerprint(): string {
  let hash = 0;
  for (const char of ALIAS_GROUPS.map((group) => group.join(",")).join(";"))
    hash = (Math.imul(hash, 31) + char.charCodeAt(0)) | 0;
  return (hash >>> 0).toString(36);
}

/** What every index is built with; `fields` is the one part the build may choose. */
export interface IndexConfig extends RankingConstants {
  fields: IndexedField[];
  analyzer: string;
}

/** The configuration an index is built with: its fields, ranking constants and analyzer. */
export function indexConfig(fields: readonly IndexedField[] = INDEXED_FIELDS, ranking = RANKING): IndexConfig {
  return {
    fields: [...fields],
    weights: ranking.weights,
    leadBonus: ranking.leadBonus,
    bm25: ranking.bm25,
    analyzer: `en-porter,${[...LANGUAGES.keys()].filter((code) => code !== "en").join(",")}-snowball;stopword;aliases-${aliasFingerprint()}`,
  };
}

/**
 * FlexSearch Index options; called by the build and the worker alike. The content FlexSearch
 * sees is already analyzed (`analyze`), one term per space, so its encoder only splits. The
 * build passes `score`, which places each term in its impact slot; the reader never adds.
 */
export function flexOptions(score?: IndexOptions["score"]): IndexOptions {
  return {
    tokenize: "strict",
    resolution: BM25.levels,
    cache: false,
    encoder: new Encoder({ normalize: false, numeric: false, dedupe: false, split: " ", cache: false }),
    ...(score ? { score } : {}),
  };
}

/**
 * How the index is laid out.
 * - bundle: everything in the artefact module, inside the worker script (small corpora: no
 *   fetch at all on a cold start).
 * - sharded: the artefact module holds the manifest only; the rest are static asset files under
 *   `root`, read through the worker's ASSETS binding on demand (see `shardPaths`).
 */
export type IndexLayout = { kind: "bundle" } | ShardedLayout;

export interface ShardedLayout {
  kind: "sharded";
  /** Asset path prefix of the index's files ("/index", where the build writes them). */
  root: string;
  /** Term shards: a term's posting list is in shard `shardOf(term, termShards)`. */
  termShards: number;
  /** Article shards hold `articlesPerShard` consecutive articles by position. */
  articlesPerShard: number;
  articleShards: number;
  /**
   * Card shards hold the hit cards (`HitCard`) of `cardsPerShard` consecutive articles by
   * position, as JSON lines, raw-deflated with `cardDictionary` as the preset dictionary.
   */
  cardsPerShard: number;
  cardShards: number;
  /** Card packs hold `cardShardsPerPack` consecutive card shards each (`encodePack`). */
  cardShardsPerPack: number;
  cardPacks: number;
  /** The preset dictionary of every card shard: the JSON lines of some cards (see `cardDictionary`). */
  cardDictionary: string;
  /** Id tables map article ids to positions: an id is in table `idTableOf(fnv1a(id), idTables)` (`src/format/id-table.ts`). */
  idTables: number;
  /** Phonetic shards: a key's terms are in shard `shardOf(key, phoneticShards)`. */
  phoneticShards: number;
  /** The first term of each lexicon shard, in order: a term is in shard `lexiconShardOf(term, lexiconShards)`. */
  lexiconShards: string[];
  /** Suggestion shards: the suggestions with a word whose key is k are in shard `suggestShardOf(k, suggestShards)`. */
  suggestShards: number;
  /** Every asset file's checksum, checked as the file is read (`src/format/checksum.ts`). */
  checksums: Checksums;
}

/**
 * The asset files of a sharded index, relative to the assets directory. The text shards (JSON and
 * line lists, the `.gz` ones) are gzip-compressed: a query reads about a third of the bytes and
 * the deployment uploads a third. Term shards and the metadata are compact binary and stay raw.
 */
export const shardPaths = {
  terms: (layout: ShardedLayout, shard: number) => `${layout.root}/terms/${shard}.bin`,
  /** A pack (`encodePack`) of articles by position, each member a gzip-compressed JSON `Article`. */
  articles: (layout: ShardedLayout, shard: number) => `${layout.root}/articles/${shard}.bin`,
  /**
   * A card pack (`encodePack`): its members are card shards, each JSON lines raw-deflated with
   * the layout's `cardDictionary`, a `HitCard` a line, by position. What a result page reads.
   */
  cards: (layout: ShardedLayout, pack: number) => `${layout.root}/cards/${pack}.bin`,
  /** An id table (`encodeIdTables`): the hashes of ids, then their positions. */
  ids: (layout: ShardedLayout, table: number) => `${layout.root}/ids/${table}.bin`,
  phonetic: (layout: ShardedLayout, shard: number) => `${layout.root}/phonetic/${shard}.txt.gz`,
  /** Publication days and sources of every article, for filters and date sorts (`encodeMeta`). */
  meta: (layout: ShardedLayout) => `${layout.root}/meta.bin`,
  /** The groups of copies of one story (`encodeCopies`), read by searches that collapse them. */
  copies: (layout: ShardedLayout) => `${layout.root}/copies.bin`,
  /** The named entities and each article's (`encodeEntities`), read by entity filters and counts. */
  entities: (layout: ShardedLayout) => `${layout.root}/entities.bin`,
  /** Index terms with their document frequencies, `term df` a line, sorted, cut by term: typo tolerance reads them. */
  lexicon: (layout: ShardedLayout, shard: number) => `${layout.root}/lexicon/${shard}.txt.gz`,
  /** The completions of every prefix of one or two characters (`encodePrefixTable`). */
  prefixes: (layout: ShardedLayout) => `${layout.root}/prefixes.txt.gz`,
  /** A suggestion shard (`encodeSuggestionShard`): suggestions and their FlexSearch index. */
  suggest: (layout: ShardedLayout, shard: number) => `${layout.root}/suggest/${shard}.json.gz`,
};

/** Written first in the artefact module and checked before anything else is read. */
export interface IndexManifest {
  formatVersion: number;
  config: IndexConfig;
  builtAt: string;
  articles: number;
  /** Mean BM25F length of the indexed articles, in weighted terms (what the impacts were built with). */
  averageLength: number;
  /**
   * The languages of the indexed articles (ISO 639-1), most articles first: a query word is
   * analysed in each, and matches any of the terms it gives.
   */
  languages: string[];
  layout: IndexLayout;
  /** Groups of copies of one story among the articles (build/copies.ts): 0 when there are none, and nothing to collapse. */
  copyGroups: number;
  /** Named entities of the archive (build/entities/extract.ts): 0 when there are none. */
  entities: number;
  /**
   * What tells this index's contents from any other's: a checksum of the manifest (but its
   * build time) and every artefact (for a sharded index, of its files' checksums). Equal ids,
   * equal answers; /health shows it, so an operator sees which index a deployment serves.
   */
  contentId: string;
}

/** What the generated artefact module exports. The bundle layout fills every field; the sharded one, the manifest only. */
export interface IndexArtefacts {
  manifest: IndexManifest;
  /** FlexSearch export chunks, key to serialized data, imported with `Index.import`. */
  chunks?: Record<string, string>;
  /** The article store: a JSON array of `Article`, by position (the FlexSearch id). */
  articles?: string;
  /**
   * Phonetic fallback table: one line a key, `KEY term term ...`, the terms (at most
   * `PHONETIC_TERMS`) most frequent first. The sharded layout splits the same lines by key.
   */
  phonetic?: string;
  /** The one suggestion shard (`encodeSuggestionShard`) of a bundle. */
  suggest?: string;
  /** The bundle's groups of copies: a JSON array of position arrays, the canonical first (`CopyGroups`). */
  copies?: string;
  /** The bundle's named entities: `encodeEntities` bytes, base64. */
  entities?: string;
}

/** Terms kept per phonetic key: the fallback offers a few likely names, never a flood. */
export const PHONETIC_TERMS = 3;

/** Returns why these artefacts cannot be read by this code, or null when they can. */
export function formatMismatch(manifest: IndexManifest): string | null {
  if (manifest.formatVersion !== INDEX_FORMAT_VERSION) {
    return `the index was built with format version ${manifest.formatVersion}, but this worker reads version ${INDEX_FORMAT_VERSION}: rebuild it with "npm run build"`;
  }
  const fields = manifest.config?.fields ?? [];
  const fieldsKnown = fields.length > 0 && fields.every((field) => INDEXED_FIELDS.includes(field));
  // Any valid ranking constants are served as they are (see format/ranking-config.ts); the rest must match.
  const problem = rankingProblem(manifest.config);
  if (problem) return `the index's ranking constants cannot be served (${problem}): rebuild it with "npm run build"`;
  const expected = indexConfig(fieldsKnown ? fields : INDEXED_FIELDS, manifest.config);
  if (!fieldsKnown || JSON.stringify(manifest.config) !== JSON.stringify(expected)) {
    return `the index was built with configuration ${JSON.stringify(manifest.config)}, but this worker expects ${JSON.stringify(expected)}: rebuild it with "npm run build"`;
  }
  return null;
}
