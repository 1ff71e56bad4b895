// The groups of copies of one story (build/copies.ts), by position, each with its canonical
// article first. The sharded layout stores them as one small binary file, read only by a
// search that collapses copies; the bundle keeps them as JSON in its artefact module.
//
//   u32 G     groups, then each group: u32 size, size × u32 positions (canonical first)

/** Groups of copies of one story, each as positions with the canonical article first. */
export type CopyGroups = readonly (readonly number[])[];

/** The group of each article that has copies. */
export interface CopyIndex {
  /** The positions of the article's group of copies, the canonical one first; null when it has no copy. */
  of(position: number): readonly number[] | null;
}

export function copyIndex(groups: CopyGroups): CopyIndex {
  const groupOf = new Map<number, readonly number[]>();
  for (const group of groups) for (const position of group) groupOf.set(position, group);
  return { of: (position) => groupOf.get(position) ?? null };
}

export function encodeCopies(groups: CopyGroups): Uint8Array {
  const words = groups.reduce((sum, group) => sum + 1 + group.length, 1);
  const out = new Uint8Array(4 * words);
  const view = new DataView(out.buffer);
  let at = 0;
  view.setUint32(at, groups.length, true);
  for (const group of groups) {
    view.setUint32((at += 4), group.length, true);
    for (const position of group) view.setUint32((at += 4), position, true);
  }
  return out;
}

export function decodeCopies(buffer: ArrayBuffer): CopyGroups {
  const view = new DataView(buffer);
  let at = 0;
  const groups: number[][] = [];
  for (let g = view.getUint32(at, true); g > 0; g--) {
    const group: number[] = [];
    for (let size = view.getUint32((at += 4), true); size > 0; size--) group.push(view.getUint32((at += 4), true));
    groups.push(group);
  }
  return groups;
}
