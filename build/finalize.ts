// Turns raw articles into the clean articles the index stores: stable ids, a title for every
// article, and duplicates set aside (reported, not indexed).
import slugify from "@sindresorhus/slugify";
import type { Article, ArticleDetails } from "../src/index-format.js";
import type { BuildReport, RawArticle } from "./types.js";

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

const DETAIL_KEYS = [
  "publishedTime",
  "modified",
  "byline",
  "section",
  "keywords",
  "language",
  "crawled",
  "summaryOnly",
  "truncated",
] as const satisfies readonly (keyof ArticleDetails)[];

export interface Finalized<T extends RawArticle = RawArticle> {
  articles: Article[];
  duplicates: BuildReport["duplicates"];
  /** The raw article each clean one came from, by position. */
  sources: T[];
}

/**
 * An article with the item's body. The body is carried over as the item defines it, so a
 * body the build cache reads again on demand stays unread until something needs it.
 */
function withBody(article: Omit<Article, "body">, item: RawArticle): Article {
  return Object.defineProperty(article, "body", Object.getOwnPropertyDescriptor(item, "body")!) as Article;
}

export function finalizeArticles<T extends RawArticle & { bodyHash?: string }>(raw: T[]): Finalized<T> {
  const byId = new Map<string, { article: Article; origin: string; text: string; item: T }>();
  const duplicates: BuildReport["duplicates"] = [];
  for (const item of raw) {
    const title = item.title ?? deriveTitle(item.body);
    const baseId = item.id ?? articleId(title, item.published);
    const text = item.bodyHash ?? item.body.join("\n");
    let id = baseId;
    for (let n = 2; byId.has(id); n++) {
      const existing = byId.get(id)!;
      if (existing.text === text || item.id !== null) {
        duplicates.push({ origin: item.origin, duplicateOf: existing.origin, id });
        id = "";
        break;
      }
      id = `${baseId}-${n}`;
    }
    if (!id) continue;
    const article = withBody(
      { id, title, source: item.source, published: item.published, url: item.url, ...detailsOf(item) },
      item,
    );
    byId.set(id, { article, origin: item.origin, text, item });
  }
  const kept = [...byId.values()];
  return { articles: kept.map((entry) => entry.article), duplicates, sources: kept.map((entry) => entry.item) };
}
