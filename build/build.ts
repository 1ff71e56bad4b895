// The build pipeline: read the corpus, clean and settle articles, compile and write the index,
// and say what happened in a report.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { REPORT_FILE, type IndexArtefacts } from "../src/index-format.js";
import { finalizeArticles } from "./finalize.js";
import type { BuildOptions } from "./options.js";
import { readCorpus } from "./read-corpus.js";
import type { BuildReport } from "./types.js";
import { compileArtefacts } from "./compile-index.js";
import { writeArtefacts } from "./write-artefacts.js";

/** Builds and writes the index; returns the report and the artefacts it wrote. */
export function buildArtefacts(options: Pick<BuildOptions, "corpus" | "outDir"> & Partial<Pick<BuildOptions, "fields">>): { report: BuildReport; artefacts: IndexArtefacts } {
  const started = performance.now();
  const builtAt = new Date().toISOString();
  const corpus = readCorpus(options.corpus);
  const { articles, duplicates } = finalizeArticles(corpus.articles);
  const artefacts = compileArtefacts(articles, builtAt, options.fields);
  const indexBytes = writeArtefacts(options.outDir, artefacts);
  const report: BuildReport = {
    corpus: options.corpus,
    outDir: options.outDir,
    filesRead: corpus.filesRead,
    articlesIndexed: articles.length,
    skipped: corpus.skipped,
    warnings: corpus.warnings,
    duplicates,
    indexBytes,
    buildMs: Math.round(performance.now() - started),
    builtAt,
  };
  writeFileSync(join(options.outDir, REPORT_FILE), `${JSON.stringify(report, null, 2)}\n`);
  return { report, artefacts };
}

/** Builds and writes the index; returns the build report. */
export function build(options: Pick<BuildOptions, "corpus" | "outDir"> & Partial<Pick<BuildOptions, "fields">>): BuildReport {
  return buildArtefacts(options).report;
}
