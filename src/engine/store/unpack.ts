// Reads the text shards of a sharded index, which the build gzip-compresses (see `shardPaths`).
// node:zlib inflates them (in workerd through nodejs_compat) in one synchronous call a shard,
// without a DecompressionStream's streams and promises. A file that does not inflate is a
// damaged deployment, reported as an unusable index that names the file.
import { gunzipSync } from "node:zlib";
import { EngineError } from "../errors.js";

const decoder = new TextDecoder();

/** The text of the gzip-compressed shard read from `path`. */
export function unpackText(path: string, data: ArrayBuffer | Uint8Array): string {
  try {
    return decoder.decode(gunzipSync(data instanceof Uint8Array ? data : new Uint8Array(data)));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new EngineError(
      "index-unavailable",
      `The search index cannot be used: its file ${path} is damaged (${reason}); rebuild with "npm run build" and deploy the assets again.`,
    );
  }
}
