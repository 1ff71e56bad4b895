// Judged query sets in the datasets' format (../shared/datasets/README.md): queries and qrels
// are TSV with a header line; queries with no relevant judgement are skipped.
import { readFileSync } from "node:fs";
import type { Judgements } from "./metrics.js";

function tsvRows(path: string): string[][] {
  return readFileSync(path, "utf8")
    .split("\n")
    .slice(1)
    .filter((line) => line.trim())
    .map((line) => line.split("\t"));
}

export interface JudgedQuery {
  id: string;
  text: string;
  judgements: Judgements;
}

export function loadJudged(queriesPath: string, qrelsPath: string): JudgedQuery[] {
  const qrels = new Map<string, Judgements>();
  for (const [queryId, docId, score] of tsvRows(qrelsPath)) {
    if (!qrels.has(queryId!)) qrels.set(queryId!, new Map());
    qrels.get(queryId!)!.set(docId!, Number(score));
  }
  return tsvRows(queriesPath)
    .map(([id, text]) => ({ id: id!, text: text ?? "", judgements: qrels.get(id!) ?? new Map() }))
    .filter(({ judgements }) => [...judgements.values()].some((grade) => grade > 0));
}
