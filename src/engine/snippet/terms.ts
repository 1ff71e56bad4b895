// Which words of an article's text match the query, for snippets and highlighting: a word
// matches when the analyzer gives it one of the query's index terms, so "elections" matches
// a search for "elected" and "Kiev" one for "Kyiv", as the ranking does. Words are analysed in
// the article's language, as the build analysed them.
import { spellings } from "../../analysis/aliases.js";
import { fold } from "../../analysis/fold.js";
import { WORD, tokens } from "../../analysis/tokenize.js";
import { DEFAULT_LANGUAGE, analyzeWord } from "../../index-format.js";

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
  /**
   * `find`, or null when the text cannot hold words of `atLeast` distinct terms: told, in a text
   * of ASCII letters, by whether each term's prefixes occur in it at all (apostrophes removed,
   * as the analyzer removes them), before any word is read. A text with letters beyond ASCII is
   * always searched.
   */
  findAtLeast(text: string, atLeast: number, beyondAscii?: boolean): WordMatch[] | null;
  /**
   * The same matcher (same term numbers and size) looking only for the terms at these numbers:
   * for a text known to hold none of the others, where it finds exactly what this one finds,
   * scanning for fewer prefixes. Made once per set of numbers.
   */
  only(numbers: readonly number[]): TermMatcher;
}

/**
 * Every word without an inner apostrophe that analyzes to a term starts with one of these: a
 * stem differs from its word in at most its last two letters, and a stem of three letters or
 * fewer in its last ("pay" and "paying" are "pai", "day" is "dai").
 */
