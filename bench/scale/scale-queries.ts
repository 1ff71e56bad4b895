// Queries of the scale bench: the known-item titles (second column of a TSV with a header
// line) and short two-word queries made from them, as path strings for a worker's /search.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PROJECT_ROOT } from "../harness/commands.js";
import { tsvRows } from "../judged.js";

/** Default query file, relative to the project root. */
export const DEFAULT_QUERIES = "../shared/datasets/reuters-2006-2013/knownitem.queries.tsv";

export function parseTitleQueries(tsv: string): string[] {
  return tsvRows(tsv)
    .map((row) => row[1]?.trim() ?? "")
    .filter(Boolean);
}

/** The first two words of at least three letters or digits, or null when the title has fewer. */
export function twoWordQuery(title: string): string | null {
  const words = title.split(/[^\p{L}\p{N}]+/u).filter((word) => word.length >= 3);
  return words.length >= 2 ? `${words[0]} ${words[1]}` : null;
}

/** `count` queries: titles and two-word queries alternately, from the first titles on. */
export function mixedQueries(titles: readonly string[], count: number): string[] {
  const queries: string[] = [];
  for (let i = 0; queries.length < count && i < titles.length; i++) {
    queries.push(titles[i]!);
    const short = twoWordQuery(titles[i]!);
    if (short && queries.length < count) queries.push(short);
  }
  return queries;
}

/** `count` queries cycling through the list. */
export function cycle<T>(list: readonly T[], count: number): T[] {
  return list.length === 0 ? [] : Array.from({ length: count }, (_, i) => list[i % list.length]!);
}

/** The search path of a query, top 10. */
export const searchPath = (query: string) => `/search?q=${encodeURIComponent(query)}&limit=10`;

/** The scale bench's 100 warm queries over the default query file, as search paths. */
export function warmPaths(): string[] {
  return mixedQueries(parseTitleQueries(readFileSync(join(PROJECT_ROOT, DEFAULT_QUERIES), "utf8")), 100).map(
    searchPath,
  );
}
