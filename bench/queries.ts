// Benchmark queries: from a TSV file (query-id<TAB>text, with a header), or two title words of
// each article in turn when none is given.
import { readFileSync } from "node:fs";
import type { Article } from "../src/index-format.js";
import { parseTitleQueries } from "./scale/scale-queries.js";

export function loadQueries(path: string | undefined, articles: Article[], count: number): string[] {
  if (path) {
    return parseTitleQueries(readFileSync(path, "utf8")).slice(0, count);
  }
  const queries: string[] = [];
  for (let i = 0; queries.length < count && i < count * 4 && articles.length > 0; i++) {
    const words = articles[i % articles.length]!.title.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 4);
    const offset = Math.floor(i / articles.length) % Math.max(1, words.length - 1);
    const query = words.slice(offset, offset + 2).join(" ");
    if (query) queries.push(query);
  }
  return queries;
}
