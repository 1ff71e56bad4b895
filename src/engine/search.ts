// The search itself: the query is parsed (query/parse.ts), each word expanded to the index terms it
// stands for (query/expand.ts), every matching article scored by BM25F (rank/score.ts), then phrases,
// exclusions and filters apply, the sort order picks the page, and each hit gets its snippet.
import {
  DEFAULT_LANGUAGE,
  type Article,
  type ArticleMeta,
  type EntityIndex,
  type HitCard,
  type Postings,
} from "../index-format.js";
import { phraseMatcher } from "./phrase/match.js";
import { plan, type Plan } from "./query/plan.js";
import { parseQuery, type Clause, type Group, type ParsedQuery, type WordClause } from "./query/parse.js";
import { commonerSpelling, RARE_WORD, RESPELL_RATIO } from "./query/expand.js";
import { accumulate, scoringOrder, type Accumulated, type ScoringTerm } from "./rank/score.js";
import { facetCounts, filterTest, matchSet, needsEntities, type FacetName, type Facets } from "./facets.js";
import { collapseCopies, copyOf, type Copy, type RankedHit, type StoryHit } from "./collapse.js";
import { allWords, anyWord, coverageOf, isCommon, matchesAll, wordsMatched, type Coverage } from "./rank/coverage.js";
import { topScored } from "./rank/prune.js";
import { filtered } from "./rank/top-k.js";
import { TermViews } from "./rank/term-views.js";
import { snippet } from "./snippet/snippet.js";
import { termMatcher, type TermMatcher } from "./snippet/terms.js";
import { documentFrequency, eachPosting, type IndexStore } from "./store/store.js";
import { verifiedTop, type Checks } from "./phrase/verify.js";

export type SortOrder = "relevance" | "date" | "recent";

/** Default half-life of `sort=recent`, in days: a week-old article needs twice the relevance. */
export const DEFAULT_HALF_LIFE_DAYS = 7;

/**
 * Query words up to which the articles matching them all rank above those matching only some
 * (`relevance` and `recent`): two, the reader's topic or name. A longer query (a headline, a
 * sentence) is ranked by score alone, its partial matches flagged and counted all the same:
 * on the judged sets, every word past two that must be matched first costs the known-item and
 * verbose queries (`npm run eval:partial`, docs/ranking.md).
 */
export const FULL_FIRST_WORDS = 2;

export interface SearchParams {
  q: string;
  limit: number;
  offset: number;
  /**
   * relevance (default): BM25F order. date: newest first, the articles that match the most
   * query words before the others. recent: relevance × 0.5^(age / halfLife), newest coverage
   * first unless an older article is far more relevant. Under relevance and recent, articles
   * matching every query word come first (queries of up to `fullFirstWords` words).
   */
  sort: SortOrder;
  /** Half-life in days for `sort=recent`. Default: DEFAULT_HALF_LIFE_DAYS. */
  halfLife?: number;
  /** Typo tolerance and the phonetic fallback for words the index lacks. Default: true. */
  typos?: boolean;
  /**
   * The query is being typed: its last word, when nothing follows it, also matches the index
   * words it begins (the most frequent few), and is corrected as a typo only when it begins
   * none. Default: false, every word whole.
   */
  prefix?: boolean;
  from?: string;
  to?: string;
  source?: string;
  /** Only articles naming one of these people, one of these organisations and one of these places (as /filters or facets name them). */
  person?: readonly string[];
  org?: readonly string[];
  place?: readonly string[];
  /** Query words up to which full matches rank first. Default: FULL_FIRST_WORDS; 0 ranks by score alone. */
  fullFirstWords?: number;
  /** Facets to count among the matches (facets.ts): source, year, month, person, org, place. Default: none. */
  facets?: readonly FacetName[];
  /**
   * Whether a story's copies (build/copies.ts) are collapsed into one hit, which lists them.
   * Default: true; false lists every copy as its own hit.
   */
  collapse?: boolean;
  /** Share of the articles above which a query word is not asked for (rank/coverage.ts). Default: COMMON_SHARE; 1 asks for every word. */
  commonShare?: number;
  /**
   * False when the caller shows no totals (related stories): unless they rank first, the
   * articles matching every word are not counted, and `total` counts every match. Default: true.
   */
  totals?: boolean;
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
  /** True when the article lacks a word of the query (after aliases, stemming and typos). */
  partial: boolean;
  /** The other copies of its story (build/copies.ts): the canonical one first, then in corpus order. */
  copies: Copy[];
}

