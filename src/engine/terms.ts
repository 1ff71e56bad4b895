// Which words of an article's text match the query, for snippets and highlighting: a word
// matches when the analyzer gives it one of the query's index terms, so "elections" matches
// a search for "elected" and "Kiev" one for "Kyiv", as the ranking does.
import { spellings } from "../analysis/aliases.js";
import { fold } from "../analysis/fold.js";
import { WORD, tokens } from "../analysis/tokenize.js";
import { analyzeWord } from "../index-format.js";

export interface WordMatch {
  term: string;
  /** The term's number among the matcher's terms, 0 to size - 1. */
  index: number;
  start: number;
  end: number;
}

export interface TermMatcher {
  /** How many distinct terms there are to match. */
  size: number;
  /**
   * Every word of the text that matches a term, in order, with its offsets.
   * @param beyondAscii Whether the text holds letters beyond ASCII (`beyondAscii(text)`), when
   *   the caller knows it already. Default: tested here.
   */
  find(text: string, beyondAscii?: boolean): WordMatch[];
}

/** Every word that analyzes to a term starts with one of these (stems drop at most a few letters). */
function prefixes(term: string): string[] {
  const spelled = spellings(term);
  if (spelled.length > 1) return spelled.map((spelling) => spelling.replace(/'/g, ""));
  return [term.length > 4 ? term.slice(0, term.length - 2) : term.slice(0, 3)];
}

/** ASCII lower-case letters and digits: what the prefixes are made of. */
const isWordCode = (code: number) => (code >= 97 && code <= 122) || (code >= 48 && code <= 57);

/** The analyzer's word pattern, anchored: reads the word that starts at `lastIndex`. */
const WORD_AT = new RegExp(WORD.source, "uy");

/**
 * Where the word that starts at `start` ends, as WORD_AT reads it: by character code over the
 * lower-cased text while it is ASCII (the pattern's unicode classes cost more than the scan that
 * found the word), by the pattern from the first character beyond ASCII on. -1: no word there.
 */
function wordEnd(text: string, lower: string, start: number): number {
  let i = start;
  let code = lower.charCodeAt(i);
  while (isWordCode(code)) code = lower.charCodeAt(++i);
  // Then, any number of times, an apostrophe and letters (no digits).
  for (;;) {
    if (code >= 128 && code !== 0x2019) break;
    if (i === start || (code !== 39 && code !== 0x2019)) return i === start ? -1 : i;
    const next = lower.charCodeAt(i + 1);
    if (next >= 128) break;
    if (!(next >= 97 && next <= 122)) return i;
    i += 2;
    code = lower.charCodeAt(i);
    while (code >= 97 && code <= 122) code = lower.charCodeAt(++i);
  }
  WORD_AT.lastIndex = start;
  return WORD_AT.test(text) ? WORD_AT.lastIndex : -1;
}
/** Any character beyond ASCII other than Latin-1 and general punctuation (dashes, quotes, spaces). */
const NON_ASCII_LETTERS = /[^\x00-\x7f\u00a0-\u00bf\u00d7\u00f7\u2000-\u206f]/;
/** Any character beyond ASCII: a one-range class the regex engine scans about twice as fast, tried first. */
const NON_ASCII = /[^\x00-\x7f]/;

/** Whether a text holds letters beyond ASCII (punctuation such as curly quotes and dashes aside): their words need the analyzer's own tokenizer. */
export const beyondAscii = (text: string) => NON_ASCII.test(text) && NON_ASCII_LETTERS.test(text);

export function termMatcher(terms: readonly string[]): TermMatcher {
  const numbers = new Map<string, number>();
  for (const term of terms) if (!numbers.has(term)) numbers.set(term, numbers.size);
  const starts = [...new Set(terms.flatMap(prefixes))];
  /** The term each word seen so far analyzes to, or null: articles repeat the query's words. */
  const analyzed = new Map<string, string | null>();
  const matchOf = (word: string, start: number): WordMatch | undefined => {
    let term = analyzed.get(word);
    if (term === undefined) {
      const analysed = analyzeWord(word);
      term = analysed !== null && numbers.has(analysed) ? analysed : null;
      analyzed.set(word, term);
    }
    return term === null ? undefined : { term, index: numbers.get(term)!, start, end: start + word.length };
  };
  /** Whether a text may hold a match at all: a cheap test on its folded form. */
  const mayMatch = (text: string) => {
    const folded = fold(text);
    return starts.some((start) => folded.includes(start));
  };
  /**
   * A word that begins with one of the prefixes, in lower-cased text: only for prefixes beyond
   * ASCII letters and digits. Those (nearly all) are found with indexOf, and the pattern is null.
   */
  const wordStart = starts.every((start) => /^[a-z0-9]+$/.test(start)) ? null : new RegExp(`(?<![a-z0-9])(?:${starts.map((start) => start.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")})`, "g");
  return {
    size: numbers.size,
    find(text, known) {
      const found: WordMatch[] = [];
      if (starts.length === 0) return found;
      if (known ?? beyondAscii(text)) {
        // Folding may change offsets of letters outside ASCII: look at every word, if any may match.
        if (!mayMatch(text)) return found;
        for (const { word, start } of tokens(text)) {
          const match = matchOf(word, start);
          if (match) found.push(match);
        }
        return found;
      }
      // ASCII letters (punctuation such as curly quotes aside): only the words that begin with a
      // term's prefix need the analyzer.
      const lower = text.toLowerCase();
      if (wordStart === null) {
        // Each prefix found by indexOf (a native scan, faster than the pattern's alternation),
        // kept where no ASCII letter or digit comes before it; then, in text order, the word at
        // each, skipping starts inside a word already taken: what the pattern finds.
        const at: number[] = [];
        for (const start of starts) {
          for (let i = lower.indexOf(start); i >= 0; i = lower.indexOf(start, i + 1)) if (i === 0 || !isWordCode(lower.charCodeAt(i - 1))) at.push(i);
        }
        // Into text order by insertion: a paragraph has a few dozen starts, each prefix's in order
        // already, and sort() with a comparator cost more than the scan that found them.
        for (let i = 1; i < at.length; i++) {
          const start = at[i]!;
          let j = i - 1;
          for (; j >= 0 && at[j]! > start; j--) at[j + 1] = at[j]!;
          at[j + 1] = start;
        }
        let next = 0;
        for (const start of at) {
          if (start < next) continue;
          const end = wordEnd(text, lower, start);
          if (end < 0) continue;
          next = end;
          const match = matchOf(text.slice(start, next), start);
          if (match) found.push(match);
        }
        return found;
      }
      // test() and lastIndex instead of exec(): no match array a word, which was most of what a
      // page of snippets allocated. A prefix is letters and digits after a non-word character,
      // so the word starts where the run of letters and digits before lastIndex does.
      wordStart.lastIndex = 0;
      while (wordStart.test(lower)) {
        let start = wordStart.lastIndex;
        while (start > 0 && isWordCode(lower.charCodeAt(start - 1))) start--;
        WORD_AT.lastIndex = start;
        if (!WORD_AT.test(text)) continue;
        const end = WORD_AT.lastIndex;
        const match = matchOf(text.slice(start, end), start);
        if (match) found.push(match);
        wordStart.lastIndex = end;
      }
      return found;
    },
  };
}
