// `npm run eval -- --corpus FILE --queries FILE --qrels FILE [--fields body] [--engines LIST]
//                  [--typos] [--no-typo-tolerance] [--in-process] [--out DIR]`
// Builds the corpus, serves it as the benches do (harness/worker.ts), sends every judged query
// through the real /search endpoint, and prints nDCG@10, MRR@10, Recall@100 and the query latency median,
// with one TSV row per query. `--engines newsfind,minisearch,flexsearch` also runs the peers over
// the same clean articles through the same metrics (in process). `--typos` runs every query a
// second time with one typo in each word of six letters or more; `--no-typo-tolerance` sends
// typos=off, to measure what tolerance costs clean queries. `--in-process` ranks with the
// engine in Node instead of the worker (fast, for tuning). Formats: see judged.ts.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { parseArgs } from "node:util";
import { buildArtefacts } from "../build/build.js";
import { parseFields } from "../build/options.js";
import { indexLoader } from "../src/engine/store/load.js";
import { rank } from "../src/engine/search.js";
import { fileAssetReader } from "./fs-assets.js";
import { writeNewsfindWorker } from "./harness/newsfind-worker.js";
import { startWorker } from "./harness/worker.js";
import { asSearched, loadJudged, type JudgedQuery } from "./judged.js";
import { ndcgAt, recallAt, reciprocalRankAt } from "./metrics.js";
import { plainFlexSearch } from "./peers/flexsearch.js";
import { miniSearch } from "./peers/minisearch.js";
import { median } from "./stats.js";
import { withTypos } from "./typos.js";

const { values } = parseArgs({
  options: {
    corpus: { type: "string" },
    queries: { type: "string" },
    qrels: { type: "string" },
    fields: { type: "string" },
    engines: { type: "string", default: "newsfind" },
    typos: { type: "boolean", default: false },
    "no-typo-tolerance": { type: "boolean", default: false },
    "in-process": { type: "boolean", default: false },
    out: { type: "string", default: "dist/eval" },
  },
});
if (!values.corpus || !values.queries || !values.qrels) {
  console.error(
    "usage: npm run eval -- --corpus FILE --queries FILE --qrels FILE [--fields body] [--engines newsfind,minisearch,flexsearch] [--typos] [--no-typo-tolerance] [--in-process] [--out DIR]",
  );
  process.exit(2);
}
const fields = parseFields(values.fields);
const engines = values.engines!.split(",").map((name) => name.trim());
const judged = loadJudged(values.queries, values.qrels);

interface Row {
  id: string;
  ndcg: number;
  rr: number;
  recall: number;
  hits: number;
  ms: number;
}
type Ranker = (query: string) => Promise<{ ids: string[]; ms: number }>;

async function run(ranker: Ranker, queries: JudgedQuery[], typos: boolean): Promise<Row[]> {
  const rows: Row[] = [];
  for (const [n, { id, text, judgements }] of queries.entries()) {
    const q = asSearched(typos ? withTypos(text, n + 1) : text);
    const { ids, ms } = await ranker(q);
    rows.push({
      id,
      ndcg: ndcgAt(ids, judgements),
      rr: reciprocalRankAt(ids, judgements),
      recall: recallAt(ids, judgements),
      hits: ids.length,
      ms,
    });
  }
  return rows;
}

const mean = (rows: Row[], pick: (row: Row) => number) =>
  rows.reduce((sum, row) => sum + pick(row), 0) / Math.max(1, rows.length);
const dataset = `${basename(dirname(values.qrels))}-${basename(values.qrels, ".tsv")}`;

function report(engine: string, label: string, rows: Row[]): void {
  const out = `${values.out}/${dataset}-${engine.replace(/\W+/g, "-").replace(/-$/, "")}${label ? `-${label}` : ""}.tsv`;
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(
    out,
    `${["query-id\tndcg@10\trr@10\trecall@100\thits\tms", ...rows.map((r) => [r.id, r.ndcg.toFixed(4), r.rr.toFixed(4), r.recall.toFixed(4), r.hits, r.ms.toFixed(3)].join("\t"))].join("\n")}\n`,
  );
  console.log(
    `  ${`${engine}${label ? ` (${label})` : ""}`.padEnd(26)} nDCG@10 ${mean(rows, (r) => r.ndcg).toFixed(3)}  MRR@10 ${mean(rows, (r) => r.rr).toFixed(3)}  Recall@100 ${mean(rows, (r) => r.recall).toFixed(3)}  no hits ${rows.filter((r) => r.hits === 0).length}  median ${median(rows.map((r) => r.ms)).toFixed(2)} ms  -> ${out}`,
  );
}

async function evaluate(engine: string, ranker: Ranker): Promise<void> {
  const clean = await run(ranker, judged, false);
  report(engine, "", clean);
  if (values.typos) {
    const typoed = await run(ranker, judged, true);
    report(engine, "typos", typoed);
    const ratio =
      mean(typoed, (r) => r.rr) /
      Math.max(
        1e-9,
        mean(clean, (r) => r.rr),
      );
    console.log(`  ${engine} keeps ${(ratio * 100).toFixed(1)}% of its clean MRR@10 with typos`);
  }
}

console.log(`\nnewsfind eval: ${values.corpus} (${fields.join(", ")}), ${judged.length} judged queries`);
const outDir = mkdtempSync(join(tmpdir(), "newsfind-eval-"));
const { artefacts, articles } = buildArtefacts({
  corpus: values.corpus,
  outDir: join(outDir, "index"),
  assetsDir: join(outDir, "assets"),
  fields,
  spill: false,
});
const index = await indexLoader(artefacts, fileAssetReader(join(outDir, "assets")))();

for (const engine of engines) {
  if (engine === "newsfind" && values["in-process"]) {
    await evaluate("newsfind (in process)", async (q) => {
      const start = performance.now();
      const { page } = await rank(index, {
        q,
        limit: 100,
        offset: 0,
        sort: "relevance",
        typos: !values["no-typo-tolerance"],
      });
      const ms = performance.now() - start;
      return { ids: page.map(({ position }) => articles[position]!.id), ms };
    });
  } else if (engine === "newsfind") {
    const worker = await startWorker({ configPath: writeNewsfindWorker(outDir) });
    try {
      const client = await worker.client();
      await evaluate("newsfind", async (q) => {
        const path = `/search?q=${encodeURIComponent(q)}&limit=100${values["no-typo-tolerance"] ? "&typos=off" : ""}`;
        const { status, ms, body } = await client.get(path);
        if (status !== 200) throw new Error(`${path} answered ${status}: ${body.toString("utf8", 0, 300)}`);
        return { ids: (JSON.parse(body.toString("utf8")) as { hits: { id: string }[] }).hits.map((hit) => hit.id), ms };
      });
    } finally {
      await worker.stop();
    }
  } else if (engine === "minisearch" || engine === "flexsearch") {
    const peer = (engine === "minisearch" ? miniSearch : plainFlexSearch)(articles, fields);
    await evaluate(engine, async (q) => {
      const start = performance.now();
      const ids = peer.search(q, 100);
      return { ids, ms: performance.now() - start };
    });
  } else {
    console.error(`unknown engine ${engine}: use newsfind, minisearch or flexsearch`);
    process.exitCode = 2;
  }
}
