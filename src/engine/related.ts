// Related stories (GET /articles/:id/related): the articles most like one article, found at
// query time by a search for its words: the words of its title (what the story is about, the
// rare and the common), then those of its lede that are rarest in the archive for how often
// the article uses them; each group in order of tf × BM25's idf (a title word counted three
// times, as the ranking weighs titles, and so is a word of a person, organisation or place the
// build found the article naming: build/entities/), ten words in all; the search ranks by BM25F alone, all
// words optional. The article itself never comes back, nor do its copies: those the build
// grouped with it (build/copies.ts), and hits whose opening (the text of their hit card) and
// the article's share at least half the three-word runs of the shorter (a wire story run
// again, re-headlined, cut short or with a footer added), or whose title is the article's; nor
// a second copy of a story already listed. Among near-equals the newer is preferred: a hit's
// score gains up to a tenth, halving with every year it is older than the archive's newest
// article.
import { DEFAULT_LANGUAGE } from "../analysis/languages.js";
import { analyzeWord } from "../analysis/analyze.js";
import { fold } from "../analysis/fold.js";
import { words } from "../analysis/tokenize.js";
import { leadText } from "../format/hit-card.js";
import type { Hit } from "./search.js";
import { searchPage } from "./search.js";
import type { IndexStore } from "./store/store.js";

/** Words of the article a related search asks for: enough to say what it is about. */
export const RELATED_WORDS = 10;
/** Words of the body read for them: the lede and what follows, where a story says what it is. */
const BODY_WORDS = 300;
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
  body: readonly string[],
  language: string,
  named: readonly string[],
) {
  const counts = new Map<string, { word: string; count: number }>();
  const add = (text: string, weight: number, budget: number) => {
    let taken = 0;
    for (const word of words(text)) {
      if (taken++ >= budget) break;
      const term = analyzeWord(word, language);
      if (term === null) continue;
      const seen = counts.get(term);
      if (seen) seen.count += weight;
      else counts.set(term, { word: word.toLowerCase(), count: weight });
    }
    return taken;
  };
  add(title, TITLE_COUNT, Number.POSITIVE_INFINITY);
  const titled = new Set(counts.keys());
  let left = BODY_WORDS;
  for (const paragraph of body) {
    if (left <= 0) break;
    left -= add(paragraph, 1, left);
  }
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
        // A word no other article holds relates to nothing.
        // BM25's idf: a word every article holds still counts a little, as it does in the ranking.
        const weight = count * Math.log(1 + (articles - df + 0.5) / (df + 0.5));
        return df >= 2 ? [{ word, title: titled.has(term), weight }] : [];
      })
      // Title words first, each group most distinctive first.
      .sort(
        (a, b) =>
          Number(b.title) - Number(a.title) || b.weight - a.weight || (a.word < b.word ? -1 : a.word > b.word ? 1 : 0),
      )
      .slice(0, RELATED_WORDS)
      .map(({ word }) => word)
  );
}

/** The three-word runs of a text, folded. */
function shingles(paragraphs: readonly string[]): Set<string> {
  const folded = paragraphs.flatMap((paragraph) => words(paragraph).map(fold));
  const runs = new Set<string>();
  for (let i = 0; i + 2 < folded.length; i++) runs.add(`${folded[i]} ${folded[i + 1]} ${folded[i + 2]}`);
  return runs;
}

/** Whether two openings share most of the shorter one's runs. */
function overlaps(a: Set<string>, b: Set<string>): boolean {
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
export async function related(store: IndexStore, position: number, limit: number): Promise<Hit[]> {
  // An archive without entities has no table to read.
  const [[article], entities] = await Promise.all([
    store.articles([position]),
    store.manifest.entities > 0 ? store.entities() : null,
  ]);
  if (!article) return [];
  const language = article.language ?? DEFAULT_LANGUAGE;
  const named: string[] = [];
  if (entities)
    for (let e = entities.offsets[position]!; e < entities.offsets[position + 1]!; e++)
      named.push(entities.names[entities.ids[e]!]!);
  const asked = await distinctiveWords(store, article.title, article.body, language, named);
  if (asked.length === 0) return [];
  const { result, positions, cards } = await searchPage(store, {
    q: asked.join(" "),
    limit: limit + SPARE,
    offset: 0,
    sort: "relevance",
    typos: false,
    fullFirstWords: 0,
  });
  // The hits' cards hold their openings. A hit is left out when it is a copy of the article or
  // of a hit kept before it (two runs of one wire story are one related story).
  // The copies the build grouped with it (build/copies.ts) are left out by position.
  // An archive without copies has no groups to read.
  const [meta, copies] = await Promise.all([store.meta(), store.manifest.copyGroups > 0 ? store.copies() : null]);
  const own = new Set(copies?.of(position) ?? [position]);
  const seen = [{ title: fold(article.title), opening: shingles(leadText(article.body)) }];
  const kept: Hit[] = [];
  result.hits.forEach((hit, i) => {
    if (own.has(positions[i]!)) return;
    const title = fold(cards[i]!.title);
    const opening = shingles(cards[i]!.text);
    if (seen.some((other) => (title !== "" && other.title === title) || overlaps(other.opening, opening))) return;
    seen.push({ title, opening });
    kept.push(hit);
  });
  const newest = meta.newestDay;
  return kept
    .map((hit) => ({ hit, rank: (hit.score ?? 0) * recencyGain(hit.published, newest) }))
    .sort((a, b) => b.rank - a.rank)
    .slice(0, limit)
    .map(({ hit }) => hit);
}
