// `npm run eval -- --corpus FILE --queries FILE --qrels FILE [--out TSV] [--port N]`
// Builds the corpus, serves it through wrangler dev (Miniflare), sends every judged query through
// the real /search endpoint, and prints nDCG@10, MRR@10, Recall@100 and the query latency median.
// Writes one TSV row per query. Formats: ../shared/datasets/README.md (queries and qrels are TSV
// with a header line; queries with no relevant judgement are skipped).
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, dirname } from "node:path";
import { parseArgs } from "node:util";
import { startWorker, timed } from "./http.js";
import { ndcgAt, recallAt, reciprocalRankAt, type Judgements } from "./metrics.js";
import { median } from "./stats.js";

const { values } = parseArgs({
  options: {
    corpus: { type: "string" },
    queries: { type: "string" },
    qrels: { type: "string" },
    out: { type: "string" },
    port: { type: "string", default: "8798" },
  },
});
if (!values.corpus || !values.queries || !values.qrels) {
  console.error("usage: npm run eval -- --corpus FILE --queries FILE --qrels FILE [--out TSV] [--port N]");
  process.exit(2);
}

function tsvRows(path: string): string[][] {
  return readFileSync(path, "utf8").split("\n").slice(1).filter((line) => line.trim()).map((line) => line.split("\t"));
}

const queries = new Map(tsvRows(values.queries).map(([id, text]) => [id!, text ?? ""]));
const qrels = new Map<string, Judgements>();
for (const [queryId, docId, score] of tsvRows(values.qrels)) {
  if (!qrels.has(queryId!)) qrels.set(queryId!, new Map());
  qrels.get(queryId!)!.set(docId!, Number(score));
}
const judged = [...queries].filter(([id]) => [...(qrels.get(id)?.values() ?? [])].some((g) => g > 0));

const worker = await startWorker(values.corpus, Number(values.port));
const rows: { id: string; ndcg: number; rr: number; recall: number; hits: number; ms: number }[] = [];
try {
  for (const [id, text] of judged) {
    const q = text.slice(0, 500);
    const { ms, body } = await timed(`${worker.base}/search?q=${encodeURIComponent(q)}&limit=100`);
    const ranking = (JSON.parse(body) as { hits: { id: string }[] }).hits.map((hit) => hit.id);
    const judgements = qrels.get(id)!;
    rows.push({ id, ndcg: ndcgAt(ranking, judgements), rr: reciprocalRankAt(ranking, judgements), recall: recallAt(ranking, judgements), hits: ranking.length, ms });
  }
} finally {
  worker.stop();
}

const mean = (pick: (row: (typeof rows)[number]) => number) => rows.reduce((sum, row) => sum + pick(row), 0) / Math.max(1, rows.length);
const out = values.out ?? `dist/eval/${basename(dirname(values.qrels))}-${basename(values.qrels, ".tsv")}.tsv`;
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, ["query-id\tndcg@10\trr@10\trecall@100\thits\tms", ...rows.map((r) => [r.id, r.ndcg.toFixed(4), r.rr.toFixed(4), r.recall.toFixed(4), r.hits, r.ms.toFixed(2)].join("\t"))].join("\n") + "\n");

console.log(`\nnewsfind eval: ${values.corpus}, ${rows.length} judged queries`);
console.log(`  nDCG@10     ${mean((r) => r.ndcg).toFixed(3)}`);
console.log(`  MRR@10      ${mean((r) => r.rr).toFixed(3)}`);
console.log(`  Recall@100  ${mean((r) => r.recall).toFixed(3)}`);
console.log(`  no hits     ${rows.filter((r) => r.hits === 0).length} of ${rows.length} queries`);
console.log(`  latency     median ${median(rows.map((r) => r.ms)).toFixed(2)} ms per query (total over loopback)`);
console.log(`  per query   ${out}`);
