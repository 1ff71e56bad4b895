// What a news feed says of itself and of each item, read from feedsmith's parse of RSS 2.0,
// RSS 1.0 (RDF) or Atom into one shape: plain-text titles, the item's text as HTML or plain
// text (full text and summary kept apart), and its raw date values, people and categories.
import type { AnyFeed, AtomFeed, RdfFeed, RssFeed } from "feedsmith";
import { normalizeSpace } from "../clean/text.js";
import { htmlLine } from "./html-paragraphs.js";

/** A piece of item text and how to read it. */
export interface FeedText {
  value: string;
  /** True for HTML (RSS descriptions, content:encoded, Atom type html or xhtml); false for plain text. */
  html: boolean;
}

/** One item or entry, as the feed gives it; dates are left as written, for the date reader. */
export interface FeedEntry {
  title: string | null;
  /** The full text: content:encoded, Atom content, or an extension such as yandex:full-text. */
  fullText: FeedText | null;
  /** The summary: an RSS or RDF description, an Atom summary. */
  summary: FeedText | null;
  url: string | null;
  /** The item's own identifier (RSS guid, Atom id, RDF rdf:about), as written. */
  id: string | null;
  published: string | null;
  updated: string | null;
  /** Author names, in the feed's order. */
  authors: string[];
  categories: string[];
  /** The language tag the item itself declares (xml:lang, dc:language), as written. */
  language: string | null;
}

export interface FeedChannel {
  format: "rss" | "rdf" | "atom";
  title: string | null;
  /** The feed's language tag (language, dc:language, xml:lang), as written. */
  language: string | null;
  entries: FeedEntry[];
}

