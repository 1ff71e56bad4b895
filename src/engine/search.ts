// The search itself: the query is parsed (query.ts), each word expanded to the index terms it
// stands for (expand.ts), every matching article scored by BM25F (rank.ts), then phrases,
// exclusions and filters apply, the sort order picks the page, and each hit gets its snippet.
import type { Article } from "../index-format.js";
import { expandWord } from "./expand.js";
import type { LoadedIndex } from "./load-index.js";
import { phraseMatcher } from "./phrase.js";
import { parseQuery, type Clause, type ParsedQuery } from "./query.js";
import { accumulate, type ScoringTerm } from "./rank.js";
import { snippet } from "./snippet.js";
import { topK } from "./top-k.js";

export type SortOrder = "relevance" | "date" | "recent";

/** Default half-life of `sort=recent`, in days: a week-old article needs twice the relevance. */
export const DEFAULT_HALF_LIFE_DAYS = 7;

export interface SearchParams {
  q: string;
  limit: number;
  offset: number;
  /**
   * relevance (default): BM25F order. date: newest first among the articles that match the
   * most query words. recent: relevance × 0.5^(age / halfLife), newest coverage first unless
   * an older article is far more relevant.
   */
  sort: SortOrder;
  /** Half-life in days for `sort=recent`. Default: DEFAULT_HALF_LIFE_DAYS. */
  halfLife?: number;
  /** Typo tolerance and the phonetic fallback for words the index lacks. Default: true. */
  typos?: boolean;
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

/** A ranked page before snippets: what the bench times as "ranking". */
export interface RankedPage {
  total: number;
  page: { position: number; score: number | null }[];
  /** Index terms to highlight: the query's terms and the expansions that matched. */
  highlight: string[];
}

interface Plan {
  terms: ScoringTerm[];
  /** Each clause's bits (a word: its own bit; a phrase: one bit per term). */
  masks: Map<Clause, number>;
}

function plan(index: LoadedIndex, query: ParsedQuery, tolerant: boolean): Plan {
  const byTerm = new Map<string, ScoringTerm>();
  const masks = new Map<Clause, number>();
  let bit = 0;
  const add = (term: string, weight: number, mask: number) => {
    const known = byTerm.get(term);
    if (known) {
      known.weight = Math.max(known.weight, weight);
      known.mask |= mask;
    } else byTerm.set(term, { term, weight, mask });
  };
  for (const group of query.groups) {
    for (const clause of group.clauses) {
      let clauseMask = 0;
      if (clause.kind === "word") {
        if (bit >= 32 || !query.terms.includes(clause.term)) continue;
        const mask = 1 << bit++;
        for (const { term, weight } of expandWord(index, clause.word, clause.term, tolerant)) add(term, weight, mask);
        clauseMask = mask;
      } else {
        for (const term of clause.terms) {
          if (bit >= 32) break;
          const mask = 1 << bit++;
          add(term, 1, mask);
          clauseMask |= mask;
        }
      }
      masks.set(clause, clauseMask >>> 0);
    }
  }
  return { terms: [...byTerm.values()], masks };
}

/** Articles any excluded clause matches. */
function excludedSet(index: LoadedIndex, clauses: readonly Clause[]): Set<number> {
  const out = new Set<number>();
  for (const clause of clauses) {
    const terms = clause.kind === "word" ? [clause.term] : clause.terms;
    const lists = terms.map((term) => {
      const ids = new Set<number>();
      for (const slot of index.postings(term) ?? []) if (slot) for (const id of slot) ids.add(id as number);
      return ids;
    });
    const [first, ...rest] = lists;
    const test = clause.kind === "phrase" ? phraseMatcher(clause.words, index.manifest.config.fields) : null;
    for (const id of first ?? []) {
      if (rest.every((list) => list.has(id)) && (!test || test(index.articles[id]!))) out.add(id);
    }
  }
  return out;
}

function hasFilters(params: SearchParams): boolean {
  return params.source !== undefined || params.from !== undefined || params.to !== undefined;
}

function passesFilters(article: Article, params: SearchParams): boolean {
  if (params.source !== undefined && article.source !== params.source) return false;
  if (params.from === undefined && params.to === undefined) return true;
  if (article.published === null) return false;
  return (params.from === undefined || article.published >= params.from) && (params.to === undefined || article.published <= params.to);
}

/** Newer first; undated last; equal dates by higher score. */
function newerFirst(index: LoadedIndex, scores: Float64Array | null) {
  const { days } = index;
  return (a: number, b: number) => {
    const da = days[a]!;
    const db = days[b]!;
    if (da !== db && !(Number.isNaN(da) && Number.isNaN(db))) return Number.isNaN(db) || da > db;
    return scores ? scores[a]! > scores[b]! : a < b;
  };
}

function browse(index: LoadedIndex, params: SearchParams, excluded: Set<number>): RankedPage {
  const matches: number[] = [];
  index.articles.forEach((article, position) => {
    if (!excluded.has(position) && passesFilters(article, params)) matches.push(position);
  });
  const best = topK(matches, params.offset + params.limit, newerFirst(index, null));
  return { total: matches.length, page: best.slice(params.offset).map((position) => ({ position, score: null })), highlight: [] };
}

/** Ranks the articles for a query and returns the requested page, without snippets. */
export function rank(index: LoadedIndex, params: SearchParams): RankedPage {
  const query = parseQuery(params.q);
  const excluded = excludedSet(index, query.excluded);
  if (query.groups.length === 0) {
    return query.excluded.length > 0 || params.q.trim() === "" ? browse(index, params, excluded) : { total: 0, page: [], highlight: [] };
  }
  const { terms, masks } = plan(index, query, params.typos ?? true);
  const { ids, scores, masks: matched } = accumulate(index, terms);

  const required = query.groups.filter((group) => group.required);
  const phraseTests = new Map<Clause, (article: Article) => boolean>();
  for (const group of required) {
    for (const clause of group.clauses) if (clause.kind === "phrase") phraseTests.set(clause, phraseMatcher(clause.words, index.manifest.config.fields));
  }
  const groupMasks = query.groups.map((group) => group.clauses.reduce((mask, clause) => mask | (masks.get(clause) ?? 0), 0));

  const satisfies = (id: number) => {
    const article = index.articles[id]!;
    if (excluded.has(id) || !passesFilters(article, params)) return false;
    const mask = matched[id]!;
    return required.every((group) =>
      group.clauses.some((clause) => {
        const clauseMask = masks.get(clause) ?? 0;
        if (clause.kind === "word") return (mask & clauseMask) !== 0;
        return clauseMask !== 0 && (mask & clauseMask) === clauseMask && phraseTests.get(clause)!(article);
      }),
    );
  };
  // The common query has nothing to check: every touched article is a candidate.
  let candidates = excluded.size === 0 && required.length === 0 && !hasFilters(params) ? ids : ids.filter(satisfies);

  const k = params.offset + params.limit;
  let best: number[];
  let shown: (id: number) => number = (id) => scores[id]!;
  if (params.sort === "date") {
    const covered = (id: number) => groupMasks.reduce((sum, groupMask) => sum + ((matched[id]! & groupMask) !== 0 ? 1 : 0), 0);
    const most = candidates.reduce((max, id) => Math.max(max, covered(id)), 0);
    candidates = candidates.filter((id) => covered(id) === most);
    best = topK(candidates, k, newerFirst(index, scores));
  } else if (params.sort === "recent") {
    const halfLife = params.halfLife ?? DEFAULT_HALF_LIFE_DAYS;
    const age = (id: number) => index.newestDay - (Number.isNaN(index.days[id]!) ? index.oldestDay : index.days[id]!);
    // Compared in logarithms, so centuries-old articles do not underflow to zero.
    const key = (id: number) => Math.log(scores[id]!) - (Math.LN2 * age(id)) / halfLife;
    best = topK(candidates, k, (a, b) => key(a) > key(b) || (key(a) === key(b) && a < b));
    shown = (id) => scores[id]! * Math.pow(0.5, age(id) / halfLife);
  } else {
    best = topK(candidates, k, (a, b) => scores[a]! > scores[b]! || (scores[a] === scores[b] && a < b));
  }
  const total = candidates.length;
  const highlight = terms.filter((term) => best.some((id) => (matched[id]! & term.mask) !== 0)).map((term) => term.term);
  return {
    total,
    page: best.slice(params.offset).map((position) => ({ position, score: Math.round(shown(position) * 1e4) / 1e4 })),
    highlight,
  };
}

export function search(index: LoadedIndex, params: SearchParams): SearchResult {
  const ranked = rank(index, params);
  return {
    query: params.q,
    total: ranked.total,
    offset: params.offset,
    limit: params.limit,
    hits: ranked.page.map(({ position, score }) => {
      const article = index.articles[position]!;
      return {
        id: article.id,
        title: article.title,
        url: article.url,
        source: article.source,
        published: article.published,
        snippet: snippet(article.body, ranked.highlight),
        score,
      };
    }),
  };
}
