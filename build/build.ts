// The build pipeline: read the corpus, clean and settle articles, compile and write the index
// (bundle or shards), and say what happened in a report.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { REPORT_FILE, type Article, type IndexArtefacts } from "../src/index-format.js";
import { compileIndex } from "./compile-index.js";
import { finalizeArticles } from "./finalize.js";
import { defaultAssetsDir, type BuildOptions } from "./options.js";
import { progressReporter } from "./progress.js";
import { readCorpus } from "./read-corpus.js";
import type { BuildReport } from "./types.js";
import { writeArtefacts, writeAssets } from "./write-artefacts.js";

export type BuildInput = Pick<BuildOptions, "corpus" | "outDir"> & Partial<Omit<BuildOptions, "corpus" | "outDir" | "json">>;

/** Builds and writes the index; returns the report, the artefacts it wrote and the clean articles. */
export function buildArtefacts(options: BuildInput): { report: BuildReport; artefacts: IndexArtefacts; articles: Article[] } {
  const started = performance.now();
  const builtAt = new Date().toISOString();
  const progress = progressReporter({ quiet: options.quiet ?? true });
  try {
    progress("read", 0, 1);
    const corpus = readCorpus(options.corpus);
    progress("read", 1, 1);
    const { articles, duplicates } = finalizeArticles(corpus.articles);
    const { artefacts, files } = compileIndex(articles, { builtAt, fields: options.fields, layout: options.layout, progress });
    progress("write", 0, 1);
    const indexBytes = writeArtefacts(options.outDir, artefacts);
    const assetsDir = options.assetsDir ?? defaultAssetsDir(options.outDir);
    const assets = { dir: assetsDir, ...writeAssets(assetsDir, files) };
    progress("write", 1, 1);
    const report: BuildReport = {
      corpus: options.corpus,
      outDir: options.outDir,
      filesRead: corpus.filesRead,
      articlesIndexed: articles.length,
      skipped: corpus.skipped,
      warnings: corpus.warnings,
      duplicates,
      layout: artefacts.manifest.layout.kind,
      indexBytes,
      assets,
      cached: 0,
      buildMs: Math.round(performance.now() - started),
      builtAt,
    };
    writeFileSync(join(options.outDir, REPORT_FILE), `${JSON.stringify(report, null, 2)}\n`);
    return { report, artefacts, articles };
  } finally {
    progress.stop();
  }
}

/** Builds and writes the index; returns the build report. */
export function build(options: BuildInput): BuildReport {
  return buildArtefacts(options).report;
}
