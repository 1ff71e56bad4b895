// The build cache: what an earlier build learned about each source unit (a JSON Lines line,
// or a whole file of another format), keyed by the unit's content hash. A rebuild takes an
// unchanged unit's articles (without their bodies) and analyses from here, and leaves article
// shards whose members did not change as they are on disk. The cache is keyed by the index
// configuration and a fingerprint of the build's own code: a change to either starts afresh.
// It is stored in columns (one array a field, the analyses as two raw typed-array files), so
// loading and saving it makes no object per article. The analysis files only grow: a
// save appends the new articles' analyses and rewrites the columns, and rewrites the analyses
// whole (a new generation of the files) only when more than half of them are dead.
import { createHash } from "node:crypto";
import {
  closeSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { deserialize, serialize } from "node:v8";
import type { ArticleDetails } from "../src/index-format.js";
import { detailsOf } from "./finalize.js";
import type { RawArticle, Skipped, Warning } from "./types.js";

const CACHE_FILE = "build-cache.v8";
const CACHE_VERSION = 6;

/** What the cache keeps of an article: everything but the body, plus the body's hash and length and its analysis. */
export interface CacheEntry extends Omit<RawArticle, "body" | "origin"> {
  bodyHash: string;
  /** The body's length in characters (paragraphs plus separators). */
  bodyChars: number;
  /** How many distinct terms its analysis has. */
  termCount: number;
  /** Its analysis's term numbers and weighted frequencies, read when the cache writes them. */
  analysis(): { terms: Int32Array; tf: Float32Array };
  length: number;
  /** Its row in the cache this build loaded, when its analysis came from there (it is not written again). */
  cachedRow?: number;
}

/** A unit of this build, as the cache stores it. */
export interface CacheUnit {
  key: string;
  articles: CacheEntry[];
  skipped: Skipped[];
  warnings: Warning[];
}

interface Columns {
  version: number;
  key: string;
  dictionary: string[];
  units: string[];
  /** Unit u's articles are rows unitStart[u] to unitStart[u + 1]. */
  unitStart: Int32Array;
  /** Skips and warnings of the units that have any, by unit index. */
  problems: Map<number, { skipped: Skipped[]; warnings: Warning[] }>;
  id: (string | null)[];
  title: (string | null)[];
  published: (string | null)[];
  source: (string | null)[];
  url: (string | null)[];
  /** The article's details (ArticleDetails), or null when it has none. */
  details: (ArticleDetails | null)[];
  bodyHash: string[];
  bodyChars: Int32Array;
  length: Float64Array;
  /** The analysis files' generation (their names carry it): a rewrite makes a new one. */
  generation: number;
  /** Entries of the analysis files that these columns cover (an append cut short leaves more). */
  analysisLength: number;
  /** Row r's analysis is termCount[r] entries from termOffset[r] of the terms and tf files. */
  termOffset: Float64Array;
  termCount: Int32Array;
  /** Article shard path to the signature of its members when it was written. */
  shards: Map<string, string>;
}

export const hashOf = (data: string | Uint8Array) => createHash("sha1").update(data).digest("base64url");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : entry.name.endsWith(".ts")
        ? [join(dir, entry.name)]
        : [],
  );
}

/** A hash of the code that turns corpus files into articles and analyses (build/ and src/). */
function codeFingerprint(): string {
  const roots = ["../build", "../src/analysis", "../src/format"].map((path) =>
    fileURLToPath(new URL(path, import.meta.url)),
  );
  const files = [
    ...roots.flatMap(sourceFiles),
    fileURLToPath(new URL("../src/index-format.ts", import.meta.url)),
  ].sort();
  return hashOf(files.map((file) => readFileSync(file, "utf8")).join("\0"));
}

function emptyColumns(key: string): Columns {
  return {
    version: CACHE_VERSION,
    key,
    dictionary: [],
    units: [],
    unitStart: new Int32Array(1),
    problems: new Map(),
    id: [],
    title: [],
    published: [],
    source: [],
    url: [],
    details: [],
    bodyHash: [],
    bodyChars: new Int32Array(0),
    length: new Float64Array(0),
    generation: 0,
    analysisLength: 0,
    termOffset: new Float64Array(0),
    termCount: new Int32Array(0),
    shards: new Map(),
  };
}

