// Compiles clean articles into the index artefacts of either layout. Both start from the same
// analysis and impacts (BM25F term-frequency parts quantised to impact slots):
// - bundle: a FlexSearch Index whose posting lists hold the impacts in their resolution slots,
//   exported into the artefact module with the article store and the phonetic table;
// - sharded: the same posting lists, re-partitioned by term into binary shards, with the
//   article store split by position, an id directory, metadata, lexicon and phonetic shards,
//   as static asset files (see `shardFiles`).
import { Index } from "flexsearch";
import {
  CARD_TEXT_CHARS,
  checksum,
  DEFAULT_LANGUAGE,
  INDEX_FORMAT_VERSION,
  RANKING,
  PHONETIC_TERMS,
  flexOptions,
  indexConfig,
  phoneticKey,
  type Article,
  type CopyGroups,
  encodeEntities,
  type EntityTable,
  type IndexArtefacts,
  type RankingConstants,
  type IndexLayout,
  type IndexManifest,
  type IndexedField,
} from "../src/index-format.js";
import { type Analyses, Analyzer, type Counted, MemoryAnalyses } from "./analyze-articles.js";
import { groupCopies, sketchOf, type Sketch } from "./copies.js";
import {
  entityTable,
  LEDE_TAGGED_UP_TO,
  nameRuns,
  TagQueue,
  taggedText,
  type EntityInput,
  type Tagger,
} from "./entities/extract.js";
import { documentFrequencies, impactSlot, invert } from "./postings.js";
import { shardFiles, type AssetSink, type ShardFiles, type ShardReuse } from "./shard-files.js";
import {
  suggestedCount,
  suggestionCounts,
  suggestionItems,
  suggestionShardCount,
  suggestionShards,
} from "./suggestions.js";

/** Phonetic table lines, `KEY term term term`, the terms most frequent first. */
export function phoneticLines(terms: readonly string[], documentFrequency: ArrayLike<number>): string[] {
  const byKey = new Map<string, number[]>();
  terms.forEach((term, n) => {
    if (documentFrequency[n] === 0) return;
    const key = phoneticKey(term);
    if (key === null) return;
    const list = byKey.get(key) ?? [];
    list.push(n);
    byKey.set(key, list);
  });
  const lines: string[] = [];
  for (const [key, list] of byKey) {
    list.sort((a, b) => documentFrequency[b]! - documentFrequency[a]! || (terms[a]! < terms[b]! ? -1 : 1));
    lines.push(
      `${key} ${list
        .slice(0, PHONETIC_TERMS)
        .map((n) => terms[n])
        .join(" ")}`,
    );
  }
  return lines.sort();
}

/** The articles' languages, most articles first (ties by code); English for an article without one. */
export function languagesOf(articles: readonly Article[]): string[] {
  const counts = new Map<string, number>();
  for (const { language } of articles) {
    const code = language ?? DEFAULT_LANGUAGE;
    counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([code]) => code);
}

export type LayoutChoice = "auto" | "bundle" | "sharded";

/**
 * Largest article store (JSON bytes) that `auto` keeps in the bundle: below it, parsing the
 * whole index at the first request costs less than fetching shards (see docs/scale.md).
 */
export const BUNDLE_MAX_BYTES = 1 << 20;

export interface CompileOptions {
  builtAt: string;
  /** Default: title and body. */
  fields?: readonly IndexedField[];
  /** Default: auto, by the article store's size (BUNDLE_MAX_BYTES). */
  layout?: LayoutChoice;
  /** Where the analyses go. Default: in memory (`MemoryAnalyses`); the build spills them to disk. */
  analyses?: Analyses;
  /** The analysis already made (by the build cache) of the article at a position, if any; missing ones are made here. */
  counted?: (position: number) => Counted | undefined;
  /** The sketch already made (by the build cache) of the article at a position (build/copies.ts), if any. */
  sketch?: (position: number) => Sketch | undefined;
  /** What the build cache keeps of the article at a position for its entities, if any; missing ones are made here. */
  entityInput?: (position: number) => EntityInput | undefined;
  /** Tags headlines for their entities: `EntityTagger` (thread.ts) on a worker thread, `InlineTagger` where there are none, `noTagging()` for no entities. */
  tagger: Tagger;
  /** Made with `ranking` when not given. */
  analyzer?: Analyzer;
  /** The constants the impacts are computed with. Default: RANKING (the tuning bench tries others). */
  ranking?: RankingConstants;
  /** Body length in characters by position; default: from the body (the build cache knows it without reading the body). */
  bodyChars?: (position: number) => number;
  /** Spares article shards whose articles did not change (the build cache). */
  reuse?: ShardReuse;
  /**
   * Postings the sharded layout inverts at once: fewer bound the build's memory more tightly and
   * give the same files. Default: POSTINGS_PER_PASS (shard-files.ts).
   */
  postingsPerPass?: number;
  /** Takes the sharded layout's files as they are made; default: kept in `Compiled.files`. */
  assets?: AssetSink;
  /** Called as work advances: phase name, items done, items in all. */
  progress?: (phase: string, done: number, total: number) => void;
}

