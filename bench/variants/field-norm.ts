// BM25F with per-field length normalisation, as a variant of the shipped ranking (which
// normalises by the article's weighted length): a term's pseudo-frequency is the sum over the
// fields of weight × tf / (1 − b_f + b_f × length_f / mean length_f), and the impact is
// saturated from it with k1 alone. Given to the compiler as each article's analysis, with its
// length set to the mean so that the compiler's own normalisation leaves it as it is.
import type { FieldTerms } from "../../build/analyze-articles.js";
import { RANKING } from "../../src/index-format.js";

/** The normalisation of each field (0: none, 1: full), and k1. */
export interface FieldNorm {
  title: number;
  body: number;
  lede: number;
  k1: number;
}

type Field = "title" | "body" | "lede";

/** Mean length of each field over the articles that have it (1 when none has it). */
export function meanLengths(articles: readonly FieldTerms[]): Record<Field, number> {
  const mean = (field: Field) => {
    let total = 0;
    let count = 0;
    for (const terms of articles) {
      const list = terms[field];
      if (list) {
        total += list.length;
        count++;
      }
    }
    return count > 0 ? Math.max(1, total / count) : 1;
  };
  return { title: mean("title"), body: mean("body"), lede: mean("lede") };
}

/** The article's terms with their normalised pseudo-frequencies. */
export function pseudoFrequencies(
  terms: FieldTerms,
  means: Record<Field, number>,
  norm: FieldNorm,
): Map<string, number> {
  const tf = new Map<string, number>();
  const weights: Record<Field, number> = {
    title: RANKING.weights.title,
    body: RANKING.weights.body,
    lede: RANKING.leadBonus,
  };
  for (const field of ["title", "body", "lede"] as const) {
    const list = terms[field];
    if (!list || weights[field] === 0) continue;
    const b = norm[field];
    const share = weights[field] / (1 - b + (b * list.length) / means[field]);
    for (const term of list) tf.set(term, (tf.get(term) ?? 0) + share);
  }
  return tf;
}