const view = <T>(
  data: Buffer,
  Type: new (buffer: ArrayBufferLike, offset: number, length: number) => T,
  length: number,
) => new Type(data.buffer, data.byteOffset, length);

/** The analysis files of a generation. */
const analysisFiles = (path: string, generation: number) => ({
  terms: `${path}.${generation}.terms`,
  tf: `${path}.${generation}.tf`,
});

/**
 * Writes entries (4 bytes each) into a file from entry `at` on, one array after another, cutting
 * off whatever lay beyond: analyses go to disk as they are listed, never gathered in memory.
 */
class EntryWriter {
  private readonly fd: number;
  private offset: number;

  constructor(file: string, at: number) {
    this.fd = openSync(file, at === 0 ? "w" : "r+");
    ftruncateSync(this.fd, at * 4);
    this.offset = at * 4;
  }

  write(data: Int32Array | Float32Array): void {
    const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    for (let done = 0; done < bytes.length; )
      done += writeSync(this.fd, bytes, done, bytes.length - done, this.offset + done);
    this.offset += bytes.length;
  }

  close(): void {
    closeSync(this.fd);
  }
}

export class BuildCache {
  private readonly unitIndex: Map<string, number>;

  private constructor(
    private readonly columns: Columns,
    private readonly terms: Int32Array,
    private readonly tf: Float32Array,
    readonly path: string,
  ) {
    this.unitIndex = new Map(columns.units.map((key, index) => [key, index]));
  }

  /**
   * The cache in `dir` of the build writing to `outDir` with this configuration, or an empty
   * one (missing, stale or unreadable). Each output folder has its own cache files.
   */
  static load(dir: string, outDir: string, config: unknown): BuildCache {
    const key = hashOf(JSON.stringify({ CACHE_VERSION, config, code: codeFingerprint() }));
    const path = join(dir, `${hashOf(resolve(outDir)).slice(0, 16)}.${CACHE_FILE}`);
    try {
      const columns = deserialize(readFileSync(path)) as Columns;
      if (columns.version !== CACHE_VERSION || columns.key !== key) throw new Error("stale");
      const files = analysisFiles(path, columns.generation);
      const [termBytes, tfBytes] = [readFileSync(files.terms), readFileSync(files.tf)];
      // The files hold at least what the columns cover (a save cut short may have appended more).
      const length = columns.analysisLength;
      if (termBytes.length < 4 * length || tfBytes.length < 4 * length) throw new Error("torn");
      return new BuildCache(columns, view(termBytes, Int32Array, length), view(tfBytes, Float32Array, length), path);
    } catch {
      return new BuildCache(emptyColumns(key), new Int32Array(0), new Float32Array(0), path);
    }
  }

  get dictionary(): readonly string[] {
    return this.columns.dictionary;
  }

  /** Units the cache holds. */
  get units(): number {
    return this.columns.units.length;
  }

  /** The unit's rows (its articles, in order), or undefined when the cache lacks the unit. */
  rows(unit: string): { start: number; end: number; skipped: Skipped[]; warnings: Warning[] } | undefined {
    const u = this.unitIndex.get(unit);
    if (u === undefined) return undefined;
    const problems = this.columns.problems.get(u);
    return {
      start: this.columns.unitStart[u]!,
      end: this.columns.unitStart[u + 1]!,
      skipped: problems?.skipped ?? [],
      warnings: problems?.warnings ?? [],
    };
  }

  /** A cached article's fields (all but body and origin). */
  fields(row: number): Omit<RawArticle, "body" | "origin"> & { bodyHash: string } {
    const c = this.columns;
    return {
      id: c.id[row]!,
      title: c.title[row]!,
      published: c.published[row]!,
      source: c.source[row]!,
      url: c.url[row]!,
      ...c.details[row],
      bodyHash: c.bodyHash[row]!,
    };
  }

