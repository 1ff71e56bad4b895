// Analysis of clean articles for the index: each article's distinct terms with their weighted
// term frequencies (field weights, lede bonus) and its BM25F length. Terms are interned to
// numbers, so a hundred thousand articles take typed arrays, not maps of strings.
import {
  DEFAULT_LANGUAGE,
  FIELD_WEIGHTS,
  LEAD_BONUS,
  analyze,
  type Article,
  type IndexedField,
} from "../src/index-format.js";

/** One article's analysis: parallel arrays of term numbers and weighted frequencies. */
export interface Counted {
  terms: Int32Array;
  tf: Float32Array;
  length: number;
}

export interface Analysis {
  /** Term number to term. */
  dictionary: string[];
  counted: Counted[];
  averageLength: number;
}

/**
 * An article's weighted term frequencies and BM25F length, by term, analysed in its language
 * (English when it has none).
 */
export function count(article: Article, fields: readonly IndexedField[]): { tf: Map<string, number>; length: number } {
  const tf = new Map<string, number>();
  const language = article.language ?? DEFAULT_LANGUAGE;
  let length = 0;
  for (const field of fields) {
    const weight = FIELD_WEIGHTS[field];
    const terms = analyze(field === "title" ? article.title : article.body.join("\n"), language);
    length += weight * terms.length;
    for (const term of terms) tf.set(term, (tf.get(term) ?? 0) + weight);
    if (field === "body" && article.body.length > 1) {
      const lead = analyze(article.body[0]!, language);
      length += LEAD_BONUS * lead.length;
      for (const term of lead) tf.set(term, (tf.get(term) ?? 0) + LEAD_BONUS);
    }
  }
  return { tf, length };
}

export class Analyzer {
  readonly dictionary: string[] = [];
  private readonly numbers = new Map<string, number>();

  constructor(private readonly fields: readonly IndexedField[]) {}

  /** Interns a term list (from a cache) to this analyzer's numbers. */
  intern(terms: readonly string[]): Int32Array {
    return Int32Array.from(terms, (term) => {
      let n = this.numbers.get(term);
      if (n === undefined) {
        n = this.dictionary.push(term) - 1;
        this.numbers.set(term, n);
      }
      return n;
    });
  }

  count(article: Article): Counted {
    const { tf, length } = count(article, this.fields);
    return { terms: this.intern([...tf.keys()]), tf: Float32Array.from(tf.values()), length };
  }
}

export function averageLength(counted: readonly Counted[]): number {
  let total = 0;
  for (const { length } of counted) total += length;
  return counted.length > 0 ? Math.max(1, total / counted.length) : 1;
}
