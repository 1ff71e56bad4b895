// Inverts analysed articles into impact-ordered posting lists: for every term, its articles
// grouped by impact slot (slot 0 the highest), positions ascending within a slot. This is
// what FlexSearch builds from the same impacts (the bundle layout's index), computed
// directly for the sharded layout at a fraction of the time and memory.
import { BM25, type SlotLists, type RankingConstants } from "../src/index-format.js";
import type { Analyses } from "./analyze-articles.js";

/**
 * The impact slot of a term: its BM25 term-frequency part, tf·(k1+1) / (tf + k1·(1−b+b·len/avg)),
 * quantised to 1..levels−1 and stored upside down (slot 0 is the highest impact).
 */
export function impactSlot(tf: number, length: number, averageLength: number, bm25: Bm25 = BM25): number {
  return impactSlotNormalised(tf, length / averageLength, bm25);
}

type Bm25 = RankingConstants["bm25"];

/** `impactSlot` given the article's length over the average length. */
function impactSlotNormalised(tf: number, norm: number, { k1, b, levels }: Bm25): number {
  const part = (tf * (k1 + 1)) / (tf + k1 * (1 - b + b * norm));
  const level = Math.min(levels - 1, Math.max(1, Math.round((part / (k1 + 1)) * (levels - 1))));
  return levels - 1 - level;
}

export interface Inverted {
  /** Terms' document frequencies, by term number. */
  documentFrequency: Int32Array;
  /** The posting list of a term number (one the inversion included). */
  postings(term: number): SlotLists;
}

/** Every term's document frequency: how many articles hold it. */
export function documentFrequencies(analyses: Analyses, terms: number): Int32Array {
  const documentFrequency = new Int32Array(terms);
  analyses.each((article) => {
    for (const term of article.terms) documentFrequency[term]!++;
  });
  return documentFrequency;
}

/** Bits of a packed posting that hold the article's position; the bits above hold its slot. */
const POSITION_BITS = 26;
const POSITION_MASK = (1 << POSITION_BITS) - 1;
/** Articles an index can hold: positions must fit their bits of a packed posting. */
export const MAX_ARTICLES = 1 << POSITION_BITS;

/**
 * Inverts the articles' postings of the terms `include` marks (every term when it is absent).
 * A large index is inverted a group of terms at a time, so the postings in memory at once stay
 * bounded whatever the archive's size. Each posting is one packed number (slot above position),
 * placed in its term's run in one pass over the analyses; a term's run is sorted when its
 * postings are asked for, which orders it by slot and, within a slot, by position.
 */
export function invert(
  analyses: Analyses,
  terms: number,
  averageLength: number,
  include?: Uint8Array,
  documentFrequency: Int32Array = documentFrequencies(analyses, terms),
  bm25: Bm25 = BM25,
): Inverted {
  if (analyses.size > MAX_ARTICLES)
    throw new Error(`an index holds at most ${MAX_ARTICLES.toLocaleString("en")} articles (got ${analyses.size})`);
  // Included terms get local numbers 0..count-1; the others -1.
  const local = new Int32Array(terms).fill(-1);
  let count = 0;
  for (let term = 0; term < terms; term++) if (!include || include[term]) local[term] = count++;
  const starts = new Int32Array(count + 1);
  for (let term = 0; term < terms; term++) if (local[term]! >= 0) starts[local[term]! + 1] = documentFrequency[term]!;
  for (let n = 0; n < count; n++) starts[n + 1]! += starts[n]!;
  const next = starts.slice(0, count);
  const entries = new Int32Array(starts[count]!);
  analyses.each((article, position) => {
    const norm = article.length / averageLength;
    for (let i = 0; i < article.terms.length; i++) {
      const n = local[article.terms[i]!]!;
      if (n >= 0) entries[next[n]!++] = (impactSlotNormalised(article.tf[i]!, norm, bm25) << POSITION_BITS) | position;
    }
  });
  const taken = new Uint8Array(count);
  return {
    documentFrequency,
    postings(term) {
      const n = local[term]!;
      if (n < 0) throw new Error(`term ${term} was not included in this inversion`);
      if (taken[n]) throw new Error(`term ${term}'s postings were taken already`);
      taken[n] = 1;
      const run = entries.subarray(starts[n]!, starts[n + 1]!).sort();
      const slots: Int32Array[] = [];
      for (let from = 0, i = 1; from < run.length; i++) {
        const slot = run[from]! >>> POSITION_BITS;
        if (i < run.length && run[i]! >>> POSITION_BITS === slot) continue;
        slots[slot] = run.subarray(from, i);
        from = i;
      }
      for (let i = 0; i < run.length; i++) run[i]! &= POSITION_MASK;
      return slots;
    },
  };
}
