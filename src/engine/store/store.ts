// What the query engine reads an index through, whatever its layout: posting lists, the
// vocabulary, phonetic neighbours, article metadata and articles. Every read is async, so a
// sharded index can fetch what a query needs and nothing more; the bundle answers at once.
import type {
  Article,
  ArticleMeta,
  CopyIndex,
  EntityIndex,
  HitCard,
  IndexManifest,
  Postings,
  SuggestionIndex,
} from "../../index-format.js";

export interface IndexStore {
  readonly manifest: IndexManifest;
  /** The posting lists of these terms; terms the index lacks are absent from the map. */
  postings(terms: readonly string[]): Promise<Map<string, Postings>>;
  /** The document frequencies of those of these terms the index holds (typo candidates); absent terms are left out. */
  frequencies(terms: readonly string[]): Promise<Map<string, number>>;
  /**
   * The index terms that start with `prefix` (folded), most frequent first, equal ones in term
   * order: at most COMPLETIONS.
   */
  completions(prefix: string): Promise<string[]>;
  /** Index terms that sound like the phonetic key, most frequent first. */
  soundsLike(key: string): Promise<readonly string[]>;
  /** The suggestion shard of a key (`suggestKey`): every suggestion whose first word has that key, and those of other keys hashed with it. */
  suggestions(key: string): Promise<SuggestionIndex>;
  /** Publication days and sources of every article, for filters and date sorts. */
  meta(): Promise<ArticleMeta>;
  /** The groups of copies of one story (build/copies.ts), for collapsing them. */
  copies(): Promise<CopyIndex>;
  /** The named entities and each article's (build/entities/extract.ts), for entity filters and counts. */
  entities(): Promise<EntityIndex>;
  /** The articles at these positions, in the same order. */
  articles(positions: readonly number[]): Promise<Article[]>;
  /** The hit cards (what a result page shows) of the articles at these positions, in the same order. */
  cards(positions: readonly number[]): Promise<HitCard[]>;
  /** The position of the article with this id, or undefined. */
  position(id: string): Promise<number | undefined>;
  /** Asset files found missing or damaged and not read whole since, in the order seen (none for the bundle). */
  damaged(): string[];
  /** At most how many candidates one query judges to verify phrases (Infinity when all are in memory). */
  readonly verifyBudget: number;
  /** At most how many of those one query reads whole, when their cards cannot settle them (Infinity when all are in memory). */
  readonly articleChecks: number;
}

/** A posting list's document frequency (how many articles its slots hold), 0 for none. */
export function documentFrequency(slots: Postings | undefined): number {
  return slots?.df ?? 0;
}

/** Calls `write` with each position of a posting list and its slot. */
export function eachPosting(slots: Postings, write: (id: number, slot: number) => void): void {
  for (let s = 0; s < slots.length; s++) {
    const ids = slots.slot(s);
    if (ids) for (let i = 0; i < ids.length; i++) write(ids[i]!, s);
  }
}
