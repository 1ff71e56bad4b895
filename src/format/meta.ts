// Article metadata for filters, date sorts and copies: each article's publication day and
// source, by position, and the groups of copies of one story (build/copies.ts). The sharded
// layout stores it as one binary file; the bundle derives it at load, its groups given.
//
//   u32 n, u32 length S of the sources JSON (little endian)
//   i32 × n   publication day (days since 1970-01-01), −2^31 when undated
//   u16 × n   source: 0 when none, i + 1 for sources[i]
//   S bytes   UTF-8 JSON array of the distinct sources
//   u32 G     groups of copies, then each group: u32 size, size × u32 positions (canonical first)
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
  /** The positions of the article's group of copies, the canonical one first; null when it has no copy. */
  copies(position: number): readonly number[] | null;
}

/** Groups of copies of one story, each as positions with the canonical article first. */
export type CopyGroups = readonly (readonly number[])[];

export function dayNumber(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;
}

function metaOf(
  days: Float64Array,
  sourceIndex: Uint16Array,
  sources: readonly string[],
  groups: CopyGroups,
): ArticleMeta {
  const groupOf = new Map<number, readonly number[]>();
  for (const group of groups) for (const position of group) groupOf.set(position, group);
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
    copies: (position) => groupOf.get(position) ?? null,
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
export function articleMeta(
  articles: readonly Pick<Article, "published" | "source">[],
  groups: CopyGroups = [],
): ArticleMeta {
  const { days, sourceIndex, sources } = columns(articles);
  return metaOf(days, sourceIndex, sources, groups);
}

export function encodeMeta(
  articles: readonly Pick<Article, "published" | "source">[],
  groups: CopyGroups = [],
): Uint8Array {
  const { days, sourceIndex, sources } = columns(articles);
  const n = articles.length;
  const json = new TextEncoder().encode(JSON.stringify(sources));
  const groupWords = groups.reduce((sum, group) => sum + 1 + group.length, 1);
  const out = new Uint8Array(8 + 4 * n + 2 * n + json.length + 4 * groupWords);
  const view = new DataView(out.buffer);
  view.setUint32(0, n, true);
  view.setUint32(4, json.length, true);
  for (let i = 0; i < n; i++) {
    view.setInt32(8 + 4 * i, Number.isNaN(days[i]!) ? UNDATED : days[i]!, true);
    view.setUint16(8 + 4 * n + 2 * i, sourceIndex[i]!, true);
  }
  out.set(json, 8 + 6 * n);
  let at = 8 + 6 * n + json.length;
  view.setUint32(at, groups.length, true);
  for (const group of groups) {
    view.setUint32((at += 4), group.length, true);
    for (const position of group) view.setUint32((at += 4), position, true);
  }
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
  let at = 8 + 6 * n + jsonLength;
  const groups: number[][] = [];
  for (let g = view.getUint32(at, true); g > 0; g--) {
    const group: number[] = [];
    for (let size = view.getUint32((at += 4), true); size > 0; size--) group.push(view.getUint32((at += 4), true));
    groups.push(group);
  }
  return metaOf(days, sourceIndex, sources, groups);
}
