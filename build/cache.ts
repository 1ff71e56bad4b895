// The build cache: what an earlier build learned about each source unit (a JSON Lines line,
// or a whole file of another format), keyed by the unit's content hash. A rebuild takes an
// unchanged unit's articles (without their bodies) and analyses from here, and leaves article
// shards whose members did not change as they are on disk. The cache is keyed by the index
// configuration and a fingerprint of the build's own code: a change to either starts afresh.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, readdirSync, renameSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { deserialize, serialize } from "node:v8";
import type { RawArticle, Skipped } from "./types.js";

const CACHE_FILE = "build-cache.v8";
const CACHE_VERSION = 2;

/** A unit's article as cached: everything but the body, which is read again only when needed. */
export interface CachedArticle extends Omit<RawArticle, "body"> {
  bodyHash: string;
  /** The body's length in characters (paragraphs plus separators). */
  bodyChars: number;
  /** The analysis: term numbers (into the cache's dictionary), weighted frequencies, length. */
  terms: Int32Array;
  tf: Float32Array;
  length: number;
}

export interface CachedUnit {
  articles: CachedArticle[];
  skipped: Skipped[];
  warnings: Skipped[];
}

/** A cached article as stored: its analysis as a range of the file's packed arrays. */
type PackedArticle = Omit<CachedArticle, "terms" | "tf"> & { start: number; count: number };
type PackedUnit = Omit<CachedUnit, "articles"> & { articles: PackedArticle[] };

/** On disk, every article's terms and frequencies are packed into two typed arrays, which (de)serialize as one copy each. */
interface CacheFile {
  version: number;
  key: string;
  dictionary: string[];
  units: Map<string, PackedUnit>;
  terms: Int32Array;
  tf: Float32Array;
  /** Article shard path to the signature of its members when it was written. */
  shards: Map<string, string>;
}

export const hashOf = (data: string | Uint8Array) => createHash("sha1").update(data).digest("base64url");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith(".ts") ? [join(dir, entry.name)] : [],
  );
}

/** A hash of the code that turns corpus files into articles and analyses (build/ and src/). */
function codeFingerprint(): string {
  const roots = ["../build", "../src/analysis", "../src/format"].map((path) => fileURLToPath(new URL(path, import.meta.url)));
  const files = [...roots.flatMap(sourceFiles), fileURLToPath(new URL("../src/index-format.ts", import.meta.url))].sort();
  return hashOf(files.map((file) => readFileSync(file, "utf8")).join("\0"));
}

export class BuildCache {
  private constructor(
    private readonly file: CacheFile,
    readonly path: string,
  ) {}

  /**
   * The cache in `dir` of the build writing to `outDir` with this configuration, or an empty
   * one (missing, stale or unreadable). Each output folder has its own cache file.
   */
  static load(dir: string, outDir: string, config: unknown): BuildCache {
    const key = hashOf(JSON.stringify({ CACHE_VERSION, config, code: codeFingerprint() }));
    const path = join(dir, `${hashOf(resolve(outDir)).slice(0, 16)}.${CACHE_FILE}`);
    const empty: CacheFile = { version: CACHE_VERSION, key, dictionary: [], units: new Map(), terms: new Int32Array(0), tf: new Float32Array(0), shards: new Map() };
    try {
      const file = deserialize(readFileSync(path)) as CacheFile;
      return new BuildCache(file.version === CACHE_VERSION && file.key === key ? file : empty, path);
    } catch {
      return new BuildCache(empty, path);
    }
  }

  /** Units the cache holds. */
  get units(): number {
    return this.file.units.size;
  }

  get dictionary(): readonly string[] {
    return this.file.dictionary;
  }

  unit(key: string): CachedUnit | undefined {
    const packed = this.file.units.get(key);
    if (!packed) return undefined;
    const { terms, tf } = this.file;
    const articles = packed.articles.map(({ start, count, ...rest }) => ({ ...rest, terms: terms.subarray(start, start + count), tf: tf.subarray(start, start + count) }));
    return { ...packed, articles };
  }

  /** Whether the article shard at `path` was written with these members and is still on disk with `size` bytes. */
  shardSignature(path: string): string | undefined {
    return this.file.shards.get(path);
  }

  /** Replaces the cache with this build's units, dictionary and shard signatures. */
  save(dictionary: string[], units: Map<string, CachedUnit>, shards: Map<string, string>): void {
    mkdirSync(join(this.path, ".."), { recursive: true });
    let total = 0;
    for (const unit of units.values()) for (const article of unit.articles) total += article.terms.length;
    const terms = new Int32Array(total);
    const tf = new Float32Array(total);
    let at = 0;
    const packed = new Map<string, PackedUnit>();
    for (const [key, unit] of units) {
      const articles = unit.articles.map(({ terms: articleTerms, tf: articleTf, ...rest }) => {
        terms.set(articleTerms, at);
        tf.set(articleTf, at);
        at += articleTerms.length;
        return { ...rest, start: at - articleTerms.length, count: articleTerms.length };
      });
      packed.set(key, { ...unit, articles });
    }
    const next: CacheFile = { version: CACHE_VERSION, key: this.file.key, dictionary, units: packed, terms, tf, shards };
    writeFileSync(`${this.path}.tmp`, serialize(next));
    renameSync(`${this.path}.tmp`, this.path);
  }

  /** Bytes the cache file takes (0 when there is none). */
  size(): number {
    try {
      return statSync(this.path).size;
    } catch {
      return 0;
    }
  }
}
