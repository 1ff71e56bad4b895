// Schema.org JSON-LD in a page (`<script type="application/ld+json">`): finds the article node
// (NewsArticle, Article, BlogPosting and their kin, at the top level, in arrays or in @graph)
// and reads its fields, following {"@id": ...} references to other nodes of the page.
import { normalizeSpace } from "../clean/text.js";
import type { DomDocument } from "./dom.js";

type JsonNode = Record<string, unknown>;

/** Schema.org types taken for an article; a node whose @type is any of them is the article. */
const ARTICLE_TYPES = new Set([
  "Article",
  "NewsArticle",
  "ReportageNewsArticle",
  "AnalysisNewsArticle",
  "OpinionNewsArticle",
  "BackgroundNewsArticle",
  "ReviewNewsArticle",
  "AskPublicNewsArticle",
  "SatiricalArticle",
  "BlogPosting",
  "LiveBlogPosting",
  "Report",
  "TechArticle",
]);

/** What a page's JSON-LD says of its article; each field null (or empty) when it says nothing. */
export interface JsonLdArticle {
  headline: string | null;
  datePublished: string | null;
  dateModified: string | null;
  /** Author names in order (people and organisations). */
  authors: string[];
  publisher: string | null;
  url: string | null;
  section: string | null;
  keywords: string[];
  inLanguage: string | null;
  identifier: string | null;
}

const isNode = (value: unknown): value is JsonNode =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Every node of the page's JSON-LD blocks: top-level objects, array items and @graph members. */
function nodesOf(document: DomDocument): JsonNode[] {
  const nodes: JsonNode[] = [];
  for (const script of document.querySelectorAll('script[type="application/ld+json" i]')) {
    let data: unknown;
    try {
      // Some sites wrap the JSON in a CDATA section or an HTML comment.
      data = JSON.parse(
        (script.textContent ?? "")
          .trim()
          .replace(/^(?:<!\[CDATA\[|<!--)|(?:\]\]>|-->)$/g, "")
          .replace(/;\s*$/, ""),
      );
    } catch {
      continue; // Broken JSON-LD is common and says nothing usable; the other sources remain.
    }
    const queue = [data];
    while (queue.length > 0) {
      const item = queue.shift();
      if (Array.isArray(item)) queue.push(...item);
      else if (isNode(item)) {
        nodes.push(item);
        if (Array.isArray(item["@graph"])) queue.push(...item["@graph"]);
      }
    }
  }
  return nodes;
}

const types = (node: JsonNode): string[] =>
  [node["@type"]].flat().filter((type): type is string => typeof type === "string");

/** A plain string value (or the first of an array), white space collapsed; null otherwise. */
function text(value: unknown): string | null {
  if (Array.isArray(value)) return text(value[0]);
  if (typeof value === "string") return normalizeSpace(value) || null;
  if (typeof value === "number") return String(value);
  return null;
}

/** Reads the page's JSON-LD article, or null when the page has none. */
export function readJsonLd(document: DomDocument): JsonLdArticle | null {
  const nodes = nodesOf(document);
  const article = nodes.find((node) => types(node).some((type) => ARTICLE_TYPES.has(type)));
  if (!article) return null;
  const byId = new Map(nodes.filter((node) => typeof node["@id"] === "string").map((node) => [node["@id"], node]));
  /** The node itself, or the node an {"@id": ...} reference names. */
  const resolve = (value: unknown): unknown =>
    isNode(value) && Object.keys(value).length === 1 && byId.has(value["@id"]) ? byId.get(value["@id"]) : value;
  /** A name: a string, or an object's name. */
  const nameOf = (value: unknown): string | null => {
    const node = resolve(value);
    return isNode(node) ? text(node.name) : text(node);
  };
  /** A language: a tag, or a Language node's code (alternateName) before its name. */
  const languageOf = (value: unknown): string | null => {
    const node = resolve(value);
    return isNode(node) ? (text(node.alternateName) ?? text(node.name)) : text(node);
  };
  const names = (value: unknown): string[] =>
    [value]
      .flat()
      .map(nameOf)
      .filter((name): name is string => name !== null && !/^https?:\/\//i.test(name));
  const keywords = [article.keywords]
    .flat()
    .flatMap((value) => (typeof value === "string" ? value.split(",") : []))
    .map(normalizeSpace)
    .filter(Boolean);
  const page = resolve(article.mainEntityOfPage);
  const identifier = resolve(article.identifier);
  return {
    headline: text(article.headline) ?? text(article.name),
    datePublished: text(article.datePublished) ?? text(article.dateCreated),
    dateModified: text(article.dateModified),
    authors: [...new Set(names(article.author ?? article.creator))],
    publisher: nameOf(article.publisher) ?? nameOf(article.sourceOrganization),
    url: text(article.url) ?? (isNode(page) ? (text(page["@id"]) ?? text(page.url)) : text(page)),
    section: text(article.articleSection),
    keywords,
    inLanguage: languageOf(article.inLanguage) ?? languageOf(article.language),
    identifier: isNode(identifier) ? text(identifier.value) : text(identifier),
  };
}
