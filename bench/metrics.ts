// Standard retrieval metrics over one ranked list: nDCG@k (linear graded gain, as trec_eval and
// BEIR), reciprocal rank of the first relevant hit in the top k, and recall at k.

/** Relevance grades of one query's judged documents; a grade > 0 is relevant. */
export type Judgements = Map<string, number>;

export function ndcgAt(ranking: readonly string[], judged: Judgements, k = 10): number {
  let dcg = 0;
  ranking.slice(0, k).forEach((id, i) => {
    dcg += (judged.get(id) ?? 0) / Math.log2(i + 2);
  });
  const ideal = [...judged.values()]
    .filter((g) => g > 0)
    .sort((a, b) => b - a)
    .slice(0, k);
  const idcg = ideal.reduce((sum, gain, i) => sum + gain / Math.log2(i + 2), 0);
  return idcg === 0 ? 0 : dcg / idcg;
}

export function reciprocalRankAt(ranking: readonly string[], judged: Judgements, k = 10): number {
  const at = ranking.slice(0, k).findIndex((id) => (judged.get(id) ?? 0) > 0);
  return at < 0 ? 0 : 1 / (at + 1);
}

export function recallAt(ranking: readonly string[], judged: Judgements, k = 100): number {
  const relevant = [...judged.values()].filter((g) => g > 0).length;
  if (relevant === 0) return 0;
  return ranking.slice(0, k).filter((id) => (judged.get(id) ?? 0) > 0).length / relevant;
}
