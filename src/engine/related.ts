// Related stories (GET /articles/:id/related): the articles most like one article, found at
// query time by a search for its words, read from its hit card (a small read, not the whole
// article): the words of its title (what the story is about, the rare and the common), then
// those of its opening (the card's text, where a news story says what it is) that are rarest
// in the archive for how often the article uses them; each group in order of tf × BM25's idf
// (a title word counted three times, as the ranking weighs titles, and so is a word of a
// person, organisation or place the build found the article naming: build/entities/), ten
// words in all, none of them too common to tell stories apart; the search ranks by BM25F
// alone, all words optional.
// The article itself never comes back, nor do its copies: those the build grouped with it
// (build/copies.ts), and hits whose opening and the article's share at least half the
// three-word runs of the shorter (a wire story run again, re-headlined, cut short or with a
// footer added), or whose title is the article's; nor a second copy of a story listed above
// it. Among near-equals the newer is preferred: a hit's score gains up to a tenth, halving
// with every year it is older than the archive's newest article.
import { DEFAULT_LANGUAGE } from "../analysis/languages.js";
import { analyzeWord } from "../analysis/analyze.js";
import { fold } from "../analysis/fold.js";
import { words } from "../analysis/tokenize.js";
import { isCommon } from "./rank/coverage.js";
import { type Hit, type PageShape, type SearchParams, search } from "./search.js";
import type { IndexStore } from "./store/store.js";

/** What a related search asks for (RELATED; eval:related compares other settings). */
export interface RelatedOptions {
  /** Words of the article asked for: enough to say what it is about. */
  words: number;
  /**
   * A word held by more than this share of the archive's articles, and by more than
   * `commonFloor` of them, is left out (rank/coverage.ts's `isCommon`): too common to say what
   * a story is about ("update", "says"), as Lucene's MoreLikeThis leaves out words above its
   * maxDocFreqPct. Such a word weighs little in BM25, and its posting list is among the longest
   * a search reads. The floor keeps every word whose list is short enough to cost little, so a
   * small archive keeps all its words (docs/related.md says what leaving them out costs).
   */
  commonShare: number;
  commonFloor: number;
}
export const RELATED: RelatedOptions = { words: 10, commonShare: 0.05, commonFloor: 1_000 };
/** A title word counts this many times, as the ranking's title weight does. */
const TITLE_COUNT = 3;
/** A hit whose opening shares at least this share of its three-word runs with the article's is a copy. */
export const COPY_OVERLAP = 0.5;
/** The most a hit's score gains for being new, and the age in days that halves the gain. */
const RECENCY_GAIN = 0.1;
const RECENCY_HALF_LIFE_DAYS = 365;
/** Hits asked for beyond the limit: the article itself and its copies are among them. */
const SPARE = 5;

const DAY_MS = 86_400_000;

/** The article's title words, then its most distinctive other words, as it writes them. */
async function distinctiveWords(
  store: IndexStore,
  title: string,
  opening: readonly string[],
  language: string,
  named: readonly string[],
  { words: asked, commonShare, commonFloor }: RelatedOptions,
) {
  const counts = new Map<string, { word: string; count: number }>();
  const add = (text: string, weight: number) => {
    for (const word of words(text)) {
      const term = analyzeWord(word, language);
      if (term === null) continue;
      const seen = counts.get(term);
      if (seen) seen.count += weight;
      else counts.set(term, { word: word.toLowerCase(), count: weight });
    }
  };
  add(title, TITLE_COUNT);
  const titled = new Set(counts.keys());
  for (const paragraph of opening) add(paragraph, 1);
  // The article's entities weigh as title words do: what a story is about, by name.
  const boosted = new Set<string>();
  for (const name of named) {
    for (const word of words(name)) {
      const term = analyzeWord(word, language);
      if (term === null || boosted.has(term)) continue;
      boosted.add(term);
      const seen = counts.get(term);
      if (seen) seen.count += TITLE_COUNT;
      else counts.set(term, { word: word.toLowerCase(), count: TITLE_COUNT });
    }
  }
  const frequencies = await store.frequencies([...counts.keys()]);
  const articles = store.manifest.articles;
  return (
    [...counts]
      .flatMap(([term, { word, count }]) => {
        const df = frequencies.get(term) ?? 0;
        // A word no other article holds relates to nothing; one that too many hold, too much.
        // BM25's idf: a word every article holds still counts a little, as it does in the ranking.
        const weight = count * Math.log(1 + (articles - df + 0.5) / (df + 0.5));
        return df >= 2 && !isCommon(df, articles, commonShare, commonFloor)
          ? [{ word, title: titled.has(term), weight }]
          : [];
      })
      // Title words first, each group most distinctive first.
      .sort(
        (a, b) =>
          Number(b.title) - Number(a.title) || b.weight - a.weight || (a.word < b.word ? -1 : a.word > b.word ? 1 : 0),
      )
      .slice(0, asked)
      .map(({ word }) => word)
  );
}

