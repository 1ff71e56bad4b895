// JSON Lines corpora (.jsonl, .jsonl.gz): one article object per line. The build cache reads
// them line by line (`jsonLines`, `readJsonLine`), so an unchanged line is never parsed again.
import { gunzipSync } from "node:zlib";
import type { FileResult } from "../types.js";
import { recordToArticle } from "./record.js";

/**
 * The file's lines as bytes (views, not copies), decompressed when it ends in .gz; the line
 * number is the index + 1. The build cache hashes them without decoding a line it has seen.
 */
export function jsonLines(path: string, data: Buffer): Buffer[] {
  const bytes = path.endsWith(".gz") ? gunzipSync(data) : data;
  const lines: Buffer[] = [];
  let start = 0;
  for (let end = bytes.indexOf(10); end !== -1; end = bytes.indexOf(10, start)) {
    lines.push(bytes.subarray(start, end));
    start = end + 1;
  }
  lines.push(bytes.subarray(start));
  return lines;
}

/** One line's article (or why it was skipped); blank lines give nothing. */
export function readJsonLine(line: string, origin: string): FileResult {
  const result: FileResult = { articles: [], skipped: [], warnings: [] };
  if (line.trim() === "") return result;
  try {
    const record: unknown = JSON.parse(line);
    if (!record || typeof record !== "object" || Array.isArray(record)) throw new Error("line is not a JSON object");
    const { article, warning } = recordToArticle(record as Record<string, unknown>, origin);
    result.articles.push(article);
    if (warning) result.warnings.push({ path: origin, reason: warning });
  } catch (error) {
    const reason = error instanceof SyntaxError ? `invalid JSON (${error.message})` : (error as Error).message;
    result.skipped.push({ path: origin, reason });
  }
  return result;
}

export function readJsonLines(path: string, data: Buffer): FileResult {
  const result: FileResult = { articles: [], skipped: [], warnings: [] };
  jsonLines(path, data).forEach((line, index) => {
    const one = readJsonLine(line.toString("utf8"), `${path}:${index + 1}`);
    result.articles.push(...one.articles);
    result.skipped.push(...one.skipped);
    result.warnings.push(...one.warnings);
  });
  return result;
}
