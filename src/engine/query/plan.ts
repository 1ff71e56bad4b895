// The query plan: which index terms a parsed query scores, at what weight, and which query
// words each stands for (bit masks), with the posting lists of every term it names. The
// named terms are read in one batch; expansions of missing words (typos, sound-alikes) in a
// second. A word's terms in the index's several languages share its bit: an article is
// analysed in one language, so it holds the term of its own and is credited once for the word.
// A query scores at most 32 words (a bit each; a phrase takes a bit a word): when a long one,
// such as a pasted paragraph, has more, the words left out are its most common ones, by their
// posting lists' lengths, not the last ones typed. A word being typed (a prefix) stands for its
// own terms and the index's most frequent terms it begins, read with the named terms' postings.
import type { Postings } from "../../index-format.js";
import { fold } from "../../analysis/fold.js";
import { expandWord, type WeightedTerm } from "./expand.js";
import type { Clause, ParsedQuery, WordClause } from "./parse.js";
import type { ScoringTerm } from "../rank/score.js";
import { documentFrequency, type IndexStore } from "../store/store.js";

export interface Plan {
  terms: ScoringTerm[];
  /** Words the index lacks, each with the spelling that stood in for it (its first typo neighbour or sound-alike). */
  corrections: Map<WordClause, string>;
  /** Each clause's bits (a word: its own bit; a phrase: one bit per term). */
  masks: Map<Clause, number>;
  /** The posting lists of the scored and excluded terms the index holds. */
  postings: Map<string, Postings>;
}

function namedTerms(query: ParsedQuery): string[] {
  const named = new Set<string>();
  for (const clause of [...query.groups.flatMap((group) => group.clauses), ...query.excluded]) {
    for (const term of clause.kind === "word" ? clause.terms : clause.terms.flat()) named.add(term);
  }
  return [...named];
}

/** Weight of a completion of the word being typed: below the word's own term, as a typo's neighbour is. */
export const COMPLETION_WEIGHT = 0.8;

/**
 * The terms of a word being typed: its own terms the index holds (weight 1) and its completions;
 * when it has neither, its typo and sound-alike expansion, as for any word.
 */
async function completed(
  clause: WordClause,
  completions: readonly string[],
  expand: () => Promise<WeightedTerm[]>,
  indexed: (term: string) => boolean,
): Promise<WeightedTerm[]> {
  const own = clause.terms.filter(indexed).map((term) => ({ term, weight: 1 }));
  const others = completions
    .filter((term) => !clause.terms.includes(term))
    .map((term) => ({ term, weight: COMPLETION_WEIGHT }));
  if (own.length + others.length > 0) return [...own, ...others];
  return clause.terms.length > 0 ? expand() : [];
}

/** Bits of the articles' match masks: the most words (and phrase words) a query scores. */
export const MAX_WORDS = 32;

/**
 * The word clauses left out so that the query's words and phrase words fit MAX_WORDS bits: the
 * most common first (by the longest posting list among a word's terms; a word the index lacks
 * counts as rare, as it may be a name or a typo to correct). Phrases are never left out.
 */
function leftOut(query: ParsedQuery, postings: ReadonlyMap<string, Postings>): Set<Clause> {
  const clauses = query.groups.flatMap((group) => group.clauses);
  const bits = clauses.reduce((sum, clause) => sum + (clause.kind === "word" ? 1 : clause.terms.length), 0);
  if (bits <= MAX_WORDS) return new Set();
  // Each word with its frequency and place; the most common first, of equals the later.
  const words = clauses.flatMap((clause, place) =>
    clause.kind === "word"
      ? [{ clause, place, frequency: Math.max(...clause.terms.map((term) => documentFrequency(postings.get(term)))) }]
      : [],
  );
  words.sort((a, b) => b.frequency - a.frequency || b.place - a.place);
  return new Set(words.slice(0, bits - MAX_WORDS).map(({ clause }) => clause));
}

export async function plan(store: IndexStore, query: ParsedQuery, tolerant: boolean): Promise<Plan> {
  const typing = query.groups
    .flatMap((group) => group.clauses)
    .find((clause): clause is WordClause => clause.kind === "word" && clause.prefix === true);
  const [postings, completions] = await Promise.all([
    store.postings(namedTerms(query)),
    typing ? store.completions(fold(typing.word)) : [],
  ]);
  const skipped = leftOut(query, postings);
  // Every word's expansion at once: a query with several misspelt words reads their lexicon
  // shards in one round, not one round a word.
  const words = query.groups
    .flatMap((group) => group.clauses)
    .filter((clause): clause is WordClause => clause.kind === "word" && !skipped.has(clause));
  const expansions = new Map(
    await Promise.all(
      words.map(async (clause) => {
        const indexed = (term: string) => postings.has(term);
        const expand = () =>
          expandWord(store, clause.word, clause.terms, indexed, {
            // A quoted word means that word: no typo or sound-alike stands in for it.
            tolerant: tolerant && !clause.required,
            languages: store.manifest.languages,
          });
        const expanded = clause === typing ? await completed(clause, completions, expand, indexed) : await expand();
        return [clause, expanded] as const;
      }),
    ),
  );
  const byTerm = new Map<string, ScoringTerm>();
  const masks = new Map<Clause, number>();
  let bit = 0;
  const add = (term: string, weight: number, mask: number) => {
    const known = byTerm.get(term);
    if (known) {
      known.weight = Math.max(known.weight, weight);
      known.mask |= mask;
    } else byTerm.set(term, { term, weight, mask });
  };
  for (const group of query.groups) {
    for (const clause of group.clauses) {
      let clauseMask = 0;
      if (clause.kind === "word") {
        if (bit >= MAX_WORDS || skipped.has(clause)) continue;
        const mask = 1 << bit++;
        for (const { term, weight } of expansions.get(clause) ?? []) add(term, weight, mask);
        clauseMask = mask;
      } else {
        for (const variants of clause.terms) {
          if (bit >= MAX_WORDS) break;
          const mask = 1 << bit++;
          for (const term of variants) add(term, 1, mask);
          clauseMask |= mask;
        }
      }
      masks.set(clause, clauseMask >>> 0);
    }
  }
  const expanded = [...byTerm.keys()].filter((term) => !postings.has(term));
  if (expanded.length > 0) for (const [term, slots] of await store.postings(expanded)) postings.set(term, slots);
  const corrections = new Map<WordClause, string>();
  for (const [clause, terms] of expansions) if (terms[0]?.corrected) corrections.set(clause, terms[0].term);
  return { terms: [...byTerm.values()], corrections, masks, postings };
}
