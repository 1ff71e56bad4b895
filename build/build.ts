// The build pipeline: read the corpus, clean and settle articles, compile and write the index
// (bundle or shards), and say what happened in a report. With a build cache, unchanged source
// units skip reading and analysis, and unchanged article shards are not written again.
import { statSync } from "node:fs";
import { join } from "node:path";
import {
  ENTITY_KINDS,
  type EntityTable,
  INDEX_FORMAT_VERSION,
  indexConfig,
  type Article,
  type IndexArtefacts,
  type RankingConstants,
} from "../src/index-format.js";
import { Analyzer } from "./analyze-articles.js";
import { AnalysisSpill } from "./analysis-spill.js";
import { ArticleStore } from "./article-store.js";
import { BuildCache, hashOf, type CacheEntry, type CacheUnit } from "./cache.js";
import { readCorpusConfig } from "./corpus-config.js";
import { bodyLength, compileIndex, type Compiled } from "./compile-index.js";
import { sketchOf } from "./copies.js";
import { EntityTagger } from "./entities/thread.js";
import { settleLanguages } from "./detect-language.js";
import { deriveTitle, detailsOf, finalizeArticles } from "./finalize.js";
import { defaultAssetsDir, type BuildOptions } from "./options.js";
import { progressReporter } from "./progress.js";
import { readCorpus, type SourcedArticle } from "./read-corpus.js";
import type { BuildReport } from "./types.js";
import { problemCount, StrictBuildError } from "./report.js";
import { listAssets, StagedOutput, writeReport } from "./write-artefacts.js";

export type BuildInput = Pick<BuildOptions, "corpus" | "outDir"> &
  Partial<Omit<BuildOptions, "corpus" | "outDir" | "json">> & {
    /**
     * Keep articles and analyses in scratch files between making and using them, so memory does
     * not grow with the corpus. Default: true; false keeps them in memory and returns the clean
     * articles, for callers that read them after the build (the bench and eval).
     */
    spill?: boolean;
    /** The ranking constants of the impacts. Default: RANKING; the tuning bench tries others. */
    ranking?: RankingConstants;
  };

/**
 * This build's units for the cache, a unit at a time: every article read (duplicates too), with
 * its analysis. `sources` (the indexed articles' raw ones) are among the read articles, in order.
 */
function cacheUnits(
  read: ReturnType<typeof readCorpus>,
  sources: readonly SourcedArticle[],
  compiled: Pick<Compiled, "analyses" | "sketches" | "entityInputs">,
  analyzer: Analyzer,
  cache: BuildCache,
): () => Iterable<CacheUnit> {
  return function* () {
    let at = 0;
    let position = 0;
    for (const [u, key] of read.units.entries()) {
      const articles: CacheEntry[] = [];
      for (; at < read.articles.length && read.articles[at]!.unit === key; at++) {
        const item = read.articles[at]!;
        articles.push(cacheEntry(item, sources[position] === item ? position++ : undefined, compiled, analyzer, cache));
      }
      yield { key, articles, skipped: [], warnings: [], ...read.unitProblems.get(u) };
    }
  };
}

/**
 * What the cache keeps of an article read. An indexed article's analysis is read back from the
 * build's store only when the cache writes it; a cached one's is in the cache already; a
 * duplicate's is made here.
 */
function cacheEntry(
  item: SourcedArticle,
  position: number | undefined,
  { analyses, sketches, entityInputs }: Pick<Compiled, "analyses" | "sketches" | "entityInputs">,
  analyzer: Analyzer,
  cache: BuildCache,
): CacheEntry {
  let analysis: Pick<CacheEntry, "termCount" | "length" | "analysis" | "sketch" | "entityInput">;
  if (position !== undefined) {
    analysis = {
      termCount: analyses.termCount(position),
      length: analyses.lengthOf(position),
      analysis: () => analyses.at(position),
      sketch: sketches[position]!,
      entityInput: entityInputs[position] ?? null,
    };
  } else {
    const counted =
      item.cachedRow !== undefined
        ? cache.analysis(item.cachedRow)
        : analyzer.count({
            id: "",
            title: item.title ?? deriveTitle(item.body),
            source: item.source,
            published: item.published,
            url: item.url,
            body: item.body,
            language: item.language,
          });
    const sketch = item.cachedRow !== undefined ? cache.sketch(item.cachedRow) : sketchOf(item.body);
    // A duplicate's entities are not made: it is tagged when it is indexed.
    const entityInput = item.cachedRow !== undefined ? (cache.entityInput(item.cachedRow) ?? null) : null;
    analysis = {
      termCount: counted.terms.length,
      length: counted.length,
      analysis: () => counted,
      sketch,
      entityInput,
    };
  }
  // Field by field: spreading the item would read a cached article's body again.
  const { id, title, published, source, url, bodyHash, cachedRow } = item;
  const bodyChars = cachedRow !== undefined ? cache.bodyChars(cachedRow) : bodyLength(item.body);
  return { id, title, published, source, url, ...detailsOf(item), bodyHash, bodyChars, ...analysis, cachedRow };
}

