// The search itself: FlexSearch finds the matching articles per field, their ranks merge into
// one relevance score (title weighted above body), filters and sort apply, and each hit on the
// page gets its snippet.
import { FIELD_WEIGHTS, type Article, type IndexedField } from "../index-format.js";
import type { LoadedIndex } from "./load-index.js";
import { snippet } from "./snippet.js";
import { queryTerms } from "./terms.js";

export interface SearchParams {
  q: string;
  limit: number;
  offset: number;
  sort: "relevance" | "date";
  from?: string;
  to?: string;
  source?: string;
}

export interface Hit {
  id: string;
  title: string;
  url: string | null;
  source: string | null;
  published: string | null;
  snippet: string;
  /** Relevance, higher is better; comparable within one query only. Null when browsing. */
  score: number | null;
}

export interface SearchResult {
  query: string;
  total: number;
  offset: number;
  limit: number;
  hits: Hit[];
}

interface Match {
  article: Article;
  score: number | null;
}

function relevance(index: LoadedIndex, query: string): Match[] {
  const scores = new Map<number, number>();
  const results = index.index.search(query, { limit: index.articles.length || 1 });
  for (const { field, result } of results) {
    const weight = FIELD_WEIGHTS[field as IndexedField] ?? 0;
    result.forEach((id, rank) => scores.set(Number(id), (scores.get(Number(id)) ?? 0) + weight / (rank + 1)));
  }
  return [...scores]
    .map(([position, score]) => ({ article: index.articles[position]!, score: Math.round(score * 1e4) / 1e4 }))
    .sort((a, b) => b.score - a.score);
}

function byDate(a: Match, b: Match): number {
  const da = a.article.published ?? "";
  const db = b.article.published ?? "";
  return da === db ? (b.score ?? 0) - (a.score ?? 0) : da < db ? 1 : -1;
}

function passes(article: Article, params: SearchParams): boolean {
  if (params.source !== undefined && article.source !== params.source) return false;
  if (params.from === undefined && params.to === undefined) return true;
  if (article.published === null) return false;
  return (params.from === undefined || article.published >= params.from) && (params.to === undefined || article.published <= params.to);
}

export function search(index: LoadedIndex, params: SearchParams): SearchResult {
  const terms = queryTerms(params.q);
  const browsing = terms.length === 0;
  let matches: Match[] = browsing
    ? index.articles.map((article) => ({ article, score: null }))
    : relevance(index, terms.join(" "));
  matches = matches.filter((match) => passes(match.article, params));
  if (browsing || params.sort === "date") matches.sort(byDate);
  const page = matches.slice(params.offset, params.offset + params.limit);
  return {
    query: params.q,
    total: matches.length,
    offset: params.offset,
    limit: params.limit,
    hits: page.map(({ article, score }) => ({
      id: article.id,
      title: article.title,
      url: article.url,
      source: article.source,
      published: article.published,
      snippet: snippet(article.body, terms),
      score,
    })),
  };
}
