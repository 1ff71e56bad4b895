// Judged query sets in the datasets' format (../shared/datasets/README.md): queries and qrels
// are TSV with a header line; queries with no relevant judgement are skipped.
import { readFileSync } from "node:fs";
import { MAX_QUERY_LENGTH, MAX_QUERY_WORDS } from "../src/routes/search.js";
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

/**
 * A query as /search accepts it: its first MAX_QUERY_LENGTH characters, then its first
 * MAX_QUERY_WORDS words (a judged set's longest queries are cut as a client must cut them).
 */
export function asSearched(text: string): string {
  const cut = text.slice(0, MAX_QUERY_LENGTH);
  const words = cut.split(/\s+/).filter(Boolean);
  return words.length <= MAX_QUERY_WORDS ? cut : words.slice(0, MAX_QUERY_WORDS).join(" ");
}
