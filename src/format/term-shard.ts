// A term shard: the impact-ordered posting lists of the terms that hash to it, in binary.
//
//   u32 (little endian)  length H of the header
//   H bytes              UTF-8 JSON header {"terms": [...], "offsets": [...]}: term i's postings
//                        are bytes offsets[i] to offsets[i + 1] of the data
//   data                 per term, per non-empty impact slot: varint slot, varint count, then
//                        the article positions ascending, as varint gaps (the first from 0)
//
// Decoding yields what FlexSearch's own posting lists hold: slot s (0 = highest impact) lists
// the positions of the articles whose term-frequency impact quantised to s.
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
  const header = new TextEncoder().encode(JSON.stringify({ terms, offsets }));
  const out = new Uint8Array(4 + header.length + data.length);
  new DataView(out.buffer).setUint32(0, header.length, true);
  out.set(header, 4);
  out.set(data, 4 + header.length);
  return out;
}

function decodePostings(reader: VarintReader, end: number): Postings {
  const slots: Int32Array[] = [];
  while (reader.offset < end) {
    const slot = reader.next();
    const ids = new Int32Array(reader.next());
    let previous = 0;
    for (let i = 0; i < ids.length; i++) ids[i] = previous += reader.next();
    slots[slot] = ids;
  }
  return slots;
}

export function decodeTermShard(buffer: ArrayBuffer): TermShard {
  const bytes = new Uint8Array(buffer);
  const headerLength = new DataView(buffer).getUint32(0, true);
  const { terms, offsets } = JSON.parse(new TextDecoder().decode(bytes.subarray(4, 4 + headerLength))) as {
    terms: string[];
    offsets: number[];
  };
  const data = bytes.subarray(4 + headerLength);
  const index = new Map(terms.map((term, i) => [term, i]));
  return {
    size: terms.length,
    bytes: buffer.byteLength + 64 * terms.length,
    postings(term) {
      const i = index.get(term);
      return i === undefined ? undefined : decodePostings(new VarintReader(data, offsets[i]!), offsets[i + 1]!);
    },
  };
}
