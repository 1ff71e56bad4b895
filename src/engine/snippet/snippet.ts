// The snippet: the passage of an article that best matches the query, HTML-escaped, with the
// query's terms wrapped in <mark>. Nothing else in it is markup.
import { escapeHtml } from "../../html/escape.js";
import { beyondAscii, isWordCode, termMatcher, type TermMatcher, type WordMatch } from "./terms.js";

/** Longest snippet, in characters, before the ellipsis. */
export const SNIPPET_LENGTH = 220;

/**
 * Characters of paragraphs the search for the best window examines once it has a window with a
 * match: a query of many words rarely finds all of them in one window, and scanning all of a
 * long article for every hit of a page would make the page's cost grow with its articles'
 * length. News puts the gist first.
 */
export const SCAN_LENGTH = 3000;

/**
 * Whether each paragraph of an article holds letters beyond ASCII (1 no, 2 yes, 0 not looked at
 * yet), kept as long as the article is: the test scans every character, and an article shown
 * again needs it no more.
 */
const scripts = new WeakMap<readonly string[], Uint8Array>();

/** The body's answers so far: pass them to `isBeyondAscii`. */
function scriptsOf(body: readonly string[]): Uint8Array {
  let known = scripts.get(body);
  if (!known) scripts.set(body, (known = new Uint8Array(body.length)));
  return known;
}

function isBeyondAscii(body: readonly string[], known: Uint8Array, paragraph: number): boolean {
  if (known[paragraph] === 0) known[paragraph] = beyondAscii(body[paragraph]!) ? 2 : 1;
  return known[paragraph] === 2;
}

interface Sentence {
  /** Its offsets in its paragraph (end exclusive). */
  start: number;
  end: number;
  /** Its matches are matches[first] to matches[first + hits - 1] of its paragraph. */
  first: number;
  hits: number;
}

/** A passage of an article with the words in it that match, offsets into its text. */
interface Passage {
  text: string;
  matches: readonly WordMatch[];
}

/**
 * Where a sentence may end: . ! or ? (and closing quotes) before space and a capital. Only
 * these places are then checked for an initial or a common abbreviation ("U.S. President",
 * "Mr. Putin", "J.D. Vance"), which do not end a sentence: one scan for [.!?] instead of
 * lookbehinds tried at every character. The capital is tested after the match (`opensSentence`):
 * a pattern with \p{Lu} needs the u flag, which slows the whole scan.
 */
