// A proximity signal, as a variant of the shipped ranking: the served top 100 re-ranked by
// score + λ × Σ over adjacent query-word pairs of the pair's IDF × n / (n + 1.2), where n is how
// often the second word follows or precedes the first within `window` words in the article's
// analysed title or body, and the pair's IDF counts the articles where it does (as a
// sequential-dependence model counts window matches).
import type { FieldTerms } from "../../build/analyze-articles.js";

export interface Proximity {
  /** Words either side that count as near. */
  window: number;
  /** Weight of the pair bonus against the BM25F score. */
  lambda: number;
}

/** Each article's analysed title and body, and the articles holding each term. */
export class Sequences {
  private readonly holders = new Map<string, number[]>();

  constructor(private readonly texts: readonly FieldTerms[]) {
    texts.forEach((terms, position) => {
      for (const term of new Set([...(terms.title ?? []), ...(terms.body ?? [])])) {
        let list = this.holders.get(term);
        if (!list) this.holders.set(term, (list = []));
        list.push(position);
      }
    });
  }

  /** How often `second` is within `window` words of an occurrence of `first` in the article. */
  near(position: number, first: string, second: string, window: number): number {
    let count = 0;
    const terms = this.texts[position]!;
    for (const list of [terms.title, terms.body]) {
      if (!list) continue;
      for (let i = 0; i < list.length; i++) {
        if (list[i] !== first) continue;
        const end = Math.min(list.length - 1, i + window);
        for (let j = Math.max(0, i - window); j <= end; j++)
          if (j !== i && list[j] === second) {
            count++;
            break;
          }
      }
    }
    return count;
  }

  /** The IDF of a pair: the articles where its words are within `window` of each other. */
  pairIdf(first: string, second: string, window: number): number {
    let df = 0;
    for (const position of this.holders.get(first) ?? []) if (this.near(position, first, second, window) > 0) df++;
    const articles = this.texts.length;
    return Math.log(1 + (articles - df + 0.5) / (df + 0.5));
  }
}

/** The page re-ranked: positions with their scores, best first, and the query's words' first terms in order. */
export function reranked(
  page: readonly { position: number; score: number }[],
  words: readonly string[],
  sequences: Sequences,
  { window, lambda }: Proximity,
): number[] {
  const pairs: [string, string][] = [];
  for (let i = 0; i + 1 < words.length; i++) if (words[i] !== words[i + 1]) pairs.push([words[i]!, words[i + 1]!]);
  const idfs = pairs.map(([first, second]) => sequences.pairIdf(first, second, window));
  return page
    .map(({ position, score }, rank) => {
      let bonus = 0;
      pairs.forEach(([first, second], n) => {
        const count = sequences.near(position, first, second, window);
        bonus += (idfs[n]! * count) / (count + 1.2);
      });
      return { position, key: score + lambda * bonus, rank };
    })
    .sort((a, b) => b.key - a.key || a.rank - b.rank)
    .map(({ position }) => position);
}
