// Turns raw articles into the clean articles the index stores: stable ids, a title for every
// article, and duplicates set aside (reported, not indexed).
import slugify from "@sindresorhus/slugify";
import { DETAIL_KEYS, type Article, type ArticleDetails } from "../src/index-format.js";
import { bodyLength } from "./compile-index.js";
import { withBodyOf } from "./article-store.js";
import { MAX_BODY_CHARS, VERY_SHORT_CHARS } from "./limits.js";
import type { BuildReport, RawArticle, Warning, WarningKind } from "./types.js";

const TITLE_WORDS = 12;
const SLUG_MAX = 80;

/** A title from the text when the article has none: its first sentence, cut at a word. */
export function deriveTitle(body: string[]): string {
  const first = body[0] ?? "";
  const sentence = /^(.+?[.!?])(\s|$)/.exec(first)?.[1] ?? first;
  const words = sentence.split(" ");
  return words.length <= TITLE_WORDS ? sentence : `${words.slice(0, TITLE_WORDS).join(" ")}…`;
}

/** The id of an article without one: a slug of its title and date, stable across builds. */
function articleId(title: string, published: string | null): string {
  const slug = slugify(title).slice(0, SLUG_MAX).replace(/-+$/, "") || "article";
  return published ? `${slug}-${published}` : slug;
}

/** The details an item has (those left out stay out of the article store). */
export function detailsOf(item: ArticleDetails): ArticleDetails {
  const details: ArticleDetails = {};
  for (const key of DETAIL_KEYS) {
    const value = item[key];
    if (value !== undefined && value !== null && value !== false && !(Array.isArray(value) && value.length === 0))
      (details as Record<string, unknown>)[key] = value;
  }
  return details;
}

export interface Finalized<T extends RawArticle = RawArticle> {
  articles: Article[];
  duplicates: BuildReport["duplicates"];
  /** Warnings about kept articles (no date, headline only, renamed id...). */
  warnings: Warning[];
  /** The raw article each clean one came from, by position. */
  sources: T[];
}

/**
 * An article with the item's body. The body is carried over where the item keeps it, so a body
 * in the build's store or one the build cache reads again on demand stays unread until needed.
 */
function withBody(article: Omit<Article, "body">, item: RawArticle): Article {
  return withBodyOf(article, item) as Article;
}

/** What the build warns of for a kept article, from its fields alone (a cached article's too). */
function articleWarnings(item: RawArticle, bodyChars: number): Warning[] {
  const at = (kind: WarningKind, reason: string): Warning => ({ path: item.origin, kind, reason });
  const warnings: Warning[] = [];
  if (bodyChars === 0) warnings.push(at("headline-only", "headline only, no article text (indexed by its headline)"));
  else if (item.title === null) warnings.push(at("no-title", "no title: the first sentence stands in for one"));
  if (bodyChars > 0 && bodyChars < VERY_SHORT_CHARS)
    warnings.push(at("very-short", `very short: ${bodyChars} characters of text`));
  if (item.published === null) warnings.push(at("no-date", "no publication date: date filters and sorts leave it out"));
  if (item.summaryOnly) warnings.push(at("summary-only", "summary only: the source gave no full text"));
  if (item.truncated)
    warnings.push(at("truncated", `text cut at the length limit (${MAX_BODY_CHARS.toLocaleString("en")} characters)`));
  return warnings;
}

/**
 * Settles ids and titles, sets true duplicates aside (same id or made-up id, same title and
 * text), keeps an article whose given id another article already has under a numbered id
 * (warned of), and lists the warnings of every kept article.
 */
export function finalizeArticles<T extends RawArticle & { bodyHash?: string; bodyChars?: number }>(
  raw: T[],
): Finalized<T> {
  // Ids to positions among the kept articles: a hundred thousand articles take their ids and
  // numbers here, while the articles themselves may wait on disk (article-store.ts).
  const byId = new Map<string, number>();
  const articles: Article[] = [];
  const sources: T[] = [];
  const duplicates: BuildReport["duplicates"] = [];
  const warnings: Warning[] = [];
  const textOf = (title: string, item: T) => `${title}\n${item.bodyHash ?? item.body.join("\n")}`;
  for (const item of raw) {
    const title = item.title ?? deriveTitle(item.body);
    const baseId = item.id ?? articleId(title, item.published);
    const text = textOf(title, item);
    let id = baseId;
    for (let n = 2; byId.has(id); n++) {
      const existing = byId.get(id)!;
      if (textOf(articles[existing]!.title, sources[existing]!) === text) {
        duplicates.push({ origin: item.origin, duplicateOf: sources[existing]!.origin, id });
        id = "";
        break;
      }
      id = `${baseId}-${n}`;
    }
    if (!id) continue;
    if (item.id !== null && id !== item.id) {
      const first = sources[byId.get(item.id)!]!;
      warnings.push({
        path: item.origin,
        kind: "duplicate-id",
        reason: `id "${item.id}" is also the id of ${first.origin} (another article): indexed as "${id}"`,
      });
    }
    byId.set(id, articles.length);
    articles.push(
      withBody({ id, title, source: item.source, published: item.published, url: item.url, ...detailsOf(item) }, item),
    );
    sources.push(item);
    warnings.push(...articleWarnings(item, item.bodyChars ?? bodyLength(item.body)));
  }
  return { articles, duplicates, warnings, sources };
}