export interface SearchResult {
  query: string;
  /** Articles matching every query word. */
  total: number;
  /** Articles matching some query words but not all: listed after the full matches. */
  partialTotal: number;
  /** False when the totals are estimates: a phrase query with more candidates than the worker reads to verify. */
  totalExact: boolean;
  /**
   * The query with its corrected words in the index's spelling (as the hits write it, when
   * one does), when typo tolerance stood in for a word or a rare word has a far commoner
   * spelling; null otherwise.
   */
  didYouMean: string | null;
  offset: number;
  limit: number;
  hits: Hit[];
  /** The counts of the facets asked for (facets.ts); absent when none was. */
  facets?: Facets;
}

/** A ranked page before snippets: what the bench times as "ranking". */
export interface RankedPage {
  /** Articles matching every query word, and those matching only some. */
  total: number;
  partialTotal: number;
  totalExact: boolean;
  /**
   * `terms`: the numbers (in `highlight`) of the terms of the query words the article matched;
   * `partial`: whether it lacks a query word; `copies`: the positions of its story's other
   * copies (collapsed into it unless `collapse` is false).
   */
  page: StoryHit[];
  /** Index terms to highlight: the query's terms and the expansions that matched. */
  highlight: string[];
  /** Words of the query, as typed, each with the index term suggested in its place ("did you mean"). */
  corrections: { word: string; term: string }[];
  /** The counts of the facets asked for (facets.ts); absent when none was. */
  facets?: Facets;
}

/** A ranked page before its copies are known (collapse.ts). */
type Ranked = Omit<RankedPage, "page"> & { page: RankedHit[] };

const NOTHING: RankedPage = { total: 0, partialTotal: 0, totalExact: true, page: [], highlight: [], corrections: [] };

/** Below this many results (full and partial), a word the index holds but rarely may have a commoner spelling to suggest. */
export const FEW_RESULTS = 3;

/**
 * The query's corrections, in query order: the spelling that stood in for each word the index
 * lacks; and when the query found fewer than FEW_RESULTS articles and no word was corrected, a
 * far commoner spelling of a word the index holds in RARE_WORD articles at most
 * (`commonerSpelling`; only where the archive is large enough to hold one).
 */
async function correctionsOf(
  store: IndexStore,
  query: ParsedQuery,
  { corrections, postings }: Pick<Plan, "corrections" | "postings">,
  found: number,
  tolerant: boolean,
): Promise<RankedPage["corrections"]> {
  const words = query.groups
    .flatMap((group) => group.clauses)
    .filter((clause): clause is WordClause => clause.kind === "word");
  if (corrections.size === 0 && tolerant && found < FEW_RESULTS) {
    const frequency = (clause: WordClause) =>
      Math.max(0, ...clause.terms.map((term) => documentFrequency(postings.get(term))));
    const respelt = await Promise.all(
      words.map((clause) => {
        const held = frequency(clause);
        const rare = held > 0 && held <= RARE_WORD && RESPELL_RATIO * held <= store.manifest.articles;
        return clause.required || !rare
          ? null
          : commonerSpelling(store, clause.word, clause.terms, held, store.manifest.languages);
      }),
    );
    return words.flatMap((clause, n) => (respelt[n] ? [{ word: clause.word, term: respelt[n]! }] : []));
  }
  return words.flatMap((clause) => {
    const term = corrections.get(clause);
    return term ? [{ word: clause.word, term }] : [];
  });
}

/**
 * A search's phases, in order: `plan` (the query's posting lists read and decoded, its words
 * expanded), `rank` (scored, phrases verified, the page chosen), `cards` (the page's hit
 * cards read, and the whole text of hits whose lede does not show their words), `snippets`.
 */
export type SearchPhase = "plan" | "rank" | "cards" | "snippets";

/**
 * Told as each phase of a search ends, so a profiler outside the worker can time them (the
 * bench; inside workerd the clock does not advance without I/O). Default: nothing is told.
 */
export type SearchTrace = (phase: SearchPhase) => void;

