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
 * An article's analysed terms by field: its title's, its body's, and its lede's (first paragraph
 * of two or more), with the order the fields were given in (it decides the order of the terms).
 */
export interface FieldTerms {
  fields: readonly IndexedField[];
  title: string[] | null;
  body: string[] | null;
  lede: string[] | null;
}

/**
 * The terms of the article's indexed fields, analysed in its language (English when it has
 * none). `text`: its body, when already read (a stored article reads it at each access).
 */
export function fieldTerms(article: Article, fields: readonly IndexedField[], text?: readonly string[]): FieldTerms {
  const language = article.language ?? DEFAULT_LANGUAGE;
  const body = fields.includes("body");
  const paragraphs = body ? (text ?? article.body) : [];
  return {
    fields,
    title: fields.includes("title") ? analyze(article.title, language) : null,
    body: body ? analyze(paragraphs.join("\n"), language) : null,
    lede: body && paragraphs.length > 1 ? analyze(paragraphs[0]!, language) : null,
  };
}

/** Weighted term frequencies and BM25F length of an article's field terms: a lede word counts `leadBonus` more. */
export function weigh(
  terms: FieldTerms,
  { weights, leadBonus }: Pick<RankingConstants, "weights" | "leadBonus"> = RANKING,
): { tf: Map<string, number>; length: number } {
  const tf = new Map<string, number>();
  let length = 0;
  const add = (list: readonly string[] | null, weight: number) => {
    if (!list) return;
    length += weight * list.length;
    for (const term of list) tf.set(term, (tf.get(term) ?? 0) + weight);
  };
  for (const field of terms.fields) {
    add(terms[field], weights[field]);
    if (field === "body") add(terms.lede, leadBonus);
  }
  return { tf, length };
}

/**
 * An article's weighted term frequencies and BM25F length, by term, analysed in its language
 * (English when it has none).
 */
export function count(
  article: Article,
  fields: readonly IndexedField[],
  ranking: Pick<RankingConstants, "weights" | "leadBonus"> = RANKING,
): { tf: Map<string, number>; length: number } {
  return weigh(fieldTerms(article, fields), ranking);
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

  /** The article's analysis; `body`: its body, when already read. */
  count(article: Article, body?: readonly string[]): Counted {
    return this.weigh(fieldTerms(article, this.fields, body));
  }

  /** The analysis of field terms already made, weighed with this analyzer's constants. */
  weigh(terms: FieldTerms): Counted {
    const { tf, length } = weigh(terms, this.ranking);
    return { terms: this.intern([...tf.keys()]), tf: Float32Array.from(tf.values()), length };
  }
}
