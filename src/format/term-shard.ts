// A term shard: the impact-ordered posting lists of the terms that hash to it, in binary.
//
//   u32 (little endian)  length H of the header
//   u32 (little endian)  number N of terms
//   H bytes              UTF-8 header: a line "term\tI\n" for each term I (from 0)
//   u32 × (N + 1)        offsets (little endian): term I's postings are bytes offsets[I] to
//                        offsets[I + 1] of the data
//   data                 per term, per non-empty impact slot: varint slot, varint count,
//                        varint length in bytes of the gaps, then the article positions
//                        ascending, as varint gaps (the first from 0)
//
// Decoding yields what FlexSearch's own posting lists hold: slot s (0 = highest impact) lists
// the positions of the articles whose term-frequency impact quantised to s.
//
// A shard is read once per isolate for the few terms a query wants, so decoding it builds
// nothing per term: the header is decoded as one string and a term is found in it by a search
// for its line, which gives the term's number and so its offsets. A term's slots are decoded
// one by one, when first asked for (their lengths let a reader step over the others): a
// search that reads only the highest slots of a frequent term, its other slots known from its
// dense view (engine/rank/term-views.ts), decodes no more of it.
import { VarintReader, VarintWriter, varintLength } from "./varint.js";

/** A term's articles by impact slot, as the build writes them: `slots[s]` ascending, or empty. */
export type SlotLists = ReadonlyArray<ArrayLike<number> | undefined>;

/**
 * A term's posting list: slot s lists the positions of the articles at impact slot s,
 * ascending (both layouts build them so, and scoring relies on it).
 */
export interface Postings {
  /** Slots, 0 to length − 1; slots past the last non-empty one are left out. */
  readonly length: number;
  /** Articles holding the term: those of every slot. */
  readonly df: number;
  /** How many articles slot s holds (nothing is decoded). */
  count(s: number): number;
  /** The articles at slot s, ascending; undefined when it holds none. */
  slot(s: number): ArrayLike<number> | undefined;
  /**
   * Writes the articles at slot s to `into` from `at` on and returns how many: `slot` without
   * keeping what it decodes, for a reader that needs each slot once (a dense view's build).
   */
  copy(s: number, into: Int32Array, at: number): number;
}

/** The posting list of slot arrays already in memory (the bundle, the build, tests). */
export function slotPostings(slots: SlotLists): Postings {
  let df = 0;
  let length = 0;
  slots.forEach((ids, s) => {
    if (!ids || ids.length === 0) return;
    df += ids.length;
    length = s + 1;
  });
  return {
    length,
    df,
    count: (s) => slots[s]?.length ?? 0,
    slot: (s) => (slots[s]?.length ? slots[s] : undefined),
    copy(s, into, at) {
      const ids = slots[s] ?? [];
      for (let i = 0; i < ids.length; i++) into[at + i] = ids[i]!;
      return ids.length;
    },
  };
}

export interface TermShard {
  /** The terms the shard holds. */
  readonly size: number;
  /** Bytes the shard takes, for cache accounting. */
  readonly bytes: number;
  /**
   * The term's posting list, its slots decoded as they are asked for (nothing decoded is
   * kept by the shard, so a cached shard costs its encoded size: about a byte a posting, not
   * four), or undefined when absent.
   */
  postings(term: string): Postings | undefined;
}

/** Encodes posting lists (slot arrays of ascending positions) as one shard. */
export function encodeTermShard(entries: Iterable<readonly [string, SlotLists]>): Uint8Array {
  const terms: string[] = [];
  const offsets: number[] = [];
  const writer = new VarintWriter();
  for (const [term, slots] of entries) {
    if (/[\t\n]/.test(term)) throw new Error(`a term cannot hold a tab or a line break: ${JSON.stringify(term)}`);
    terms.push(term);
    offsets.push(writer.length);
    for (let slot = 0; slot < slots.length; slot++) {
      const ids = slots[slot];
      if (!ids || ids.length === 0) continue;
      writer.push(slot);
      writer.push(ids.length);
      let bytes = 0;
      for (let i = 0, previous = 0; i < ids.length; i++) {
        bytes += varintLength(ids[i]! - previous);
        previous = ids[i]!;
      }
      writer.push(bytes);
      let previous = 0;
      for (let i = 0; i < ids.length; i++) {
        writer.push(ids[i]! - previous);
        previous = ids[i]!;
      }
    }
  }
  offsets.push(writer.length);
  const data = writer.view();
  const header = new TextEncoder().encode(terms.map((term, i) => `${term}\t${i}\n`).join(""));
  const table = 8 + header.length;
  const out = new Uint8Array(table + 4 * offsets.length + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, header.length, true);
  view.setUint32(4, terms.length, true);
  out.set(header, 8);
  for (const [i, offset] of offsets.entries()) view.setUint32(table + 4 * i, offset, true);
  out.set(data, table + 4 * offsets.length);
  return out;
}