const SENTENCE_END = /[.!?]["”’)]*\s+/g;
/** An upper-case letter at lastIndex: for letters beyond ASCII (A to Z are tested by code). */
const UPPER_AT = /\p{Lu}/uy;

/** Whether a sentence may begin at `at`: a capital, after at most one opening quote or parenthesis. */
function opensSentence(paragraph: string, at: number): boolean {
  let code = paragraph.charCodeAt(at);
  if (code === 34 || code === 0x201c || code === 0x2018 || code === 40) code = paragraph.charCodeAt(++at);
  if (code >= 65 && code <= 90) return true;
  if (!(code >= 128)) return false;
  UPPER_AT.lastIndex = at;
  return UPPER_AT.test(paragraph);
}

/** Short forms a full stop does not end a sentence after ("Mr. Putin", "Sept. 11"). */
const ABBREVIATIONS = [
  "Mr",
  "Mrs",
  "Ms",
  "Dr",
  "St",
  "Jr",
  "Sr",
  "Gen",
  "Gov",
  "Sen",
  "Rep",
  "Lt",
  "Col",
  "Prof",
  "Inc",
  "Corp",
  "Ltd",
  "No",
  "vs",
  "Jan",
  "Feb",
  "Aug",
  "Sep",
  "Sept",
  "Oct",
  "Nov",
  "Dec",
];

/**
 * Whether the full stop before `gap` (paragraph[gap - 1] is ".") ends an initial or a short form
 * rather than a sentence: a capital after a space or a full stop ("U.S.", "J. D."), or one of
 * ABBREVIATIONS as a word of its own. Read in place: a pattern tested on the characters before
 * the gap would need a string per sentence end.
 */
export function endsShortForm(paragraph: string, gap: number): boolean {
  const dot = gap - 1;
  const code = paragraph.charCodeAt(dot - 1);
  // The capital: one UTF-16 unit, or two for a capital beyond the BMP.
  const letter = code >= 0xdc00 && code <= 0xdfff ? dot - 2 : dot - 1;
  if (letter >= 1) {
    const before = paragraph.charCodeAt(letter - 1);
    if (before === 46 || isSpace(before)) {
      if (code >= 65 && code <= 90) return true;
      if (code >= 128) {
        UPPER_AT.lastIndex = letter;
        if (UPPER_AT.test(paragraph) && UPPER_AT.lastIndex === dot) return true;
      }
    }
  }
  for (const abbreviation of ABBREVIATIONS) {
    const start = dot - abbreviation.length;
    if (start < 0 || !paragraph.startsWith(abbreviation, start)) continue;
    // A word of its own: at the start, or after a character that is not \w (a letter, digit or _).
    const before = paragraph.charCodeAt(start - 1);
    if (start === 0 || !(isWordCode(before) || before === 95)) return true;
  }
  return false;
}

/** Whether a UTF-16 code is one of the characters `\s` matches (without a one-character string and a pattern for each). */
export function isSpace(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** Calls `visit` with the offsets of each sentence of a paragraph, in order (end exclusive). */
function eachSentence(paragraph: string, visit: (start: number, end: number) => void): void {
  let start = 0;
  // test() and lastIndex rather than matchAll: no match array per sentence end. The match ends
  // after its spaces, so the sentence ends where the run of spaces before lastIndex begins.
  SENTENCE_END.lastIndex = 0;
  while (SENTENCE_END.test(paragraph)) {
    const next = SENTENCE_END.lastIndex;
    if (!opensSentence(paragraph, next)) continue;
    let gap = next;
    while (gap > 0 && isSpace(paragraph.charCodeAt(gap - 1))) gap--;
    // Only a full stop can end an initial or a short form.
    if (paragraph.charCodeAt(gap - 1) === 46 && endsShortForm(paragraph, gap)) continue;
    if (gap > start) visit(start, gap);
    start = next;
  }
  if (start < paragraph.length) visit(start, paragraph.length);
}

/** The sentences of a paragraph, with their offsets in it. */
export function sentences(paragraph: string): { text: string; start: number }[] {
  const found: { text: string; start: number }[] = [];
  eachSentence(paragraph, (start, end) => found.push({ text: paragraph.slice(start, end), start }));
  return found;
}

/** The paragraph's sentences with the range of matches each holds: the paragraph is searched once. */
function analyse(paragraph: string, matches: readonly WordMatch[]): Sentence[] {
  const parts: Sentence[] = [];
  let m = 0;
  eachSentence(paragraph, (start, end) => {
    const first = m;
    while (m < matches.length && matches[m]!.start < end) m++;
    parts.push({ start, end, first, hits: m - first });
  });
  return parts;
}

/** How many terms of a sentence's matches are new to the window (not yet `seen[term] === window`), marking them seen. */
function marked(part: Sentence, matches: readonly WordMatch[], seen: Int32Array, window: number): number {
  let added = 0;
  for (let m = part.first; m < part.first + part.hits; m++) {
    const index = matches[m]!.index;
    if (seen[index] !== window) {
      seen[index] = window;
      added++;
    }
  }
  return added;
}

/**
 * The best window of consecutive sentences within one paragraph: it starts at a sentence that
 * matches, stays within the snippet length where it can, and covers the most distinct query
 * terms, then the most matches. The first paragraph when nothing matches. The scan stops at
 * the first window that holds every term: news puts the gist first, and long articles cost.
 */
function best(body: readonly string[], terms: TermMatcher): Passage {
  let top: {
    paragraph: string;
    parts: Sentence[];
    from: number;
    to: number;
    matches: readonly WordMatch[];
    distinct: number;
    hits: number;
  } | null = null;
  let scanned = 0;
  // Distinct terms of a window, counted without a set: seen[term index] === window number.
  const seen = new Int32Array(terms.size);
  let window = 0;
  const known = scriptsOf(body);
  for (let p = 0; p < body.length; p++) {
    if (top && (top.distinct >= terms.size || scanned >= SCAN_LENGTH)) break;
    const paragraph = body[p]!;
    scanned += paragraph.length;
    // No window of this paragraph can beat the best so far when the whole paragraph cannot:
    // it is not cut into sentences (most of a page's paragraphs, once a good window is found),
    // nor searched word by word when its terms' prefixes alone show it holds too few terms.
    const matches: WordMatch[] | null = top
      ? terms.findAtLeast(paragraph, top.distinct, isBeyondAscii(body, known, p))
      : terms.find(paragraph, isBeyondAscii(body, known, p));
    if (matches === null || matches.length === 0) continue;
    if (top) {
      window++;
      let distinct = 0;
      for (const match of matches) {
        if (seen[match.index] !== window) {
          seen[match.index] = window;
          distinct++;
        }
      }
      if (distinct < top.distinct || (distinct === top.distinct && matches.length <= top.hits)) continue;
    }
    const parts = analyse(paragraph, matches);
    for (let i = 0; i < parts.length; i++) {
      if (parts[i]!.hits === 0) continue;
      window++;
      let length = parts[i]!.end - parts[i]!.start;
      let distinct = marked(parts[i]!, matches, seen, window);
      let hits = parts[i]!.hits;
      let j = i + 1;
      for (; j < parts.length && length + parts[j]!.end - parts[j]!.start < SNIPPET_LENGTH; j++) {
        length += 1 + parts[j]!.end - parts[j]!.start;
        hits += parts[j]!.hits;
        distinct += marked(parts[j]!, matches, seen, window);
      }
      if (!top || distinct > top.distinct || (distinct === top.distinct && hits > top.hits)) {
        top = { paragraph, parts, from: i, to: j, matches, distinct, hits };
      }
      if (top.distinct >= terms.size) break;
    }
  }
  return top ? joined(top.paragraph, top.parts, top.from, top.to, top.matches) : { text: body[0] ?? "", matches: [] };
}

/**
 * Sentences `from` to `to - 1` of a paragraph joined by single spaces, with their matches moved
 * to the joined text: the words are the same, as no word spans the spaces between sentences.
 */
function joined(
  paragraph: string,
  parts: readonly Sentence[],
  from: number,
  to: number,
  matches: readonly WordMatch[],
): Passage {
  const moved: WordMatch[] = [];
  let text = "";
  for (let k = from; k < to; k++) {
    const { start, end, first, hits } = parts[k]!;
    if (k > from) text += " ";
    const shift = text.length - start;
    for (let m = first; m < first + hits; m++) {
      const match = matches[m]!;
      moved.push({ ...match, start: match.start + shift, end: match.end + shift });
    }
    text += paragraph.slice(start, end);
  }
  return { text, matches: moved };
}

/**
 * Cuts the passage to the snippet length at a word, keeping its first match inside the window.
 * Cut between words, its matches are those wholly inside, moved; cut inside a word (a run of
 * over 220 characters without a space), the cut text is searched again.
 */
function trim({ text, matches }: Passage, terms: TermMatcher): Passage {
  if (text.length <= SNIPPET_LENGTH) return { text, matches };
  const first = matches[0];
  let start = first ? Math.max(0, first.start - 60) : 0;
  if (start > 0) start = text.indexOf(" ", start) + 1;
  const end = text.lastIndexOf(" ", start + SNIPPET_LENGTH);
  const cut = text.slice(start, end > start ? end : start + SNIPPET_LENGTH);
  const lead = start > 0 ? "… " : "";
  const trimmed = `${lead}${cut}${start + cut.length < text.length ? " …" : ""}`;
  if (!(end > start)) return { text: trimmed, matches: terms.find(trimmed) };
  const shift = lead.length - start;
  const kept: WordMatch[] = [];
  for (const match of matches)
    if (match.start >= start && match.end <= end)
      kept.push({ ...match, start: match.start + shift, end: match.end + shift });
  return { text: trimmed, matches: kept };
}

/** Escapes the passage's text and marks its matches. */
function markup({ text, matches }: Passage): string {
  let html = "";
  let last = 0;
  for (const { start, end } of matches) {
    html += `${escapeHtml(text.slice(last, start))}<mark>${escapeHtml(text.slice(start, end))}</mark>`;
    last = end;
  }
  return html + escapeHtml(text.slice(last));
}

const isMatcher = (terms: readonly string[] | TermMatcher): terms is TermMatcher => !Array.isArray(terms);

/**
 * The best passage of the body for these index terms, escaped, matches in <mark>.
 * @param terms The index terms, or a matcher made of them with `termMatcher`: a page of hits
 *   shares one, so its pattern is compiled once and each word analysed once.
 */
export function snippet(body: readonly string[], terms: readonly string[] | TermMatcher): string {
  const matcher = isMatcher(terms) ? terms : termMatcher(terms);
  return markup(trim(best(body, matcher), matcher));
}
