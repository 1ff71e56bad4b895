// Compiles clean articles into the index artefacts: a FlexSearch Index whose posting lists
// hold BM25F term-frequency impacts in their resolution slots (so each term's list comes out
// impact-ordered), the article store, and the phonetic fallback table.
import { Index, type IndexOptions } from "flexsearch";
import {
  BM25,
  FIELD_WEIGHTS,
  INDEX_FORMAT_VERSION,
  LEAD_BONUS,
  PHONETIC_TERMS,
  analyze,
  flexOptions,
  indexConfig,
  phoneticKey,
  type Article,
  type IndexArtefacts,
  type IndexedField,
} from "../src/index-format.js";

/** An article's weighted term frequencies and BM25F length (field weights, lede bonus). */
interface Counted {
  tf: Map<string, number>;
  length: number;
}

function count(article: Article, fields: readonly IndexedField[]): Counted {
  const tf = new Map<string, number>();
  let length = 0;
  for (const field of fields) {
    const weight = FIELD_WEIGHTS[field];
    const terms = analyze(field === "title" ? article.title : article.body.join("\n"));
    length += weight * terms.length;
    for (const term of terms) tf.set(term, (tf.get(term) ?? 0) + weight);
    if (field === "body" && article.body.length > 1) {
      const lead = analyze(article.body[0]!);
      length += LEAD_BONUS * lead.length;
      for (const term of lead) tf.set(term, (tf.get(term) ?? 0) + LEAD_BONUS);
    }
  }
  return { tf, length };
}

/**
 * The impact slot of a term: its BM25 term-frequency part, tf·(k1+1) / (tf + k1·(1−b+b·len/avg)),
 * quantised to 1..levels−1 and stored upside down (slot 0 is the highest impact).
 */
export function impactSlot(tf: number, length: number, averageLength: number): number {
  const { k1, b, levels } = BM25;
  const part = (tf * (k1 + 1)) / (tf + k1 * (1 - b + (b * length) / averageLength));
  const level = Math.min(levels - 1, Math.max(1, Math.round((part / (k1 + 1)) * (levels - 1))));
  return levels - 1 - level;
}

function phoneticTable(documentFrequency: Map<string, number>): string {
  const byKey = new Map<string, string[]>();
  for (const term of documentFrequency.keys()) {
    const key = phoneticKey(term);
    if (key === null) continue;
    const terms = byKey.get(key) ?? [];
    terms.push(term);
    byKey.set(key, terms);
  }
  const lines: string[] = [];
  for (const [key, terms] of byKey) {
    terms.sort((a, b) => documentFrequency.get(b)! - documentFrequency.get(a)! || (a < b ? -1 : 1));
    lines.push(`${key} ${terms.slice(0, PHONETIC_TERMS).join(" ")}`);
  }
  return lines.sort().join("\n");
}

export function compileArtefacts(articles: Article[], builtAt: string, fields: readonly IndexedField[] = indexConfig().fields): IndexArtefacts {
  // Pass one: lengths, for the average the length normalisation needs (analysis is memoised).
  let total = 0;
  for (const article of articles) total += count(article, fields).length;
  const averageLength = articles.length > 0 ? Math.max(1, total / articles.length) : 1;

  // Pass two: each article's distinct terms go into their impact slots.
  let current: Counted = { tf: new Map(), length: 0 };
  const score: IndexOptions["score"] = (_content, term) => impactSlot(current.tf.get(term) ?? 1, current.length, averageLength);
  const index = new Index(flexOptions(score));
  const documentFrequency = new Map<string, number>();
  articles.forEach((article, position) => {
    current = count(article, fields);
    if (current.tf.size === 0) return;
    index.add(position, [...current.tf.keys()].join(" "));
    for (const term of current.tf.keys()) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  });

  const chunks: Record<string, string> = {};
  index.export((key, data) => {
    chunks[key] = data;
  });
  return {
    manifest: {
      formatVersion: INDEX_FORMAT_VERSION,
      config: indexConfig(fields),
      builtAt,
      articles: articles.length,
      averageLength: Math.round(averageLength * 1000) / 1000,
    },
    chunks,
    articles: JSON.stringify(articles),
    phonetic: phoneticTable(documentFrequency),
  };
}