/** Articles holding every word of a clause: a term of each (for a word clause: any of its terms). */
function holding(postings: ReadonlyMap<string, Postings>, clause: Clause): Set<number> {
  const words = clause.kind === "word" ? [clause.terms] : clause.terms;
  const lists = words.map((terms) => {
    const ids = new Set<number>();
    for (const term of terms) {
      const slots = postings.get(term);
      if (slots) eachPosting(slots, (id) => ids.add(id));
    }
    return ids;
  });
  const [first, ...rest] = lists;
  return new Set([...(first ?? [])].filter((id) => rest.every((list) => list.has(id))));
}

interface Exclusions {
  /** Excluded for sure: they hold an excluded word. */
  excluded: Set<number>;
  /** Hold every term of an excluded phrase: excluded if the phrase is there word for word. */
  suspects: Map<number, Clause[]>;
}

function exclusions(postings: ReadonlyMap<string, Postings>, clauses: readonly Clause[]): Exclusions {
  const excluded = new Set<number>();
  const suspects = new Map<number, Clause[]>();
  for (const clause of clauses) {
    for (const id of holding(postings, clause)) {
      if (clause.kind === "word") excluded.add(id);
      else suspects.set(id, [...(suspects.get(id) ?? []), clause]);
    }
  }
  return { excluded, suspects };
}

function hasFilters(params: SearchParams): boolean {
  return params.source !== undefined || params.from !== undefined || params.to !== undefined || needsEntities(params);
}

/** Newer first; undated last; equal dates by higher score. */
function newerFirst(meta: ArticleMeta, scores: Float64Array | null) {
  const { days } = meta;
  return (a: number, b: number) => {
    const da = days[a]!;
    const db = days[b]!;
    if (da !== db && !(Number.isNaN(da) && Number.isNaN(db))) return Number.isNaN(db) || da > db;
    return scores ? scores[a]! > scores[b]! : a < b;
  };
}

/** The phrase checks of the required groups and excluded phrases, or null when there are none. */
function phraseChecks(
  required: readonly Group[],
  masks: ReadonlyMap<Clause, number>,
  matched: Uint32Array | null,
  suspects: Exclusions["suspects"],
  fields: Parameters<typeof phraseMatcher>[1],
): Checks | null {
  const tests = new Map<Clause, (article: Pick<Article, "title" | "body">) => boolean>();
  const testOf = (clause: Clause) => {
    if (clause.kind !== "phrase") return () => true;
    let test = tests.get(clause);
    if (!test) tests.set(clause, (test = phraseMatcher(clause.words, fields)));
    return test;
  };
  const hasPhrase = required.some((group) => group.clauses.some((clause) => clause.kind === "phrase"));
  if (!hasPhrase && suspects.size === 0) return null;
  // A required group is satisfied without reading when the article holds one of its words'
  // bits: each group's word bits, taken once (this runs for every candidate).
  const wordBits = required.map((group) =>
    group.clauses.reduce((bits, clause) => (clause.kind === "word" ? bits | (masks.get(clause) ?? 0) : bits), 0),
  );
  const satisfied = (id: number) => {
    if (matched === null) return false;
    const bits = matched[id]!;
    for (let g = 0; g < wordBits.length; g++) if ((bits & wordBits[g]!) === 0) return false;
    return true;
  };
  const anySuspect = suspects.size > 0;
  return {
    needed: (id) => (anySuspect && suspects.has(id)) || (hasPhrase && !satisfied(id)),
    provable: (id) => !suspects.has(id),
    passes: (id, article) =>
      required.every((group) =>
        group.clauses.some((clause) => {
          const clauseMask = masks.get(clause) ?? 0;
          const mask = matched?.[id] ?? 0;
          if (clause.kind === "word") return (mask & clauseMask) !== 0;
          return clauseMask !== 0 && (mask & clauseMask) === clauseMask && testOf(clause)(article);
        }),
      ) && !(suspects.get(id) ?? []).some((clause) => testOf(clause)(article)),
  };
}

/** Each index's dense term views (pruned ranking), made on its first query. */
const views = new WeakMap<IndexStore, TermViews>();

function viewsOf(store: IndexStore): TermViews {
  let found = views.get(store);
  if (!found) views.set(store, (found = new TermViews(store.manifest.articles)));
  return found;
}

/** Ranks the articles for a query and returns the requested page, without snippets. */
export async function rank(store: IndexStore, params: SearchParams, trace?: SearchTrace): Promise<RankedPage> {
  const page = await storyPage(store, params, trace);
  trace?.("rank");
  return page;
}

/** Hits ranked beyond the page, at first, so that collapsing a story's copies still fills it. */
const COPY_ROOM = 5;

