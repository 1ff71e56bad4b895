// Completions of a typed prefix: the index terms that start with it, most frequent first (equal
// frequencies in term order), at most a few. Both layouts answer alike. The bundle scans its
// sorted vocabulary. A sharded index reads the lexicon shards the prefix's range falls in,
// except for prefixes of one or two characters, whose range is a large share of the lexicon:
// their completions are computed at build time into one small table (`encodePrefixTable`).

/** Completions a prefix brings at most. */
export const COMPLETIONS = 4;
/** Prefixes up to this length are answered from the build's prefix table. */
export const TABLED_PREFIX = 2;

/** Whether `a` (term, frequency) comes before `b` among completions. */
const before = (a: readonly [string, number], b: readonly [string, number]) =>
  a[1] > b[1] || (a[1] === b[1] && a[0] < b[0]);

/** Keeps the `limit` first of `(term, frequency)` pairs offered one by one, in order. */
export class TopCompletions {
  readonly best: [string, number][] = [];

  constructor(private readonly limit: number = COMPLETIONS) {}

  offer(term: string, frequency: number): void {
    const entry: [string, number] = [term, frequency];
    if (this.best.length === this.limit && !before(entry, this.best[this.best.length - 1]!)) return;
    let at = this.best.length;
    while (at > 0 && before(entry, this.best[at - 1]!)) at--;
    this.best.splice(at, 0, entry);
    if (this.best.length > this.limit) this.best.pop();
  }

  get terms(): string[] {
    return this.best.map(([term]) => term);
  }
}

/**
 * The prefix table of a vocabulary: for every prefix of one to TABLED_PREFIX characters, its
 * completions, a line each, `prefix term term…`, sorted by prefix.
 */
export function encodePrefixTable(documentFrequency: ReadonlyMap<string, number>): string {
  const tops = new Map<string, TopCompletions>();
  for (const [term, frequency] of documentFrequency) {
    for (let length = 1; length <= Math.min(TABLED_PREFIX, term.length); length++) {
      const prefix = term.slice(0, length);
      let top = tops.get(prefix);
      if (!top) tops.set(prefix, (top = new TopCompletions()));
      top.offer(term, frequency);
    }
  }
  return [...tops.keys()]
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((prefix) => [prefix, ...tops.get(prefix)!.terms].join(" "))
    .join("\n");
}

/** The prefix table's completions by prefix. */
export function parsePrefixTable(text: string): Map<string, string[]> {
  const table = new Map<string, string[]>();
  for (const line of text.split("\n")) {
    if (line === "") continue;
    const [prefix, ...terms] = line.split(" ");
    table.set(prefix!, terms);
  }
  return table;
}
