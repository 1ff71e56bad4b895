// An article page's metadata, from the most to the least deliberate source: schema.org JSON-LD,
// then OpenGraph and article:* properties, then other <meta> tags (author, date, Dublin Core,
// Parse.ly, Sailthru, keywords), then <link rel="canonical"> and <html lang>. Values come out as
// the page states them (dates unparsed); the caller settles dates and falls back to the body's
// own heuristics.
import { iso6393To1 } from "iso-639-3";
import { normalizeSpace } from "../clean/text.js";
import type { DomDocument } from "./dom.js";
import { readJsonLd } from "./json-ld.js";

export interface PageMetadata {
  title: string | null;
  /** Publication date or time as the page states it, unparsed. */
  published: string | null;
  /** Last modification as the page states it, unparsed. */
  modified: string | null;
  /** Author or authors, white space collapsed ("Jane Doe and John Roe"). */
  byline: string | null;
  /** The publisher's or site's name. */
  siteName: string | null;
  /** The article's own address (JSON-LD url, og:url, then the canonical link): absolute http(s) only. */
  url: string | null;
  section: string | null;
  keywords: string[];
  /** Lower-case ISO 639-1 code of the language the page declares ("en"). */
  language: string | null;
  /** An identifier the page gives its article (JSON-LD identifier). */
  id: string | null;
}

/** <meta> names and properties read for each field, in order after JSON-LD. */
const META = {
  title: ["og:title", "dc.title", "dcterms.title", "parsely-title", "sailthru.title", "twitter:title", "title"],
  published: [
    "article:published_time",
    "og:article:published_time",
    "article:published",
    "datepublished",
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.date",
    "dcterms.created",
    "parsely-pub-date",
    "sailthru.date",
  ],
  modified: ["article:modified_time", "og:updated_time", "datemodified", "dcterms.modified", "dc.date.modified"],
  byline: ["article:author", "author", "dc.creator", "dcterms.creator", "parsely-author", "sailthru.author", "byl"],
  siteName: ["og:site_name", "application-name", "dc.publisher", "dcterms.publisher"],
  url: ["og:url"],
  section: ["article:section", "section", "parsely-section", "dc.subject"],
  keywords: ["article:tag", "news_keywords", "keywords", "parsely-tags", "sailthru.tags"],
  language: ["og:locale", "content-language", "language", "dc.language", "dcterms.language"],
} as const;

/** Every <meta> value by lower-case name, property, itemprop or http-equiv, in page order. */
function metaValues(document: DomDocument): Map<string, string[]> {
  const values = new Map<string, string[]>();
  for (const meta of document.querySelectorAll("meta[content]")) {
    const content = normalizeSpace(meta.getAttribute("content") ?? "");
    if (!content) continue;
    for (const attribute of ["name", "property", "itemprop", "http-equiv"]) {
      // A property attribute may hold several space-separated names (RDFa).
      for (const key of (meta.getAttribute(attribute) ?? "").toLowerCase().split(/\s+/).filter(Boolean)) {
        values.set(key, [...(values.get(key) ?? []), content]);
      }
    }
  }
  return values;
}

/** The lower-case ISO 639-1 code of a language tag ("en-US", "pt_BR", "deu"), or null. */
export function languageCode(tag: string | null | undefined): string | null {
  const primary =
    tag
      ?.trim()
      .toLowerCase()
      .split(/[-_\s]/)[0] ?? "";
  if (/^[a-z]{2}$/.test(primary)) return primary;
  if (/^[a-z]{3}$/.test(primary)) return iso6393To1[primary] ?? null;
  return null;
}

/** A byline without its lead-in word and stray white space: "By  Jane Doe" is "Jane Doe". */
export function cleanByline(value: string | null | undefined): string | null {
  return value ? normalizeSpace(normalizeSpace(value).replace(/^by\b[\s:]*/i, "")) || null : null;
}

/** Author names as one byline: "A", "A and B", "A, B and C". */
export function joinNames(names: readonly string[]): string | null {
  if (names.length === 0) return null;
  return names.length === 1 ? names[0]! : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

/** A byline value worth keeping: not a profile URL (article:author often is one). */
const isName = (value: string) => !/^(https?:)?\/\//i.test(value);

/** An absolute http(s) address: `value` resolved against `base` when it is relative. */
function absoluteUrl(value: string | null | undefined, base: string | null): string | null {
  if (!value) return null;
  try {
    const url = base ? new URL(value, base) : new URL(value);
    return /^https?:$/.test(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

export interface MetadataOptions {
  /**
   * The address the page was fetched from, against which relative canonical links resolve;
   * default null (a saved file: relative addresses are dropped). Example: a WARC record's
   * WARC-Target-URI.
   */
  baseUrl?: string | null;
}

/** Reads what a page declares about its article. Pure: the document is not changed. */
export function readHtmlMetadata(document: DomDocument, { baseUrl = null }: MetadataOptions = {}): PageMetadata {
  const ld = readJsonLd(document);
  const meta = metaValues(document);
  const first = (names: readonly string[]) => {
    for (const name of names) {
      const value = meta.get(name)?.[0];
      if (value) return value;
    }
    return null;
  };
  const all = (names: readonly string[]) => names.flatMap((name) => meta.get(name) ?? []);
  // One value may list them all ("Oceans,New Zealand"); several are one keyword each ("Mayer, Marissa").
  const tags = all(["article:tag"]);
  const listed = tags.length > 0 ? tags : [first(META.keywords) ?? ""];
  const keywords = ld?.keywords.length ? ld.keywords : listed.length === 1 ? listed[0]!.split(",") : listed;
  const canonical = document.querySelector('link[rel~="canonical" i][href]')?.getAttribute("href");
  const htmlLang = document.documentElement?.getAttribute("lang");
  const metaByline = all(META.byline).filter(isName);
  return {
    title: ld?.headline ?? first(META.title),
    published: ld?.datePublished ?? first(META.published),
    modified: ld?.dateModified ?? first(META.modified),
    byline: cleanByline(joinNames(ld?.authors.length ? ld.authors : metaByline.slice(0, 1))),
    siteName: ld?.publisher ?? first(META.siteName),
    url: absoluteUrl(ld?.url, baseUrl) ?? absoluteUrl(first(META.url), baseUrl) ?? absoluteUrl(canonical, baseUrl),
    section: ld?.section ?? first(META.section),
    keywords: [...new Set(keywords.map(normalizeSpace).filter(Boolean))],
    language:
      [ld?.inLanguage, htmlLang, ...META.language.map((name) => first([name]))]
        .map(languageCode)
        .find((code) => code !== null) ?? null,
    id: ld?.identifier ?? null,
  };
}
