// Query terms as the snippet highlighter sees them: folded to lower case without diacritics,
// so "Türkiye" matches "turkiye" as the index's LatinBalance encoder does.

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;
/** Queries are cut to this many terms; no reader types more. */
export const MAX_TERMS = 32;

export function fold(text: string): string {
  const lower = text.toLowerCase();
  return /[^\x00-\x7f]/.test(lower) ? lower.normalize("NFKD").replace(/\p{M}+/gu, "") : lower;
}

/** The query term a word of the text matches, or undefined: the index tokenizes forward, so prefixes count. */
export function matchingTerm(word: string, terms: readonly string[]): string | undefined {
  const folded = fold(word);
  return terms.find((term) => folded.startsWith(term));
}

/** The distinct folded words of a query, in order. */
export function queryTerms(query: string): string[] {
  const terms = (fold(query).match(WORD) ?? []).map((term) => term.replace(/['’]s$/, ""));
  return [...new Set(terms)].slice(0, MAX_TERMS);
}

/** Words of a text with their offsets, for highlighting. */
export function* words(text: string): Generator<{ word: string; start: number; end: number }> {
  for (const match of text.matchAll(WORD)) yield { word: match[0], start: match.index, end: match.index + match[0].length };
}

export function matchesTerm(word: string, terms: readonly string[]): boolean {
  return matchingTerm(word, terms) !== undefined;
}
