// Analysis of clean articles for the index: each article's distinct terms with their weighted
// term frequencies (field weights, lede bonus) and its BM25F length. Terms are interned to
// numbers, so a hundred thousand articles take typed arrays, not maps of strings.
import {
  DEFAULT_LANGUAGE,
  RANKING,
  analyze,
  type Article,
  type IndexedField,
  type RankingConstants,
} from "../src/index-format.js";

/** One article's analysis: parallel arrays of term numbers and weighted frequencies. */
export interface Counted {
  terms: Int32Array;
  tf: Float32Array;
  length: number;
}

/**
 * Every article's analysis, by position, as the compiler adds them: held in memory
 * (`MemoryAnalyses`), or written to a scratch file and read back (`AnalysisSpill`).
 */
export interface Analyses {
  /** Adds the next article's analysis. */
  add(counted: Counted): void;
  readonly size: number;
  /** Distinct terms of the article at `position`, without reading its analysis. */
  termCount(position: number): number;
  /** BM25F length of the article at `position`, without reading its analysis. */
  lengthOf(position: number): number;
  /** The analysis of the article at `position`; read back from disk when spilled. */
  at(position: number): Counted;
  /**
   * Visits every analysis in position order. A spilled analysis's arrays are views valid during
   * its visit only.
   */
  each(visit: (counted: Counted, position: number) => void): void;
  /** Mean BM25F length, at least 1. */
  averageLength(): number;
}

/** Analyses held in memory. */
export class MemoryAnalyses implements Analyses {
  private readonly counted: Counted[] = [];

  add(counted: Counted): void {
    this.counted.push(counted);
  }

  get size(): number {
    return this.counted.length;
  }

  termCount(position: number): number {
    return this.counted[position]!.terms.length;
  }

  lengthOf(position: number): number {
    return this.counted[position]!.length;
  }

  at(position: number): Counted {
    return this.counted[position]!;
  }

  each(visit: (counted: Counted, position: number) => void): void {
    this.counted.forEach(visit);
  }

  averageLength(): number {
    let total = 0;
    for (const { length } of this.counted) total += length;
    return this.counted.length > 0 ? Math.max(1, total / this.counted.length) : 1;
  }
}

/**
 * An article's weighted term frequencies and BM25F length, by term, analysed in its language
 * (English when it has none).
 */
export function count(
  article: Article,
  fields: readonly IndexedField[],
  { weights, leadBonus }: Pick<RankingConstants, "weights" | "leadBonus"> = RANKING,
): { tf: Map<string, number>; length: number } {
  const tf = new Map<string, number>();
  const language = article.language ?? DEFAULT_LANGUAGE;
  let length = 0;
  for (const field of fields) {
    const weight = weights[field];
    const terms = analyze(field === "title" ? article.title : article.body.join("\n"), language);
    length += weight * terms.length;
    for (const term of terms) tf.set(term, (tf.get(term) ?? 0) + weight);
    if (field === "body" && article.body.length > 1) {
      const lead = analyze(article.body[0]!, language);
      length += leadBonus * lead.length;
      for (const term of lead) tf.set(term, (tf.get(term) ?? 0) + leadBonus);
    }
  }
  return { tf, length };
}

export class Analyzer {
  readonly dictionary: string[] = [];
  private readonly numbers = new Map<string, number>();

  constructor(
    private readonly fields: readonly IndexedField[],
    private readonly ranking: RankingConstants = RANKING,
  ) {}

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
    const { tf, length } = count(article, this.fields, this.ranking);
    return { terms: this.intern([...tf.keys()]), tf: Float32Array.from(tf.values()), length };
  }
}
