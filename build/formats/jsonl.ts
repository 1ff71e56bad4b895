// JSON Lines corpora (.jsonl, .jsonl.gz): one article object per line.
import { gunzipSync } from "node:zlib";
import type { FileResult } from "../types.js";
import { recordToArticle } from "./record.js";

export function readJsonLines(path: string, data: Buffer): FileResult {
  const content = path.endsWith(".gz") ? gunzipSync(data).toString("utf8") : data.toString("utf8");
  const result: FileResult = { articles: [], skipped: [], warnings: [] };
  content.split("\n").forEach((line, index) => {
    if (line.trim() === "") return;
    const origin = `${path}:${index + 1}`;
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
  });
  return result;
}
