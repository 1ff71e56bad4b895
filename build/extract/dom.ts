// The HTML document as the build's extractors see it: linkedom's parser behind the few DOM
// members they use, typed here because the build compiles without the DOM library. Walks are
// iterative (first child, next sibling, parent), so a page nested thousands deep cannot
// overflow the stack.
import { parseHTML } from "linkedom";

export interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  parentNode: DomNode | null;
  firstChild: DomNode | null;
  nextSibling: DomNode | null;
}

export interface DomElement extends DomNode {
  tagName: string;
  getAttribute(name: string): string | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): Iterable<DomElement>;
  remove(): void;
}

export interface DomDocument {
  documentElement: DomElement | null;
  head: DomElement | null;
  body: DomElement | null;
  title: string;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): Iterable<DomElement>;
}

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;

/**
 * Parses a page; linkedom never throws on malformed markup, it recovers as browsers do. A
 * fragment that does not open with <html> (linkedom implies no root) is read as a page's body.
 */
export function parseDocument(html: string): DomDocument {
  const document = parseHTML(html).document as DomDocument;
  if (document.documentElement?.nodeName.toLowerCase() === "html") return document;
  return parseHTML(`<!doctype html><html><head></head><body>${html}</body></html>`).document as DomDocument;
}

/** The node after `node` in document order, not entering `node`'s children when `skipChildren`; null past `root`. */
export function nextInTree(node: DomNode, root: DomNode, skipChildren = false): DomNode | null {
  if (!skipChildren && node.firstChild) return node.firstChild;
  for (let at: DomNode | null = node; at && at !== root; at = at.parentNode) {
    if (at.nextSibling) return at.nextSibling;
  }
  return null;
}

/** How deep the element tree under `root` goes (root alone is 1), walked without recursion. */
export function treeDepth(root: DomNode): number {
  let deepest = 0;
  let depth = 1;
  let node: DomNode | null = root;
  while (node) {
    if (node.nodeType === ELEMENT_NODE) deepest = Math.max(deepest, depth);
    if (node.firstChild) {
      node = node.firstChild;
      depth++;
      continue;
    }
    while (node && node !== root && !node.nextSibling) {
      node = node.parentNode;
      depth--;
    }
    node = node && node !== root ? node.nextSibling : null;
  }
  return deepest;
}

/** Elements that start and end a paragraph of text. */
export const BLOCK_ELEMENTS: ReadonlySet<string> = new Set([
  "address",
  "article",
  "aside",
  "blockquote",
  "caption",
  "center",
  "dd",
  "details",
  "dialog",
  "div",
  "dl",
  "dt",
  "fieldset",
  "figcaption",
  "figure",
  "footer",
  "form",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "header",
  "hgroup",
  "hr",
  "li",
  "main",
  "nav",
  "ol",
  "p",
  "pre",
  "section",
  "summary",
  "table",
  "td",
  "th",
  "tr",
  "ul",
]);

/** Elements whose content is never article text: code, media, controls, the document head. */
export const NOT_TEXT_ELEMENTS: ReadonlySet<string> = new Set([
  "audio",
  "button",
  "canvas",
  "embed",
  "head",
  "iframe",
  "input",
  "link",
  "math",
  "meta",
  "noscript",
  "object",
  "script",
  "select",
  "style",
  "svg",
  "template",
  "textarea",
  "title",
  "video",
]);
