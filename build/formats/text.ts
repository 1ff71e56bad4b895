// Plain-text page scrapes (.txt), like the seed corpus.
import { extractScrape } from "../extract/scrape.js";
import type { FileResult } from "../types.js";

export function readText(path: string, data: Buffer): FileResult {
  const scraped = extractScrape(data.toString("utf8"));
  if (scraped.body.length === 0) {
    return {
      articles: [],
      skipped: [{ path, reason: "no article text left after removing page furniture" }],
      warnings: [],
    };
  }
  return { articles: [{ id: null, ...scraped, origin: path }], skipped: [], warnings: [] };
}
