// The corpus of one scale step: the first N articles of a JSON Lines corpus (.jsonl or
// .jsonl.gz) written as a plain .jsonl file, which the build reads like any corpus file, and
// the clean articles made from it exactly as the newsfind build makes them.
import { createReadStream, createWriteStream } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { once } from "node:events";
import { createGunzip } from "node:zlib";
import { finalizeArticles } from "../../build/finalize.js";
import { readCorpus } from "../../build/read-corpus.js";
import type { Article } from "../../src/index-format.js";

/** Writes `dir/corpus-<count>.jsonl`; returns its path and how many lines it holds (fewer if the corpus is short). */
export async function writeCorpusSubset(
  corpus: string,
  count: number,
  dir: string,
): Promise<{ path: string; lines: number }> {
  if (!/\.(jsonl|ndjson)(\.gz)?$/i.test(corpus))
    throw new Error(`the scale bench reads a JSON Lines corpus (.jsonl or .jsonl.gz), not ${corpus}`);
  const path = join(dir, `corpus-${count}.jsonl`);
  const input = createReadStream(corpus);
  const lines = createInterface({
    input: corpus.endsWith(".gz") ? input.pipe(createGunzip()) : input,
    crlfDelay: Infinity,
  });
  const out = createWriteStream(path);
  let written = 0;
  for await (const line of lines) {
    if (line.trim() === "") continue;
    if (!out.write(`${line}\n`)) await once(out, "drain");
    if (++written >= count) break;
  }
  lines.close();
  input.destroy();
  out.end();
  await once(out, "finish");
  return { path, lines: written };
}

/** The clean articles of a corpus: `readCorpus` then `finalizeArticles`, as `build/build.ts` does. */
export function readCleanArticles(corpusPath: string): Article[] {
  return finalizeArticles(readCorpus(corpusPath).articles).articles;
}
