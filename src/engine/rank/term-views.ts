// Dense views of frequent terms, for the pruned ranking (prune.ts): a bitset of the articles
// that hold the term, a rank directory over it, and each holder's impact slot in one byte. A
// view answers "what does this term add to article x" in a few reads, where the posting list
// (impact-ordered, not by article) would take a search; its bitset also counts the union of
// terms. Built once from a posting list and kept while the views fit their memory budget (least
// recently used go first), one cache per index store, by term (an index never changes, so
// neither does a term's view).
import type { Postings } from "../../index-format.js";
import { BudgetLru } from "../store/budget-lru.js";
import { grownLength } from "./sized-scratch.js";

/** What `slotAt` answers for an article that does not hold the term. */
export const ABSENT = 255;

/**
 * Bytes all views of an index may take together: 16 MiB holds several hundred views at 101,400
 * articles, so that a stream of distinct headlines seldom rebuilds the view of a frequent word
 * (see CACHE_BUDGETS).
 */
export const VIEW_BUDGET = 16 << 20;

/**
 * Words of the bitset a rank counts for, as a shift: one rank every four words makes the
 * directory a quarter of the bitset's size, so that more views fit their budget, for at most
 * three more popcounts a lookup.
 */
const RANK_SHIFT = 2;

/** A frequent term's posting list by article position: a bitset with a rank directory, and each holder's impact slot. */
export interface DenseView {
  /** Bit `id & 31` of word `id >> 5` is set when the article holds the term. */
  bits: Int32Array;
  /** Set bits before every fourth word (RANK_SHIFT): where its holders start in `slots`. */
  ranks: Int32Array;
  /** Impact slot of each holder, in position order. */
  slots: Uint8Array;
}

/** Whether a term with this many articles is worth a dense view: at least one article in 32 holds it. */
export const isDense = (documentFrequency: number, articles: number) => documentFrequency * 32 >= articles;

export function popcount(word: number): number {
  word -= (word >>> 1) & 0x55555555;
  word = (word & 0x33333333) + ((word >>> 2) & 0x33333333);
  return (((word + (word >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** The term's impact slot in the article at this position, or ABSENT (a view's arrays passed one by one: hot loops keep them in locals). */
export function slotAt(bits: Int32Array, ranks: Int32Array, slots: Uint8Array, id: number): number {
  const w = id >>> 5;
  const word = bits[w]!;
  const bit = 1 << (id & 31);
  if ((word & bit) === 0) return ABSENT;
  let rank = ranks[w >>> RANK_SHIFT]! + popcount(word & (bit - 1));
  for (let before = (w >>> RANK_SHIFT) << RANK_SHIFT; before < w; before++) rank += popcount(bits[before]!);
  return slots[rank]!;
}

/**
 * The view of a posting list. Each slot is read once into `scratch` (room for the largest slot),
 * its articles set in the bitset and their slot noted in `slotOf` (a byte an article, read back
 * only where this build set a bit); then one pass over the bitset in position order writes the
 * rank directory and the holders' slots. Nothing decoded is kept but the view.
 */
function build(postings: Postings, articles: number, scratch: Int32Array, slotOf: Uint8Array): DenseView {
  const bits = new Int32Array((articles + 31) >>> 5);
  for (let s = 0; s < postings.length; s++) {
    const count = postings.copy(s, scratch, 0);
    for (let i = 0; i < count; i++) {
      const id = scratch[i]!;
      bits[id >>> 5] = bits[id >>> 5]! | (1 << (id & 31));
      slotOf[id] = s;
    }
  }
  const ranks = new Int32Array((bits.length + (1 << RANK_SHIFT) - 1) >>> RANK_SHIFT);
  const slots = new Uint8Array(postings.df);
  let holders = 0;
  for (let w = 0; w < bits.length; w++) {
    if ((w >>> RANK_SHIFT) << RANK_SHIFT === w) ranks[w >>> RANK_SHIFT] = holders;
    // Set bits lowest first: the article at bit b of word w is at position 32w + b.
    for (let word = bits[w]!; word !== 0; word &= word - 1)
      slots[holders++] = slotOf[(w << 5) | (31 - Math.clz32(word & -word))]!;
  }
  return { bits, ranks, slots: holders === slots.length ? slots : slots.slice(0, holders) };
}

/** The views of one index, by term, within `budget` bytes (the least recently used go first). */
export class TermViews {
  private readonly views: BudgetLru<string, DenseView>;
  /** Room for the positions of one slot of the list a view is built from, grown to the largest slot yet. */
  private scratch: Int32Array | undefined;
  /** The slot of each article of the list a view is being built from (see `build`). */
  private slotOf: Uint8Array | undefined;

  constructor(
    readonly articles: number,
    budget = VIEW_BUDGET,
  ) {
    this.views = new BudgetLru(budget);
  }

  /** The dense view of a term, given its posting list (built on first use, then kept). */
  get(term: string, postings: Postings): DenseView {
    const found = this.views.get(term);
    if (found) return found;
    let largest = 0;
    for (let s = 0; s < postings.length; s++) largest = Math.max(largest, postings.count(s));
    if (!this.scratch || this.scratch.length < largest)
      this.scratch = new Int32Array(grownLength(largest, this.articles));
    this.slotOf ??= new Uint8Array(this.articles);
    const view = build(postings, this.articles, this.scratch, this.slotOf);
    this.views.add(term, view);
    this.views.sized(term, view, view.bits.byteLength + view.ranks.byteLength + view.slots.byteLength);
    return view;
  }

  /** Views held, and their bytes. */
  get size(): { count: number; bytes: number } {
    return this.views.size;
  }
}
