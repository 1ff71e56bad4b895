// HTML fragments (a feed item's text, an escaped headline) to plain text: one paragraph per
// block element, markup never kept. Scripts, styles, embedded media and form controls are
// dropped with their content; images and other void elements give no text.
import { parseHTML } from "linkedom";
import { normalizeSpace } from "../clean/text.js";
import { BLOCK_ELEMENTS, ELEMENT_NODE, NOT_TEXT_ELEMENTS, TEXT_NODE } from "./dom.js";

/** Elements that start and end a paragraph; `br` breaks one too. */
const BLOCKS = new Set([...BLOCK_ELEMENTS, "br"]);

/** A blank line inside a text node: feeds often give plain-text paragraphs inside HTML. */
const BLANK_LINE = /\r?\n[^\S\r\n]*\r?\n/;

interface DomNode {
  nodeType: number;
  localName?: string;
  data?: string;
  childNodes: ArrayLike<DomNode>;
}

type ScratchDocument = ReturnType<typeof parseHTML>["document"];

let scratch: ScratchDocument | undefined;

/** One document, made on first use, whose detached elements parse every fragment: a document each is slower. */
function scratchDocument(): ScratchDocument {
  return (scratch ??= parseHTML("<!doctype html><html><head></head><body></body></html>").document);
}

/**
 * The paragraphs of an HTML fragment, white space normalised, empty ones left out. Block
 * elements (p, div, li, headings, table cells...), `br` and blank lines in the text end a
 * paragraph. Text without markup or entities is split at blank lines without being parsed.
 */
export function htmlParagraphs(html: string): string[] {
  if (!/[<&]/.test(html)) return html.split(BLANK_LINE).map(normalizeSpace).filter(Boolean);
  const container = scratchDocument().createElement("div");
  container.innerHTML = html;
  const paragraphs: string[] = [];
  let current = "";
  const flush = () => {
    const paragraph = normalizeSpace(current);
    if (paragraph) paragraphs.push(paragraph);
    current = "";
  };
  const walk = (node: DomNode) => {
    if (node.nodeType === TEXT_NODE) {
      const [first, ...rest] = (node.data ?? "").split(BLANK_LINE);
      current += first;
      for (const part of rest) {
        flush();
        current = part;
      }
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const name = node.localName ?? "";
    if (NOT_TEXT_ELEMENTS.has(name)) return;
    const block = BLOCKS.has(name);
    if (block) flush();
    for (const child of Array.from(node.childNodes)) walk(child);
    if (block) flush();
  };
  walk(container as unknown as DomNode);
  flush();
  return paragraphs;
}

/** An HTML fragment as one line of text: a headline with tags or entities in it. */
export function htmlLine(html: string): string {
  return normalizeSpace(htmlParagraphs(html).join(" "));
}
