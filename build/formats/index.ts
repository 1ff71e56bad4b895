// The corpus formats by file name ending: the one place a format is added. A format visits the
// source units of a file (the whole file, or each JSON Lines line), which the build cache keeps
// or reads afresh one by one; a file with any other ending is reported, not read.
import { readFileSync } from "node:fs";
import { hashOf } from "../cache.js";
import type { FileResult, SourceUnit } from "../types.js";
import { eachJsonLineUnit } from "./jsonl.js";
import { readMarkdown } from "./markdown.js";
import { readText } from "./text.js";

export interface CorpusFormat {
  /** File name endings in lower case, such as ".jsonl.gz". */
  endings: readonly string[];
  /** Visits each source unit of `file` in order; `path` is the file as reports name it. */
  eachUnit(file: string, path: string, visit: (unit: SourceUnit) => void): void;
}

/** A format whose unit is the whole file, keyed by its path and content. */
function wholeFile(endings: readonly string[], read: (path: string, data: Buffer) => FileResult): CorpusFormat {
  return {
    endings,
    eachUnit(file, path, visit) {
      const data = readFileSync(file);
      const hash = hashOf(Buffer.concat([Buffer.from(`${path}\n`), data]));
      visit({ origin: path, hash, read: () => read(path, data), reread: () => read(path, readFileSync(file)) });
    },
  };
}

export const FORMATS: readonly CorpusFormat[] = [
  wholeFile([".txt"], readText),
  { endings: [".jsonl", ".jsonl.gz", ".ndjson"], eachUnit: eachJsonLineUnit },
  wholeFile([".md", ".markdown"], readMarkdown),
];

export function formatFor(path: string): CorpusFormat | null {
  const lower = path.toLowerCase();
  return FORMATS.find((format) => format.endings.some((ending) => lower.endsWith(ending))) ?? null;
}
