// Id tables: where an article is, from its id. Every id is hashed (FNV-1a, 32 bits) and the
// pairs (hash, position) are sorted by hash; table k holds the pairs whose hash starts with the
// bits of k (`idTableOf`), so an archive of any size keeps each table small. A file is the
// table's hashes, then their positions, each a little-endian u32. An isolate reads a table once
// and finds any of its ids by a binary search, with no id text to hold or inflate.
// A hash names candidates, not an article: two ids may share one, so the reader checks that the
// article at a candidate position has the id (its hit card says). The table holds every id of
// the archive, so a hash it lacks is an id the archive lacks.
import { fnv1a } from "./hash.js";

/** Ids a table holds at most: a table of 1 MiB. */
export const IDS_PER_TABLE = 1 << 17;

/** How many tables an archive of `articles` ids takes: a power of two, so that a table is a hash prefix. */
export function idTableCount(articles: number): number {
  let tables = 1;
  while (tables * IDS_PER_TABLE < articles) tables *= 2;
  return tables;
}

/** The table, 0 to tables − 1, that holds the id with this hash: the hash's leading bits. */
export function idTableOf(hash: number, tables: number): number {
  return tables === 1 ? 0 : hash >>> (32 - Math.log2(tables));
}

/** The id tables of these ids, the position of each its index, as files in table order. */
export function encodeIdTables(ids: readonly string[], tables: number): Uint8Array[] {
  const entries = ids.map((id, position) => ({ hash: fnv1a(id), position }));
  entries.sort((a, b) => a.hash - b.hash || a.position - b.position);
  const groups: { hash: number; position: number }[][] = Array.from({ length: tables }, () => []);
  for (const entry of entries) groups[idTableOf(entry.hash, tables)]!.push(entry);
  return groups.map((group) => {
    const words = new Uint32Array(2 * group.length);
    group.forEach(({ hash, position }, n) => {
      words[n] = hash;
      words[group.length + n] = position;
    });
    return new Uint8Array(words.buffer);
  });
}

/** An id table, opened for lookups. */
export class IdTable {
  readonly bytes: number;
  private readonly hashes: Uint32Array;
  private readonly positions: Uint32Array;

  /** Opens a table's file; a file that cannot be one (its length, or hashes out of order) throws. */
  constructor(data: ArrayBuffer) {
    if (data.byteLength % 8 !== 0) throw new Error(`an id table of ${data.byteLength} bytes is not whole pairs`);
    const count = data.byteLength / 8;
    this.hashes = new Uint32Array(data, 0, count);
    this.positions = new Uint32Array(data, 4 * count, count);
    for (let n = 1; n < count; n++)
      if (this.hashes[n - 1]! > this.hashes[n]!) throw new Error(`the id table's hashes are out of order at ${n}`);
    this.bytes = data.byteLength;
  }

  /** The positions of the ids with this id's hash, in position order: none when the archive lacks the id. */
  candidates(id: string): number[] {
    const hash = fnv1a(id);
    let low = 0;
    let high = this.hashes.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.hashes[middle]! < hash) low = middle + 1;
      else high = middle;
    }
    const found: number[] = [];
    for (let n = low; n < this.hashes.length && this.hashes[n] === hash; n++) found.push(this.positions[n]!);
    return found;
  }
}
