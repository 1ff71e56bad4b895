// JSON exports (.json): an array of article objects, an object holding that array under a key
// (articles, items, data, ... or the path newsfind.config.json names in `records`), or a single
// article object. Each element is read as a record; an unusable one is reported with its
// position (path#3, counting from 1) and the rest are kept. A single article is named by the path alone.
import { NO_CONTEXT, type ReadContext } from "../corpus-config.js";
import { decodeText } from "../extract/decode.js";
import type { FileResult } from "../types.js";
import { recordToArticle } from "./record.js";
import { valueAt } from "./record-fields.js";

/** Keys a JSON export keeps its articles under, tried in order. */
export const RECORD_KEYS = ["articles", "items", "data", "results", "docs", "posts", "entries", "records"] as const;

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === "object" && !Array.isArray(value);

const isRecordArray = (value: unknown): value is unknown[] => Array.isArray(value) && value.some(isObject);

/**
 * The article records of a parsed export, or null when the document is itself one article.
 * @throws Error when `records` names no array, or the document holds no articles newsfind can find.
 */
export function recordsOf(document: unknown, records?: string): unknown[] | null {
  if (records !== undefined) {
    const value = valueAt(document, records);
    if (!Array.isArray(value))
      throw new Error(
        `newsfind.config.json's records "${records}" names no array in this file; give the dotted path to the articles array`,
      );
    return value;
  }
  if (Array.isArray(document)) return document;
  if (!isObject(document)) throw new Error("not a JSON object or array of articles");
  for (const key of RECORD_KEYS) if (Array.isArray(document[key])) return document[key] as unknown[];
  const arrays = Object.values(document).filter(isRecordArray);
  if (arrays.length === 1) return arrays[0]!;
  if (arrays.length > 1) {
    const keys = Object.keys(document).filter((key) => isRecordArray(document[key]));
    throw new Error(
      `several arrays could hold the articles (${keys.join(", ")}); name one with "records" in newsfind.config.json`,
    );
  }
  return null;
}

export function readJson(path: string, data: Buffer, { config }: ReadContext = NO_CONTEXT): FileResult {
  const { text, repaired } = decodeText(data, null);
  const result: FileResult = {
    articles: [],
    skipped: [],
    warnings: repaired ? [{ path, kind: "repaired-encoding", reason: repaired }] : [],
  };
  let records: unknown[];
  let single = false;
  try {
    const document: unknown = JSON.parse(text);
    const found = recordsOf(document, config.records);
    single = found === null;
    records = found ?? [document];
  } catch (error) {
    const reason = error instanceof SyntaxError ? `invalid JSON (${error.message})` : (error as Error).message;
    result.skipped.push({ path, reason });
    return result;
  }
  records.forEach((record, index) => {
    const origin = single ? path : `${path}#${index + 1}`;
    try {
      if (!isObject(record)) throw new Error("element is not a JSON object");
      const { article, warnings } = recordToArticle(record, origin, config);
      result.articles.push(article);
      for (const warning of warnings) result.warnings.push({ path: origin, ...warning });
    } catch (error) {
      result.skipped.push({ path: origin, reason: (error as Error).message });
    }
  });
  return result;
}
