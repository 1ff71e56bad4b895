// Reads the text shards of a sharded index, which the build gzip-compresses (see `shardPaths`).
// node:zlib inflates them (in workerd through nodejs_compat) in one synchronous call a shard
// (card shards are raw deflate with a preset dictionary),
// without a DecompressionStream's streams and promises. A file that does not inflate is a
// damaged deployment, reported as an unusable index that names the file.
import { gunzipSync, inflateRawSync } from "node:zlib";
import { EngineError } from "../errors.js";

const decoder = new TextDecoder();

/** The error of an index file that was read but cannot be used: what is wrong with it, and the fix. */
export function damagedFile(path: string, reason: unknown): EngineError {
  const why = reason instanceof Error ? reason.message : String(reason);
  return new EngineError(
    "index-unavailable",
    `The search index cannot be used: its file ${path} is damaged (${why}); rebuild with "npm run build" and deploy the assets again.`,
  );
}

/** What `decode` makes of the file read from `path`; whatever it throws is that file's damage. */
export function decodedAs<T>(path: string, decode: () => T): T {
  try {
    return decode();
  } catch (error) {
    throw damagedFile(path, error);
  }
}

/** The bytes of the gzip-compressed shard (or pack member) read from `path`. */
export function unpackBytes(path: string, data: ArrayBuffer | Uint8Array): Uint8Array {
  return decodedAs(path, () => gunzipSync(data instanceof Uint8Array ? data : new Uint8Array(data)));
}

/** The bytes of the raw-deflated member read from `path`, deflated with the preset `dictionary` (card shards). */
export function unpackWithDictionary(path: string, data: Uint8Array, dictionary: Uint8Array): Uint8Array {
  return decodedAs(path, () => inflateRawSync(data, { dictionary }));
}

/** The text of the gzip-compressed shard read from `path`. */
export function unpackText(path: string, data: ArrayBuffer | Uint8Array): string {
  return decoder.decode(unpackBytes(path, data));
}

/**
 * The `n`th line (from 0) of UTF-8 text split by "\n", decoded alone: of JSON lines, the one
 * value wanted is decoded and parsed, not its neighbours. Undefined when there is no such line.
 */
export function lineOf(text: Uint8Array, n: number): string | undefined {
  let start = 0;
  for (let line = 0; line < n; line++) {
    const end = text.indexOf(0x0a, start);
    if (end < 0) return undefined;
    start = end + 1;
  }
  const end = text.indexOf(0x0a, start);
  return decoder.decode(text.subarray(start, end < 0 ? text.length : end));
}