/**
 * The page with each hit's copies (collapse.ts). Collapsed, a story's copies leave room on the
 * page: it is ranked deeper, COPY_ROOM hits more and then twice as deep, until it is full.
 */
async function storyPage(store: IndexStore, params: SearchParams, trace?: SearchTrace): Promise<RankedPage> {
  if (store.manifest.copyGroups === 0) {
    const ranked = await rankPage(store, params, trace);
    return { ...ranked, page: ranked.page.map((hit) => ({ ...hit, copies: [] })) };
  }
  // The groups are read while the query is ranked.
  if (params.collapse === false) {
    const [ranked, copies] = await Promise.all([rankPage(store, params, trace), store.copies()]);
    return { ...ranked, page: collapseCopies(ranked.page, copies, false) };
  }
  const wanted = params.offset + params.limit;
  for (let depth = wanted + COPY_ROOM; ; depth *= 2) {
    const [ranked, copies] = await Promise.all([
      rankPage(store, { ...params, offset: 0, limit: depth }, trace),
      store.copies(),
    ]);
    // Under relevance the canonical copy may stand in for its story; an order by date keeps the first.
    const stories = collapseCopies(ranked.page, copies, true, params.sort === "relevance");
    if (stories.length >= wanted || ranked.page.length < depth)
      return { ...ranked, page: stories.slice(params.offset, wanted) };
  }
}

async function rankPage(store: IndexStore, params: SearchParams, trace?: SearchTrace): Promise<Ranked> {
  const query = parseQuery(params.q, store.manifest.languages, { prefixLast: params.prefix ?? false });
  const browsing = query.groups.length === 0;
  if (browsing && query.excluded.length === 0 && params.q.trim() !== "") {
    trace?.("plan");
    // Nothing to find (stop words only): every facet asked for, empty.
    return params.facets?.length
      ? { ...NOTHING, facets: Object.fromEntries(params.facets.map((name) => [name, []])) }
      : NOTHING;
  }
  const faceted = (params.facets?.length ?? 0) > 0;
  const needsMeta = browsing || faceted || params.sort !== "relevance" || hasFilters(params);
  const tolerant = params.typos ?? true;
  const [{ terms, masks, postings, corrections }, meta, entities] = await Promise.all([
    plan(store, query, tolerant),
    needsMeta ? store.meta() : null,
    needsEntities(params, params.facets) ? store.entities() : null,
  ]);
  trace?.("plan");
  const finish = async (page: Omit<Ranked, "corrections">): Promise<Ranked> => ({
    ...page,
    corrections: await correctionsOf(store, query, { corrections, postings }, page.total + page.partialTotal, tolerant),
  });
  const { excluded, suspects } = exclusions(postings, query.excluded);
  const filter = meta ? filterTest(meta, entities, params) : null;
  const articles = store.manifest.articles;
  const k = params.offset + params.limit;
  const fields = store.manifest.config.fields;

  if (browsing) {
    const all: number[] = [];
    const matches: number[] = [];
    for (let id = 0; id < articles; id++) {
      if (excluded.has(id)) continue;
      if (faceted) matches.push(id);
      if (!filter || filter(id)) all.push(id);
    }
    const { best, total, exact } = await verifiedTop(
      store,
      all,
      k,
      newerFirst(meta!, null),
      phraseChecks([], masks, null, suspects, fields),
    );
    return {
      total,
      partialTotal: 0,
      totalExact: exact,
      page: best.slice(params.offset).map((position) => ({ position, score: null, terms: [], partial: false })),
      highlight: [],
      corrections: [],
      ...(faceted ? { facets: facetCounts(meta!, matchSet(matches, articles), params.facets!, params, entities) } : {}),
    };
  }

  // Every query word counts towards the line and the one-word shortcuts; a very common one
  // beside a rarer one is not asked for by the full matches.
  const queryWords = coverageOf(query.groups, masks).words.length;
  const ownFrequency = (bits: number) =>
    terms.reduce(
      (most, { term, weight, mask }) =>
        weight === 1 && (mask & bits) !== 0 ? Math.max(most, documentFrequency(postings.get(term))) : most,
      0,
    );
  const coverage = coverageOf(query.groups, masks, (bits) =>
    isCommon(ownFrequency(bits), articles, params.commonShare),
  );
  const fullFirst = queryWords <= (params.fullFirstWords ?? FULL_FIRST_WORDS);
  // The common query (relevance order, nothing to exclude, filter or verify) is ranked without
  // reading most postings of its frequent words; every other reads them all.
  const required = query.groups.some((group) => group.required);
  if (params.sort === "relevance" && !required && excluded.size === 0 && suspects.size === 0 && !filter) {
    const views = viewsOf(store);
    // The full matches are counted when they rank first or a total is shown, of a query of
    // several words (with one, every article found matches it all); the terms in scoring order
    // are made only for them or the facets.
    const counted = queryWords > 1 && (fullFirst || params.totals !== false);
    const lists = counted || faceted ? scoringOrder(postings, articles, terms) : [];
    const full = counted ? allWords(coverage, lists, views) : null;
    const tiers = full && fullFirst ? { full: (mask: number) => matchesAll(coverage, mask), ...full } : undefined;
    const top = topScored(postings, terms, k, views, tiers);
    full?.clear();
    let page: Omit<Ranked, "corrections">;
    try {
      const all = full?.count ?? top.total;
      page = pageOf(top.best, params.offset, { all, partial: top.total - all, exact: true }, (id) => top.scores[id]!, {
        terms,
        matched: top.masks,
        coverage,
      });
    } finally {
      top.release();
    }
    // Facets count every article listed: the holders of any query word, read from a bitset, unscored.
    if (faceted)
      page = { ...page, facets: facetCounts(meta!, anyWord(lists, views), params.facets!, params, entities) };
    return finish(page);
  }
  const accumulated = accumulate(postings, articles, terms);
  let page: Omit<Ranked, "corrections">;
  try {
    page = await ranked(store, params, query, { terms, masks }, accumulated, {
      meta,
      entities,
      excluded,
      suspects,
      filter,
      coverage,
      queryWords,
      fullFirst,
    });
  } finally {
    accumulated.release();
  }
  return finish(page);
}

