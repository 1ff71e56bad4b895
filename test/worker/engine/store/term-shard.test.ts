// Term shards (src/format/term-shard.ts), in workerd: what a shard encodes is what the worker
// decodes, slot by slot, and a term is found by its whole line, never inside another term's.
import { describe, expect, it } from "vitest";
import { seededRandom } from "../../../../src/engine/phrase/seeded-random.js";
import { decodeTermShard, encodeTermShard, type Postings } from "../../../../src/format/term-shard.js";

/** A posting list of `slots` impact slots, some empty, holding about `postings` distinct positions in all. */
function randomList(random: () => number, slots: number, postings: number): Int32Array[] {
  const list: Int32Array[] = [];
  const taken = new Set<number>();
  for (let s = 0; s < slots; s++) {
    if (random() < 0.3) continue;
    const ids = new Set<number>();
    const size = 1 + Math.floor((random() * 2 * postings) / slots);
    while (ids.size < size) {
      const id = Math.floor(random() * 200_000);
      if (!taken.has(id)) ids.add(id);
    }
    for (const id of ids) taken.add(id);
    list[s] = Int32Array.from([...ids].sort((a, b) => a - b));
  }
  return list;
}

/** A list's slots as plain arrays, holes as undefined, so lists compare by value. */
const plain = (slots: Postings) =>
  Array.from({ length: slots.length }, (_, s) => {
    const ids = slots.slot(s);
    return ids ? Array.from(ids) : undefined;
  });
/** The same of lists as the build writes them (trailing empty slots left out). */
const written = (slots: readonly (Int32Array | undefined)[]) =>
  Array.from({ length: slots.findLastIndex((ids) => !!ids && ids.length > 0) + 1 }, (_, s) =>
    slots[s]?.length ? Array.from(slots[s]) : undefined,
  );

describe("term shards", () => {
  const random = seededRandom(7);
  // Terms that hold each other ("putin" in "putins", "2" in "12"), and beyond ASCII.
  const terms = ["putin", "putins", "sputin", "12", "2", "zelenskyy", "zürich", "東京", "x"];
  const lists = terms.map((term, n) => [term, randomList(random, 32, n === 0 ? 20_000 : 10 * n)] as const);
  lists.push(["holes", [undefined, undefined, new Int32Array([1, 2, 900_000])] as unknown as Int32Array[]]);
  const shard = decodeTermShard(encodeTermShard(lists).slice().buffer);

  it("decodes every term's list to the slots it was encoded from", () => {
    expect(shard.size).toBe(lists.length);
    for (const [term, slots] of lists) {
      const postings = shard.postings(term)!;
      expect(plain(postings), term).toEqual(written(slots));
      expect(postings.df, term).toBe(slots.reduce((sum, ids) => sum + (ids?.length ?? 0), 0));
      for (const [s, ids] of slots.entries()) expect(postings.count(s), `${term} ${s}`).toBe(ids?.length ?? 0);
      // Copied, on a fresh open (nothing decoded yet) and then once decoded, after two places of room.
      for (const open of [shard.postings(term)!, postings]) {
        const into = new Int32Array(2 + postings.df).fill(-1);
        let at = 2;
        for (let s = 0; s < open.length; s++) at += open.copy(s, into, at);
        expect(Array.from(into), term).toEqual([-1, -1, ...slots.flatMap((ids) => Array.from(ids ?? []))]);
      }
    }
  });

  it("decodes a slot only when it is asked for, and says a slot that does not fill its bytes is damaged", () => {
    // Slot 0 holds 5 and 9 (gaps 5, 4), slot 3 holds 1, 2, 3: each slot is
    // [slot, count, bytes, gaps…] after the header and offsets.
    const bytes = encodeTermShard([["t", [Int32Array.from([5, 9]), undefined, undefined, Int32Array.from([1, 2, 3])]]]);
    const data = bytes.length - 11;
    expect(Array.from(bytes.subarray(data))).toEqual([0, 2, 2, 5, 4, 3, 3, 3, 1, 1, 1]);
    // The last gap of slot 0 made to go on into the next byte: slot 0 now overruns its bytes.
    bytes[data + 4] = 0x84;
    const damaged = (error: Error) => new Error(`damaged: ${error.message}`);
    const postings = decodeTermShard(bytes.slice().buffer, damaged).postings("t")!;
    expect([postings.df, postings.length, postings.count(0), postings.count(3)]).toEqual([5, 4, 2, 3]);
    expect(Array.from(postings.slot(3)!)).toEqual([1, 2, 3]);
    expect(postings.slot(1)).toBeUndefined();
    expect(() => postings.slot(0)).toThrow(/^damaged: slot 0/);
    expect(() => postings.copy(0, new Int32Array(5), 0)).toThrow(/^damaged: slot 0/);
  });

  it("finds no term that is only part of another, or that the shard lacks", () => {
    for (const absent of ["puti", "utin", "1", "zelensky", "zurich", "東", "", "putin\t0"])
      expect(shard.postings(absent), absent).toBeUndefined();
  });

  it("throws, never answers, when a line's number or a list's bytes do not fit the shard", () => {
    const bytes = encodeTermShard(lists).slice();
    const header = new TextDecoder().decode(bytes.subarray(8, 8 + new DataView(bytes.buffer).getUint32(0, true)));
    const malformed = bytes.slice();
    // "putin\t0\n" becomes "putin\tx\n": the same length, no number.
    malformed[8 + header.indexOf("putin\t") + 6] = "x".charCodeAt(0);
    expect(() => decodeTermShard(malformed.buffer).postings("putin")).toThrow(/malformed/);
    expect(decodeTermShard(malformed.buffer).postings("putins")).toBeDefined();
    const overrun = bytes.slice();
    new DataView(overrun.buffer).setUint32(4, 1_000_000, true);
    expect(() => decodeTermShard(overrun.buffer)).toThrow(/overruns/);
    expect(() => decodeTermShard(new ArrayBuffer(3))).toThrow(/too short/);
  });

  it("decodes an empty shard, and refuses a term it could not find again", () => {
    const empty = decodeTermShard(encodeTermShard([]).slice().buffer);
    expect(empty.size).toBe(0);
    expect(empty.postings("putin")).toBeUndefined();
    expect(() => encodeTermShard([["a\tb", []]])).toThrow(/tab or a line break/);
  });
});