/** Entities per kind, and the ten most named of each, for the build report. */
function entitySummary({ kinds, names, byArticle }: EntityTable): BuildReport["entities"] {
  const counts = new Uint32Array(names.length);
  for (const ids of byArticle) for (const id of ids) counts[id]!++;
  const summary = {} as BuildReport["entities"];
  for (const kind of ENTITY_KINDS) {
    const ids = [...names.keys()].filter((id) => kinds[id] === kind);
    summary[kind] = {
      count: ids.length,
      top: ids.slice(0, 10).map((id) => ({ name: names[id]!, articles: counts[id]! })),
    };
  }
  return summary;
}

/** What a build made: its report and the artefacts it wrote. */
export interface Built {
  report: BuildReport;
  artefacts: IndexArtefacts;
  /** The clean articles, when the build kept them in memory (`spill: false`). */
  articles?: Article[];
}

/**
 * Builds and writes the index; returns the report, the artefacts it wrote and, when the build
 * kept them in memory (`spill: false`), the clean articles.
 */
export function buildArtefacts(options: BuildInput & { spill: false }): Built & { articles: Article[] };
export function buildArtefacts(options: BuildInput): Built;
export function buildArtefacts(options: BuildInput): Built {
  const started = performance.now();
  const builtAt = new Date().toISOString();
  const progress = progressReporter({ quiet: options.quiet ?? true });
  const fields = options.fields ?? indexConfig().fields;
  const assetsDir = options.assetsDir ?? defaultAssetsDir(options.outDir);
  const phasesMs: Record<string, number> = {};
  let mark = performance.now();
  const lap = (phase: string) => {
    const now = performance.now();
    phasesMs[phase] = Math.round(now - mark);
    mark = now;
  };
  const output = new StagedOutput(options.outDir, assetsDir);
  const store = options.spill === false ? undefined : new ArticleStore();
  const analysisSpill = options.spill === false ? undefined : new AnalysisSpill();
  /** The report with the time and memory the build has taken so far. */
  const finish = (report: BuildReport): BuildReport =>
    Object.assign(report, {
      buildMs: Math.round(performance.now() - started),
      peakRssBytes: process.resourceUsage().maxRSS * 1024,
    });
  /** The build cache, closed at the end whatever happens. */
  let opened: BuildCache | undefined;
  try {
    const corpusConfig = readCorpusConfig(options.corpus);
    const cache = options.cacheDir
      ? BuildCache.load(options.cacheDir, options.outDir, {
          formatVersion: INDEX_FORMAT_VERSION,
          config: indexConfig(fields, options.ranking),
          corpusConfig,
          language: options.language ?? null,
        })
      : undefined;
    opened = cache;
    const corpus = readCorpus(options.corpus, process.cwd(), cache, {
      config: corpusConfig,
      store,
      onFile: (done, total) => progress("read", done, total),
    });
    lap("read");
    // Every article gets the language it is analysed in, kept in the article store and the
    // build cache (a cached article has one already, and keeps it).
    settleLanguages(corpus.articles, options.language ?? corpusConfig.language);
    lap("language");
    const { articles, duplicates, warnings, sources } = finalizeArticles(corpus.articles);
    lap("finalize");

    // The analyzer starts from the cache's dictionary, so cached analyses keep their numbers.
    // Terms no article uses any more get no postings and are left out of every file.
    const analyzer = new Analyzer(fields, options.ranking);
    if (cache) analyzer.intern(cache.dictionary);
    const onDisk = new Set(cache ? listAssets(assetsDir) : []);
    /**
     * A shard file's size and modification time. The cache keeps each shard's signature with
     * the stamp of the file its build left, so a file is kept only when it is that very file: a
     * build without the cache into the same folder, or any other hand, may have rewritten it.
     */
    const stamp = (path: string) => {
      try {
        const stat = statSync(join(assetsDir, path));
        return `${stat.size}:${stat.mtimeMs}`;
      } catch {
        return "missing";
      }
    };
    const compiled = compileIndex(articles, {
      tagger: new EntityTagger(),
      builtAt,
      fields,
      ranking: options.ranking,
      layout: options.layout,
      counted: (position) => {
        const row = sources[position]!.cachedRow;
        return row !== undefined ? cache!.analysis(row) : undefined;
      },
      sketch: (position) => {
        const row = sources[position]!.cachedRow;
        return row !== undefined ? cache!.sketch(row) : undefined;
      },
      entityInput: (position) => {
        const row = sources[position]!.cachedRow;
        return row !== undefined ? cache!.entityInput(row) : undefined;
      },
      analyzer,
      progress,
      bodyChars: (position) =>
        sources[position]!.cachedRow !== undefined
          ? cache!.bodyChars(sources[position]!.cachedRow!)
          : bodyLength(articles[position]!.body),
      assets: output,
      analyses: analysisSpill,
      reuse: cache && {
        signature: (start, end) =>
          hashOf(
            sources
              .slice(start, end)
              .map((item, i) => `${item.unit}:${item.index}:${articles[start + i]!.id}`)
              .join("|"),
          ),
        unchanged: (path, signature) =>
          onDisk.has(path) && cache.shardSignature(path) === `${signature}@${stamp(path)}`,
      },
    });
    lap("compile");
    // Copies are found while compiling: their time is told apart.
    phasesMs.compile = Math.max(0, phasesMs.compile! - Math.round(compiled.copiesMs));
    phasesMs.copies = Math.round(compiled.copiesMs);
    // So are the entities: the lede runs, the wait for the tagger's thread and the table.
    phasesMs.compile = Math.max(0, phasesMs.compile! - Math.round(compiled.entitiesMs));
    phasesMs.entities = Math.round(compiled.entitiesMs);
    progress("write", 0, 1);
    const indexBytes = output.writeModule(compiled.artefacts);
    lap("write");
    const report: BuildReport = {
      corpus: options.corpus,
      outDir: options.outDir,
      filesRead: corpus.filesRead,
      articlesIndexed: articles.length,
      skipped: corpus.skipped,
      warnings: [...corpus.warnings, ...warnings],
      duplicates,
      copies: {
        groups: compiled.copies.length,
        articles: compiled.copies.reduce((sum, group) => sum + group.length, 0),
        list: compiled.copies.map((group) => group.map((position) => articles[position]!.id)),
      },
      entities: entitySummary(compiled.entities),
      layout: compiled.artefacts.manifest.layout.kind,
      indexBytes,
      assets: { dir: assetsDir, ...output.assets },
      cached: sources.filter((item) => item.cachedRow !== undefined).length,
      phasesMs,
      buildMs: 0,
      peakRssBytes: 0,
      builtAt,
    };
    if (options.strict && problemCount(report) > 0) throw new StrictBuildError(report);
    output.commit();
    const unchanged =
      cache !== undefined &&
      corpus.cachedUnits === corpus.units.length &&
      corpus.units.length === cache.units &&
      report.cached === articles.length;
    if (cache && !unchanged)
      cache.save(
        analyzer.dictionary,
        cacheUnits(corpus, sources, compiled, analyzer, cache),
        new Map([...compiled.signatures].map(([path, signature]) => [path, `${signature}@${stamp(path)}`])),
      );
    lap("cache");
    progress("write", 1, 1);
    writeReport(options.outDir, finish(report));
    return { report, artefacts: compiled.artefacts, ...(store ? {} : { articles }) };
  } catch (error) {
    output.discard();
    throw error;
  } finally {
    store?.close();
    opened?.close();
    analysisSpill?.close();
    progress.stop();
  }
}

/** Builds and writes the index; returns the build report. */
export function build(options: BuildInput): BuildReport {
  return buildArtefacts(options).report;
}
