// The analyzer: text to index terms. Every word is folded (fold.ts), its possessive dropped,
// mapped through the alias table (aliases.ts), dropped when it is an English stop word, and
// reduced to its Porter stem ("elections" and "elected" to "elect"). The build indexes these
// terms and the worker looks queries up by them, so both sides must call this same function.
import { stemmer } from "stemmer";
import { eng } from "stopword";
import { ALIASES } from "./aliases.js";
import { fold } from "./fold.js";
import { words } from "./tokenize.js";

const STOP_WORDS: ReadonlySet<string> = new Set(eng);
/** Words longer than this are markup debris or identifiers, not words a reader searches. */
const MAX_WORD_LENGTH = 40;
/** Memo entries kept before the memo starts over (bounds a worker isolate's memory). */
const MEMO_LIMIT = 100_000;

const memo = new Map<string, string | null>();

function analyzeUncached(word: string): string | null {
  let folded = fold(word).replace(/’/g, "'");
  if (folded.endsWith("'s")) folded = folded.slice(0, -2);
  const alias = ALIASES.get(folded);
  if (alias !== undefined) return alias.replace(/'/g, "");
  folded = folded.replace(/'/g, "");
  if (folded.length === 0 || folded.length > MAX_WORD_LENGTH || STOP_WORDS.has(folded)) return null;
  if (/\d/.test(folded)) return folded;
  return stemmer(folded);
}

/** The index term of one word, or null when the word is a stop word or not indexable. */
export function analyzeWord(word: string): string | null {
  let term = memo.get(word);
  if (term === undefined) {
    if (memo.size >= MEMO_LIMIT) memo.clear();
    term = analyzeUncached(word);
    memo.set(word, term);
  }
  return term;
}

/** The index terms of a text, in order, stop words left out. */
export function analyze(text: string): string[] {
  const terms: string[] = [];
  for (const word of words(text)) {
    const term = analyzeWord(word);
    if (term !== null) terms.push(term);
  }
  return terms;
}