function prefixes(term: string): string[] {
  const spelled = spellings(term);
  if (spelled.length > 1) return spelled.map((spelling) => spelling.replace(/'/g, ""));
  if (term.length > 4) return [term.slice(0, term.length - 2)];
  if (term.length === 4) return [term.slice(0, 3)];
  return [term.endsWith("i") && term.length > 1 ? term.slice(0, -1) : term];
}

/**
 * An ASCII letter or digit: a to z, 0 to 9, A to Z. Here it reads lower-cased text (where A to Z
 * never occur), whose letters and digits are what the prefixes are made of.
 */
export const isWordCode = (code: number) =>
  (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90);

/** The analyzer's word pattern, anchored: reads the word that starts at `lastIndex`. */
const WORD_AT = new RegExp(WORD.source, "uy");

/** A letter, digit or apostrophe: a character a word may hold (WORD). */
const WORDISH = /[\p{L}\p{N}'’]/u;
/** The analyzer's word pattern, unanchored: the words from `lastIndex` on. */
const WORD_FROM = new RegExp(WORD.source, "gu");

/**
 * Whether the analyzer's tokenizer starts a word at `i` (a letter or digit of a prefix) rather
 * than reading it as part of the word before. After a separator, it does; after a letter or
 * digit, a letter is inside the word, and so is a digit after a digit. Anything else (an
 * apostrophe: "Eck's" is one word, its "s" no word of its own; a character beyond ASCII; a digit
 * after a letter) is settled by tokenizing from where the run of word characters before it begins.
 */
function startsWord(text: string, lower: string, i: number): boolean {
  if (i === 0) return true;
  const before = lower.charCodeAt(i - 1);
  if (before < 128 && before !== 39 && !isWordCode(before)) return true;
  const code = lower.charCodeAt(i);
  if (isWordCode(before) && ((code >= 97 && code <= 122) || (code <= 57 && before <= 57))) return false;
  return wordAround(text, lower, i) === i;
}

/**
 * The start of the word the tokenizer reads over offset `i`, or -1 when none does: the words
 * are read from where the run of characters a word may hold, before `i`, begins.
 */
function wordAround(text: string, lower: string, i: number): number {
  let from = i;
  while (from > 0) {
    const c = text.charCodeAt(from - 1);
    if (c < 128) {
      if (c !== 39 && !isWordCode(lower.charCodeAt(from - 1))) break;
      from--;
    } else if (
      c >= 0xdc00 &&
      c <= 0xdfff &&
      from >= 2 &&
      WORDISH.test(String.fromCodePoint(text.codePointAt(from - 2)!))
    )
      from -= 2;
    else if (WORDISH.test(text[from - 1]!)) from--;
    else break;
  }
  WORD_FROM.lastIndex = from;
  for (let match = WORD_FROM.exec(text); match !== null; match = WORD_FROM.exec(text)) {
    if (match.index + match[0].length > i) return match.index <= i ? match.index : -1;
  }
  return -1;
}

/**
 * Adds to `at` the start of every word with an apostrophe inside ("O'Brien", "we've"), whose
 * term drops the apostrophe and so may begin as no prefix does. A possessive 's is left out:
 * the analyzer drops it, and the word's own prefix finds it.
 */
function apostropheWords(text: string, lower: string, at: Starts): void {
  for (const mark of APOSTROPHES) {
    for (let k = lower.indexOf(mark); k > 0; k = lower.indexOf(mark, k + 1)) {
      const after = lower.charCodeAt(k + 1);
      if (after < 128 && !(after >= 97 && after <= 122)) continue;
      if (after === 115) {
        const next = lower.charCodeAt(k + 2);
        if (!(next >= 97 && next <= 122) && !(next >= 128)) continue;
      }
      const start = wordAround(text, lower, k);
      if (start >= 0) at.push(start);
    }
  }
}

const APOSTROPHES = ["'", "’"];

/**
 * Offsets where a word may start, gathered for one text at a time: one buffer for every call of
 * `find` (which never awaits), grown when a text has more, instead of an array per paragraph.
 */
class Starts {
  offsets = new Int32Array(256);
  length = 0;

  push(offset: number): void {
    if (this.length === this.offsets.length) {
      const grown = new Int32Array(this.length * 2);
      grown.set(this.offsets);
      this.offsets = grown;
    }
    this.offsets[this.length++] = offset;
  }
}

const starts = new Starts();

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
/**
 * A letter or digit beyond ASCII: a word holding one is read by the tokenizer and folded (µ is
 * μ, ² is 2, é is e), so its offsets and spelling are the analyzer's, not the lower-cased text's.
 * Punctuation beyond ASCII (curly quotes, dashes, spaces, signs) is no part of a word.
 */
const NON_ASCII_LETTERS = /(?![\x00-\x7f])[\p{L}\p{N}]/u;
/** Any character beyond ASCII: a one-range class the regex engine scans about twice as fast, tried first. */
const NON_ASCII = /[^\x00-\x7f]/;

/** Whether a text holds letters beyond ASCII (punctuation such as curly quotes and dashes aside): their words need the analyzer's own tokenizer. */
export const beyondAscii = (text: string) => NON_ASCII.test(text) && NON_ASCII_LETTERS.test(text);

/** A matcher of these index terms in text of a language (the article's; default English). */
export function termMatcher(terms: readonly string[], language: string | null = DEFAULT_LANGUAGE): TermMatcher {
  const numbers = new Map<string, number>();
  for (const term of terms) if (!numbers.has(term)) numbers.set(term, numbers.size);
  /** The term each word seen so far analyzes to, or null: articles repeat the query's words. */
  const analyzed = new Map<string, string | null>();
  const matchOf = (word: string, start: number): WordMatch | undefined => {
    let term = analyzed.get(word);
    if (term === undefined) {
      const analysed = analyzeWord(word, language);
      term = analysed !== null && numbers.has(analysed) ? analysed : null;
      analyzed.set(word, term);
    }
    return term === null ? undefined : { term, index: numbers.get(term)!, start, end: start + word.length };
  };
  const prefixesOf = [...numbers.keys()].map(prefixes);
  const subsets = new Map<string, TermMatcher>();
  const full: TermMatcher = {
    ...finder(numbers.size, prefixesOf, matchOf),
    only(chosen) {
      const key = chosen.join(",");
      let subset = subsets.get(key);
      if (!subset)
        subsets.set(
          key,
          (subset = {
            ...finder(
              numbers.size,
              chosen.map((number) => prefixesOf[number]!),
              matchOf,
            ),
            only: full.only,
          }),
        );
      return subset;
    },
  };
  return full;
}

/** Whether the text holds any of the strings. */
function holdsAny(text: string, list: readonly string[]): boolean {
  for (let i = 0; i < list.length; i++) if (text.includes(list[i]!)) return true;
  return false;
}

/** `size`, `find` and `findAtLeast` of a matcher that looks for words starting with the prefixes of some terms (one list a term) and takes those `matchOf` accepts. */
function finder(
  size: number,
  termPrefixes: readonly (readonly string[])[],
  matchOf: (word: string, start: number) => WordMatch | undefined,
): Omit<TermMatcher, "only"> {
  const wanted = [...new Set(termPrefixes.flat())];
  /** Whether a text may hold a match at all: a cheap test on its folded form. */
  const mayMatch = (text: string) => {
    const folded = fold(text).replace(/['’]/g, "");
    return wanted.some((prefix) => folded.includes(prefix));
  };
  /** Every match in a text of ASCII letters, given its lower-cased form. */
  const scan = (text: string, lower: string): WordMatch[] => {
    const found: WordMatch[] = [];
    // Only the words that begin with a term's prefix, and those with an apostrophe inside,
    // need the analyzer. Each prefix is found by indexOf (a native scan, faster than a pattern's
    // alternation) and kept where the tokenizer starts a word. Prefixes are folded letters and
    // digits: one beyond ASCII can only be in a text the tokenizer reads (`read`), so these texts
    // hold none.
    const at = starts;
    at.length = 0;
    for (const prefix of wanted) {
      for (let i = lower.indexOf(prefix); i >= 0; i = lower.indexOf(prefix, i + 1))
        if (startsWord(text, lower, i)) at.push(i);
    }
    apostropheWords(text, lower, at);
    // Into text order by insertion: a paragraph has a few dozen starts, each prefix's in order
    // already, and sort() with a comparator costs more than the scan that found them.
    const offsets = at.offsets;
    for (let i = 1; i < at.length; i++) {
      const start = offsets[i]!;
      let j = i - 1;
      for (; j >= 0 && offsets[j]! > start; j--) offsets[j + 1] = offsets[j]!;
      offsets[j + 1] = start;
    }
    // In text order, the word at each start, skipping starts inside a word already taken.
    let next = 0;
    for (let n = 0; n < at.length; n++) {
      const start = offsets[n]!;
      if (start < next) continue;
      const end = wordEnd(text, lower, start);
      if (end < 0) continue;
      next = end;
      const match = matchOf(text.slice(start, next), start);
      if (match) found.push(match);
    }
    return found;
  };
  /** Every match in a text with letters beyond ASCII: folding may move their offsets, so every word is read, if any may match. */
  const read = (text: string): WordMatch[] => {
    const found: WordMatch[] = [];
    if (!mayMatch(text)) return found;
    for (const { word, start } of tokens(text)) {
      const match = matchOf(word, start);
      if (match) found.push(match);
    }
    return found;
  };
  return {
    size,
    find(text, known) {
      if (wanted.length === 0) return [];
      return (known ?? beyondAscii(text)) ? read(text) : scan(text, text.toLowerCase());
    },
    findAtLeast(text, atLeast, known) {
      if (wanted.length === 0) return atLeast > 0 ? null : [];
      if (known ?? beyondAscii(text)) return read(text);
      const lower = text.toLowerCase();
      // A word that analyzes to a term starts with one of its prefixes once its apostrophes are
      // gone: the terms with no prefix anywhere in the text so stripped have no word in it. The
      // text is stripped only for a term not found as it is, and only if it has an apostrophe.
      let stripped: string | undefined;
      let possible = 0;
      for (let t = 0; t < termPrefixes.length && possible < atLeast; t++) {
        const list = termPrefixes[t]!;
        if (holdsAny(lower, list)) possible++;
        else {
          stripped ??= lower.includes("'") || lower.includes("’") ? lower.replace(/['’]/g, "") : lower;
          if (stripped !== lower && holdsAny(stripped, list)) possible++;
        }
      }
      return possible < atLeast ? null : scan(text, lower);
    },
  };
}
