// Reads a sharded index's asset files from disk, for the in-process bench and eval (the
// worker reads the same files through its ASSETS binding).
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { AssetReader } from "../src/engine/store/sharded.js";

export function fileAssetReader(assetsDir: string): AssetReader {
  return async (path) => {
    const data = await readFile(join(assetsDir, path));
    return data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer;
  };
}