export interface Compiled {
  artefacts: IndexArtefacts;
  /** The sharded layout's asset files by path, when no `assets` sink took them (else empty). */
  files: ShardFiles;
  /** Article shard signatures by path (sharded layout, with `reuse`). */
  signatures: Map<string, string>;
  /** Every article's analysis, by position (what the build cache keeps). */
  analyses: Analyses;
  analyzer: Analyzer;
  /** The groups of copies of one story, by position, the canonical first (build/copies.ts). */
  copies: CopyGroups;
  /** Time spent finding them (sketching every text, then grouping), ms. */
  copiesMs: number;
  /** Every article's sketch, by position (what the build cache keeps). */
  sketches: Sketch[];
  /** The named entities (build/entities/extract.ts). */
  entities: EntityTable;
  /** Every article's headline names and lede runs, by position (what the build cache keeps). */
  entityInputs: EntityInput[];
  /** Time spent on entities on this thread: lede runs, waiting for the tagger, the table, ms. */
  entitiesMs: number;
}

/**
 * The article store's and the hit cards' sizes in bytes, about, given each article's body length
 * in characters (a card keeps CARD_TEXT_CHARS of it at most).
 */
function storeBytes(
  articles: readonly Article[],
  bodyChars: (position: number) => number,
): { articles: number; cards: number } {
  let bytes = 0;
  let cards = 0;
  articles.forEach((article, position) => {
    const fields = article.title.length + article.id.length + (article.url?.length ?? 0) + 100;
    const chars = bodyChars(position);
    bytes += fields + chars;
    cards += fields + Math.min(chars, CARD_TEXT_CHARS);
  });
  return { articles: bytes, cards };
}

/** A body's length in characters, paragraphs plus separators (what sizes the article shards). */
export const bodyLength = (body: readonly string[]) => body.reduce((sum, paragraph) => sum + paragraph.length + 3, 0);

