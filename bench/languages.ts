// `npm run eval:languages -- [--corpus FILE]`
// Analysis by language on a German archive (default: the german-news set). Each pair of a base
// form and an inflected one must find the same articles, and a query of nothing but German
// stop words must find none; the run fails (exit code 1) otherwise.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { buildArtefacts } from "../build/build.js";
import { rank } from "../src/engine/search.js";
import { indexLoader } from "../src/engine/store/load.js";
import { fileAssetReader } from "./fs-assets.js";

const { values } = parseArgs({
  options: {
    corpus: {
      type: "string",
      default: join(process.env.NEWSFIND_DATASETS ?? "../shared/datasets", "german-news/docs.jsonl"),
    },
  },
});

/** Base and inflected forms that stemming must bring together. */
const PAIRS = [
  ["Regierung", "Regierungen"],
  ["Wahl", "Wahlen"],
  ["Flüchtling", "Flüchtlinge"],
  ["Haus", "Häuser"],
  ["Partei", "Parteien"],
] as const;
const STOP_WORDS_QUERY = "der die das und";

const dir = mkdtempSync(join(tmpdir(), "newsfind-languages-"));
try {
  const { artefacts, report } = buildArtefacts({
    corpus: values.corpus!,
    outDir: join(dir, "index"),
    assetsDir: join(dir, "assets"),
    cacheDir: null,
  });
  const index = await indexLoader(artefacts, fileAssetReader(join(dir, "assets")))();
  const total = async (q: string) => (await rank(index, { q, limit: 10, offset: 0, sort: "relevance" })).total;
  console.log(`newsfind eval:languages: ${values.corpus} (${report.articlesIndexed} articles)`);
  console.log(`languages: ${JSON.stringify(artefacts.manifest.languages)}\n`);
  console.log("| base form | articles | inflected form | articles |\n|---|---:|---|---:|");
  let failed = false;
  for (const [base, inflected] of PAIRS) {
    const [a, b] = [await total(base), await total(inflected)];
    console.log(`| ${base} | ${a} | ${inflected} | ${b} |`);
    if (a !== b || a === 0) failed = true;
  }
  const stop = await total(STOP_WORDS_QUERY);
  console.log(`\n"${STOP_WORDS_QUERY}" (stop words only): ${stop} articles`);
  if (stop !== 0) failed = true;
  if (failed) {
    console.error("\nan inflected form finds other articles than its base form, or stop words match articles");
    process.exitCode = 1;
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
