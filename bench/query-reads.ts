// How much index data a cold query reads: each query runs on a fresh sharded store (as in a
// cold isolate) over the built asset files, and the bytes of every file it reads are summed.
import { pathToFileURL } from "node:url";
import { join } from "node:path";
import { indexLoader } from "../src/engine/store/load.js";
import { search } from "../src/engine/search.js";
import type { IndexArtefacts } from "../src/index-format.js";
import { fileAssetReader } from "./fs-assets.js";
import { median, percentile } from "./stats.js";

export interface ReadFigures {
  queries: number;
  medianBytes: number;
  p99Bytes: number;
  maxBytes: number;
  medianFiles: number;
}

/** Runs each query (10 hits, with snippets) on a fresh store; returns the bytes read per query. */
export async function coldReads(outDir: string, assetsDir: string, queries: readonly string[]): Promise<ReadFigures> {
  const artefacts = (await import(pathToFileURL(join(outDir, "artefacts.js")).href)) as IndexArtefacts;
  const read = fileAssetReader(assetsDir);
  const bytes: number[] = [];
  const files: number[] = [];
  for (const q of queries) {
    let total = 0;
    let count = 0;
    const counting = async (path: string) => {
      const data = await read(path);
      total += data.byteLength;
      count++;
      return data;
    };
    await search(await indexLoader(artefacts, counting)(), { q, limit: 10, offset: 0, sort: "relevance" });
    bytes.push(total);
    files.push(count);
  }
  return {
    queries: queries.length,
    medianBytes: median(bytes),
    p99Bytes: percentile(bytes, 99),
    maxBytes: Math.max(...bytes),
    medianFiles: median(files),
  };
}
