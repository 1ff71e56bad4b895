// Spelling neighbours: every string one edit away from a word (a letter deleted, inserted,
// replaced, or two neighbours swapped: Damerau-Levenshtein distance 1) that keeps its first
// letter. Typists rarely get the first letter wrong (the phonetic fallback catches some who do:
// Kadafy, Gaddafi), and the candidates of a word then fall in the lexicon shards of its letter
// instead of in every shard: a misspelled word reads the few lexicon shards of one letter, not
// the whole lexicon.
//
// Edits that would repeat one already made are never made, so no set is needed to tell them
// apart: a word of ten letters has some five hundred edits, and hashing each new string costs
// more than making it. Two edits give the same string only within a run of one letter:
// deleting any letter of a run gives the same word, and so does inserting the run's letter
// anywhere in or beside it. Only the first of each is made. Replacements and swaps never
// coincide with each other or with the word (a letter is never replaced by itself, and two
// equal letters are never swapped).

const LETTERS = "abcdefghijklmnopqrstuvwxyz";

/**
 * The distinct strings one edit from `word` (lower-case ASCII letters) after its first letter,
 * the word itself excluded, in the order the edits are made: by position, and at each position
 * the deletion, the swap, then each letter inserted and put in place of the one there.
 */
export function editsOf(word: string): string[] {
  const edits: string[] = [];
  for (let i = 1; i <= word.length; i++) {
    const head = word.slice(0, i);
    const tail = word.slice(i);
    const rest = tail.slice(1);
    // The letter before this position: deleting or inserting a letter equal to it repeats the
    // edit one position earlier (never the first letter's position, which is not edited).
    const before = i >= 2 ? word[i - 1] : undefined;
    const here = tail[0];
    if (here !== undefined && here !== before) edits.push(head + rest);
    if (tail.length > 1 && tail[1] !== here) edits.push(head + tail[1] + here + tail.slice(2));
    for (const letter of LETTERS) {
      if (letter !== before) edits.push(head + letter + tail);
      if (here !== undefined && letter !== here) edits.push(head + letter + rest);
    }
  }
  return edits;
}