  bodyChars(row: number): number {
    return this.columns.bodyChars[row]!;
  }

  /** A cached article's analysis, its term numbers into `dictionary`. */
  analysis(row: number): { terms: Int32Array; tf: Float32Array; length: number } {
    const start = this.columns.termOffset[row]!;
    const end = start + this.columns.termCount[row]!;
    return {
      terms: this.terms.subarray(start, end),
      tf: this.tf.subarray(start, end),
      length: this.columns.length[row]!,
    };
  }

  /** The signature of the article shard at `path` when a build last wrote it. */
  shardSignature(path: string): string | undefined {
    return this.columns.shards.get(path);
  }

  /**
   * Replaces the cache with this build's units, dictionary and shard signatures. Articles whose
   * analysis came from this cache (`cachedRow`) keep it where it lies in the files; the others'
   * are appended. When the files would be more than half dead, they are rewritten whole.
   */
  save(dictionary: string[], units: readonly CacheUnit[], shards: Map<string, string>): void {
    const old = this.columns;
    const c = emptyColumns(old.key);
    c.dictionary = dictionary;
    c.shards = shards;
    const rows = units.reduce((sum, unit) => sum + unit.articles.length, 0);
    let live = 0;
    let appended = 0;
    for (const unit of units) {
      for (const article of unit.articles) {
        live += article.termCount;
        if (article.cachedRow === undefined) appended += article.termCount;
      }
    }
    const rewrite = old.analysisLength + appended > 2 * live;
    c.generation = rewrite ? old.generation + 1 : old.generation;
    const start = rewrite ? 0 : old.analysisLength;
    c.analysisLength = start + (rewrite ? live : appended);
    c.unitStart = new Int32Array(units.length + 1);
    c.bodyChars = new Int32Array(rows);
    c.length = new Float64Array(rows);
    c.termOffset = new Float64Array(rows);
    c.termCount = new Int32Array(rows);
    mkdirSync(dirname(this.path), { recursive: true });
    const files = analysisFiles(this.path, c.generation);
    const terms = new EntryWriter(files.terms, start);
    const tf = new EntryWriter(files.tf, start);
    let row = 0;
    let next = 0;
    try {
      units.forEach((unit, u) => {
        c.units.push(unit.key);
        c.unitStart[u] = row;
        if (unit.skipped.length > 0 || unit.warnings.length > 0)
          c.problems.set(u, { skipped: unit.skipped, warnings: unit.warnings });
        for (const article of unit.articles) {
          c.id.push(article.id);
          c.title.push(article.title);
          c.published.push(article.published);
          c.source.push(article.source);
          c.url.push(article.url);
          const details = detailsOf(article);
          c.details.push(Object.keys(details).length > 0 ? details : null);
          c.bodyHash.push(article.bodyHash);
          c.bodyChars[row] = article.bodyChars;
          c.length[row] = article.length;
          c.termCount[row] = article.termCount;
          if (!rewrite && article.cachedRow !== undefined) {
            c.termOffset[row] = old.termOffset[article.cachedRow]!;
          } else {
            c.termOffset[row] = start + next;
            const analysis = article.analysis();
            terms.write(analysis.terms);
            tf.write(analysis.tf);
            next += article.termCount;
          }
          row++;
        }
      });
      c.unitStart[units.length] = row;
    } finally {
      terms.close();
      tf.close();
    }
    writeFileSync(`${this.path}.tmp`, serialize(c));
    renameSync(`${this.path}.tmp`, this.path);
    // Analysis files of other generations (or of a stale cache) are dead now.
    const current = new Set(Object.values(files).map((file) => basename(file)));
    const name = basename(this.path);
    for (const file of readdirSync(dirname(this.path))) {
      if (file.startsWith(`${name}.`) && /\.(terms|tf)$/.test(file) && !current.has(file))
        rmSync(join(dirname(this.path), file), { force: true });
    }
  }
}
