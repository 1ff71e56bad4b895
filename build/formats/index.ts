// The corpus formats by file name ending: the one place a format is added. A format visits the
// source units of a file (the whole file, or each JSON Lines line), which the build cache keeps
// or reads afresh one by one; a file with any other ending is reported, not read. A format is
// given the corpus's configuration (newsfind.config.json) in a ReadContext.
import { readFileSync } from "node:fs";
import { hashOf } from "../cache.js";
import { NO_CONTEXT, type ReadContext } from "../corpus-config.js";
import type { FileResult, SourceUnit } from "../types.js";
import { isFeedHead, readFeed } from "./feed.js";
import { readJson } from "./json.js";
import { readHtml } from "./html.js";
import { eachJsonLineUnit } from "./jsonl.js";
import { readMarkdown } from "./markdown.js";
import { readText } from "./text.js";
import { eachWarcUnit } from "./warc.js";

export interface CorpusFormat {
  /** File name endings in lower case, such as ".jsonl.gz". */
  endings: readonly string[];
  /**
   * For endings several formats share (".xml"): whether the file's first bytes are this
   * format's. A format without it takes every file with its endings.
   */
  sniff?(head: Buffer): boolean;
  /**
   * Visits each source unit of `file` in order; `path` is the file as reports name it. `context`
   * defaults to the empty configuration.
   */
  eachUnit(file: string, path: string, visit: (unit: SourceUnit) => void, context?: ReadContext): void;
}

/**
 * A format whose unit is the whole file, keyed by its path and content. An empty file is
 * skipped here; binary content is refused by `decodeText`, which every such format reads through.
 */
export function wholeFile(
  endings: readonly string[],
  read: (path: string, data: Buffer, context: ReadContext) => FileResult,
): CorpusFormat {
  const readSome = (path: string, data: Buffer, context: ReadContext): FileResult =>
    data.length === 0
      ? { articles: [], skipped: [{ path, reason: "empty file (0 bytes)" }], warnings: [] }
      : read(path, data, context);
  return {
    endings,
    eachUnit(file, path, visit, context = NO_CONTEXT) {
      const data = readFileSync(file);
      const hash = hashOf(Buffer.concat([Buffer.from(`${path}\n`), data]));
      visit({
        origin: path,
        hash,
        read: () => readSome(path, data, context),
        reread: () => readSome(path, readFileSync(file), context),
      });
    },
  };
}

export const FORMATS: readonly CorpusFormat[] = [
  wholeFile([".txt"], readText),
  { endings: [".jsonl", ".jsonl.gz", ".ndjson"], eachUnit: eachJsonLineUnit },
  wholeFile([".md", ".markdown"], readMarkdown),
  wholeFile([".rss", ".atom", ".rdf"], readFeed),
  { ...wholeFile([".xml"], readFeed), sniff: isFeedHead },
  wholeFile([".json"], readJson),
  wholeFile([".html", ".htm"], readHtml),
  { endings: [".warc", ".warc.gz"], eachUnit: eachWarcUnit },
];

/** Bytes of a file's head that `sniff` sees. */
export const SNIFF_BYTES = 4096;

/** The format that reads `path`; `head` (its first SNIFF_BYTES) settles shared endings. */
export function formatFor(path: string, head: () => Buffer = () => Buffer.alloc(0)): CorpusFormat | null {
  const lower = path.toLowerCase();
  let bytes: Buffer | undefined;
  return (
    FORMATS.find(
      (format) =>
        format.endings.some((ending) => lower.endsWith(ending)) && (!format.sniff || format.sniff((bytes ??= head()))),
    ) ?? null
  );
}
