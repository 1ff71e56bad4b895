import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { buildArtefacts } from "../build/build.js";
import { search } from "../src/engine/search.js";
import { indexLoader } from "../src/engine/store/load.js";
import { fileAssetReader } from "./fs-assets.js";
import { PROJECT_ROOT } from "./harness/commands.js";
import { writeCorpusSubset } from "./scale/corpus-subset.js";
import { loadFieldStream } from "./scale/field-stream.js";
import { DEFAULT_QUERIES } from "./scale/scale-queries.js";
import { percentiles } from "./stats.js";
const dir = mkdtempSync(join(tmpdir(), "prefix-"));
const subset = await writeCorpusSubset("../shared/datasets/reuters-2006-2013/docs.jsonl.gz", 101400, dir);
const stream = await loadFieldStream(resolve(PROJECT_ROOT, DEFAULT_QUERIES), subset.path, { seed: 1 });
const { artefacts } = buildArtefacts({
  corpus: subset.path,
  outDir: join(dir, "index"),
  assetsDir: join(dir, "assets"),
  layout: "sharded",
  cacheDir: null,
});
const store = await indexLoader(artefacts, fileAssetReader(join(dir, "assets")))();
for (const { text } of stream.warmup) await search(store, { q: text, limit: 10, offset: 0, sort: "relevance" });
const twoWord = stream.measured
  .filter((q) => q.kind === "two-word")
  .map((q) => q.text.split(" "))
  .filter((w) => w.length === 2 && w[1]!.length >= 4);
const ms: Record<string, number[]> = { whole: [], "1": [], "2": [], "3": [] };
for (const [n, [a, b]] of twoWord.entries()) {
  const kinds = ["1", "2", "3", "whole"];
  for (const k of n % 2 ? kinds : kinds.reverse()) {
    const q = k === "whole" ? `${a} ${b}` : `${a} ${b!.slice(0, Number(k))}`;
    const start = performance.now();
    await search(store, { q, limit: 10, offset: 0, sort: "relevance", prefix: k !== "whole" });
    ms[k]!.push(performance.now() - start);
  }
}
for (const [k, v] of Object.entries(ms)) {
  const p = percentiles(v);
  console.log(k, v.length, p.p50.toFixed(2), p.p90.toFixed(2), p.p99.toFixed(2));
}
