// News feeds as a corpus format: RSS 2.0, RSS 1.0 (RDF) and Atom files, each item one article.
// The item's full text (content:encoded, Atom content, yandex:full-text) is its body; without
// one, its summary (description, Atom summary) is, and the article is marked summary-only. An
// item with a title and no text is a headline-only article (an empty body); one with neither
// is skipped. Items are numbered from 1 in the file, so reports name them as `path#3`.
//
// Dates are read in the feed's own zone: pubDate, dc:date or Atom published is the
// publication date, and Atom updated (or dcterms:modified) the modification date. An Atom
// entry without <published> is dated by its <updated>: RFC 4287 makes only updated required,
// and many Atom feeds give nothing else, so their articles would otherwise have no date.
import { parseFeed } from "feedsmith";
import { dedupeParagraphs } from "../clean/dedupe-paragraphs.js";
import { splitParagraphs } from "../clean/text.js";
import { type DateWarning, settleDate } from "../extract/dates.js";
import { decodeText } from "../extract/decode.js";
import { type FeedChannel, type FeedEntry, type FeedText, feedChannel } from "../extract/feed-entries.js";
import { childText, namespacePrefix, type RawItem, scanItems } from "../extract/feed-scan.js";
import { htmlParagraphs } from "../extract/html-paragraphs.js";
import { languageCode } from "../extract/language-tag.js";
import type { FileResult, RawArticle, Warning } from "../types.js";

/** Namespace of Yandex's feed extension, whose full-text element carries the whole article. */
const YANDEX_NAMESPACE = "http://news.yandex.ru";

/** Namespaces a root element must declare to be a feed: RSS 1.0 and 0.9 (RDF), Atom 1.0 and 0.3. */
const RDF_FEED_NAMESPACES = ["http://purl.org/rss/1.0/", "http://my.netscape.com/rdf/simple/0.9/"];
const ATOM_NAMESPACES = ["http://www.w3.org/2005/Atom", "http://purl.org/atom/ns#"];

/**
 * Last paragraphs that only point at the article on the site: "Continue reading...", "Read full
 * article >>", and WordPress's "The post X appeared first on Y."
 */
const TRAILERS = [
  /^(continue reading|read (the )?(full|whole|rest of the)( article| story| post)?|read more)\W*$/i,
  /^the post .+ appeared first on .+\.$/i,
];

/**
 * Whether a file's first bytes are an RSS, RDF or Atom feed: the root element, after the XML
 * declaration, comments and a doctype, is <rss>, an <rdf:RDF> declaring the RSS 1.0 (or 0.9)
 * namespace, or a <feed> declaring Atom's.
 */
