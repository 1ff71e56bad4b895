// The copies file (src/format/copies.ts), in workerd: every grouped article finds its whole
// group, canonical first, where the file lies; an article without copies finds none; a file
// that is not one throws, and so does a group that does not hold the article it is found for.
import { describe, expect, it } from "vitest";
import { CopyTable, encodeCopies } from "../../../../src/index-format.js";

const groups = [
  [7, 3, 90],
  [0, 12],
  [101_399, 4, 5, 6],
];

const opened = (words: Uint32Array) => new CopyTable(words.buffer as ArrayBuffer);
const fileOf = (groups: number[][]) => new Uint32Array(encodeCopies(groups).slice().buffer);

describe("copies file", () => {
  it("finds each grouped article's group, canonical first, and none for the others", () => {
    const table = opened(fileOf(groups));
    for (const group of groups) for (const position of group) expect(table.of(position)).toEqual(group);
    for (const position of [1, 2, 8, 11, 13, 89, 91, 101_398, 101_400]) expect(table.of(position)).toBeNull();
  });

  it("opens a file without groups, and finds none", () => {
    const table = opened(fileOf([]));
    expect(table.of(0)).toBeNull();
  });

  it("throws when opened on a file that is not whole numbers, too short, or out of order", () => {
    expect(() => new CopyTable(new ArrayBuffer(6))).toThrow(/not whole numbers/);
    const short = fileOf(groups);
    short[0] = 1_000;
    expect(() => opened(short)).toThrow(/room for fewer/);
    const disordered = fileOf(groups);
    const grouped = disordered[0]!;
    disordered.subarray(1, 1 + grouped).reverse();
    expect(() => opened(disordered)).toThrow(/out of order/);
  });

  it("throws when a group does not hold the article it is found for", () => {
    const words = fileOf(groups);
    const grouped = words[0]!;
    // Position 12's entry sent to the group of 7, 3 and 90.
    const entry = Array.from(words.subarray(1, 1 + grouped)).indexOf(12);
    const first = Array.from(words.subarray(1, 1 + grouped)).indexOf(7);
    words[1 + grouped + entry] = words[1 + grouped + first]!;
    const table = opened(words);
    expect(table.of(7)).toEqual([7, 3, 90]);
    expect(() => table.of(12)).toThrow(/does not hold article 12/);
  });
});
