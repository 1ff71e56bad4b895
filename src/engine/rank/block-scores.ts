// Scoring into a compact set, for the pruned ranking (prune.ts): the posting lists are added
// a block of article positions at a time into a block-sized accumulator, and each block's
// articles come out as (position, score, word bits) side by side, in position order. A query
// touching tens of thousands of articles then writes at random only within one block (64 KiB
// of scores, 32 KiB of bits, which stay in the processor's cache) instead of across
// article-sized arrays (12 bytes an article), and what follows reads the set front to back.
import type { ScoringList } from "./score.js";
import { slotImpact } from "./score.js";
import { sizedScratch } from "./sized-scratch.js";

/** Article positions scored together: the block accumulator's scores (64 KiB) and bits (32 KiB) stay in the processor's cache. */
const SCORING_BLOCK = 8192;

/** Scored articles side by side, ascending by position: entry n is article `ids[n]`. Arrays grow as needed; `count` entries are valid. */
export class ScoredSet {
  ids = new Int32Array(1024);
  scores = new Float64Array(1024);
  masks = new Uint32Array(1024);
  count = 0;

  /** Makes room for `more` entries after the `count` held. */
  reserve(more: number): void {
    const needed = this.count + more;
    if (needed <= this.ids.length) return;
    let size = this.ids.length;
    while (size < needed) size *= 2;
    const grow = <T extends Int32Array | Float64Array | Uint32Array>(old: T, fresh: T): T => {
      fresh.set(old.subarray(0, this.count));
      return fresh;
    };
    this.ids = grow(this.ids, new Int32Array(size));
    this.scores = grow(this.scores, new Float64Array(size));
    this.masks = grow(this.masks, new Uint32Array(size));
  }
}

/**
 * A block's accumulator, zero everywhere between blocks: scores, word bits, and a bitset of the
 * offsets the block's postings touched (bit `offset & 31` of word `offset >> 5`).
 */
const blockOf = sizedScratch((size) => ({
  scores: new Float64Array(size),
  masks: new Uint32Array(size),
  touched: new Int32Array((size + 31) >>> 5),
}));

export interface BlockOptions {
  /** Of list t, only its first `slotsRead[t]` slots are read. Default: every slot. */
  slotsRead?: ArrayLike<number>;
  /** Positions a block spans, a multiple of 32. Default SCORING_BLOCK; tests use small ones, such as `{ block: 64 }`. */
  block?: number;
  /**
   * A bitset by position (bit `id & 31` of word `id >> 5`) in which every article scored is
   * set, as a block's own bitset is emptied into it: no pass of its own. Default: none.
   */
  held?: Int32Array;
}

/**
 * Replaces `into` with every article holding a posting of the first `count` lists: its score
 * (the contributions added in list order: the same sums, to the bit, as scoring list after
 * list into article-sized arrays) and the OR of the lists' word masks. Each slot's positions
 * ascend (see `Postings`), so a cursor per slot finds where its next block starts.
 */
export function scoreBlocks(
  lists: readonly ScoringList[],
  count: number,
  articles: number,
  into: ScoredSet,
  { slotsRead, block = SCORING_BLOCK, held }: BlockOptions = {},
): void {
  if (block <= 0 || block % 32 !== 0) throw new RangeError(`block must be a positive multiple of 32 (got ${block})`);
  const { scores, masks, touched } = blockOf(block);
  const cursors: Int32Array[] = [];
  // The slots read of each list, decoded once before the blocks (the others are never decoded).
  const read: (ArrayLike<number> | undefined)[][] = [];
  for (let t = 0; t < count; t++) {
    const { slots } = lists[t]!;
    cursors.push(new Int32Array(slots.length));
    const upto = slotsRead ? Math.min(slotsRead[t]!, slots.length) : slots.length;
    read.push(Array.from({ length: upto }, (_, s) => slots.slot(s)));
  }
  into.count = 0;
  for (let start = 0; start < articles; start += block) {
    const end = start + block;
    let postings = 0;
    for (let t = 0; t < count; t++) {
      const { term, termWeight } = lists[t]!;
      const mask = term.mask;
      const at = cursors[t]!;
      const slots = read[t]!;
      for (let s = 0; s < slots.length; s++) {
        const ids = slots[s];
        if (!ids) continue;
        const impact = termWeight * slotImpact(s);
        const from = at[s]!;
        let i = from;
        for (; i < ids.length; i++) {
          const id = ids[i]!;
          if (id >= end) break;
          const offset = id - start;
          touched[offset >>> 5] = touched[offset >>> 5]! | (1 << (offset & 31));
          scores[offset] = scores[offset]! + impact;
          masks[offset] = masks[offset]! | mask;
        }
        at[s] = i;
        postings += i - from;
      }
    }
    if (postings > 0) emit(into, start, postings, scores, masks, touched, held);
  }
}

/** Appends the block's touched articles to the set in position order (at most `postings` of them), and zeroes them in the block. */
function emit(
  into: ScoredSet,
  start: number,
  postings: number,
  scores: Float64Array,
  masks: Uint32Array,
  touched: Int32Array,
  held: Int32Array | undefined,
): void {
  into.reserve(postings);
  const { ids, scores: outScores, masks: outMasks } = into;
  let n = into.count;
  for (let w = 0; w < touched.length; w++) {
    let word = touched[w]!;
    if (word === 0) continue;
    touched[w] = 0;
    if (held) held[(start >>> 5) + w] = held[(start >>> 5) + w]! | word;
    while (word !== 0) {
      const low = word & -word;
      const offset = (w << 5) | (31 - Math.clz32(low));
      word ^= low;
      ids[n] = start + offset;
      outScores[n] = scores[offset]!;
      outMasks[n] = masks[offset]!;
      n++;
      scores[offset] = 0;
      masks[offset] = 0;
    }
  }
  into.count = n;
}
