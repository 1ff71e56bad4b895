// What ranking full matches first costs a query at archive scale, in process: the first N
// articles of a corpus built sharded, and the scale bench's field stream (scale/field-stream.ts)
// run on two stores over the same files, one ranking by score alone (fullFirstWords 0) and one
// as shipped, query by query in turn (which goes first alternates), each store warmed by the
// stream's warm-up queries first. Both see each query once, as a warm isolate does.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { buildArtefacts } from "../build/build.js";
import { FULL_FIRST_WORDS, search, type SearchParams } from "../src/engine/search.js";
import { indexLoader } from "../src/engine/store/load.js";
import { fileAssetReader } from "./fs-assets.js";
import { PROJECT_ROOT } from "./harness/commands.js";
import type { FullFirstCost } from "./results.js";
import { writeCorpusSubset } from "./scale/corpus-subset.js";
import { loadFieldStream } from "./scale/field-stream.js";
import { DEFAULT_QUERIES } from "./scale/scale-queries.js";
import { percentiles } from "./stats.js";

/** Times the field stream both ways on the first `articles` articles of `corpus`. */
export async function fullFirstCost(
  corpus: string,
  articles: number,
  log: (line: string) => void,
): Promise<FullFirstCost> {
  const dir = mkdtempSync(join(tmpdir(), "newsfind-full-first-"));
  try {
    const subset = await writeCorpusSubset(corpus, articles, dir);
    const stream = await loadFieldStream(resolve(PROJECT_ROOT, DEFAULT_QUERIES), subset.path, { seed: 1 });
    log(`building ${subset.lines} articles`);
    const { artefacts } = buildArtefacts({
      corpus: subset.path,
      outDir: join(dir, "index"),
      assetsDir: join(dir, "assets"),
      layout: "sharded",
      cacheDir: null,
    });
    const reader = fileAssetReader(join(dir, "assets"));
    const modes = [0, FULL_FIRST_WORDS];
    const stores = await Promise.all(modes.map(() => indexLoader(artefacts, reader)()));
    const params = (fullFirstWords: number): Omit<SearchParams, "q"> => ({
      limit: 10,
      offset: 0,
      sort: "relevance",
      fullFirstWords,
    });
    for (const { text } of stream.warmup)
      for (const [m, store] of stores.entries()) await search(store, { q: text, ...params(modes[m]!) });
    log(`timing ${stream.measured.length} queries both ways`);
    const ms = modes.map(() => [] as number[]);
    for (const [n, { text }] of stream.measured.entries()) {
      const order = n % 2 === 0 ? [0, 1] : [1, 0];
      for (const m of order) {
        const start = performance.now();
        await search(stores[m]!, { q: text, ...params(modes[m]!) });
        ms[m]!.push(performance.now() - start);
      }
    }
    return {
      articles: subset.lines,
      queries: stream.measured.length,
      byScore: percentiles(ms[0]!),
      shipped: percentiles(ms[1]!),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
