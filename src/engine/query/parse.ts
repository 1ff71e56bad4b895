// The query language: plain words, "exact phrases", -excluded words or -"phrases", and OR
// between two clauses. Anything else is a plain word; no input makes the parser fail. A query of
// more words than anyone types (a pasted paragraph) is read as plain words: its quotation
// marks, hyphens and capitalised "or" are the text's, not operators.
// Plain words are ranked, and an article that lacks one still matches with a lower score.
// A phrase must appear in the article, word for word; "a" OR "b" needs either phrase.
// Each word is analysed in every language of the index: its terms are the distinct results (a
// word that is a stop word in one language still stands for its terms in the others). While a
// query is typed, its last word may be a prefix (`prefixLast`): it is kept even when it is a
// stop word ("the" may be "theresa" half typed), and the plan completes it.
import { DEFAULT_LANGUAGE, analyzeWord } from "../../index-format.js";
import { fold } from "../../analysis/fold.js";
import { words } from "../../analysis/tokenize.js";

/** Words past which a query is read as plain words, without operators (a pasted paragraph). */
export const PLAIN_TEXT_WORDS = 16;

export interface WordClause {
  kind: "word";
  /** The word as typed. */
  word: string;
  /** Its index terms, one a language of the index that does not stop it, distinct (at least one, but for a prefix). */
  terms: string[];
  /** True for a quoted single word: an article must hold it. */
  required?: true;
  /** True for the last word of a query being typed: it also stands for the index terms it begins. */
  prefix?: true;
}

export interface PhraseClause {
  kind: "phrase";
  /** The phrase's words, folded, for the word-for-word check. */
  words: string[];
  /** The index terms of each of its words (as a word clause's `terms`), stop words left out. */
  terms: string[][];
}

export type Clause = WordClause | PhraseClause;

/** Clauses joined by OR; a group of one clause is the common case. */
export interface Group {
  clauses: Clause[];
  /** True when the group has a phrase or a quoted word: an article must then satisfy one of its clauses. */
  required: boolean;
}

export interface ParsedQuery {
  groups: Group[];
  excluded: Clause[];
}

type Token = { type: "or" } | { type: "clause"; clause: Clause; negated: boolean };

/** A word's distinct index terms in these languages; empty when every one stops it. */
export function termsOf(word: string, languages: readonly string[]): string[] {
  const terms: string[] = [];
  for (const language of languages) {
    const term = analyzeWord(word, language);
    if (term !== null && !terms.includes(term)) terms.push(term);
  }
  return terms;
}

function phrase(text: string, languages: readonly string[]): PhraseClause | null {
  const folded = words(text).map(fold);
  const terms: string[][] = [];
  for (const word of folded) {
    const variants = termsOf(word, languages);
    if (variants.length > 0 && !terms.some((known) => known.join() === variants.join())) terms.push(variants);
  }
  return terms.length > 0 ? { kind: "phrase", words: folded, terms } : null;
}

export interface ParseOptions {
  /**
   * The query is being typed: its last word, when it is a plain word and nothing follows it (no
   * space or punctuation), is a prefix (`WordClause.prefix`). Default: false.
   */
  prefixLast?: boolean;
}

function lex(query: string, languages: readonly string[], { prefixLast = false }: ParseOptions): Token[] {
  const tokens: Token[] = [];
  const quoted = query.replace(/[“”„]/g, '"');
  const typing = prefixLast && /[\p{L}\p{N}]$/u.test(quoted);
  const end = quoted.length;
  if (quoted.split(/\s+/).filter(Boolean).length > PLAIN_TEXT_WORDS) {
    for (const word of words(quoted)) {
      const terms = termsOf(word, languages);
      if (terms.length > 0) tokens.push({ type: "clause", clause: { kind: "word", word, terms }, negated: false });
    }
    return tokens;
  }
  const pattern = /(-?)"([^"]*)("?)|(\S+)/g;
  for (const match of quoted.matchAll(pattern)) {
    const [, minus, quoted, , bare] = match;
    if (quoted !== undefined) {
      const clause = phrase(quoted, languages);
      // A one-word phrase is just that word, but still required: its postings say which
      // articles hold it, so no article is read to check it.
      if (clause?.words.length === 1) {
        const [terms] = clause.terms as [string[]];
        tokens.push({
          type: "clause",
          clause: { kind: "word", word: clause.words[0]!, terms, required: true },
          negated: minus === "-",
        });
      } else if (clause) tokens.push({ type: "clause", clause, negated: minus === "-" });
      continue;
    }
    if (bare === "OR" || bare === "|") {
      tokens.push({ type: "or" });
      continue;
    }
    const negated = bare!.startsWith("-") && bare!.length > 1;
    const list = words(negated ? bare!.slice(1) : bare!);
    const last = typing && !negated && match.index + match[0].length === end;
    for (const [n, word] of list.entries()) {
      const terms = termsOf(word, languages);
      const prefix = last && n === list.length - 1;
      if (terms.length > 0 || prefix)
        tokens.push({ type: "clause", clause: { kind: "word", word, terms, ...(prefix && { prefix }) }, negated });
    }
  }
  return tokens;
}

/**
 * Parses a query; never throws. `languages` are the index's (`IndexManifest.languages`);
 * default: English alone.
 */
export function parseQuery(
  query: string,
  languages: readonly string[] = [DEFAULT_LANGUAGE],
  options: ParseOptions = {},
): ParsedQuery {
  const groups: Group[] = [];
  const excluded: Clause[] = [];
  let joinNext = false;
  for (const token of lex(query, languages, options)) {
    if (token.type === "or") {
      joinNext = groups.length > 0;
      continue;
    }
    if (token.negated) {
      excluded.push(token.clause);
      joinNext = false;
      continue;
    }
    const last = groups[groups.length - 1];
    if (joinNext && last) last.clauses.push(token.clause);
    else groups.push({ clauses: [token.clause], required: false });
    joinNext = false;
  }
  for (const group of groups)
    group.required = group.clauses.some((clause) => clause.kind === "phrase" || clause.required === true);
  return { groups, excluded };
}
