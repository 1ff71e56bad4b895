// Syndicated copies: articles that are the same story (a wire story run by several sites, an
// article scraped twice, re-headlined, padded with a site's boilerplate or cut short), found at
// build time and grouped, so a search shows one hit per story.
//
// Each article's text (its body, headline left out: copies are often re-headlined) becomes the
// set of its five-word runs (shingles), from its first TEXT_WORDS words. A MinHash sketch of
// that set (one-permutation hashing, SKETCH values, empty buckets filled from their neighbours)
// estimates the Jaccard similarity of any two articles; locality-sensitive hashing (BANDS bands
// of two values) makes the candidate pairs without comparing every pair. A candidate pair is a
// copy when the smaller text is mostly inside the larger one: containment (shared shingles over
// the smaller set's) of at least COPY_CONTAINMENT, so a copy cut short or padded still counts.
// Two dated articles are linked as copies only when published at most COPY_DAYS apart. Linked
// copies are grouped transitively (union-find), so a chain of them may span longer; a group's
// canonical article is the earliest published, then the longest, then the first in the
// corpus. Method and measured quality: docs/copies.md.
import type { CopyGroups } from "../src/index-format.js";

/** Words per shingle: long enough that two different stories on one topic share few. */
export const SHINGLE_WORDS = 5;
/** Words of an article's text that are shingled: all of a news story's, and a bounded cost for a very long text. */
export const TEXT_WORDS = 2000;
/** Values in a sketch (one-permutation MinHash buckets). */
export const SKETCH = 64;
/** Bands of the locality-sensitive hashing: SKETCH / BANDS values each. */
export const BANDS = 32;
/** The least shared share of the smaller article's shingles for two articles to be copies. */
export const COPY_CONTAINMENT = 0.8;
/** Texts with fewer shingles than this are too short to call copies (a one-line brief is not a story's copy). */
export const MIN_SHINGLES = 20;
/** Days apart two dated copies may be published at most: a wire story runs within days, a recurring feature months apart is news again. */
export const COPY_DAYS = 7;
/** What decides a copy; each defaults to the constant of its name, and `npm run eval:copies` measures others. */
export interface CopyOptions {
  /** Default: TEXT_WORDS. */
  textWords?: number;
  /** Default: COPY_CONTAINMENT. */
  containment?: number;
  /** Default: COPY_DAYS; Infinity for no window. */
  days?: number;
}

/** A band bucket holding more articles than this is boilerplate they share, not a story: it makes no candidates. */
const CROWDED_BUCKET = 64;

const ROWS = SKETCH / BANDS;
const EMPTY = 0xffffffff;

/** What copy detection reads of an article. */
export interface CopyInput {
  body: readonly string[];
  /** YYYY-MM-DD or null. */
  published: string | null;
}

/** An article's sketch: its shingle count and SKETCH minimum hash values. */
export interface Sketch {
  shingles: number;
  values: Uint32Array;
}