interface Context {
  meta: ArticleMeta | null;
  /** The entity table, when the search filters or counts by entity. */
  entities: EntityIndex | null;
  excluded: Set<number>;
  suspects: Exclusions["suspects"];
  filter: ((id: number) => boolean) | null;
  coverage: Coverage;
  /** The query's words, those not asked for included. */
  queryWords: number;
  /** Whether the articles matching every query word rank first (relevance and recent). */
  fullFirst: boolean;
}

async function ranked(
  store: IndexStore,
  params: SearchParams,
  query: ParsedQuery,
  { terms, masks }: Pick<Plan, "terms" | "masks">,
  { ids, scores, masks: matched }: Accumulated,
  { meta, entities, excluded, suspects, filter, coverage, queryWords, fullFirst }: Context,
): Promise<Omit<Ranked, "corrections">> {
  const k = params.offset + params.limit;
  const fields = store.manifest.config.fields;
  const required = query.groups.filter((group) => group.required);
  // A required group's word clauses are judged by their bits; phrases are judged later, by reading.
  const clauseBits = (group: Group) => group.clauses.reduce((mask, clause) => mask | (masks.get(clause) ?? 0), 0);
  const requiredBits = required.map(clauseBits);
  const anyExcluded = excluded.size > 0;
  const cheap = (id: number) => {
    if ((anyExcluded && excluded.has(id)) || (filter && !filter(id))) return false;
    for (let g = 0; g < requiredBits.length; g++) if ((matched[id]! & requiredBits[g]!) === 0) return false;
    return true;
  };
  // A match as facets count it, unread: no excluded word, and each required group held (a word
  // of it, or every word of one of its phrases).
  const groupTests = required.map((group) => {
    const words = group.clauses.reduce(
      (bits, clause) => (clause.kind === "word" ? bits | (masks.get(clause) ?? 0) : bits),
      0,
    );
    const phrases = group.clauses.flatMap((clause) => (clause.kind === "phrase" ? [masks.get(clause) ?? 0] : []));
    return (bits: number) =>
      (bits & words) !== 0 || phrases.some((phrase) => phrase !== 0 && (bits & phrase) >>> 0 === phrase);
  });
  const matches = (id: number) =>
    !(anyExcluded && excluded.has(id)) && groupTests.every((holds) => holds(matched[id]!));
  // Facets count the matches before the filters, each facet applying all but its own.
  const facets =
    params.facets && params.facets.length > 0
      ? facetCounts(
          meta!,
          matchSet(
            excluded.size === 0 && required.length === 0 ? ids : filtered(ids, matches),
            store.manifest.articles,
          ),
          params.facets,
          params,
          entities,
        )
      : undefined;
  // The common query has nothing to check: every touched article is a candidate.
  const candidates = excluded.size === 0 && required.length === 0 && !filter ? ids : filtered(ids, cheap);
  // With one query word, every candidate matches it all: no tier to test.
  const tiered = queryWords > 1;
  const full = (id: number) => matchesAll(coverage, matched[id]!);

  let better: (a: number, b: number) => boolean;
  let shown: (id: number) => number = (id) => scores[id]!;
  if (params.sort === "date") {
    const newer = newerFirst(meta!, scores);
    const covered = (id: number) => wordsMatched(coverage, matched[id]!);
    better = (a, b) => covered(a) > covered(b) || (covered(a) === covered(b) && newer(a, b));
  } else if (params.sort === "recent") {
    const halfLife = params.halfLife ?? DEFAULT_HALF_LIFE_DAYS;
    const { days, newestDay, oldestDay } = meta!;
    const age = (id: number) => newestDay - (Number.isNaN(days[id]!) ? oldestDay : days[id]!);
    // Compared in logarithms, so centuries-old articles do not underflow to zero.
    const key = (id: number) => Math.log(scores[id]!) - (Math.LN2 * age(id)) / halfLife;
    better = (a, b) => key(a) > key(b) || (key(a) === key(b) && a < b);
    shown = (id) => scores[id]! * 0.5 ** (age(id) / halfLife);
  } else {
    better = (a, b) => scores[a]! > scores[b]! || (scores[a] === scores[b] && a < b);
  }
  if (fullFirst && tiered && params.sort !== "date") {
    const byScore = better;
    better = (a, b) => (full(a) === full(b) ? byScore(a, b) : full(a));
  }
  // The score is the order's key only when no tier comes before it.
  const scoreKey = params.sort === "relevance" && !(fullFirst && tiered) ? scores : undefined;
  const verified = await verifiedTop(
    store,
    candidates,
    k,
    better,
    phraseChecks(required, masks, matched, suspects, fields),
    scoreKey,
    tiered ? full : undefined,
  );
  const totals = { all: verified.full, partial: verified.total - verified.full, exact: verified.exact };
  const page = pageOf(verified.best, params.offset, totals, shown, { terms, matched, coverage });
  return facets ? { ...page, facets } : page;
}

