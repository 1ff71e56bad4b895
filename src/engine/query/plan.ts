// The query plan: which index terms a parsed query scores, at what weight, and which query
// words each stands for (bit masks), with the posting lists of every term it names. The
// named terms are read in one batch; expansions of missing words (typos, sound-alikes) in a
// second. A word's terms in the index's several languages share its bit: an article is
// analysed in one language, so it holds the term of its own and is credited once for the word.
import type { Postings } from "../../index-format.js";
import { expandWord } from "./expand.js";
import type { Clause, ParsedQuery } from "./parse.js";
import type { ScoringTerm } from "../rank/score.js";
import type { IndexStore } from "../store/store.js";

export interface Plan {
  terms: ScoringTerm[];
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

export async function plan(store: IndexStore, query: ParsedQuery, tolerant: boolean): Promise<Plan> {
  const postings = await store.postings(namedTerms(query));
  // Every word's expansion at once: a query with several misspelt words reads their lexicon
  // shards in one round, not one round a word.
  const words = query.groups.flatMap((group) => group.clauses).filter((clause) => clause.kind === "word");
  const expansions = new Map(
    await Promise.all(
      words.map(async (clause) => {
        const terms = clause.terms.filter((term) => query.terms.includes(term));
        const expanded =
          terms.length === 0
            ? []
            : await expandWord(store, clause.word, terms, (term) => postings.has(term), {
                // A quoted word means that word: no typo or sound-alike stands in for it.
                tolerant: tolerant && !clause.required,
                languages: store.manifest.languages,
              });
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
        const terms = clause.terms.filter((term) => query.terms.includes(term));
        if (bit >= 32 || terms.length === 0) continue;
        const mask = 1 << bit++;
        for (const { term, weight } of expansions.get(clause) ?? []) add(term, weight, mask);
        clauseMask = mask;
      } else {
        for (const variants of clause.terms) {
          if (bit >= 32) break;
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
  return { terms: [...byTerm.values()], masks, postings };
}
