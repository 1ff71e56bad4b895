// Article metadata for filters and date sorts: each article's publication day and source,
// by position. The sharded layout stores it as one binary file; the bundle derives it at load.
//
//   u32 n, u32 length S of the sources JSON (little endian)
//   i32 × n   publication day (days since 1970-01-01), −2^31 when undated
//   u16 × n   source: 0 when none, i + 1 for sources[i]
//   S bytes   UTF-8 JSON array of the distinct sources
import type { Article } from "../index-format.js";

const UNDATED = -0x80000000;

export interface ArticleMeta {
  /** Each article's publication day (days since 1970-01-01), NaN when undated. */
  days: Float64Array;
  /** The newest and oldest publication days (0 when no article is dated). */
  newestDay: number;
  oldestDay: number;
  /** The article's source, or null. */
  source(position: number): string | null;
  /** Each article's source as a number: 0 when none, i + 1 for `sources[i]`. */
  sourceIds: Uint16Array;
  /** The distinct sources. */
  sources: readonly string[];
}

export function dayNumber(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;
}

function metaOf(days: Float64Array, sourceIndex: Uint16Array, sources: readonly string[]): ArticleMeta {
  let newestDay = -Infinity;
  let oldestDay = Infinity;
  for (const day of days) {
    if (day > newestDay) newestDay = day;
    if (day < oldestDay) oldestDay = day;
  }
  return {
    days,
    newestDay: Number.isFinite(newestDay) ? newestDay : 0,
    oldestDay: Number.isFinite(oldestDay) ? oldestDay : 0,
    source: (position) => (sourceIndex[position] ? sources[sourceIndex[position]! - 1]! : null),
    sourceIds: sourceIndex,
    sources,
  };
}

function columns(articles: readonly Pick<Article, "published" | "source">[]) {
  const sources: string[] = [];
  const known = new Map<string, number>();
  const sourceIndex = new Uint16Array(articles.length);
  const days = new Float64Array(articles.length);
  articles.forEach((article, position) => {
    days[position] = article.published ? dayNumber(article.published) : Number.NaN;
    if (article.source === null) return;
    let index = known.get(article.source);
    if (index === undefined) {
      if (sources.length === 0xffff) throw new Error("an index holds at most 65,535 distinct sources");
      index = sources.push(article.source);
      known.set(article.source, index);
    }
    sourceIndex[position] = index;
  });
  return { days, sourceIndex, sources };
}

/** The metadata of articles held in memory (the bundle layout). */
export function articleMeta(articles: readonly Pick<Article, "published" | "source">[]): ArticleMeta {
  const { days, sourceIndex, sources } = columns(articles);
  return metaOf(days, sourceIndex, sources);
}

export function encodeMeta(articles: readonly Pick<Article, "published" | "source">[]): Uint8Array {
  const { days, sourceIndex, sources } = columns(articles);
  const n = articles.length;
  const json = new TextEncoder().encode(JSON.stringify(sources));
  const out = new Uint8Array(8 + 4 * n + 2 * n + json.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, n, true);
  view.setUint32(4, json.length, true);
  for (let i = 0; i < n; i++) {
    view.setInt32(8 + 4 * i, Number.isNaN(days[i]!) ? UNDATED : days[i]!, true);
    view.setUint16(8 + 4 * n + 2 * i, sourceIndex[i]!, true);
  }
  out.set(json, 8 + 6 * n);
  return out;
}

export function decodeMeta(buffer: ArrayBuffer): ArticleMeta {
  const view = new DataView(buffer);
  const n = view.getUint32(0, true);
  const jsonLength = view.getUint32(4, true);
  const days = new Float64Array(n);
  const sourceIndex = new Uint16Array(n);
  for (let i = 0; i < n; i++) {
    const day = view.getInt32(8 + 4 * i, true);
    days[i] = day === UNDATED ? Number.NaN : day;
    sourceIndex[i] = view.getUint16(8 + 4 * n + 2 * i, true);
  }
  const sources = JSON.parse(new TextDecoder().decode(new Uint8Array(buffer, 8 + 6 * n, jsonLength))) as string[];
  return metaOf(days, sourceIndex, sources);
}
