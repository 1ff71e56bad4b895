// Which words of an article's text match the query, for snippets and highlighting: a word
// matches when the analyzer gives it one of the query's index terms, so "elections" matches
// a search for "elected" and "Kiev" one for "Kyiv", as the ranking does.
import { spellings } from "../analysis/aliases.js";
import { fold } from "../analysis/fold.js";
import { analyzeWord } from "../index-format.js";

export { fold } from "../analysis/fold.js";
export { tokens as words } from "../analysis/tokenize.js";

export interface TermMatcher {
  /** The query term a word matches, or undefined. */
  match(word: string): string | undefined;
  /** Whether a text may contain a match at all (a cheap test on its folded form). */
  mayMatch(text: string): boolean;
}

/** Every word that analyzes to a term starts with one of these (stems drop at most a few letters). */
function prefixes(term: string): string[] {
  const spelled = spellings(term);
  if (spelled.length > 1) return spelled.map((spelling) => spelling.replace(/'/g, ""));
  return [term.length > 4 ? term.slice(0, term.length - 2) : term.slice(0, 3)];
}

export function termMatcher(terms: readonly string[]): TermMatcher {
  const wanted = new Set(terms);
  const starts = [...new Set(terms.flatMap(prefixes))];
  return {
    match(word) {
      const term = analyzeWord(word);
      return term !== null && wanted.has(term) ? term : undefined;
    },
    mayMatch(text) {
      if (starts.length === 0) return false;
      const folded = fold(text);
      return starts.some((start) => folded.includes(start));
    },
  };
}
