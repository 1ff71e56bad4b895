// An article page's body text: @mozilla/readability finds the article among the page's
// furniture, then its block elements (paragraphs, headings, list items, quotes, cells) become
// paragraphs of plain text. A page too deeply nested for Readability (it recurses) is read
// whole instead, without its navigation, header, footer and asides.
import { Readability } from "@mozilla/readability";
import { dedupeParagraphs } from "../clean/dedupe-paragraphs.js";
import { isFurniture } from "../clean/furniture.js";
import { normalizeSpace } from "../clean/text.js";
import {
  BLOCK_ELEMENTS,
  type DomDocument,
  type DomElement,
  type DomNode,
  ELEMENT_NODE,
  NOT_TEXT_ELEMENTS,
  TEXT_NODE,
  treeDepth,
} from "./dom.js";

/** Page furniture, also left out when a page is read whole. */
const FURNITURE = new Set(["nav", "header", "footer", "aside", "form", "menu", "dialog"]);
/** Pictures and their captions ("Photo", "Image copyright Getty"): beside the article, not in it. */
const FIGURES = new Set(["figure", "figcaption", "picture"]);

/**
 * Deepest element nesting handed to Readability; deeper pages are read whole. Readability's time
 * grows with depth (about 0.2 s at 100 levels, seconds at 500); article pages rarely pass 30.
 */
export const MAX_READABILITY_DEPTH = 100;

const tagOf = (node: DomNode) => (node.nodeType === ELEMENT_NODE ? node.nodeName.toLowerCase() : "");

/**
 * The paragraphs of plain text under `root`: each block element's own text, white space
 * collapsed, empty ones dropped; two <br> in a row break a paragraph too. `skip` names elements
 * left out with their content. Walked without recursion.
 */
export function blockParagraphs(root: DomNode, skip: ReadonlySet<string> = NOT_TEXT_ELEMENTS): string[] {
  const paragraphs: string[] = [];
  let run = "";
  const flush = () => {
    for (const part of run.split(/\n\s*\n/)) {
      const paragraph = normalizeSpace(part);
      if (paragraph) paragraphs.push(paragraph);
    }
    run = "";
  };
  const leave = (node: DomNode) => {
    if (BLOCK_ELEMENTS.has(tagOf(node))) flush();
  };
  let node: DomNode | null = root.firstChild;
  while (node) {
    const tag = tagOf(node);
    let descend = false;
    if (node.nodeType === TEXT_NODE) run += node.textContent ?? "";
    else if (tag === "br") run += "\n";
    else if (node.nodeType === ELEMENT_NODE && !skip.has(tag)) {
      if (BLOCK_ELEMENTS.has(tag)) flush();
      descend = true;
    }
    if (descend && node.firstChild) {
      node = node.firstChild;
      continue;
    }
    leave(node);
    while (node && node !== root && !node.nextSibling) {
      node = node.parentNode;
      if (node && node !== root) leave(node);
    }
    node = node && node !== root ? node.nextSibling : null;
  }
  flush();
  return paragraphs;
}

/** What the body heuristics found: the text, and Readability's own guesses at the metadata. */
export interface ArticleText {
  /** Paragraphs of plain text, page furniture and repeats removed; empty when the page has none. */
  body: string[];
  title: string | null;
  byline: string | null;
  siteName: string | null;
  publishedTime: string | null;
  lang: string | null;
}

const clean = (value: string | null | undefined) => (value ? normalizeSpace(value) || null : null);

/**
 * Paragraphs fit to index: no furniture lines, no repeats, and not the headline again (a
 * leading paragraph that is the page's <h1>, or its title or the start of it: "Bridge to close"
 * before "Bridge to close - The Gazette").
 */
function tidy(paragraphs: string[], headlines: readonly (string | null)[]): string[] {
  const kept = dedupeParagraphs(paragraphs.filter((paragraph) => !isFurniture(paragraph)));
  const known = headlines.filter((headline): headline is string => !!headline).map((h) => h.toLowerCase());
  while (kept.length > 0 && known.some((headline) => headline.startsWith(kept[0]!.toLowerCase()))) kept.shift();
  return kept;
}

/**
 * Extracts the article of a parsed page. Readability changes the document it reads: take the
 * page's metadata (readHtmlMetadata) first.
 */
export function extractArticleText(document: DomDocument): ArticleText {
  const body = document.body;
  const h1 = clean(document.querySelector("h1")?.textContent);
  const fallbackTitle = clean(document.querySelector("title")?.textContent) ?? h1;
  if (!body) return { body: [], title: fallbackTitle, byline: null, siteName: null, publishedTime: null, lang: null };
  if (treeDepth(body) <= MAX_READABILITY_DEPTH) {
    let parsed: ReturnType<Readability<DomElement>["parse"]> = null;
    try {
      parsed = new Readability<DomElement>(document as never, { serializer: (node) => node as never }).parse();
    } catch {
      parsed = null; // Readability gave up on this page: read it whole below.
    }
    if (parsed?.content) {
      const title = clean(parsed.title) ?? fallbackTitle;
      return {
        body: tidy(blockParagraphs(parsed.content, new Set([...NOT_TEXT_ELEMENTS, ...FIGURES])), [title, h1]),
        title,
        byline: clean(parsed.byline),
        siteName: clean(parsed.siteName),
        publishedTime: clean(parsed.publishedTime),
        lang: clean(parsed.lang),
      };
    }
  }
  const skip = new Set([...NOT_TEXT_ELEMENTS, ...FIGURES, ...FURNITURE]);
  return {
    body: tidy(blockParagraphs(body, skip), [fallbackTitle, h1]),
    title: fallbackTitle,
    byline: null,
    siteName: null,
    publishedTime: null,
    lang: null,
  };
}
