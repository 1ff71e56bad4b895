// What every engine measured by the bench and the eval offers: index articles, rank a query.
import type { Article, IndexedField } from "../../src/index-format.js";

export interface Peer {
  /** Article ids, best first. */
  search(query: string, limit: number): string[];
}

export type PeerFactory = (articles: readonly Article[], fields: readonly IndexedField[]) => Peer;