/** FNV-1a of a string's UTF-16 code units, 32 bits. */
function wordHash(word: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) hash = Math.imul(hash ^ word.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/** A 32-bit mix (murmur3's finaliser): spreads the combined word hashes evenly over the buckets. */
function mix(hash: number): number {
  let h = hash;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

const NON_ASCII = /[^\x00-\x7f]/;
const ASCII_WORD = /[a-z0-9]+/g;
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*/gu;
const MARKS = /\p{M}/gu;

/** The text's words, lower-cased and without accents, at most `limit`. */
export function textWords(body: readonly string[], limit = TEXT_WORDS): string[] {
  const words: string[] = [];
  for (const paragraph of body) {
    // Decomposing and dropping marks is only needed where the text is not plain ASCII.
    const ascii = !NON_ASCII.test(paragraph);
    const text = ascii ? paragraph.toLowerCase() : paragraph.toLowerCase().normalize("NFKD");
    for (const match of text.matchAll(ascii ? ASCII_WORD : WORD)) {
      words.push(ascii ? match[0] : match[0].replace(MARKS, ""));
      if (words.length === limit) return words;
    }
  }
  return words;
}

/**
 * The hashes of the text's words (`wordHash` of each of `textWords`), at most `limit`. A plain
 * ASCII paragraph is hashed as it is scanned, without making its words as strings.
 */
export function wordHashes(body: readonly string[], limit = TEXT_WORDS): number[] {
  const hashes: number[] = [];
  for (const paragraph of body) {
    if (NON_ASCII.test(paragraph)) {
      for (const word of textWords([paragraph], limit - hashes.length)) hashes.push(wordHash(word));
    } else {
      let hash = 0x811c9dc5;
      let inWord = false;
      for (let i = 0; i <= paragraph.length; i++) {
        let code = i < paragraph.length ? paragraph.charCodeAt(i) : 32;
        if (code >= 65 && code <= 90) code += 32;
        if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) {
          hash = Math.imul(hash ^ code, 0x01000193);
          inWord = true;
        } else if (inWord) {
          hashes.push(hash >>> 0);
          hash = 0x811c9dc5;
          inWord = false;
        }
        if (hashes.length === limit) return hashes;
      }
    }
    if (hashes.length >= limit) return hashes.slice(0, limit);
  }
  return hashes;
}

/** The MinHash sketch of an article's text (see the header). */
export function sketchOf(body: readonly string[], { textWords: limit = TEXT_WORDS }: CopyOptions = {}): Sketch {
  const hashes = wordHashes(body, limit);
  const values = new Uint32Array(SKETCH).fill(EMPTY);
  const shingles = Math.max(0, hashes.length - SHINGLE_WORDS + 1);
  const runs = new Uint32Array(shingles);
  for (let start = 0; start < shingles; start++) {
    let combined = 0;
    for (let w = 0; w < SHINGLE_WORDS; w++) combined = Math.imul(combined, 0x9e3779b1) + hashes[start + w]!;
    const hash = mix(combined >>> 0);
    runs[start] = hash;
    // The top bits choose the bucket; the rest is the value kept at its minimum.
    const bucket = hash >>> 26;
    const value = hash & 0x3ffffff;
    if (value < values[bucket]!) values[bucket] = value;
  }
  // Distinct runs, counted in sorted order (a text may repeat a sentence).
  runs.sort();
  let distinct = 0;
  for (let i = 0; i < runs.length; i++) if (i === 0 || runs[i] !== runs[i - 1]) distinct++;
  // Densification: an empty bucket takes the value of the next filled one, marked by the distance.
  if (distinct > 0) {
    const filled = values.slice();
    for (let b = 0; b < SKETCH; b++) {
      if (filled[b] !== EMPTY) continue;
      let distance = 1;
      while (filled[(b + distance) % SKETCH] === EMPTY) distance++;
      values[b] = (filled[(b + distance) % SKETCH]! + distance * 0x4000000) >>> 0;
    }
  }
  return { shingles: distinct, values };
}

/** The Jaccard similarity of two articles' shingle sets, as their sketches estimate it. */
export function similarity(a: Sketch, b: Sketch): number {
  let same = 0;
  for (let i = 0; i < SKETCH; i++) if (a.values[i] === b.values[i]) same++;
  return same / SKETCH;
}

/**
 * Containment of the smaller shingle set in the larger, from the estimated Jaccard similarity J
 * and the set sizes: |A ∩ B| = J (|A| + |B|) / (1 + J).
 */
export function containment(a: Sketch, b: Sketch): number {
  const small = Math.min(a.shingles, b.shingles);
  if (small === 0) return 0;
  const jaccard = similarity(a, b);
  return Math.min(1, (jaccard * (a.shingles + b.shingles)) / (1 + jaccard) / small);
}

/** Whether two sketched articles are copies of one story (see the header). */
export function areCopies(a: Sketch, b: Sketch, least = COPY_CONTAINMENT): boolean {
  return Math.min(a.shingles, b.shingles) >= MIN_SHINGLES && containment(a, b) >= least;
}

/** Whether two publication dates (YYYY-MM-DD or null) are close enough for copies: an undated one always is. */
export function closeInTime(a: string | null, b: string | null, days = COPY_DAYS): boolean {
  if (a === null || b === null) return true;
  return Math.abs(Date.parse(a) - Date.parse(b)) <= days * 86_400_000;
}

/**
 * Calls `visit` with each pair of positions that share a band: the only pairs compared. A pair
 * sharing several bands is visited once a band; a band's key is its two values folded into one
 * number, and keys that collide only add pairs to compare.
 */
function eachCandidate(sketches: readonly Sketch[], visit: (a: number, b: number) => void): void {
  for (let band = 0; band < BANDS; band++) {
    const buckets = new Map<number, number[]>();
    for (let position = 0; position < sketches.length; position++) {
      const sketch = sketches[position]!;
      if (sketch.shingles < MIN_SHINGLES) continue;
      const key = sketch.values[band * ROWS]! * 0x100000 + (sketch.values[band * ROWS + 1]! & 0xfffff);
      const bucket = buckets.get(key);
      if (bucket) bucket.push(position);
      else buckets.set(key, [position]);
    }
    for (const bucket of buckets.values()) {
      if (bucket.length < 2 || bucket.length > CROWDED_BUCKET) continue;
      for (let i = 0; i < bucket.length; i++) for (let j = i + 1; j < bucket.length; j++) visit(bucket[i]!, bucket[j]!);
    }
  }
}

/** Groups the articles' copies (see the header), given their sketches by position. */
export function groupCopies(
  articles: readonly CopyInput[],
  sketches: readonly Sketch[],
  { containment: least = COPY_CONTAINMENT, days = COPY_DAYS }: CopyOptions = {},
): CopyGroups {
  const n = sketches.length;
  // Each date read once: an article's fields may be read from the build's scratch file.
  const published = articles.map((article) => article.published);
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const root = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r]!;
    for (let at = i; parent[at] !== r; ) {
      const next = parent[at]!;
      parent[at] = r;
      at = next;
    }
    return r;
  };
  eachCandidate(sketches, (a, b) => {
    const [ra, rb] = [root(a), root(b)];
    // Already in one group: whether they are copies of each other changes nothing.
    if (ra === rb) return;
    if (!closeInTime(published[a]!, published[b]!, days) || !areCopies(sketches[a]!, sketches[b]!, least)) return;
    parent[Math.max(ra, rb)] = Math.min(ra, rb);
  });
  const members = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const r = root(i);
    const group = members.get(r);
    if (group) group.push(i);
    else members.set(r, [i]);
  }
  // The canonical copy: the earliest published (undated last), then the longest, then the first.
  const order = (a: number, b: number) => {
    const da = published[a] ?? "9999";
    const db = published[b] ?? "9999";
    if (da !== db) return da < db ? -1 : 1;
    return sketches[b]!.shingles - sketches[a]!.shingles || a - b;
  };
  const groups: number[][] = [];
  for (const group of members.values()) {
    if (group.length < 2) continue;
    const canonical = group.reduce((best, position) => (order(position, best) < 0 ? position : best));
    groups.push([canonical, ...group.filter((position) => position !== canonical)]);
  }
  return groups.sort((a, b) => a[0]! - b[0]!);
}

/** The copies among these articles (sketching each body once). */
export function findCopies(articles: readonly CopyInput[], options: CopyOptions = {}): CopyGroups {
  return groupCopies(
    articles,
    articles.map((article) => sketchOf(article.body, options)),
    options,
  );
}
