// Walks the corpus (a folder, recursively, or one file) and reads every file with its format.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { FORMATS, readerFor } from "./formats/index.js";
import type { FileResult } from "./types.js";

export interface CorpusResult extends FileResult {
  filesRead: number;
}

function listFiles(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { withFileTypes: true })
    .filter((entry) => !entry.name.startsWith("."))
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => listFiles(join(path, entry.name)));
}

/** @throws Error when the corpus path does not exist. */
export function readCorpus(corpus: string, cwd = process.cwd()): CorpusResult {
  let files: string[];
  try {
    files = listFiles(corpus);
  } catch {
    throw new Error(`corpus not found: ${corpus} (give a folder or a file with --corpus PATH or NEWSFIND_CORPUS)`);
  }
  const result: CorpusResult = { articles: [], skipped: [], warnings: [], filesRead: 0 };
  const endings = FORMATS.flatMap((format) => format.endings).join(", ");
  for (const file of files) {
    const path = relative(cwd, file) || file;
    const read = readerFor(file);
    if (!read) {
      result.skipped.push({ path, reason: `unsupported file type (newsfind reads ${endings})` });
      continue;
    }
    result.filesRead++;
    try {
      const { articles, skipped, warnings } = read(path, readFileSync(file));
      result.articles.push(...articles);
      result.skipped.push(...skipped);
      result.warnings.push(...warnings);
    } catch (error) {
      result.skipped.push({ path, reason: `could not be read: ${(error as Error).message}` });
    }
  }
  return result;
}
