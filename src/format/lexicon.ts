// The lexicon of a sharded index: every index term with its document frequency, one
// `term df` line each, sorted by UTF-16 code units. Typo tolerance looks up hundreds of
// candidate terms a word; with the lexicon they cost a few files, not one term shard each.
// The sorted lines are cut into shards of consecutive terms, each named by its first term, so
// the candidates of one word, which keep its first letter, fall in a few neighbouring shards.
// The reader keeps a shard's text as one string and binary-searches it: no map of every term.

export function encodeLexicon(documentFrequency: ReadonlyMap<string, number>): string {
  return [...documentFrequency.keys()]
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((term) => `${term} ${documentFrequency.get(term)!}`)
    .join("\n");
}

/** The lexicon text cut at line ends into shards of about `target` bytes (UTF-8), in order, each with its first term. */
export function splitLexicon(text: string, target: number): { first: string; text: string }[] {
  const shards: { first: string; text: string }[] = [];
  const encoder = new TextEncoder();
  let lines: string[] = [];
  let bytes = 0;
  const flush = () => {
    if (lines.length === 0) return;
    shards.push({ first: lines[0]!.slice(0, lines[0]!.lastIndexOf(" ")), text: lines.join("\n") });
    lines = [];
    bytes = 0;
  };
  for (const line of text.length > 0 ? text.split("\n") : []) {
    const size = encoder.encode(line).length + 1;
    if (bytes > 0 && bytes + size > target) flush();
    lines.push(line);
    bytes += size;
  }
  flush();
  return shards;
}

/**
 * The lexicon shard that would hold `term`, given each shard's first term in order: the last
 * whose first term is not after it (the first shard for a term before all). -1 when there are none.
 */
export function lexiconShardOf(term: string, firsts: readonly string[]): number {
  let low = 0;
  let high = firsts.length - 1;
  let found = firsts.length > 0 ? 0 : -1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    if (firsts[middle]! <= term) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
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

/** One shard of lexicon text, read: frequencies of terms, and the terms that start with a prefix. */
export interface LexiconShard {
  /** The term's document frequency; 0 for a term the shard lacks. */
  frequency(term: string): number;
  /** Calls `visit` with each term that starts with `prefix`, and its frequency, in term order. */
  withPrefix(prefix: string, visit: (term: string, frequency: number) => void): void;
}

/** Reads lexicon text: its line starts are found once, and every lookup binary-searches them. */
export function readLexicon(text: string): LexiconShard {
  const starts: number[] = text.length > 0 ? [0] : [];
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  const lines = Int32Array.from(starts);
  const lineAt = (n: number) => {
    const end = text.indexOf("\n", lines[n]!);
    return text.slice(lines[n]!, end === -1 ? text.length : end);
  };
  return {
    frequency(term) {
      let low = 0;
      let high = lines.length - 1;
      while (low <= high) {
        const middle = (low + high) >>> 1;
        const order = compareAt(text, lines[middle]!, term);
        if (order === 0) return Number(lineAt(middle).slice(term.length + 1));
        if (order < 0) high = middle - 1;
        else low = middle + 1;
      }
      return 0;
    },
    withPrefix(prefix, visit) {
      // The first line whose term is not before the prefix, then every line that starts with it.
      let low = 0;
      let high = lines.length;
      while (low < high) {
        const middle = (low + high) >>> 1;
        if (compareAt(text, lines[middle]!, prefix) > 0) low = middle + 1;
        else high = middle;
      }
      for (let n = low; n < lines.length && text.startsWith(prefix, lines[n]!); n++) {
        const line = lineAt(n);
        const space = line.lastIndexOf(" ");
        visit(line.slice(0, space), Number(line.slice(space + 1)));
      }
    },
  };
}
