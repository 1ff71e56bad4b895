// Typo'd queries for the typo-tolerance eval: one random edit (a letter deleted, inserted,
// replaced, or two neighbours swapped) in every word of six letters or more. Seeded, so every
// run types the same typos.
import { seededRandom } from "./seeded-random.js";

const LETTERS = "abcdefghijklmnopqrstuvwxyz";

function typo(word: string, random: () => number): string {
  const at = 1 + Math.floor(random() * (word.length - 2)); // keep the first letter, as typists do
  const letter = LETTERS[Math.floor(random() * LETTERS.length)]!;
  switch (Math.floor(random() * 4)) {
    case 0:
      return word.slice(0, at) + word.slice(at + 1);
    case 1:
      return word.slice(0, at) + letter + word.slice(at);
    case 2:
      return (
        word.slice(0, at) +
        (letter === word[at] ? LETTERS[(LETTERS.indexOf(letter) + 1) % 26] : letter) +
        word.slice(at + 1)
      );
    default:
      return word[at] === word[at + 1]
        ? word.slice(0, at) + word.slice(at + 1)
        : word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
  }
}

/** The query with one typo in each word of at least `minLength` letters. */
export function withTypos(query: string, seed: number, minLength = 6): string {
  const random = seededRandom(seed);
  return query.replace(/\p{L}+/gu, (word) => (word.length >= minLength ? typo(word, random) : word));
}
