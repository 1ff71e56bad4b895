// Plain-text page scrapes (.txt), like the seed corpus. A scrape with a headline and no text
// left after the page furniture is a headline-only article (a brief, a flash).
import { decodeText } from "../extract/decode.js";
import { extractScrape } from "../extract/scrape.js";
import { MAX_SOURCE_CHARS } from "../limits.js";
import type { FileResult } from "../types.js";

export function readText(path: string, data: Buffer): FileResult {
  // A scrape far past the body limit is cut before extraction, which works line by line; the
  // cut falls before a character's first byte, so it breaks no UTF-8 sequence.
  let end = Math.min(data.length, 4 * MAX_SOURCE_CHARS);
  while (end < data.length && end > 0 && (data[end]! & 0xc0) === 0x80) end--;
  const { text, repaired } = decodeText(data.subarray(0, end), null);
  const warnings: FileResult["warnings"] = repaired ? [{ path, kind: "repaired-encoding", reason: repaired }] : [];
  const scraped = extractScrape(text.slice(0, MAX_SOURCE_CHARS));
  if (scraped.body.length === 0 && scraped.title === null) {
    return {
      articles: [],
      skipped: [{ path, reason: "no headline and no article text left after removing page furniture" }],
      warnings,
    };
  }
  const truncated = end < data.length || text.length > MAX_SOURCE_CHARS;
  return {
    articles: [{ id: null, ...scraped, origin: path, ...(truncated ? { truncated } : {}) }],
    skipped: [],
    warnings,
  };
}
