// Orama as a peer worker: the schema the index is built with (title and body indexed; the other
// fields of each document stored, as Orama stores whole documents), the search parameters
// (title boosted 2), and the engine restored from the JSON that
// @orama/plugin-data-persistence's `persist(db, "json")` wrote, with its `restore`, as its docs advise.
import { search, type AnyOrama } from "@orama/orama";
import { restore } from "@orama/plugin-data-persistence";
import type { PeerEngine } from "./serve-peer.js";

export const ORAMA_SCHEMA = { title: "string", body: "string" } as const;

export const ORAMA_BOOST = { title: 2 };

interface OramaDocument {
  id: string;
  title: string;
  url: string | null;
  source: string | null;
  published: string | null;
}

export async function oramaEngine(serialized: string): Promise<PeerEngine> {
  const db: AnyOrama = await restore("json", serialized);
  return {
    async search(term, limit) {
      const results = await search(db, { term, properties: ["title", "body"], boost: ORAMA_BOOST, limit });
      const hits = results.hits.map(({ document }) => {
        const doc = document as unknown as OramaDocument;
        return {
          id: doc.id,
          title: doc.title,
          url: doc.url ?? null,
          source: doc.source ?? null,
          published: doc.published ?? null,
        };
      });
      return { total: results.count, hits };
    },
  };
}