/** A 32-bit FNV-1a hash of a word. */
function wordHash(word: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) hash = Math.imul(hash ^ word.charCodeAt(i), 0x01000193);
  return hash;
}

/**
 * The three-word runs of a text, folded, each hashed to a small integer: a set of small
 * integers is far cheaper to build and compare than one of strings. Two runs of the few hundred
 * compared share a hash by chance about once in a few thousand searches, and then count as one more
 * shared run among the dozens a copy shares.
 */
function shingles(paragraphs: readonly string[]): Set<number> {
  const hashes: number[] = [];
  // Folded whole: folding keeps the words' letters and digits, so its words are the folded words.
  for (const paragraph of paragraphs) for (const word of words(fold(paragraph))) hashes.push(wordHash(word));
  const runs = new Set<number>();
  for (let i = 0; i + 2 < hashes.length; i++) {
    const run = Math.imul(Math.imul(hashes[i]!, 0x9e3779b1) ^ hashes[i + 1]!, 0x85ebca6b) ^ hashes[i + 2]!;
    runs.add(Math.imul(run ^ (run >>> 15), 0xc2b2ae35) >>> 2);
  }
  return runs;
}

/** Whether two openings share most of the shorter one's runs. */
function overlaps(a: Set<number>, b: Set<number>): boolean {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (small.size === 0) return false;
  let shared = 0;
  for (const run of small) if (large.has(run)) shared++;
  return shared >= COPY_OVERLAP * small.size;
}

/** The gain of a hit published on `day` (YYYY-MM-DD) in an archive whose newest day is `newest`. */
function recencyGain(published: string | null, newest: number): number {
  if (!published || !Number.isFinite(newest)) return 1;
  const age = Math.max(0, newest - Date.parse(`${published}T00:00:00Z`) / DAY_MS);
  return 1 + RECENCY_GAIN * 0.5 ** (age / RECENCY_HALF_LIFE_DAYS);
}

/** At most `limit` articles like the one at `position`, best first; none when it has no distinctive word. */
export async function related(
  store: IndexStore,
  position: number,
  limit: number,
  options: RelatedOptions = RELATED,
): Promise<Hit[]> {
  // An archive without entities has no table to read, nor one without copies a groups file.
  const [[article], entities, meta, copies] = await Promise.all([
    store.cards([position]),
    store.manifest.entities > 0 ? store.entities() : null,
    store.meta(),
    store.manifest.copyGroups > 0 ? store.copies() : null,
  ]);
  if (!article) return [];
  const language = article.language ?? DEFAULT_LANGUAGE;
  const named: string[] = [];
  if (entities)
    for (let e = entities.offsets[position]!; e < entities.offsets[position + 1]!; e++)
      named.push(entities.names[entities.ids[e]!]!);
  const asked = await distinctiveWords(store, article.title, article.text, language, named, options);
  if (asked.length === 0) return [];
  // The hits' cards hold their openings. A hit is left out when it is a copy of the article or
  // of a hit kept before it (two runs of one wire story are one related story).
  // The copies the build grouped with it (build/copies.ts) are left out by position.
  // Only the hits kept get snippets, each from its card: a related story's snippet is its
  // opening, its shared words marked, never a whole article read.
  const own = new Set(copies?.of(position) ?? [position]);
  const newest = meta.newestDay;
  // Hits are taken in the order they are shown, each checked against the article and the hits
  // taken before it, until the page is full: a page of five looks at few more than five openings.
  const choose: PageShape["choose"] = ({ positions, scores, cards }) => {
    const seen = [{ title: fold(article.title), opening: shingles(article.text) }];
    const kept: number[] = [];
    const order = cards
      .map((card, index) => ({ index, rank: (scores[index] ?? 0) * recencyGain(card.published, newest) }))
      .sort((a, b) => b.rank - a.rank || a.index - b.index);
    for (const { index } of order) {
      if (kept.length >= limit) break;
      if (own.has(positions[index]!)) continue;
      const title = fold(cards[index]!.title);
      const opening = shingles(cards[index]!.text);
      if (seen.some((other) => (title !== "" && other.title === title) || overlaps(other.opening, opening))) continue;
      seen.push({ title, opening });
      kept.push(index);
    }
    return kept;
  };
  const query: SearchParams = {
    q: asked.join(" "),
    limit: limit + SPARE,
    offset: 0,
    sort: "relevance",
    typos: false,
    fullFirstWords: 0,
    totals: false,
  };
  return (await search(store, query, undefined, { choose, deepSnippets: 0 })).hits;
}
