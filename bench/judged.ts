// Judged query sets in the datasets' format (../shared/datasets/README.md): queries and qrels
// are TSV with a header line; queries with no relevant judgement are skipped.
import { readFileSync } from "node:fs";
import type { Judgements } from "./metrics.js";

/** The rows of a TSV text with a header line, blank lines left out. */
export function tsvRows(tsv: string): string[][] {
  return tsv
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
  for (const [queryId, docId, score] of tsvRows(readFileSync(qrelsPath, "utf8"))) {
    if (!qrels.has(queryId!)) qrels.set(queryId!, new Map());
    qrels.get(queryId!)!.set(docId!, Number(score));
  }
  return tsvRows(readFileSync(queriesPath, "utf8"))
    .map(([id, text]) => ({ id: id!, text: text ?? "", judgements: qrels.get(id!) ?? new Map() }))
    .filter(({ judgements }) => [...judgements.values()].some((grade) => grade > 0));
}
