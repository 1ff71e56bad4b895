// The groups of copies of one story (build/copies.ts), by position, each with its canonical
// article first. The sharded layout stores them as one small binary file, read only by a
// search that collapses copies; the bundle keeps them as JSON in its artefact module.
//
// The file is laid out to be searched where it lies, so that opening it costs a fresh isolate's
// first query nothing but its read: no map of every grouped article is built.
//
//   u32 M          articles that have copies
//   M × u32        their positions, ascending
//   M × u32        for each, where its group starts among the groups' words
//   groups' words  each group: u32 size, size × u32 positions (canonical first)
//
// Every number is a little-endian u32, read in place through a Uint32Array as the id tables
// are (id-table.ts).

/** Groups of copies of one story, each as positions with the canonical article first. */
export type CopyGroups = readonly (readonly number[])[];

/** The group of each article that has copies. */
export interface CopyIndex {
  /** The positions of the article's group of copies, the canonical one first; null when it has no copy. */
  of(position: number): readonly number[] | null;
}

/** The index of groups held in memory (the bundle's). */
export function copyIndex(groups: CopyGroups): CopyIndex {
  const groupOf = new Map<number, readonly number[]>();
  for (const group of groups) for (const position of group) groupOf.set(position, group);
  return { of: (position) => groupOf.get(position) ?? null };
}

/** The copies file of these groups (see the header). */
export function encodeCopies(groups: CopyGroups): Uint8Array {
  const grouped = groups.reduce((sum, group) => sum + group.length, 0);
  const words = new Uint32Array(1 + 2 * grouped + groups.length + grouped);
  const entries: { position: number; start: number }[] = [];
  let at = 1 + 2 * grouped;
  for (const group of groups) {
    const start = at - (1 + 2 * grouped);
    words[at++] = group.length;
    for (const position of group) {
      words[at++] = position;
      entries.push({ position, start });
    }
  }
  entries.sort((a, b) => a.position - b.position);
  words[0] = grouped;
  entries.forEach(({ position, start }, n) => {
    words[1 + n] = position;
    words[1 + grouped + n] = start;
  });
  return new Uint8Array(words.buffer);
}

/**
 * The copies file, opened for lookups where it lies. A file that cannot be one (its length, or
 * positions out of order) throws when opened; a group that does not hold the article it is
 * found for throws when it is looked up.
 */
export class CopyTable implements CopyIndex {
  private readonly positions: Uint32Array;
  private readonly starts: Uint32Array;
  private readonly groups: Uint32Array;

  constructor(data: ArrayBuffer) {
    if (data.byteLength < 4 || data.byteLength % 4 !== 0)
      throw new Error(`a copies file of ${data.byteLength} bytes is not whole numbers`);
    const words = new Uint32Array(data);
    const grouped = words[0]!;
    if (1 + 3 * grouped > words.length)
      throw new Error(`the copies file lists ${grouped} articles but has room for fewer`);
    this.positions = words.subarray(1, 1 + grouped);
    this.starts = words.subarray(1 + grouped, 1 + 2 * grouped);
    this.groups = words.subarray(1 + 2 * grouped);
    for (let n = 1; n < grouped; n++)
      if (this.positions[n - 1]! >= this.positions[n]!)
        throw new Error(`the copies file's positions are out of order at ${n}`);
  }

  of(position: number): readonly number[] | null {
    const { positions, starts, groups } = this;
    let low = 0;
    let high = positions.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (positions[middle]! < position) low = middle + 1;
      else high = middle;
    }
    if (low === positions.length || positions[low] !== position) return null;
    const start = starts[low]!;
    const size = groups[start] ?? 0;
    const group = Array.from(groups.subarray(start + 1, start + 1 + size));
    if (group.length !== size || !group.includes(position))
      throw new Error(`the copies file's group at ${start} does not hold article ${position}`);
    return group;
  }
}