export function isFeedHead(head: Buffer): boolean {
  const utf16 = head[0] === 0xff && head[1] === 0xfe ? "utf16le" : null;
  let text = head.toString(utf16 ?? "latin1").replace(/^(\uFEFF|\u00EF\u00BB\u00BF)/, "");
  for (let before = ""; before !== text; ) {
    before = text;
    text = text.replace(/^\s+|^<\?[\s\S]*?\?>|^<!--[\s\S]*?-->|^<!DOCTYPE[^>[]*(\[[\s\S]*?\])?\s*>/i, "");
  }
  const root = /^<(?:[\w.-]+:)?(rss|RDF|feed)[\s>]((?:[^>"']|"[^"]*"|'[^']*')*)/i.exec(text);
  if (!root) return false;
  const name = root[1]!.toLowerCase();
  if (name === "rss") return true;
  const namespaces = name === "rdf" ? RDF_FEED_NAMESPACES : ATOM_NAMESPACES;
  return namespaces.some((uri) => root[2]!.includes(uri));
}

/** Paragraphs of an item's text, without repeats or a closing "read more" link. */
function paragraphsOf(text: FeedText | null): string[] {
  if (!text) return [];
  const paragraphs = dedupeParagraphs(text.html ? htmlParagraphs(text.value) : splitParagraphs(text.value));
  while (paragraphs.length > 1 && TRAILERS.some((trailer) => trailer.test(paragraphs.at(-1)!))) paragraphs.pop();
  return paragraphs;
}

const listFormats = new Map<string, Intl.ListFormat>();

/** Names joined as the feed's language lists them ("A, B and C", "A, B und C"). */
function byline(names: string[], language: string | null): string | null {
  if (names.length === 0) return null;
  const locale = language ?? "en";
  let format = listFormats.get(locale);
  if (!format) listFormats.set(locale, (format = new Intl.ListFormat(locale, { type: "conjunction" })));
  return format.format(names);
}

/** The article of one entry, or the reason it has none. */
function articleOf(
  entry: FeedEntry,
  channel: FeedChannel,
  origin: string,
  warnings: Warning[],
): RawArticle | { skip: string } {
  const full = paragraphsOf(entry.fullText);
  const body = full.length > 0 ? full : paragraphsOf(entry.summary);
  if (!entry.title && body.length === 0) return { skip: "item has neither a title nor any text" };
  const tag = entry.language ?? channel.language;
  const language = languageCode(tag);
  const publishedValue = entry.published ?? (channel.format === "atom" ? entry.updated : null);
  // Dates are read in the feed's own zone.
  const warn = (warning: DateWarning) => warnings.push({ path: origin, ...warning });
  const published = settleDate(publishedValue, tag, "publication date", warn);
  const modified =
    entry.updated === publishedValue ? published : settleDate(entry.updated, tag, "modification date", warn);
  return {
    id: entry.id,
    title: entry.title,
    body,
    published: published?.date ?? null,
    publishedTime: published?.time ?? null,
    modified: modified?.date ?? null,
    byline: byline(entry.authors, language),
    section: entry.categories[0] ?? null,
    keywords: entry.categories,
    language,
    summaryOnly: full.length === 0 && body.length > 0,
    source: channel.title,
    url: entry.url,
    origin,
  };
}

/** Each entry with its item number in the file, and its raw element when the two line up. */
interface Numbered {
  entry: FeedEntry | null;
  number: number;
  raw: RawItem | null;
}

/**
 * Lines feedsmith's entries up with the file's item elements. feedsmith leaves empty items out;
 * when the empty ones the scan finds account for the difference, each entry gets its own item
 * number (and the empty ones are numbered, to be reported). Otherwise entries are numbered in
 * order, and `missing` says how many items were left out.
 */
function numbered(entries: FeedEntry[], raw: RawItem[]): { items: Numbered[]; missing: number } {
  const empty = raw.filter((item) => item.empty).length;
  if (raw.length - empty === entries.length) {
    let next = 0;
    return {
      items: raw.map((item, index) =>
        item.empty
          ? { entry: null, number: index + 1, raw: item }
          : { entry: entries[next++]!, number: index + 1, raw: item },
      ),
      missing: 0,
    };
  }
  return {
    items: entries.map((entry, index) => ({ entry, number: index + 1, raw: null })),
    missing: Math.max(0, raw.length - entries.length),
  };
}

/** Reads an RSS, RDF or Atom feed: one article for each item with a title or some text. */
export function readFeed(path: string, data: Buffer): FileResult {
  const result: FileResult = { articles: [], skipped: [], warnings: [] };
  let text: string;
  try {
    const decoded = decodeText(data);
    if (decoded.repaired) result.warnings.push({ path, kind: "repaired-encoding", reason: decoded.repaired });
    text = decoded.text;
  } catch (error) {
    return { articles: [], skipped: [{ path, reason: (error as Error).message }], warnings: [] };
  }
  let channel: FeedChannel | null;
  try {
    channel = feedChannel(parseFeed(text));
  } catch (error) {
    result.skipped.push({ path, reason: `not an RSS, RDF or Atom feed (${(error as Error).message})` });
    return result;
  }
  if (!channel) {
    result.skipped.push({ path, reason: "a JSON Feed, not an RSS, RDF or Atom feed" });
    return result;
  }
  const raw = scanItems(text, channel.format === "atom" ? "entry" : "item");
  const { items, missing } = numbered(channel.entries, raw);
  if (items.length === 0) result.skipped.push({ path, reason: "the feed has no items" });
  if (missing > 0) {
    result.skipped.push({
      path,
      reason: `${missing} of ${raw.length} items had nothing the feed parser could read; the item numbers given count only the others`,
    });
  }
  const yandex = channel.format === "rss" ? namespacePrefix(text, YANDEX_NAMESPACE) : null;
  for (const { entry, number, raw: element } of items) {
    const origin = `${path}#${number}`;
    if (!entry) {
      result.skipped.push({ path: origin, reason: "empty item: no title, text or link" });
      continue;
    }
    try {
      const fullText = yandex && element && !entry.fullText ? childText(element, `${yandex}:full-text`) : null;
      const article = articleOf(
        fullText ? { ...entry, fullText: { value: fullText, html: true } } : entry,
        channel,
        origin,
        result.warnings,
      );
      if ("skip" in article) result.skipped.push({ path: origin, reason: article.skip });
      else result.articles.push(article);
    } catch (error) {
      result.skipped.push({ path: origin, reason: `could not be read: ${(error as Error).message}` });
    }
  }
  return result;
}
