// Spelling neighbours: every string one edit away from a word (a letter deleted, inserted,
// replaced, or two neighbours swapped: Damerau-Levenshtein distance 1) that keeps its first
// letter. Typists rarely get the first letter wrong (the phonetic fallback catches some who do:
// Kadafy, Gaddafi), and the candidates of a word then fall in the lexicon shards of its letter
// instead of in every shard: a misspelled word reads the few lexicon shards of one letter, not
// the whole lexicon.

const LETTERS = "abcdefghijklmnopqrstuvwxyz";

/** The distinct strings one edit from `word` (lower-case ASCII letters) after its first letter, the word itself excluded. */
export function editsOf(word: string): Set<string> {
  const edits = new Set<string>();
  for (let i = 1; i <= word.length; i++) {
    const head = word.slice(0, i);
    const tail = word.slice(i);
    if (tail.length > 0) edits.add(head + tail.slice(1));
    if (tail.length > 1) edits.add(head + tail[1] + tail[0] + tail.slice(2));
    for (const letter of LETTERS) {
      edits.add(head + letter + tail);
      if (tail.length > 0 && letter !== tail[0]) edits.add(head + letter + tail.slice(1));
    }
  }
  edits.delete(word);
  return edits;
}