/** The requested page of the best articles, their shown scores, the terms they matched and whether they match every word. */
function pageOf(
  best: readonly number[],
  offset: number,
  totals: { all: number; partial: number; exact: boolean },
  shown: (id: number) => number,
  { terms, matched, coverage }: { terms: readonly ScoringTerm[]; matched: Uint32Array; coverage: Coverage },
): Omit<Ranked, "corrections"> {
  const highlighted = terms.filter((term) => best.some((id) => (matched[id]! & term.mask) !== 0));
  return {
    total: totals.all,
    partialTotal: totals.partial,
    totalExact: totals.exact,
    page: best.slice(offset).map((position) => ({
      position,
      score: Math.round(shown(position) * 1e4) / 1e4,
      terms: highlighted.flatMap((term, number) => ((matched[position]! & term.mask) !== 0 ? [number] : [])),
      partial: !matchesAll(coverage, matched[position]!),
    })),
    highlight: highlighted.map((term) => term.term),
  };
}

/**
 * Hits of a page, at most, whose snippet is taken from their whole text when their lede does not
 * show their words: each reads a whole article, so a page's reads stay bounded.
 */
export const DEEP_SNIPPETS = 4;

/** The query with each corrected word, in order, replaced by how `written` spells its term; null without corrections. */
function suggestion(
  query: string,
  corrections: RankedPage["corrections"],
  written: (term: string) => string,
): string | null {
  if (corrections.length === 0) return null;
  let suggested = "";
  let cursor = 0;
  for (const { word, term } of corrections) {
    const at = query.indexOf(word, cursor);
    if (at < 0) continue;
    suggested += query.slice(cursor, at) + written(term);
    cursor = at + word.length;
  }
  return suggested + query.slice(cursor);
}

