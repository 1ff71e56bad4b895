// Types the build passes between its steps: records read from corpus files, and what it reports.
import type { ArticleDetails } from "../src/index-format.js";

/** An article as a corpus format reads it, before ids and titles are settled. */
export interface RawArticle extends ArticleDetails {
  id: string | null;
  title: string | null;
  /** Paragraphs of clean text; empty for a headline-only item (a brief, a flash). */
  body: string[];
  /** Publication date as YYYY-MM-DD, in the source's own time zone. */
  published: string | null;
  source: string | null;
  url: string | null;
  /** Where it came from: a path, or path:line for JSON Lines. */
  origin: string;
}

/** A file, or one record inside a file, that could not be used, with the reason. */
export interface Skipped {
  path: string;
  reason: string;
}

/** What a build report warns of, for an article that was indexed all the same. */
export type WarningKind =
  | "no-date"
  | "unreadable-date"
  | "ambiguous-date"
  | "no-title"
  | "headline-only"
  | "very-short"
  | "summary-only"
  | "truncated"
  | "duplicate-id"
  | "repaired-encoding";

/** An article (or a file's articles) indexed with a warning: where, what kind, and why. */
export interface Warning extends Skipped {
  kind: WarningKind;
}

/** What reading one corpus file produced. */
export interface FileResult {
  articles: RawArticle[];
  skipped: Skipped[];
  warnings: Warning[];
}

/**
 * One source unit of a corpus file (a whole file, or one JSON Lines line): what the build cache
 * keeps, or reads afresh, as a whole.
 */
export interface SourceUnit {
  /** Where its articles come from, as reports name it: the file's path, or path:line. */
  origin: string;
  /** Hash of what identifies its content: the build cache's key. */
  hash: string;
  /** Its articles (or why it was skipped), read from what the format holds during the visit: call it then or not at all. */
  read(): FileResult;
  /** The same, read again from the file at any later time (a cached unit's bodies, when something asks for them). */
  reread(): FileResult;
}

export interface BuildReport {
  corpus: string;
  outDir: string;
  filesRead: number;
  articlesIndexed: number;
  skipped: Skipped[];
  warnings: Warning[];
  duplicates: { origin: string; duplicateOf: string; id: string }[];
  /**
   * Copies of one story kept as articles and grouped (build/copies.ts): a search shows each
   * group as one hit. Each group by id, the canonical article (earliest, then longest) first.
   */
  copies: { groups: number; articles: number; list: string[][] };
  /** Named entities found (build/entities/extract.ts), by kind: how many, and the ten most named with their articles. */
  entities: Record<"person" | "org" | "place", { count: number; top: { name: string; articles: number }[] }>;
  /** The layout the build chose (or was told): bundle or sharded. */
  layout: "bundle" | "sharded";
  /** The artefact module (in the worker script), raw and gzipped. */
  indexBytes: { raw: number; gzip: number };
  /** The sharded layout's asset files: how many, their bytes, and how many this build wrote (the rest were unchanged). */
  assets: { dir: string; files: number; bytes: number; written: number };
  /** Articles whose analysis came from the build cache. */
  cached: number;
  /** Where the build time went: read, finalize, compile (analyse, index, shards), copies and entities (found while compiling), write, cache. */
  phasesMs: Record<string, number>;
  buildMs: number;
  /** The build process's peak resident memory, in bytes. */
  peakRssBytes: number;
  builtAt: string;
}
