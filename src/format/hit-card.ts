// Hit cards: what a result page shows of an article (id, title, link, source, date) and the
// start of its text, where the snippet is chosen. News puts the gist first, so the lede holds
// the passage a query matches far more often than not, and a page of hits takes its cards from
// card packs (pack.ts) instead of reading whole articles.
import type { Article } from "../index-format.js";

/** Characters of text a card keeps: its first paragraphs, the last one cut at a word. */
export const CARD_TEXT_CHARS = 480;

export interface HitCard {
  id: string;
  title: string;
  url: string | null;
  source: string | null;
  published: string | null;
  /** The article's language, when it has one (a snippet's words are analysed in it). */
  language?: string | null;
  /** The first paragraphs, at most CARD_TEXT_CHARS characters in all. */
  text: string[];
  /** True when `text` is the whole body: what the text lacks, the article lacks. */
  whole?: true;
}

/** The start of a body: whole paragraphs while they fit, then the next one cut at a word. */
export function leadText(body: readonly string[], chars = CARD_TEXT_CHARS): string[] {
  const text: string[] = [];
  let left = chars;
  for (const paragraph of body) {
    if (left <= 0) break;
    if (paragraph.length <= left) {
      text.push(paragraph);
      left -= paragraph.length + 1;
      continue;
    }
    // One character more than fits tells whether the last word ends there; a word cut short is dropped.
    const room = paragraph.slice(0, left + 1);
    const cut = /\s/.test(room) ? room.replace(/\s+\S*$/, "") : "";
    if (cut.length > 0) text.push(`${cut} …`);
    break;
  }
  return text;
}

/** An article's hit card. */
export function cardOf(article: Article): HitCard {
  const { id, title, url, source, published, language } = article;
  const text = leadText(article.body);
  return {
    id,
    title,
    url,
    source,
    published,
    ...(language ? { language } : {}),
    text,
    ...(text.length === article.body.length && text.every((paragraph, n) => paragraph === article.body[n])
      ? { whole: true as const }
      : {}),
  };
}
