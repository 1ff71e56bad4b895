// Which query words an article matches, and the articles that match them all. A query word is
// a group of the parsed query (words joined by OR count as one; a phrase counts as one): an
// article matches it when its word bits (plan.ts) hold the bit of one of the group's words, or
// every bit of one of its phrases. Matching is after aliases, stemming and typo expansion, as
// the bits are. A word with no bit (left out of a long query as too common) is not asked for,
// nor is a word held by more than a quarter of a large archive's articles when the query has a
// rarer one: in CACM, "Parallel algorithms" asks for "parallel", as "algorithm" is in 40% of the
// abstracts, and an article on parallel processing is a full match (docs/ranking.md).
import type { Clause, Group } from "../query/parse.js";
import type { ScoringList } from "./score.js";
import { sizedScratch } from "./sized-scratch.js";
import { isDense, popcount, type TermViews } from "./term-views.js";

/** What matching every query word asks of an article's word bits. */
export interface Coverage {
  /** One a query word: the bits of its words (any one will do) and each of its phrases' bits (all of one). */
  words: { any: number; phrases: number[] }[];
}

/** Share of an archive's articles above which a query word is too common to be asked for. */
export const COMMON_SHARE = 0.25;

/** Articles a word must be held by, at least, to be too common: in a small archive every word counts. */
export const COMMON_FLOOR = 100;

/**
 * Whether a word held by `df` of `articles` articles is too common to be asked for: by more
 * than `share` of them and more than `floor` (related stories ask with their own line).
 */
export function isCommon(df: number, articles: number, share = COMMON_SHARE, floor = COMMON_FLOOR): boolean {
  return df > Math.max(floor, share * articles);
}

/**
 * The coverage of a parsed query's groups, given each clause's bits. With `common` (given a
 * word's bits), a plain word it calls too common is not asked for, unless every word is.
 */
export function coverageOf(
  groups: readonly Group[],
  masks: ReadonlyMap<Clause, number>,
  common?: (bits: number) => boolean,
): Coverage {
  const words: Coverage["words"] = [];
  const asked: Coverage["words"] = [];
  for (const group of groups) {
    let any = 0;
    const phrases: number[] = [];
    for (const clause of group.clauses) {
      const bits = masks.get(clause) ?? 0;
      if (bits === 0) continue;
      if (clause.kind === "word") any |= bits;
      else phrases.push(bits);
    }
    if (any === 0 && phrases.length === 0) continue;
    const word = { any: any >>> 0, phrases };
    words.push(word);
    if (!common || phrases.length > 0 || !common(word.any)) asked.push(word);
  }
  return { words: asked.length > 0 ? asked : words };
}

/** How many query words an article with these bits matches. */
export function wordsMatched({ words }: Coverage, bits: number): number {
  // Plain loops: this runs for every candidate of a query that reads its postings in full.
  let matched = 0;
  for (let w = 0; w < words.length; w++) {
    const { any, phrases } = words[w]!;
    if ((bits & any) !== 0) matched++;
    else
      for (let p = 0; p < phrases.length; p++)
        if ((bits & phrases[p]!) >>> 0 === phrases[p]) {
          matched++;
          break;
        }
  }
  return matched;
}

/** Whether an article with these bits matches every query word. */
export function matchesAll(coverage: Coverage, bits: number): boolean {
  return wordsMatched(coverage, bits) === coverage.words.length;
}

/**
 * Four bitsets by position, all zero between uses: the answer, a word's, a phrase's, a bit's;
 * the index of every word of a bitset, and room for the indices of the answer's words still set.
 */
const scratchFor = sizedScratch((articles: number) => {
  const words = (articles + 31) >>> 5;
  return {
    all: new Int32Array(words),
    word: new Int32Array(words),
    phrase: new Int32Array(words),
    bit: new Int32Array(words),
    every: Int32Array.from({ length: words }, (_, w) => w),
    live: new Int32Array(words),
  };
});

/**
 * The words of the bitsets a step reads and writes: the first `count` indices of `at`. Past the
 * rarest query word, only the answer's words still set, as no article outside them can match:
 * the other bitsets are written only there, so only there need they be cleared.
 */
interface Span {
  at: Int32Array;
  count: number;
}

/**
 * ORs into `into`, in the words of `span`, the articles holding any of the terms with a bit in
 * `bits`. With `within`, a posting in a word of `within` that is zero is skipped (it is outside
 * the span, whose words are those of `within` still set).
 */