/** How a caller other than /search (related stories) shapes its page of hits. */
export interface PageShape {
  /**
   * The hits to show, as indices into the ranked page in the order to show them, chosen from
   * their positions, scores and cards before their snippets and copies are made. Default: all,
   * in rank order.
   */
  choose?: (page: {
    positions: readonly number[];
    scores: readonly (number | null)[];
    cards: readonly HitCard[];
  }) => number[];
  /** Hits at most whose snippet may come from their whole text (DEEP_SNIPPETS). */
  deepSnippets?: number;
}

export async function search(
  store: IndexStore,
  params: SearchParams,
  trace?: SearchTrace,
  { choose, deepSnippets = DEEP_SNIPPETS }: PageShape = {},
): Promise<SearchResult> {
  const ranked = await rank(store, params, trace);
  let page = ranked.page;
  let positions = page.map(({ position }) => position);
  let chosenCards: HitCard[] | undefined;
  if (choose) {
    const all = await store.cards(positions);
    const chosen = choose({ positions, scores: page.map(({ score }) => score), cards: all });
    page = chosen.map((i) => page[i]!);
    positions = chosen.map((i) => positions[i]!);
    chosenCards = chosen.map((i) => all[i]!);
  }
  const copyPositions = [...new Set(page.flatMap(({ copies }) => copies))];
  const [cards, copyCards] = await Promise.all([
    chosenCards ?? store.cards(positions),
    copyPositions.length > 0 ? store.cards(copyPositions) : [],
  ]);
  const copyCard = new Map(copyPositions.map((position, n) => [position, copyCards[n]!]));
  // One matcher a language: a hit's words are analysed as the build analysed its article.
  const matchers = new Map<string, TermMatcher>();
  const matcherOf = (language: string) => {
    let matcher = matchers.get(language);
    if (!matcher) matchers.set(language, (matcher = termMatcher(ranked.highlight, language)));
    return matcher;
  };
  // An article holds no word of a query word it did not match, when the index holds its body:
  // its snippet then looks only for the terms of the words it matched.
  const bodyIndexed = store.manifest.config.fields.includes("body");
  const matcherFor = (card: HitCard, terms: readonly number[]) => {
    const matcher = matcherOf(card.language ?? DEFAULT_LANGUAGE);
    return bodyIndexed ? matcher.only(terms) : matcher;
  };
  // The snippet comes from the card's lede; the best-ranked hits (DEEP_SNIPPETS at most) whose
  // lede and title hold none of the words they matched are shown from their whole text instead,
  // so their snippets say why they were found.
  const hitMatchers = page.map(({ terms }, i) => matcherFor(cards[i]!, terms));
  const deeper = page
    .flatMap(({ terms }, i) => {
      const card = cards[i]!;
      const shows = (text: string) => hitMatchers[i]!.find(text).length > 0;
      return terms.length > 0 && !shows(card.title) && !card.text.some(shows) ? [i] : [];
    })
    .slice(0, deepSnippets);
  const bodies = new Map<number, readonly string[]>();
  if (deeper.length > 0) {
    const articles = await store.articles(deeper.map((i) => positions[i]!));
    deeper.forEach((i, n) => {
      bodies.set(i, articles[n]!.body);
    });
  }
  trace?.("cards");
  // A corrected word as the page's hits write it: the first word of a title or of the text
  // shown whose term it is.
  const written = (term: string) => {
    for (const [i, card] of cards.entries()) {
      const matcher = matcherOf(card.language ?? DEFAULT_LANGUAGE);
      for (const text of [card.title, ...(bodies.get(i) ?? card.text)]) {
        const found = matcher.find(text).find((match) => match.term === term);
        if (found) return text.slice(found.start, found.end);
      }
    }
    return term;
  };
  const result = {
    query: params.q,
    total: ranked.total,
    partialTotal: ranked.partialTotal,
    totalExact: ranked.totalExact,
    didYouMean: suggestion(params.q, ranked.corrections, written),
    offset: params.offset,
    limit: params.limit,
    hits: page.map(({ score, partial, copies }, i) => {
      const card = cards[i]!;
      return {
        id: card.id,
        title: card.title,
        url: card.url,
        source: card.source,
        published: card.published,
        snippet: snippet(bodies.get(i) ?? card.text, hitMatchers[i]!),
        score,
        partial,
        copies: copies.map((position) => copyOf(copyCard.get(position)!)),
      };
    }),
    ...(ranked.facets ? { facets: ranked.facets } : {}),
  };
  trace?.("snippets");
  return result;
}
