// JSON Lines corpora (.jsonl, .jsonl.gz, .ndjson): one article object per line. Each line is
// its own source unit (`eachJsonLineUnit`), so the build cache never parses an unchanged line
// again.
import { closeSync, mkdtempSync, openSync, readSync, rmSync, statSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { hashOf } from "../cache.js";
import { NO_CONTEXT, type ReadContext } from "../corpus-config.js";
import type { FileResult, SourceUnit } from "../types.js";
import { isBinary, NotTextError } from "../extract/decode.js";
import { recordToArticle } from "./record.js";

/** Bytes of the first line checked for binary content (a JSON Lines file of random bytes). */
const BINARY_CHECK_BYTES = 4096;

/**
 * Node code a child process runs to decompress a gzip file (argv 1) into a file (argv 2) as a
 * stream: the build reads synchronously, and zlib's synchronous call would hold the whole
 * archive, decompressed, in memory.
 */
const GUNZIP = `const { pipeline } = require("node:stream");
const { createReadStream, createWriteStream } = require("node:fs");
const { createGunzip } = require("node:zlib");
pipeline(createReadStream(process.argv[1]), createGunzip(), createWriteStream(process.argv[2]), (error) => {
  if (error) { console.error(error.message); process.exit(1); }
});`;

let scratch: string | undefined;
const plainCopies = new Map<string, string>();

/**
 * A .gz file decompressed into a scratch file, made once for the process and removed when it
 * exits: lines are read from it in chunks, and read again from it by offset.
 * @throws Error with gzip's message when the file is not gzip data.
 */
function plainCopy(file: string): string {
  const { mtimeMs, size, ino } = statSync(file);
  const key = `${file}\0${mtimeMs}\0${size}\0${ino}`;
  let copy = plainCopies.get(key);
  if (copy !== undefined) return copy;
  if (scratch === undefined) {
    const dir = mkdtempSync(join(tmpdir(), "newsfind-gunzip-"));
    process.once("exit", () => rmSync(dir, { recursive: true, force: true }));
    scratch = dir;
  }
  copy = join(scratch, `${plainCopies.size}.jsonl`);
  try {
    execFileSync(process.execPath, ["-e", GUNZIP, file, copy], { stdio: ["ignore", "ignore", "pipe"] });
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim();
    throw new Error(`not gzip data (${stderr || (error as Error).message})`);
  }
  plainCopies.set(key, copy);
  return copy;
}

/** One line as `eachJsonLine` visits it. */
interface JsonLine {
  /** Line number - 1. */
  index: number;
  /** The line's bytes: valid during the visit only (the read buffer is reused after). */
  bytes: Buffer;
  /** The line's bytes at any later time (read again from the file when it is not compressed). */
  load: () => Buffer;
}

/** Bytes read at a time from an uncompressed file; a longer line grows the buffer. */
const CHUNK = 4 << 20;

function readRange(file: string, offset: number, length: number): Buffer {
  const fd = openSync(file, "r");
  try {
    const bytes = Buffer.allocUnsafe(length);
    let done = 0;
    while (done < length) {
      const n = readSync(fd, bytes, done, length - done, offset + done);
      if (n === 0) throw new Error(`${file} is shorter than it was (it changed during the build)`);
      done += n;
    }
    return bytes;
  } finally {
    closeSync(fd);
  }
}

/**
 * Visits every line of a JSON Lines file. The file (a .gz file's plain copy) is read in chunks
 * through one buffer: a whole archive read at once (hundreds of MB) costs more in fresh memory
 * than in reading, and a line kept for later is read again by its offset.
 */
function eachJsonLine(file: string, visit: (line: JsonLine) => void): void {
  const source = file.endsWith(".gz") ? plainCopy(file) : file;
  const fd = openSync(source, "r");
  try {
    let buffer = Buffer.allocUnsafe(CHUNK);
    /** File offset of buffer[0], bytes held, and the next line's number. */
    let base = 0;
    let held = 0;
    let index = 0;
    const emit = (start: number, end: number) => {
      const offset = base + start;
      const length = end - start;
      visit({ index: index++, bytes: buffer.subarray(start, end), load: () => readRange(source, offset, length) });
    };
    for (;;) {
      if (held === buffer.length) buffer = Buffer.concat([buffer, Buffer.allocUnsafe(buffer.length)]);
      const n = readSync(fd, buffer, held, buffer.length - held, null);
      if (n === 0) break;
      const end = held + n;
      let start = 0;
      for (let at = buffer.indexOf(10, held); at !== -1 && at < end; at = buffer.indexOf(10, start)) {
        emit(start, at);
        start = at + 1;
      }
      buffer.copy(buffer, 0, start, end);
      base += start;
      held = end - start;
    }
    emit(0, held);
  } finally {
    closeSync(fd);
  }
}

const UTF8 = new TextDecoder("utf-8", { fatal: true });
const UTF8_REPAIR = new TextDecoder("utf-8");

/** One line's article (or why it was skipped); blank lines give nothing. Invalid UTF-8 is repaired with a warning. */
function readJsonLine(bytes: Buffer, origin: string, { config }: ReadContext): FileResult {
  const result: FileResult = { articles: [], skipped: [], warnings: [] };
  let line: string;
  try {
    line = UTF8.decode(bytes);
  } catch {
    line = UTF8_REPAIR.decode(bytes);
    const broken = line.split("\uFFFD").length - 1;
    result.warnings.push({
      path: origin,
      kind: "repaired-encoding",
      reason: `invalid UTF-8 (${broken} byte sequence${broken === 1 ? "" : "s"} replaced with U+FFFD)`,
    });
  }
  if (line.trim() === "") return result;
  try {
    const record: unknown = JSON.parse(line);
    if (!record || typeof record !== "object" || Array.isArray(record)) throw new Error("line is not a JSON object");
    const { article, warnings } = recordToArticle(record as Record<string, unknown>, origin, config);
    result.articles.push(article);
    for (const warning of warnings) result.warnings.push({ path: origin, ...warning });
  } catch (error) {
    const reason = error instanceof SyntaxError ? `invalid JSON (${error.message})` : (error as Error).message;
    result.skipped.push({ path: origin, reason });
  }
  return result;
}

/** Whether a line holds nothing but white space (checked on bytes, without decoding). */
function isBlank(bytes: Buffer): boolean {
  for (const byte of bytes) if (byte !== 32 && byte !== 9 && byte !== 13) return false;
  return true;
}

/** A line read again, checked against its hash: the file must not change during the build. */
function unchanged(bytes: Buffer, hash: string, origin: string): Buffer {
  if (hashOf(bytes) !== hash) throw new Error(`${origin} changed while the build was reading it; run the build again`);
  return bytes;
}

/**
 * Visits each line of a JSON Lines file that is not blank as a source unit. A unit is keyed by
 * the line's content alone, so inserting a line elsewhere keeps it cached; its origin
 * (path:line) is set afresh.
 */
export function eachJsonLineUnit(
  file: string,
  path: string,
  visit: (unit: SourceUnit) => void,
  context: ReadContext = NO_CONTEXT,
): void {
  eachJsonLine(file, ({ index, bytes, load }) => {
    if (index === 0 && isBinary(bytes.subarray(0, BINARY_CHECK_BYTES)))
      throw new NotTextError("binary content, not JSON Lines text");
    if (isBlank(bytes)) return;
    const origin = `${path}:${index + 1}`;
    const hash = hashOf(bytes);
    visit({
      origin,
      hash,
      read: () => readJsonLine(bytes, origin, context),
      reread: () => readJsonLine(unchanged(load(), hash, origin), origin, context),
    });
  });
}
