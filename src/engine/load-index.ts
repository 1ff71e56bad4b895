// Loads the index artefacts once per isolate: checks the format, parses the article store and
// imports the FlexSearch chunks. The promise is cached, so concurrent first requests share one load.
import { Document } from "flexsearch";
import { documentOptions, formatMismatch, type Article, type IndexArtefacts, type IndexManifest, type IndexedDocument } from "../index-format.js";
import { NewsfindError } from "../http/errors.js";

export interface LoadedIndex {
  manifest: IndexManifest;
  index: Document<IndexedDocument>;
  /** Articles by their position, which is their FlexSearch id. */
  articles: Article[];
  byId: Map<string, Article>;
}

function load(artefacts: IndexArtefacts): LoadedIndex {
  const mismatch = formatMismatch(artefacts.manifest);
  if (mismatch) throw new NewsfindError("index-unavailable", `The search index cannot be used: ${mismatch}.`);
  const index = new Document<IndexedDocument>(documentOptions());
  for (const [key, data] of Object.entries(artefacts.chunks)) index.import(key, data);
  const articles = JSON.parse(artefacts.articles) as Article[];
  return { manifest: artefacts.manifest, index, articles, byId: new Map(articles.map((article) => [article.id, article])) };
}

/** Returns a loader that reads the artefacts on first call and shares the result after. */
export function indexLoader(artefacts: IndexArtefacts): () => Promise<LoadedIndex> {
  let loading: Promise<LoadedIndex> | undefined;
  return () => {
    loading ??= Promise.resolve().then(() => load(artefacts));
    return loading;
  };
}
