// The scale bench's field stream: queries as a news site's search box receives them, every one
// distinct, so no engine answers from a cache the same string warmed. Four measured kinds:
//   headline  the known-item headlines (a reader looking for an article they remember);
//   two-word  the first two words of other titles (`twoWordQuery`), as most typed queries are;
//   typo      two-word queries of yet other titles with a typo (`withTypos`), kept when changed;
//   long      the lede of yet other articles, 30 to 60 words, as a pasted paragraph.
// The measured kinds are interleaved by a seeded shuffle; a warm-up of further queries, of every
// kind, is sent untimed first. Articles whose title is a known-item headline give no query; any
// other gives at most one, and each kind's articles are spread evenly over the whole subset.
// `fieldStream` is pure; `loadFieldStream` reads the query file and the corpus subset.
import { createReadStream, readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { seededRandom, shuffled } from "../seeded-random.js";
import { withTypos } from "../typos.js";
import { parseTitleQueries, twoWordQuery } from "./scale-queries.js";

export const FIELD_KINDS = ["headline", "two-word", "typo", "long"] as const;
export type FieldKind = (typeof FIELD_KINDS)[number];

export interface FieldQuery {
  kind: FieldKind;
  text: string;
  /** The title the query was made from (a headline's is itself). */
  source: string;
}

export interface FieldStream {
  /** Sent first, untimed: queries of every kind, none of them in `measured`. */
  warmup: FieldQuery[];
  /** Sent once each, timed: the kinds interleaved. */
  measured: FieldQuery[];
}

/** An article of the corpus subset, as the stream reads it. */
export interface FieldArticle {
  title: string;
  /** The text, paragraphs separated by a blank line; only the opening paragraphs are read. */
  body: string;
}

export interface FieldStreamOptions {
  /** Seeds the shuffle and the typos: the same seed, the same stream. Default 1; `{ seed: 2 }` draws another. */
  seed?: number;
  /** Two-word queries. Default 1,000. */
  twoWord?: number;
  /** Queries with a typo. Default 300. */
  typo?: number;
  /** Long queries. Default 50. */
  long?: number;
  /** Warm-up queries, sent untimed before the measured ones. Default 200. */
  warmup?: number;
  /** Fewest and most words of a long query. Default `{ min: 30, max: 60 }`. */
  longWords?: { min: number; max: number };
  /** Most characters of a long query: newsfind's /search takes a q of at most 500. Default 500. */
  maxChars?: number;
  /** A typo goes into each word of at least this many letters (`withTypos`). Default 5, as in the typo reads of the scale bench. */
  typoMinLength?: number;
}

/** What makes two queries the same to an engine: their words, lower-cased, punctuation aside. */
export const queryKey = (text: string) =>
  text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .join(" ");

/** The body's opening paragraphs, as many as reach `words` words (all of a shorter body). */
export function openingParagraphs(body: string, words: number): string[] {
  const taken: string[] = [];
  let count = 0;
  for (const paragraph of body.split(/\n\s*\n/)) {
    if (count >= words) break;
    const text = paragraph.trim();
    if (text === "") continue;
    taken.push(text);
    count += text.split(/\s+/).length;
  }
  return taken;
}

/** The opening paragraphs cut at a word boundary to `min`..`max` words and `maxChars`, or null when too short. */
export function lede(body: string, { min, max }: { min: number; max: number }, maxChars: number): string | null {
  const words = openingParagraphs(body, min).join(" ").split(/\s+/).filter(Boolean).slice(0, max);
  while (words.length > min && words.join(" ").length > maxChars) words.pop();
  const text = words.join(" ");
  return words.length >= min && text.length <= maxChars ? text : null;
}

/** Each kind's quota falls due by this fraction of the subset; the rest makes up for articles that gave no query. */
const SCHEDULE_END = 0.9;
/** The warm-up's queries take the kinds in turn. */
const WARMUP_TURNS = FIELD_KINDS;

type Dealt = "two-word" | "typo" | "long" | "warmup";

/** The stream of the known-item headlines and the subset's articles, in corpus order (see the header). */
export function fieldStream(
  knownItems: readonly string[],
  articles: readonly FieldArticle[],
  {
    seed = 1,
    twoWord = 1000,
    typo = 300,
    long = 50,
    warmup = 200,
    longWords = { min: 30, max: 60 },
    maxChars = 500,
    typoMinLength = 5,
  }: FieldStreamOptions = {},
): FieldStream {
  const random = seededRandom(seed);
  const seen = new Set<string>();
  /** The query when no query yet has its key, else null. */
  const fresh = (text: string | null) => {
    const key = text === null ? "" : queryKey(text);
    if (key === "" || seen.has(key)) return null;
    seen.add(key);
    return text;
  };

  const make = (kind: FieldKind, { title, body }: FieldArticle): string | null => {
    const short = twoWordQuery(title);
    switch (kind) {
      case "headline":
        return title.replace(/\s+/g, " ").trim();
      case "two-word":
        return short;
      case "typo": {
        if (short === null) return null;
        const typed = withTypos(short, Math.floor(random() * 2 ** 32), typoMinLength);
        return queryKey(typed) === queryKey(short) ? null : typed;
      }
      case "long":
        return lede(body, longWords, maxChars);
    }
  };

  const measured: FieldQuery[] = [];
  for (const headline of knownItems) {
    const text = fresh(headline.trim());
    if (text) measured.push({ kind: "headline", text, source: headline });
  }
  const known = new Set(knownItems.map(queryKey));
  const pool = articles.filter(({ title }) => title.trim() !== "" && !known.has(queryKey(title)));

  // Deal the pool in order: each article to the kind furthest behind its even share so far that
  // can make a fresh query of it (a title of one short word makes no two-word query, say).
  const quota: Record<Dealt, number> = { "two-word": twoWord, typo, long, warmup };
  const dealt: Record<Dealt, FieldQuery[]> = { "two-word": [], typo: [], long: [], warmup: [] };
  pool.forEach((article, index) => {
    const progress = Math.min(1, (index + 1) / (pool.length * SCHEDULE_END));
    const behind = (kind: Dealt) => quota[kind] * progress - dealt[kind].length;
    const due = (Object.keys(quota) as Dealt[])
      .filter((kind) => dealt[kind].length < quota[kind] && behind(kind) > 0)
      .sort((a, b) => behind(b) - behind(a));
    for (const kind of due) {
      const as = kind === "warmup" ? WARMUP_TURNS[dealt.warmup.length % WARMUP_TURNS.length]! : kind;
      const text = fresh(make(as, article));
      if (text === null) continue;
      dealt[kind].push({ kind: as, text, source: article.title });
      return;
    }
  });

  return {
    warmup: dealt.warmup,
    measured: shuffled([...measured, ...dealt["two-word"], ...dealt.typo, ...dealt.long], random),
  };
}

/** The title and opening paragraphs (enough for a long query) of each article of a JSON Lines file. */
export async function readFieldArticles(path: string, words = 60): Promise<FieldArticle[]> {
  const input = createReadStream(path);
  const articles: FieldArticle[] = [];
  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    if (line.trim() === "") continue;
    const record = JSON.parse(line) as { title?: unknown; body?: unknown };
    if (typeof record.title !== "string") continue;
    const body = typeof record.body === "string" ? openingParagraphs(record.body, words).join("\n\n") : "";
    articles.push({ title: record.title, body });
  }
  return articles;
}

/** The stream of the known-item query file (id, text; header line) and a corpus subset's articles. */
export async function loadFieldStream(
  queriesPath: string,
  subsetPath: string,
  options: FieldStreamOptions = {},
): Promise<FieldStream> {
  const knownItems = parseTitleQueries(readFileSync(queriesPath, "utf8"));
  return fieldStream(knownItems, await readFieldArticles(subsetPath, options.longWords?.max), options);
}
