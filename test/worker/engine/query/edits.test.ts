// Spelling neighbours (src/engine/query/edits.ts): every string one edit from a word, its first
// letter kept, each once, in the order the edits are defined, checked against the edits made
// one by one into a set.
import { describe, expect, it } from "vitest";
import { seededRandom } from "../../../../src/engine/phrase/seeded-random.js";
import { editsOf } from "../../../../src/engine/query/edits.js";

const LETTERS = "abcdefghijklmnopqrstuvwxyz";

/** Every edit by its definition, repeats and the word itself included, in the order editsOf makes them. */
function everyEdit(word: string): string[] {
  const edits: string[] = [];
  for (let i = 1; i <= word.length; i++) {
    const head = word.slice(0, i);
    const tail = word.slice(i);
    if (tail.length > 0) edits.push(head + tail.slice(1));
    if (tail.length > 1) edits.push(head + tail[1] + tail[0] + tail.slice(2));
    for (const letter of LETTERS) {
      edits.push(head + letter + tail);
      if (tail.length > 0) edits.push(head + letter + tail.slice(1));
    }
  }
  return edits;
}

/** The distinct edits other than the word, each where it first comes. */
const reference = (word: string) => [...new Set(everyEdit(word))].filter((edit) => edit !== word);

describe("editsOf", () => {
  it("makes each distinct edit once, in order, for words with runs of one letter", () => {
    for (const word of ["a", "ab", "aa", "aaa", "aab", "abb", "abba", "committee", "bookkeeper", "mississippi", "zzzz"])
      expect([word, editsOf(word)]).toEqual([word, reference(word)]);
  });

  it("makes each distinct edit once, in order, for 2,000 random words of few letters", () => {
    // Few letters, so that runs and repeats are common.
    const random = seededRandom(1);
    for (let n = 0; n < 2000; n++) {
      const length = 1 + Math.floor(random() * 9);
      let word = "";
      for (let i = 0; i < length; i++) word += "abc"[Math.floor(random() * 3)];
      const edits = editsOf(word);
      expect([word, edits]).toEqual([word, reference(word)]);
      expect(new Set(edits).size).toBe(edits.length);
    }
  });

  it("keeps the first letter", () => {
    expect(editsOf("kadafi").every((edit) => edit.startsWith("k"))).toBe(true);
    expect(editsOf("kadafi")).toContain("kadaffi");
    expect(editsOf("kadafi")).not.toContain("gadafi");
  });
});
