// The snippet: the passage of an article that best matches the query, HTML-escaped, with the
// query's terms wrapped in <mark>. Nothing else in it is markup.
import { escapeHtml } from "../html/escape.js";
import { termMatcher, type TermMatcher } from "./terms.js";

/** Longest snippet, in characters, before the ellipsis. */
export const SNIPPET_LENGTH = 220;

/**
 * Characters of paragraphs the search for the best window examines once it has a window with a
 * match: a query of many words rarely finds all of them in one window, and scanning all of a
 * long article for each of ten hits cost milliseconds. News puts the gist first.
 */
export const SCAN_LENGTH = 3000;

interface Sentence {
  text: string;
  terms: Set<string>;
  hits: number;
}

/**
 * A sentence ends at . ! or ? followed by space and a capital, except after an initial or a
 * common abbreviation ("U.S. President", "Mr. Putin", "J.D. Vance").
 */
const SENTENCE_END =
  /(?<![\s.]\p{Lu}\.)(?<!\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Gov|Sen|Rep|Lt|Col|Prof|Inc|Corp|Ltd|No|vs|Jan|Feb|Aug|Sept?|Oct|Nov|Dec)\.)(?<=[.!?]["”’)]*)\s+(?=["“‘(]?\p{Lu})/u;

function analyse(text: string, terms: TermMatcher): Sentence {
  const matches = terms.find(text);
  return { text, terms: new Set(matches.map((match) => match.term)), hits: matches.length };
}

/**
 * The best window of consecutive sentences within one paragraph: it starts at a sentence that
 * matches, stays within the snippet length where it can, and covers the most distinct query
 * terms, then the most matches. The first paragraph when nothing matches. The scan stops at
 * the first window that holds every term: news puts the gist first, and long articles cost.
 */
function best(body: readonly string[], terms: TermMatcher): string {
  let top: { text: string; distinct: number; hits: number } | null = null;
  let scanned = 0;
  for (const paragraph of body) {
    if (top && (top.distinct >= terms.size || scanned >= SCAN_LENGTH)) break;
    scanned += paragraph.length;
    if (!terms.mayMatch(paragraph)) continue;
    const texts = paragraph.split(SENTENCE_END).filter(Boolean);
    // Sentences are analysed lazily: most never need it once a full window is found.
    const parts: (Sentence | undefined)[] = [];
    const part = (i: number) => (parts[i] ??= terms.mayMatch(texts[i]!) ? analyse(texts[i]!, terms) : { text: texts[i]!, terms: new Set<string>(), hits: 0 });
    for (let i = 0; i < texts.length; i++) {
      if (part(i).hits === 0) continue;
      let text = part(i).text;
      const found = new Set(part(i).terms);
      let hits = part(i).hits;
      for (let j = i + 1; j < texts.length && text.length + texts[j]!.length < SNIPPET_LENGTH; j++) {
        text += ` ${part(j).text}`;
        hits += part(j).hits;
        for (const term of part(j).terms) found.add(term);
      }
      if (!top || found.size > top.distinct || (found.size === top.distinct && hits > top.hits)) top = { text, distinct: found.size, hits };
      if (top.distinct >= terms.size) break;
    }
  }
  return top?.text ?? body[0] ?? "";
}

/** Cuts text to the snippet length at a word, keeping the first match inside the window. */
function trim(text: string, terms: TermMatcher): string {
  if (text.length <= SNIPPET_LENGTH) return text;
  const first = terms.find(text)[0];
  let start = first ? Math.max(0, first.start - 60) : 0;
  if (start > 0) start = text.indexOf(" ", start) + 1;
  const end = text.lastIndexOf(" ", start + SNIPPET_LENGTH);
  const cut = text.slice(start, end > start ? end : start + SNIPPET_LENGTH);
  return `${start > 0 ? "… " : ""}${cut}${start + cut.length < text.length ? " …" : ""}`;
}

/** Escapes the text and marks every word that matches a query term. */
export function highlight(text: string, terms: TermMatcher): string {
  let html = "";
  let last = 0;
  for (const { start, end } of terms.find(text)) {
    html += `${escapeHtml(text.slice(last, start))}<mark>${escapeHtml(text.slice(start, end))}</mark>`;
    last = end;
  }
  return html + escapeHtml(text.slice(last));
}

/** The best passage of the body for these index terms, escaped, matches in <mark>. */
export function snippet(body: readonly string[], terms: readonly string[]): string {
  const matcher = termMatcher(terms);
  return highlight(trim(best(body, matcher), matcher), matcher);
}
