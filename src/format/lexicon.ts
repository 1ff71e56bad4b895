// The lexicon of a sharded index: every index term with its document frequency, one
// `term df` line each, sorted by UTF-16 code units. Typo tolerance looks up hundreds of
// candidate terms a word; with the lexicon they cost one file, not one term shard each.
// The reader keeps the text as one string and binary-searches it: no map of every term.

export function encodeLexicon(documentFrequency: ReadonlyMap<string, number>): string {
  return [...documentFrequency.keys()]
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((term) => `${term} ${documentFrequency.get(term)!}`)
    .join("\n");
}

/** Compares `term` with the term starting at `start` of `text` (ending at the space). */
function compareAt(text: string, start: number, term: string): number {
  for (let i = 0; ; i++) {
    const a = i < term.length ? term.charCodeAt(i) : -1;
    const c = text.charCodeAt(start + i);
    const b = c === 32 ? -1 : c;
    if (a !== b) return a - b;
    if (a === -1) return 0;
  }
}

/** A document-frequency lookup over lexicon text: 0 for a term it lacks. */
export function lexiconReader(text: string): (term: string) => number {
  const starts: number[] = text.length > 0 ? [0] : [];
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  const lines = Int32Array.from(starts);
  return (term) => {
    let low = 0;
    let high = lines.length - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const order = compareAt(text, lines[middle]!, term);
      if (order === 0) {
        const start = lines[middle]! + term.length + 1;
        const end = text.indexOf("\n", start);
        return Number(text.slice(start, end === -1 ? text.length : end));
      }
      if (order < 0) high = middle - 1;
      else low = middle + 1;
    }
    return 0;
  };
}