function holders(
  lists: readonly ScoringList[],
  bits: number,
  views: TermViews,
  into: Int32Array,
  { at, count }: Span,
  within: Int32Array | null,
): void {
  for (const { term, slots, df } of lists) {
    if ((term.mask & bits) === 0) continue;
    if (isDense(df, views.articles)) {
      const view = views.get(term.term, slots).bits;
      for (let i = 0; i < count; i++) into[at[i]!] = into[at[i]!]! | view[at[i]!]!;
      continue;
    }
    for (let s = 0; s < slots.length; s++) {
      const ids = slots.slot(s);
      if (!ids) continue;
      for (let i = 0; i < ids.length; i++) {
        const w = ids[i]! >>> 5;
        if (within === null || within[w] !== 0) into[w] = into[w]! | (1 << (ids[i]! & 31));
      }
    }
  }
}

/** `into` &= `other` in the words of `span`, and `other` cleared there. */
function intersectAndClear(into: Int32Array, other: Int32Array, { at, count }: Span): void {
  for (let i = 0; i < count; i++) {
    into[at[i]!] = into[at[i]!]! & other[at[i]!]!;
    other[at[i]!] = 0;
  }
}

/** `into` |= `other` in the words of `span`, and `other` cleared there. */
function unionAndClear(into: Int32Array, other: Int32Array, { at, count }: Span): void {
  for (let i = 0; i < count; i++) {
    into[at[i]!] = into[at[i]!]! | other[at[i]!]!;
    other[at[i]!] = 0;
  }
}

/** The words of `span` in which `all` is still set, written into `room`. */
function stillSet(all: Int32Array, { at, count }: Span, room: Int32Array): Span {
  let kept = 0;
  for (let i = 0; i < count; i++) if (all[at[i]!] !== 0) room[kept++] = at[i]!;
  return { at: room, count: kept };
}

/**
 * The articles that match every query word, as a bitset by position (bit `id & 31` of word
 * `id >> 5`), and how many there are. Frequent terms are read from their dense views, the
 * others from their postings. The bitset is per-isolate scratch: read it before the next
 * call, and `clear` it when done.
 */
export function allWords(
  coverage: Coverage,
  lists: readonly ScoringList[],
  views: TermViews,
): { bits: Int32Array; count: number; clear(): void } {
  const space = scratchFor(views.articles);
  const { all, word, phrase, bit } = space;
  const clear = () => all.fill(0);
  // The rarest words first: once no article is left, the common ones are not read at all.
  const frequency = ({ any, phrases }: Coverage["words"][number]) => {
    const bits = phrases.reduce((sum, phrase) => sum | phrase, any);
    return lists.reduce((sum, { term, df }) => ((term.mask & bits) !== 0 ? sum + df : sum), 0);
  };
  const words = [...coverage.words].sort((a, b) => frequency(a) - frequency(b));
  let span: Span = { at: space.every, count: all.length };
  for (const [n, { any, phrases }] of words.entries()) {
    const target = n === 0 ? all : word;
    // The rarest word fills the answer; each later one is read only where the answer is set.
    const within = n === 0 ? null : all;
    holders(lists, any, views, target, span, within);
    for (const bits of phrases) {
      // A phrase needs all of its bits: the holders of each, intersected.
      let first = true;
      for (let rest = bits; rest !== 0; rest &= rest - 1) {
        holders(lists, rest & -rest, views, first ? phrase : bit, span, within);
        if (!first) intersectAndClear(phrase, bit, span);
        first = false;
      }
      unionAndClear(target, phrase, span);
    }
    if (n > 0) intersectAndClear(all, word, span);
    span = stillSet(all, span, space.live);
    if (span.count === 0) return { bits: all, count: 0, clear };
  }
  let count = 0;
  for (let i = 0; i < span.count; i++) count += popcount(all[span.at[i]!]!);
  return { bits: all, count, clear };
}

/**
 * The articles holding any of the scored terms (every article a search lists, full and
 * partial), as a bitset by position (bit `id & 31` of word `id >> 5`): each term's holders ORed
 * in, frequent terms from their dense views.
 */
export function anyWord(lists: readonly ScoringList[], views: TermViews): Int32Array {
  const bits = new Int32Array((views.articles + 31) >>> 5);
  holders(lists, -1, views, bits, { at: scratchFor(views.articles).every, count: bits.length }, null);
  return bits;
}
