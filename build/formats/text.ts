// Plain-text page scrapes (.txt), like the seed corpus. A scrape with a headline and no text
// left after the page furniture is a headline-only article (a brief, a flash).
import { decodeText } from "../extract/decode.js";
import { extractScrape } from "../extract/scrape.js";
import type { FileResult } from "../types.js";

export function readText(path: string, data: Buffer): FileResult {
  const { text, repaired } = decodeText(data, null);
  const warnings: FileResult["warnings"] = repaired ? [{ path, kind: "repaired-encoding", reason: repaired }] : [];
  const scraped = extractScrape(text);
  if (scraped.body.length === 0 && scraped.title === null) {
    return {
      articles: [],
      skipped: [{ path, reason: "no headline and no article text left after removing page furniture" }],
      warnings,
    };
  }
  return { articles: [{ id: null, ...scraped, origin: path }], skipped: [], warnings };
}
