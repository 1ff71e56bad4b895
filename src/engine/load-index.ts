// Loads the index artefacts once per isolate: checks the format, imports the FlexSearch
// chunks and parses the article store. The promise is cached, so concurrent first requests
// share one load. The phonetic table is parsed on first use only.
import { Index, type IntermediateSearchResults } from "flexsearch";
import { flexOptions, formatMismatch, type Article, type IndexArtefacts, type IndexManifest } from "../index-format.js";
import { NewsfindError } from "../http/errors.js";

export interface LoadedIndex {
  manifest: IndexManifest;
  index: Index;
  /** Articles by their position, which is their FlexSearch id. */
  articles: Article[];
  byId: Map<string, Article>;
  /** Each article's publication day (days since 1970-01-01), NaN when undated. */
  days: Float64Array;
  /** The newest and oldest publication days (0 when no article is dated): `sort=recent` measures age from the newest and dates undated articles as the oldest. */
  newestDay: number;
  oldestDay: number;
  /** A term's impact-ordered posting list (slot 0 holds the highest impact), or undefined. */
  postings(term: string): IntermediateSearchResults | undefined;
  /** Index terms that sound like the given phonetic key, most frequent first. */
  soundsLike(key: string): readonly string[];
}

function dayNumber(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;
}

type Postings = IntermediateSearchResults | undefined;

/**
 * A term's posting list. The public way, `search(term, { resolve: false }).result`, costs
 * microseconds of Resolver setup a call, and typo tolerance looks up hundreds of terms a word;
 * FlexSearch's own term map returns the same array directly. The map is used only after it
 * is checked to agree with the public way, so a FlexSearch upgrade that changes it falls back.
 */
function postingsReader(index: Index): (term: string) => Postings {
  const viaSearch = (term: string): Postings => {
    const found = index.search(term, { resolve: false }).result;
    return found.length > 0 ? found : undefined;
  };
  const map = (index as unknown as { map?: unknown }).map;
  if (!(map instanceof Map) || map.size === 0) return viaSearch;
  const sample = map.keys().next().value as string;
  if (map.get(sample) !== viaSearch(sample)) return viaSearch;
  const terms = map as Map<string, IntermediateSearchResults>;
  return (term) => terms.get(term);
}

function load(artefacts: IndexArtefacts): LoadedIndex {
  const mismatch = formatMismatch(artefacts.manifest);
  if (mismatch) throw new NewsfindError("index-unavailable", `The search index cannot be used: ${mismatch}.`);
  const index = new Index(flexOptions());
  for (const [key, data] of Object.entries(artefacts.chunks)) index.import(key, data);
  const articles = JSON.parse(artefacts.articles) as Article[];
  const days = Float64Array.from(articles, (article) => (article.published ? dayNumber(article.published) : Number.NaN));
  let newestDay = -Infinity;
  let oldestDay = Infinity;
  for (const day of days) {
    if (day > newestDay) newestDay = day;
    if (day < oldestDay) oldestDay = day;
  }
  let phonetic: Map<string, string[]> | undefined;
  const postings = postingsReader(index);
  return {
    manifest: artefacts.manifest,
    index,
    articles,
    byId: new Map(articles.map((article) => [article.id, article])),
    days,
    newestDay: Number.isFinite(newestDay) ? newestDay : 0,
    oldestDay: Number.isFinite(oldestDay) ? oldestDay : 0,
    postings,
    soundsLike(key) {
      phonetic ??= new Map(
        artefacts.phonetic
          .split("\n")
          .filter(Boolean)
          .map((line) => {
            const [code, ...terms] = line.split(" ");
            return [code!, terms];
          }),
      );
      return phonetic.get(key) ?? [];
    },
  };
}

/** Returns a loader that reads the artefacts on first call and shares the result after. */
export function indexLoader(artefacts: IndexArtefacts): () => Promise<LoadedIndex> {
  let loading: Promise<LoadedIndex> | undefined;
  return () => {
    loading ??= Promise.resolve().then(() => load(artefacts));
    return loading;
  };
}