/**
 * The list encoded in `data[start, end)`, its slots' places read now (a list whose slots do
 * not fit its bytes throws) and each slot decoded when first asked for. The gaps are read
 * inline rather than by a call a varint: decoding is the largest single cost of a search.
 * A slot whose gaps do not fill its bytes exactly throws `damaged(error)` when decoded.
 */
function encodedPostings(data: Uint8Array, start: number, end: number, damaged: (error: Error) => Error): Postings {
  const starts: number[] = [];
  const counts: number[] = [];
  const ends: number[] = [];
  const reader = new VarintReader(data, start);
  let df = 0;
  while (reader.offset < end) {
    const slot = reader.next();
    const count = reader.next();
    const bytes = reader.next();
    if (slot < starts.length || count === 0 || reader.offset + bytes > end)
      throw new Error("a posting list's slots do not fit its bytes");
    starts[slot] = reader.offset;
    counts[slot] = count;
    ends[slot] = reader.offset + bytes;
    df += count;
    reader.offset += bytes;
  }
  if (reader.offset !== end) throw new Error("a posting list overruns its bytes");
  const decoded: (Int32Array | undefined)[] = [];
  /** Decodes slot s into `ids` from `at` on: most gaps of a frequent term fit one byte. */
  const decode = (s: number, ids: Int32Array, at: number) => {
    let from = starts[s]!;
    let previous = 0;
    for (let i = at, last = at + counts[s]!; i < last; i++) {
      let byte = data[from++]!;
      if (byte < 0x80) {
        previous = (previous + byte) | 0;
      } else {
        let gap = byte & 0x7f;
        let shift = 7;
        do {
          byte = data[from++]!;
          gap |= (byte & 0x7f) << shift;
          shift += 7;
        } while (byte & 0x80);
        previous = (previous + gap) | 0;
      }
      ids[i] = previous;
    }
    if (from !== ends[s]) throw damaged(new Error(`slot ${s} of a posting list does not fill its bytes`));
  };
  return {
    length: starts.length,
    df,
    count: (s) => counts[s] ?? 0,
    slot(s) {
      const found = decoded[s];
      if (found || counts[s] === undefined) return found;
      const ids = new Int32Array(counts[s]);
      decode(s, ids, 0);
      decoded[s] = ids;
      return ids;
    },
    copy(s, into, at) {
      const found = decoded[s];
      if (found) into.set(found, at);
      else if (counts[s] !== undefined) decode(s, into, at);
      return counts[s] ?? 0;
    },
  };
}

/**
 * Opens a shard. A shard whose header, offsets or postings do not fit it throws, on opening,
 * on the lookup that meets the fault (the store reports the file as damaged), or, for a slot
 * whose gaps do not fill its bytes, `damaged(error)` as the slot is decoded: its checksum
 * passed, so only a faulty build writes one, but it is never read into a wrong answer.
 */
export function decodeTermShard(buffer: ArrayBuffer, damaged: (error: Error) => Error = (error) => error): TermShard {
  const view = new DataView(buffer);
  if (buffer.byteLength < 8) throw new Error("it is too short for a term shard");
  const headerLength = view.getUint32(0, true);
  const size = view.getUint32(4, true);
  if (8 + headerLength + 4 * (size + 1) > buffer.byteLength) throw new Error("its header overruns it");
  // Each line starts after a line break: the first one's is added.
  const lines = `\n${new TextDecoder().decode(new Uint8Array(buffer, 8, headerLength))}`;
  const table = 8 + headerLength;
  const data = new Uint8Array(buffer, table + 4 * (size + 1));
  return {
    size,
    bytes: buffer.byteLength + 2 * lines.length,
    postings(term) {
      const line = lines.indexOf(`\n${term}\t`);
      if (line < 0) return undefined;
      const at = line + term.length + 2;
      const number = lines.slice(at, lines.indexOf("\n", at));
      const i = /^\d+$/.test(number) ? Number(number) : size;
      if (i >= size) throw new Error(`its line for the term ${JSON.stringify(term)} is malformed`);
      const [start, end] = [view.getUint32(table + 4 * i, true), view.getUint32(table + 4 * (i + 1), true)];
      if (start > end || end > data.length) throw new Error(`the postings of ${JSON.stringify(term)} overrun it`);
      return encodedPostings(data, start, end, damaged);
    },
  };
}
