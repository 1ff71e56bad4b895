// The public judged collections of ../shared/datasets (its README), as the tuning bench scores
// them: each with its files, the fields it is indexed with, its metric and its BM25 reference
// (k1 0.9, b 0.4; the better of unstemmed and lightly stemmed where the README gives both).
// Known-item sets index bodies only: their queries are the titles.
import { join } from "node:path";
import type { IndexedField } from "../../src/index-format.js";

export type Metric = "ndcg@10" | "mrr@10";

export interface JudgedSet {
  name: string;
  corpus: string;
  queries: string;
  qrels: string;
  fields: IndexedField[];
  metric: Metric;
  bm25: number;
}

/** The seven public sets under `datasets`. */
export function judgedSets(datasets: string): JudgedSet[] {
  const set = (
    name: string,
    folder: string,
    files: [corpus: string, queries: string, qrels: string],
    bm25: number,
    { fields = ["title", "body"], metric = "ndcg@10" }: { fields?: IndexedField[]; metric?: Metric } = {},
  ): JudgedSet => ({
    name,
    corpus: join(datasets, folder, files[0]),
    queries: join(datasets, folder, files[1]),
    qrels: join(datasets, folder, files[2]),
    fields,
    metric,
    bm25,
  });
  const glasgow: [string, string, string] = ["docs.jsonl", "queries.tsv", "qrels.tsv"];
  return [
    set("TIME", "time", glasgow, 0.699),
    set("SciFact", "scifact", ["corpus.jsonl", "queries.test.tsv", "qrels.test.tsv"], 0.664),
    set("Cranfield", "cranfield", glasgow, 0.32),
    set("MED", "med", glasgow, 0.671),
    set("CACM", "cacm", glasgow, 0.445),
    set("ADI", "adi", glasgow, 0.446),
    set("BBC known-item", "bbc-news", ["docs.jsonl", "knownitem.queries.tsv", "knownitem.qrels.tsv"], 0.757, {
      fields: ["body"],
      metric: "mrr@10",
    }),
  ];
}