const MARKUP = /<[a-z!/]|&(#\d+|#x[\da-f]+|[a-z]+\d*);/i;

/** Text that may hold markup or entities (RSS titles often do): read as HTML only when it does. */
function looseText(value: string | undefined): string | null {
  if (!value) return null;
  return (MARKUP.test(value) ? htmlLine(value) : normalizeSpace(value)) || null;
}

/** An Atom text construct (type text, html or xhtml) as one line. */
function atomLine(text: AtomFeed.Text | undefined): string | null {
  if (!text?.value) return null;
  return (text.type === "html" || text.type === "xhtml" ? htmlLine(text.value) : normalizeSpace(text.value)) || null;
}

/** Atom content or summary: text, html and xhtml, and the MIME types of Atom 0.3 ("text/html"). */
function atomText(text: AtomFeed.Content | AtomFeed.Text | undefined): FeedText | null {
  if (!text?.value?.trim()) return null;
  const type = (text.type ?? "text").toLowerCase();
  if (type === "html" || type === "xhtml" || type.endsWith("/html") || type.endsWith("+xml")) {
    return { value: text.value, html: true };
  }
  return type === "text" || type.startsWith("text/") ? { value: text.value, html: false } : null;
}

function html(value: string | undefined): FeedText | null {
  return value?.trim() ? { value, html: true } : null;
}

function present(values: (string | null | undefined)[]): string[] {
  const seen = new Set<string>();
  for (const value of values) {
    const text = value ? normalizeSpace(value) : "";
    if (text) seen.add(text);
  }
  return [...seen];
}

function first(...values: (string | null | undefined)[]): string | null {
  for (const value of values) if (value?.trim()) return value.trim();
  return null;
}

/** A link as written, made absolute against the feed's own link when it is relative ("/livewire/story"). */
function absolute(url: string | null, base: string | null): string | null {
  if (!url || !base || URL.canParse(url) || !URL.canParse(url, base)) return url;
  return new URL(url, base).href;
}

/** The link a reader follows: rel alternate (or no rel), an HTML one first. */
function alternateLink(links: AtomFeed.Link<string>[] | undefined): string | null {
  const alternates = (links ?? []).filter((link) => link.href && (!link.rel || link.rel === "alternate"));
  const chosen = alternates.find((link) => !link.type || /html/i.test(link.type)) ?? alternates[0];
  return chosen?.href?.trim() || null;
}

function rssEntry(item: RssFeed.Item<string>, base: string | null): FeedEntry {
  const guid = item.guid?.value?.trim() || null;
  const permalink = guid && item.guid?.isPermaLink !== false && /^https?:\/\//i.test(guid) ? guid : null;
  return {
    title: looseText(item.title),
    fullText: html(item.content?.encoded),
    summary: html(item.description),
    url: absolute(first(item.link, permalink), base),
    id: guid,
    published: first(item.pubDate, item.dc?.dates?.[0], item.dcterms?.issued?.[0]),
    updated: first(item.dcterms?.modified?.[0], item.atom?.updated),
    authors: present([...(item.authors ?? []).map((person) => person.name), ...(item.dc?.creators ?? [])]),
    categories: present([...(item.categories ?? []).map((category) => category.name), ...(item.dc?.subjects ?? [])]),
    language: first(item.xml?.lang, item.dc?.languages?.[0]),
  };
}

function rdfEntry(item: RdfFeed.Item<string>, base: string | null): FeedEntry {
  return {
    title: looseText(item.title),
    fullText: html(item.content?.encoded),
    summary: html(item.description),
    url: absolute(first(item.link, item.rdf?.about), base),
    id: first(item.rdf?.about),
    published: first(item.dc?.dates?.[0], item.dcterms?.issued?.[0]),
    updated: first(item.dcterms?.modified?.[0]),
    authors: present(item.dc?.creators ?? []),
    categories: present(item.dc?.subjects ?? []),
    language: first(item.xml?.lang, item.dc?.languages?.[0]),
  };
}

function atomEntry(entry: AtomFeed.Entry<string>, feedAuthors: string[], base: string | null): FeedEntry {
  const authors = present([...(entry.authors ?? []).map((person) => person.name), ...(entry.dc?.creators ?? [])]);
  return {
    title: atomLine(entry.title),
    // Content given by reference (src) has no value: the summary stands in for it.
    fullText: atomText(entry.content),
    summary: atomText(entry.summary),
    url: absolute(alternateLink(entry.links), base),
    id: first(entry.id),
    published: first(entry.published, entry.dc?.dates?.[0]),
    updated: first(entry.updated),
    // An entry without authors has the feed's (RFC 4287, section 4.2.1).
    authors: authors.length > 0 ? authors : feedAuthors,
    categories: present([
      ...(entry.categories ?? []).map((category) => category.label ?? category.term),
      ...(entry.dc?.subjects ?? []),
    ]),
    language: first(entry.xml?.lang, entry.dc?.languages?.[0]),
  };
}

/** The channel and its entries, in the feed's order; null for a JSON Feed (not read here). */
export function feedChannel(parsed: AnyFeed<string>): FeedChannel | null {
  switch (parsed.format) {
    case "rss": {
      const { feed } = parsed;
      return {
        format: "rss",
        title: looseText(feed.title),
        language: first(feed.language, feed.dc?.languages?.[0], feed.xml?.lang),
        entries: (feed.items ?? []).map((item) => rssEntry(item, first(feed.link))),
      };
    }
    case "rdf": {
      const { feed } = parsed;
      return {
        format: "rdf",
        title: looseText(feed.title),
        language: first(feed.dc?.languages?.[0], feed.xml?.lang),
        entries: (feed.items ?? []).map((item) => rdfEntry(item, first(feed.link))),
      };
    }
    case "atom": {
      const { feed } = parsed;
      const feedAuthors = present((feed.authors ?? []).map((person) => person.name));
      const base = alternateLink(feed.links) ?? feed.links?.find((link) => link.rel === "self")?.href ?? null;
      return {
        format: "atom",
        title: atomLine(feed.title),
        language: first(feed.xml?.lang, feed.dc?.languages?.[0]),
        entries: (feed.entries ?? []).map((entry) => atomEntry(entry, feedAuthors, base)),
      };
    }
    default:
      return null;
  }
}
