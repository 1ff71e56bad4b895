// The analyzer: text to index terms, in the text's language. Every word is folded (fold.ts), its
// possessive dropped, mapped through the alias table (aliases.ts), dropped when it is a stop word
// of its language, and reduced to its stem by that language's stemmer (languages.ts): English
// "elections" and "elected" become "elect", German "Regierungen" and "Regierung" "regier". A
// word of an unknown or unsupported language is folded and kept whole, never dropped. The build
// indexes these terms and the worker looks queries up by them, so both sides call this function.
import { ALIASES } from "./aliases.js";
import { fold } from "./fold.js";
import { DEFAULT_LANGUAGE, languageRules, type LanguageRules } from "./languages.js";
import { words } from "./tokenize.js";

/** Words longer than this are markup debris or identifiers, not words a reader searches. */
const MAX_WORD_LENGTH = 40;
/** Memo entries kept before the memo starts over (bounds a worker isolate's memory). */
const MEMO_LIMIT = 100_000;

/** Memos by language ("" for unknown). */
const memos = new Map<string, Map<string, string | null>>();
let memoSize = 0;

function analyzeUncached(word: string, rules: LanguageRules | undefined): string | null {
  let lower = word.toLowerCase().replace(/’/g, "'");
  if (rules?.elision) lower = lower.replace(rules.elision, "");
  if (lower.endsWith("'s")) lower = lower.slice(0, -2);
  return termOf(lower, fold(lower), rules);
}

/** The word without its apostrophes; most words have none, and are given back as they are. */
const withoutApostrophes = (word: string) => (word.includes("'") ? word.replace(/'/g, "") : word);

/**
 * The term of a word once lower-cased and its elision and possessive dropped, as written
 * (`lower`) and folded: its alias, else nothing for a stop word, else its stem.
 */
function termOf(lower: string, folded: string, rules: LanguageRules | undefined): string | null {
  const alias = ALIASES.get(folded);
  if (alias !== undefined) return alias.replace(/'/g, "");
  const written = withoutApostrophes(lower);
  const plain = withoutApostrophes(folded);
  if (plain.length === 0 || plain.length > MAX_WORD_LENGTH) return null;
  if (rules === undefined) return plain;
  if (rules.stopWords.has(written) || rules.stopWords.has(plain)) return null;
  if (/\d/.test(plain)) return plain;
  if (rules.foldFirst) return rules.stem(plain);
  // Snowball reads the word with its diacritics (its rules name ä, é, ç); the stem is folded
  // after, so "Häuser" and "Hauser" both end as "haus".
  return fold(rules.stem(written));
}

/**
 * The index term of one word in a language (ISO 639-1; default English), or null when the word
 * is a stop word of that language or not indexable. An unknown or unsupported language (null,
 * "pl") keeps the folded word.
 */
export function analyzeWord(word: string, language: string | null = DEFAULT_LANGUAGE): string | null {
  const rules = languageRules(language);
  const key = rules ? language! : "";
  let memo = memos.get(key);
  if (!memo) memos.set(key, (memo = new Map()));
  let term = memo.get(word);
  if (term === undefined) {
    if (memoSize >= MEMO_LIMIT) {
      for (const each of memos.values()) each.clear();
      memoSize = 0;
    }
    term = analyzeUncached(word, rules);
    memo.set(word, term);
    memoSize++;
  }
  return term;
}

/**
 * `analyzeWord` of a word of lower-case ASCII letters only, such as a typo candidate: the same
 * term, without the steps that leave such a word as it is (case, elision, possessive,
 * diacritics) and without the memo, which a query's hundreds of candidates, each seen once,
 * would only crowd.
 */
export function analyzeLetters(word: string, language: string | null = DEFAULT_LANGUAGE): string | null {
  return termOf(word, word, languageRules(language));
}

/** The index terms of a text in a language (default English), in order, stop words left out. */
export function analyze(text: string, language: string | null = DEFAULT_LANGUAGE): string[] {
  const terms: string[] = [];
  for (const word of words(text)) {
    const term = analyzeWord(word, language);
    if (term !== null) terms.push(term);
  }
  return terms;
}
