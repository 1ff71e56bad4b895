// MiniSearch as a peer worker: the options the index is built and loaded with (fields title and
// body, title boosted 2 as bench/peers/minisearch.ts does, the listed fields stored for hits),
// and the engine made from the serialized index with `MiniSearch.loadJSON`, as its docs advise.
import MiniSearch, { type Options } from "minisearch";
import type { PeerEngine, PeerHit } from "./serve-peer.js";

export interface MiniDocument {
  id: string;
  title: string;
  body: string;
  url: string | null;
  source: string | null;
  published: string | null;
}

export const MINISEARCH_OPTIONS: Options<MiniDocument> = {
  fields: ["title", "body"],
  storeFields: ["title", "url", "source", "published"],
  searchOptions: { boost: { title: 2 } },
};

export function miniSearchEngine(serialized: string): PeerEngine {
  const index = MiniSearch.loadJSON<MiniDocument>(serialized, MINISEARCH_OPTIONS);
  return {
    search(query, limit) {
      const results = index.search(query);
      const hits: PeerHit[] = results.slice(0, limit).map((result) => ({
        id: String(result.id),
        title: result.title as string,
        url: (result.url as string | null) ?? null,
        source: (result.source as string | null) ?? null,
        published: (result.published as string | null) ?? null,
      }));
      return { total: results.length, hits };
    },
  };
}