export function compileIndex(articles: Article[], options: CompileOptions): Compiled {
  const fields = options.fields ?? indexConfig().fields;
  const ranking = options.ranking ?? RANKING;
  const analyzer = options.analyzer ?? new Analyzer(fields, ranking);
  const progress = options.progress ?? (() => {});
  const analyses = options.analyses ?? new MemoryAnalyses();
  const sketches: Sketch[] = [];
  let copiesMs = 0;
  // Headlines go to the tagger's thread as they come; its names are waited for last.
  const tagger = new TagQueue(options.tagger);
  const entityInputs: EntityInput[] = [];
  const runs: string[][] = [];
  const ledeTagged = articles.length <= LEDE_TAGGED_UP_TO;
  let entitiesMs = 0;
  articles.forEach((article, position) => {
    if (position % 1000 === 0) progress("analyse", position, articles.length);
    // A cached article's analysis, sketch and entity input come from the cache, its body unread;
    // else the body is read once, for all (a stored article reads it at each access).
    const counted = options.counted?.(position);
    const sketched = options.sketch?.(position);
    // A cached input made with the lede tagged or not, as this archive's size asks, is reused.
    const cached = options.entityInput?.(position);
    const cachedInput = cached?.lede === ledeTagged ? cached : undefined;
    if (counted && sketched && cachedInput) {
      entityInputs[position] = cachedInput;
      analyses.add(counted);
      sketches.push(sketched);
      return;
    }
    const body = article.body;
    analyses.add(counted ?? analyzer.count(article, body));
    let start = performance.now();
    sketches.push(sketched ?? sketchOf(body));
    copiesMs += performance.now() - start;
    start = performance.now();
    if (cachedInput) entityInputs[position] = cachedInput;
    else {
      tagger.add(position, taggedText(article.title, body, ledeTagged));
      runs[position] = nameRuns(body);
    }
    entitiesMs += performance.now() - start;
  });
  /** The entities, once every headline is tagged: called after the rest of the index is made. */
  let table: EntityTable | undefined;
  const entities = (): EntityTable => {
    if (table) return table;
    progress("entities", 0, 1);
    const start = performance.now();
    for (const [position, mentions] of tagger.finish())
      entityInputs[position] = { mentions, runs: runs[position] ?? [], lede: ledeTagged };
    table = entityTable(entityInputs);
    entitiesMs += performance.now() - start;
    progress("entities", 1, 1);
    return table;
  };
  progress("analyse", articles.length, articles.length);
  progress("copies", 0, 1);
  const start = performance.now();
  const copies = groupCopies(articles, sketches);
  copiesMs += performance.now() - start;
  progress("copies", 1, 1);
  const average = analyses.averageLength();
  const documentFrequency = documentFrequencies(analyses, analyzer.dictionary.length);
  const sizes = storeBytes(articles, options.bodyChars ?? ((position) => bodyLength(articles[position]!.body)));
  const kind =
    options.layout === "bundle" || options.layout === "sharded"
      ? options.layout
      : sizes.articles <= BUNDLE_MAX_BYTES
        ? "bundle"
        : "sharded";
  const base = {
    formatVersion: INDEX_FORMAT_VERSION,
    config: indexConfig(fields, ranking),
    builtAt: options.builtAt,
    articles: articles.length,
    copyGroups: copies.length,
    averageLength: Math.round(average * 1000) / 1000,
    languages: languagesOf(articles),
  };
  const phonetic = phoneticLines(analyzer.dictionary, documentFrequency);
  // The titles' runs are counted now; the entities join them once the tagger is done.
  progress("suggestions", 0, 1);
  const counted = suggestionCounts(articles);
  progress("suggestions", 1, 1);
  const suggestions = () => suggestionItems(articles, entities(), counted);

  if (kind === "sharded") {
    const files: ShardFiles = new Map();
    const { layout, signatures } = shardFiles({
      articles,
      copies,
      entities: () => encodeEntities(entities()),
      dictionary: analyzer.dictionary,
      documentFrequency,
      invert: (include) =>
        invert(analyses, analyzer.dictionary.length, average, include, documentFrequency, ranking.bm25),
      postingsPerPass: options.postingsPerPass,
      phonetic,
      suggestShards: suggestionShardCount(suggestedCount(counted)),
      suggestions: (shards) => suggestionShards(suggestions(), shards),
      progress,
      storeBytes: sizes.articles,
      cardBytes: sizes.cards,
      reuse: options.reuse,
      sink: options.assets ?? {
        put: (path, data) => {
          files.set(path, data);
          return undefined;
        },
      },
    });
    const manifestBase = { ...base, entities: entities().names.length };
    const contentId = contentIdOf({ ...manifestBase, layout });
    return {
      artefacts: { manifest: { ...manifestBase, layout, contentId } },
      files,
      signatures,
      analyses,
      analyzer,
      copies,
      copiesMs,
      sketches,
      entities: entities(),
      entityInputs,
      entitiesMs,
    };
  }
  // The bundle: FlexSearch adds each article's distinct terms at their impact slots.
  let current: Counted = { terms: new Int32Array(0), tf: new Float32Array(0), length: 0 };
  let slotOf = new Map<string, number>();
  const index = new Index(
    flexOptions((_content, term) => slotOf.get(term) ?? impactSlot(1, current.length, average, ranking.bm25)),
  );
  analyses.each((article, position) => {
    if (article.terms.length === 0) return;
    current = article;
    slotOf = new Map(
      Array.from(article.terms, (term, i) => [
        analyzer.dictionary[term]!,
        impactSlot(article.tf[i]!, article.length, average, ranking.bm25),
      ]),
    );
    index.add(position, [...slotOf.keys()].join(" "));
  });
  const chunks: Record<string, string> = {};
  index.export((key, data) => {
    chunks[key] = data;
  });
  const layout = { kind: "bundle" } satisfies IndexLayout;
  const store = JSON.stringify(articles);
  const phoneticTable = phonetic.join("\n");
  const [suggest] = suggestionShards(suggestions(), 1);
  const groups = JSON.stringify(copies);
  const named = Buffer.from(encodeEntities(entities())).toString("base64");
  const manifestBase = { ...base, entities: entities().names.length };
  const manifest: IndexManifest = {
    ...manifestBase,
    layout,
    contentId: contentIdOf({ ...manifestBase, layout }, chunks, store, phoneticTable, suggest!, groups, named),
  };
  return {
    artefacts: { manifest, chunks, articles: store, phonetic: phoneticTable, suggest, copies: groups, entities: named },
    files: new Map(),
    signatures: new Map(),
    analyses,
    analyzer,
    copies,
    copiesMs,
    sketches,
    entities: entities(),
    entityInputs,
    entitiesMs,
  };
}

/**
 * The manifest's content id: a checksum of it and of the artefacts given, as text. The build's
 * time is left out: two builds of the same articles answer alike.
 */
function contentIdOf(
  manifest: Omit<IndexManifest, "contentId">,
  ...artefacts: (string | Record<string, string>)[]
): string {
  const encoder = new TextEncoder();
  const parts = [
    JSON.stringify({ ...manifest, builtAt: undefined }),
    ...artefacts.map((artefact) => (typeof artefact === "string" ? artefact : JSON.stringify(artefact))),
  ];
  return parts.map((part) => checksum(encoder.encode(part)).toString(36)).join("-");
}
