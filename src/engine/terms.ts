// Which words of an article's text match the query, for snippets and highlighting: a word
// matches when the analyzer gives it one of the query's index terms, so "elections" matches
// a search for "elected" and "Kiev" one for "Kyiv", as the ranking does.
import { spellings } from "../analysis/aliases.js";
import { fold } from "../analysis/fold.js";
import { WORD, tokens } from "../analysis/tokenize.js";
import { analyzeWord } from "../index-format.js";

export interface WordMatch {
  term: string;
  start: number;
  end: number;
}

export interface TermMatcher {
  /** How many distinct terms there are to match. */
  size: number;
  /** Whether a text may contain a match at all (a cheap test on its folded form). */
  mayMatch(text: string): boolean;
  /** Every word of the text that matches a term, in order, with its offsets. */
  find(text: string): WordMatch[];
}

/** Every word that analyzes to a term starts with one of these (stems drop at most a few letters). */
function prefixes(term: string): string[] {
  const spelled = spellings(term);
  if (spelled.length > 1) return spelled.map((spelling) => spelling.replace(/'/g, ""));
  return [term.length > 4 ? term.slice(0, term.length - 2) : term.slice(0, 3)];
}

/** The analyzer's word pattern, anchored: reads the word that starts at `lastIndex`. */
const WORD_AT = new RegExp(WORD.source, "uy");
const WORD_CHAR = /[\p{L}\p{N}]/u;
/** Any character beyond ASCII other than Latin-1 and general punctuation (dashes, quotes, spaces). */
const NON_ASCII_LETTERS = /[^\x00-\x7f\u00a0-\u00bf\u00d7\u00f7\u2000-\u206f]/;

export function termMatcher(terms: readonly string[]): TermMatcher {
  const wanted = new Set(terms);
  const starts = [...new Set(terms.flatMap(prefixes))];
  const matchOf = (word: string, start: number): WordMatch | undefined => {
    const term = analyzeWord(word);
    return term !== null && wanted.has(term) ? { term, start, end: start + word.length } : undefined;
  };
  return {
    size: wanted.size,
    mayMatch(text) {
      if (starts.length === 0) return false;
      const folded = fold(text);
      return starts.some((start) => folded.includes(start));
    },
    find(text) {
      const found: WordMatch[] = [];
      if (starts.length === 0) return found;
      if (NON_ASCII_LETTERS.test(text)) {
        // Folding may change offsets of letters outside ASCII: look at every word.
        for (const { word, start } of tokens(text)) {
          const match = matchOf(word, start);
          if (match) found.push(match);
        }
        return found;
      }
      // ASCII letters (punctuation such as curly quotes aside): only the words that begin with a
      // term's prefix need the analyzer.
      const lower = text.toLowerCase();
      const seen = new Set<number>();
      for (const prefix of starts) {
        for (let at = lower.indexOf(prefix); at >= 0; at = lower.indexOf(prefix, at + 1)) {
          if (seen.has(at) || (at > 0 && WORD_CHAR.test(text[at - 1]!))) continue;
          seen.add(at);
          WORD_AT.lastIndex = at;
          const word = WORD_AT.exec(text)?.[0];
          const match = word ? matchOf(word, at) : undefined;
          if (match) found.push(match);
        }
      }
      return found.sort((a, b) => a.start - b.start);
    },
  };
}
