// The index format: the one contract between the build (writer) and the worker (reader).
// Version, artefact names, field configuration and the FlexSearch options live here and
// nowhere else, so both sides build their Document index from exactly the same settings.
import { Charset, type DocumentOptions } from "flexsearch";

/** Bump whenever the shape of the artefacts or the index configuration changes. */
export const INDEX_FORMAT_VERSION = 1;

/** Where `npm run build` writes the artefacts by default (relative to the project root). */
export const DEFAULT_OUT_DIR = "dist/index";
/** The generated ES module holding the artefacts as string literals (no JSON import). */
export const ARTEFACT_MODULE = "artefacts.js";
/** The build report, as JSON, beside the artefacts. */
export const REPORT_FILE = "build-report.json";

/** A clean article, as the build writes it and the worker serves it. */
export interface Article {
  id: string;
  title: string;
  source: string | null;
  /** Publication date as YYYY-MM-DD, or null when the text gives none. */
  published: string | null;
  url: string | null;
  body: string[];
}

/** Indexed fields and their weight in the merged relevance score (title above body). */
export const FIELD_WEIGHTS = { title: 2, body: 1 } as const;
export type IndexedField = keyof typeof FIELD_WEIGHTS;

/** The configuration recorded in every manifest; the worker refuses any other. */
export const INDEX_CONFIG = {
  fields: Object.keys(FIELD_WEIGHTS) as IndexedField[],
  weights: FIELD_WEIGHTS,
  tokenize: "forward",
  encoder: "LatinBalance",
} as const;

/**
 * The document shape fed to FlexSearch: its id is the article's position in the article
 * store (small numbers keep the posting lists small), the body joined into one string.
 */
export type IndexedDocument = {
  id: number;
  title: string;
  body: string;
};

/** FlexSearch Document options; called by the build and the worker alike. */
export function documentOptions(): DocumentOptions<IndexedDocument> {
  return {
    cache: false,
    document: {
      id: "id",
      index: INDEX_CONFIG.fields.map((field) => ({
        field,
        tokenize: INDEX_CONFIG.tokenize,
        encoder: Charset[INDEX_CONFIG.encoder],
      })),
    },
  };
}

export function toIndexedDocument(article: Article, position: number): IndexedDocument {
  return { id: position, title: article.title, body: article.body.join("\n") };
}

/** Written first in the artefact module and checked before anything else is read. */
export interface IndexManifest {
  formatVersion: number;
  config: typeof INDEX_CONFIG;
  builtAt: string;
  articles: number;
}

/** What the generated artefact module exports. */
export interface IndexArtefacts {
  manifest: IndexManifest;
  /** FlexSearch export chunks, key to serialized data, imported with `Document.import`. */
  chunks: Record<string, string>;
  /** The article store: a JSON array of `Article`. */
  articles: string;
}

/** Returns why these artefacts cannot be read by this code, or null when they can. */
export function formatMismatch(manifest: IndexManifest): string | null {
  if (manifest.formatVersion !== INDEX_FORMAT_VERSION) {
    return `the index was built with format version ${manifest.formatVersion}, but this worker reads version ${INDEX_FORMAT_VERSION}: rebuild it with "npm run build"`;
  }
  if (JSON.stringify(manifest.config) !== JSON.stringify(INDEX_CONFIG)) {
    return `the index was built with configuration ${JSON.stringify(manifest.config)}, but this worker expects ${JSON.stringify(INDEX_CONFIG)}: rebuild it with "npm run build"`;
  }
  return null;
}
