// The corpus formats by file name ending; a file with any other ending is reported, not read.
import type { FileResult } from "../types.js";
import { readJsonLines } from "./jsonl.js";
import { readMarkdown } from "./markdown.js";
import { readText } from "./text.js";

type Reader = (path: string, data: Buffer) => FileResult;

export const FORMATS: readonly { endings: readonly string[]; read: Reader }[] = [
  { endings: [".txt"], read: readText },
  { endings: [".jsonl", ".jsonl.gz", ".ndjson"], read: readJsonLines },
  { endings: [".md", ".markdown"], read: readMarkdown },
];

export function readerFor(path: string): Reader | null {
  const lower = path.toLowerCase();
  return FORMATS.find((format) => format.endings.some((ending) => lower.endsWith(ending)))?.read ?? null;
}
