// Weighting the words of verbose queries, as a variant of the shipped ranking: in a query of at
// least `words` words, each word's terms are weighted by (its IDF / the query's highest IDF)^α,
// α > 0 leaning further on the rare words than BM25's IDF does, α < 0 evening them out. Ranked
// by scoring every posting (the shipped ranking without its pruning, which gives the same
// scores, and without full matches first, which long queries do not have).
import { parseQuery } from "../../src/engine/query/parse.js";
import { plan } from "../../src/engine/query/plan.js";
import { accumulate } from "../../src/engine/rank/score.js";
import { topK } from "../../src/engine/rank/top-k.js";
import { documentFrequency, type IndexStore } from "../../src/engine/store/store.js";

export interface Verbose {
  /** The exponent; 0 is the shipped weighting. */
  alpha: number;
  /** Words from which a query is verbose. */
  words: number;
}

/** The k best positions for the query with its words weighted. */
export async function weightedTop(store: IndexStore, text: string, k: number, { alpha, words }: Verbose) {
  const query = parseQuery(text, store.manifest.languages);
  const { terms, postings } = await plan(store, query, true);
  const articles = store.manifest.articles;
  const idf = (term: string) => {
    const df = documentFrequency(postings.get(term));
    return Math.log(1 + (articles - df + 0.5) / (df + 0.5));
  };
  // A word's IDF is that of its own terms (weight 1), not of its typo expansions.
  const wordIdf = new Map<number, number>();
  for (const term of terms)
    if (term.weight === 1) wordIdf.set(term.mask, Math.max(wordIdf.get(term.mask) ?? 0, idf(term.term)));
  const highest = Math.max(1e-9, ...wordIdf.values());
  const verbose = query.groups.length >= words && alpha !== 0;
  const weighted = terms.map((term) => ({
    ...term,
    weight: verbose ? term.weight * ((wordIdf.get(term.mask) ?? highest) / highest) ** alpha : term.weight,
  }));
  const scored = accumulate(postings, articles, weighted);
  const { scores } = scored;
  const best = topK(scored.ids, k, (a, b) => scores[a]! > scores[b]! || (scores[a] === scores[b] && a < b), scores);
  scored.release();
  return best;
}
