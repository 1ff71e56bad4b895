// The bundle layout's store: every artefact is in the worker script. On first use the
// FlexSearch chunks are imported and the article store parsed; every read after that is
// answered from memory. The phonetic table is parsed on first use only.
import { Index, type IntermediateSearchResults } from "flexsearch";
import { articleMeta, flexOptions, parsePhoneticTable, type Article, type IndexArtefacts, type Postings } from "../../index-format.js";
import { EngineError } from "../errors.js";
import { documentFrequency, type IndexStore } from "./store.js";

/**
 * A term's posting list. The public way, `search(term, { resolve: false }).result`, costs
 * microseconds of Resolver setup a call, and typo tolerance looks up hundreds of terms a word;
 * FlexSearch's own term map returns the same array directly. The map is used only after it
 * is checked to agree with the public way, so a FlexSearch upgrade that changes it falls back.
 */
function postingsReader(index: Index): (term: string) => Postings | undefined {
  const viaSearch = (term: string): Postings | undefined => {
    const found = index.search(term, { resolve: false }).result;
    return found.length > 0 ? (found as Postings) : undefined;
  };
  const map = (index as unknown as { map?: unknown }).map;
  if (!(map instanceof Map) || map.size === 0) return viaSearch;
  const sample = map.keys().next().value as string;
  if (map.get(sample) !== (viaSearch(sample) as unknown)) return viaSearch;
  const terms = map as Map<string, IntermediateSearchResults>;
  return (term) => terms.get(term) as Postings | undefined;
}

export function bundleStore(artefacts: IndexArtefacts): IndexStore {
  const { manifest, chunks, articles: store, phonetic } = artefacts;
  if (chunks === undefined || store === undefined || phonetic === undefined) {
    throw new EngineError("index-unavailable", "The search index cannot be used: its manifest says bundle layout but the artefact module lacks chunks, articles or phonetic; rebuild it with \"npm run build\".");
  }
  const index = new Index(flexOptions());
  for (const [key, data] of Object.entries(chunks)) index.import(key, data);
  const articles = JSON.parse(store) as Article[];
  const byId = new Map(articles.map((article, position) => [article.id, position]));
  const meta = articleMeta(articles);
  const postings = postingsReader(index);
  let sounds: Map<string, string[]> | undefined;
  return {
    manifest,
    verifyBudget: Number.POSITIVE_INFINITY,
    async postings(terms) {
      const found = new Map<string, Postings>();
      for (const term of terms) {
        const slots = postings(term);
        if (slots) found.set(term, slots);
      }
      return found;
    },
    async frequencies(terms) {
      const found = new Map<string, number>();
      for (const term of terms) {
        const df = documentFrequency(postings(term));
        if (df > 0) found.set(term, df);
      }
      return found;
    },
    async soundsLike(key) {
      sounds ??= parsePhoneticTable(phonetic);
      return sounds.get(key) ?? [];
    },
    async meta() {
      return meta;
    },
    async articles(positions) {
      return positions.map((position) => articles[position]!);
    },
    async position(id) {
      return byId.get(id);
    },
  };
}
