// A term shard: the impact-ordered posting lists of the terms that hash to it, in binary.
//
//   u32 (little endian)  length H of the header
//   u32 (little endian)  number N of terms
//   H bytes              UTF-8 header: a line "term\tI\n" for each term I (from 0)
//   u32 × (N + 1)        offsets (little endian): term I's postings are bytes offsets[I] to
//                        offsets[I + 1] of the data
//   data                 per term, per non-empty impact slot: varint slot, varint count, then
//                        the article positions ascending, as varint gaps (the first from 0)
//
// Decoding yields what FlexSearch's own posting lists hold: slot s (0 = highest impact) lists
// the positions of the articles whose term-frequency impact quantised to s.
//
// A shard is read once per isolate for the few terms a query wants, so decoding it builds
// nothing per term: the header is decoded as one string and a term is found in it by a search
// for its line, which gives the term's number and so its offsets.
import { VarintReader, VarintWriter } from "./varint.js";

/** A term's posting list: `slots[s]` lists article positions at impact slot s, ascending (both layouts build them so, and scoring relies on it), or is empty. */
export type Postings = ReadonlyArray<ArrayLike<number> | undefined>;

export interface TermShard {
  /** The terms the shard holds. */
  readonly size: number;
  /** Bytes the shard takes, for cache accounting. */
  readonly bytes: number;
  /**
   * The term's posting list, decoded afresh on each call (nothing decoded is kept, so a cached
   * shard costs its encoded size: about a byte a posting, not four), or undefined when absent.
   */
  postings(term: string): Postings | undefined;
}

/** Encodes posting lists (slot arrays of ascending positions) as one shard. */
export function encodeTermShard(entries: Iterable<readonly [string, Postings]>): Uint8Array {
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
 * The list encoded in `data[start, end)`. The gaps are read inline rather than by a call a
 * varint: this decodes every posting of every list a query reads, the largest single cost of
 * a search.
 */
function decodePostings(data: Uint8Array, start: number, end: number): Postings {
  const slots: Int32Array[] = [];
  const reader = new VarintReader(data, start);
  while (reader.offset < end) {
    const slot = reader.next();
    const ids = new Int32Array(reader.next());
    let at = reader.offset;
    let previous = 0;
    for (let i = 0; i < ids.length; i++) {
      let byte = data[at++]!;
      let gap = byte & 0x7f;
      for (let shift = 7; byte & 0x80; shift += 7) {
        byte = data[at++]!;
        gap |= (byte & 0x7f) << shift;
      }
      ids[i] = previous += gap >>> 0;
    }
    reader.offset = at;
    if (at > end) throw new Error("a posting list overruns its bytes");
    slots[slot] = ids;
  }
  return slots;
}

/**
 * Opens a shard. A shard whose header, offsets or postings do not fit it throws, on opening or
 * on the lookup that meets the fault (the store reports the file as damaged): its checksum
 * passed, so only a faulty build writes one, but it is never read into a wrong answer.
 */
export function decodeTermShard(buffer: ArrayBuffer): TermShard {
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
      return decodePostings(data, start, end);
    },
  };
}
