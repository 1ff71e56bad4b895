// The build cache: what an earlier build learned about each source unit (a JSON Lines line,
// or a whole file of another format), keyed by the unit's content hash. A rebuild takes an
// unchanged unit's articles (without their bodies) and analyses from here, and leaves article
// shards whose members did not change as they are on disk. The cache is keyed by the index
// configuration and a fingerprint of the build's own code: a change to either starts afresh.
// It is stored in columns: numbers in typed arrays (one small file), each article's fields as a
// line of a rows file and the analyses as two raw typed-array files, which are read a row at a
// time and written as the rows come, so neither loading nor saving holds the archive in memory.
// The analysis files only grow: a save appends the new articles' analyses, and rewrites them
// whole (a new generation of the files) only when more than half of them are dead.
import { createHash, randomUUID } from "node:crypto";
import {
  closeSync,
  fstatSync,
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
import { FileWindows } from "./file-windows.js";
import { SKETCH, type Sketch } from "./copies.js";
import type { EntityInput } from "./entities/extract.js";
import { taggerVersion } from "./entities/thread.js";
import { detailsOf } from "./finalize.js";
import type { RawArticle, Skipped, Warning } from "./types.js";

const CACHE_FILE = "build-cache.v10";
const CACHE_VERSION = 10;

/** What the cache keeps of an article: everything but the body, plus the body's hash and length and its analysis. */
export interface CacheEntry extends Omit<RawArticle, "body" | "origin"> {
  bodyHash: string;
  /** The body's length in characters (paragraphs plus separators). */
  bodyChars: number;
  /** How many distinct terms its analysis has. */
  termCount: number;
  /** Its analysis's term numbers and weighted frequencies, read when the cache writes them. */
  analysis(): { terms: Int32Array; tf: Float32Array };
  /** Its text's sketch (build/copies.ts), so a rebuild finds copies without reading the body. */
  sketch: Sketch;
  /** Its headline's names and lede runs (build/entities/extract.ts); null when not made (a duplicate). */
  entityInput: EntityInput | null;
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
  /** Names the rows and units files this header goes with (each save writes new ones). */
  save: string;
  /** Units in the units file. */
  units: number;
  /** Unit u's articles are rows unitStart[u] to unitStart[u + 1]. */
  unitStart: Int32Array;
  /** Skips and warnings of the units that have any, by unit index. */
  problems: Map<number, { skipped: Skipped[]; warnings: Warning[] }>;
  /** Row r's fields (`Row`) are rowLength[r] bytes from rowAt[r] of the rows file. */
  rowAt: Float64Array;
  rowLength: Int32Array;
  bodyChars: Int32Array;
  length: Float64Array;
  /** The analysis files' generation (their names carry it): a rewrite makes a new one. */
  generation: number;
  /** Entries of the analysis files that these columns cover (an append cut short leaves more). */
  analysisLength: number;
  /** Row r's analysis is termCount[r] entries from termOffset[r] of the terms and tf files. */
  termOffset: Float64Array;
  termCount: Int32Array;
  /** Row r's sketch: its distinct runs, and SKETCH values from r × SKETCH. */
  sketchShingles: Int32Array;
  sketchValues: Uint32Array;
  /** Article shard path to the signature of its members when it was written. */
  shards: Map<string, string>;
}

/** A row of the rows file: an article's fields (details null when it has none). */
type Row = [
  id: string | null,
  title: string | null,
  published: string | null,
  source: string | null,
  url: string | null,
  details: ArticleDetails | null,
  bodyHash: string,
  entityInput: EntityInput | null,
];

export const hashOf = (data: string | Uint8Array) => createHash("sha1").update(data).digest("base64url");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : /\.(?:ts|mjs)$/.test(entry.name)
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
  // The tagger's version too: another compromise names other entities.
  return hashOf([...files.map((file) => readFileSync(file, "utf8")), taggerVersion()].join("\0"));
}

function emptyColumns(key: string): Columns {
  return {
    version: CACHE_VERSION,
    key,
    dictionary: [],
    save: "",
    units: 0,
    unitStart: new Int32Array(1),
    problems: new Map(),
    rowAt: new Float64Array(0),
    rowLength: new Int32Array(0),
    bodyChars: new Int32Array(0),
    length: new Float64Array(0),
    generation: 0,
    analysisLength: 0,
    termOffset: new Float64Array(0),
    termCount: new Int32Array(0),
    sketchShingles: new Int32Array(0),
    sketchValues: new Uint32Array(0),
    shards: new Map(),
  };
}

/** The rows and units files of a save. */
const rowFiles = (path: string, save: string) => ({ rows: `${path}.${save}.rows`, units: `${path}.${save}.units` });

/** The analysis files of a generation. */
const analysisFiles = (path: string, generation: number) => ({
  terms: `${path}.${generation}.terms`,
  tf: `${path}.${generation}.tf`,
});

/**
 * Writes bytes into a file from byte `at` on, one piece after another, cutting off whatever lay
 * beyond: rows and analyses go to disk as they are listed, never gathered in memory.
 */
class FileWriter {
  private readonly fd: number;
  /** Where the next piece goes. */
  offset: number;

  constructor(file: string, at = 0) {
    this.fd = openSync(file, at === 0 ? "w" : "r+");
    ftruncateSync(this.fd, at);
    this.offset = at;
  }

  write(data: Uint8Array | Int32Array | Float32Array): void {
    const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    for (let done = 0; done < bytes.length; )
      done += writeSync(this.fd, bytes, done, bytes.length - done, this.offset + done);
    this.offset += bytes.length;
  }

  close(): void {
    closeSync(this.fd);
  }
}

/** A typed array twice as long, with the first one's values. */
function grown<T extends Int32Array | Float64Array>(old: T, make: (length: number) => T): T {
  const next = make(Math.max(1024, old.length * 2));
  next.set(old);
  return next;
}

/** Opens the files a cache reads on demand; closes what it opened when one fails. */
function openAll(files: string[]): number[] {
  const fds: number[] = [];
  try {
    for (const file of files) fds.push(openSync(file, "r"));
    return fds;
  } catch (error) {
    for (const fd of fds) closeSync(fd);
    throw error;
  }
}

export class BuildCache {
  private readonly unitIndex: Map<string, number>;
  private readonly rowsFile?: FileWindows;
  private readonly termsFile?: FileWindows;
  private readonly tfFile?: FileWindows;

  private constructor(
    private readonly columns: Columns,
    units: string[],
    private readonly fds: number[],
    readonly path: string,
  ) {
    this.unitIndex = new Map(units.map((key, index) => [key, index]));
    if (fds.length === 3) {
      this.rowsFile = new FileWindows(fds[0]!, "the build cache's rows file");
      this.termsFile = new FileWindows(fds[1]!, "the build cache's terms file");
      this.tfFile = new FileWindows(fds[2]!, "the build cache's frequencies file");
    }
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
      const rows = rowFiles(path, columns.save);
      const units = readFileSync(rows.units, "utf8").split("\n").slice(0, columns.units);
      if (units.length !== columns.units) throw new Error("torn");
      const files = analysisFiles(path, columns.generation);
      const fds = openAll([rows.rows, files.terms, files.tf]);
      // The files hold at least what the columns cover (a save cut short may have appended more).
      const length = columns.analysisLength;
      if (fstatSync(fds[1]!).size < 4 * length || fstatSync(fds[2]!).size < 4 * length) {
        for (const fd of fds) closeSync(fd);
        throw new Error("torn");
      }
      return new BuildCache(columns, units, fds, path);
    } catch {
      return new BuildCache(emptyColumns(key), [], [], path);
    }
  }

  get dictionary(): readonly string[] {
    return this.columns.dictionary;
  }

  /** Units the cache holds. */
  get units(): number {
    return this.columns.units;
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
    const bytes = this.rowsFile!.read(this.columns.rowAt[row]!, this.columns.rowLength[row]!);
    const [id, title, published, source, url, details, bodyHash] = JSON.parse(bytes.toString("utf8")) as Row;
    return { id, title, published, source, url, ...details, bodyHash };
  }

  bodyChars(row: number): number {
    return this.columns.bodyChars[row]!;
  }

  /** A cached article's analysis, its term numbers into `dictionary`, read from the files. */
  analysis(row: number): { terms: Int32Array; tf: Float32Array; length: number } {
    const at = 4 * this.columns.termOffset[row]!;
    const count = this.columns.termCount[row]!;
    // Copied out of the windows: the arrays outlive the next read, and must be aligned.
    const terms = new Int32Array(count);
    const tf = new Float32Array(count);
    new Uint8Array(terms.buffer).set(this.termsFile!.read(at, 4 * count));
    new Uint8Array(tf.buffer).set(this.tfFile!.read(at, 4 * count));
    return { terms, tf, length: this.columns.length[row]! };
  }

  /** A cached article's entity input (build/entities/extract.ts), or undefined when it was not made. */
  entityInput(row: number): EntityInput | undefined {
    const bytes = this.rowsFile!.read(this.columns.rowAt[row]!, this.columns.rowLength[row]!);
    return (JSON.parse(bytes.toString("utf8")) as Row)[7] ?? undefined;
  }

  /** A cached article's sketch (build/copies.ts). */
  sketch(row: number): Sketch {
    const { sketchShingles, sketchValues } = this.columns;
    return { shingles: sketchShingles[row]!, values: sketchValues.slice(row * SKETCH, (row + 1) * SKETCH) };
  }

  /** The signature of the article shard at `path` when a build last wrote it. */
  shardSignature(path: string): string | undefined {
    return this.columns.shards.get(path);
  }

  /** Closes the files the cache reads on demand. */
  close(): void {
    for (const fd of this.fds.splice(0)) closeSync(fd);
  }

  /**
   * Replaces the cache with this build's units, dictionary and shard signatures. `units` is
   * visited twice (to count, then to write), a unit at a time. Articles whose analysis came
   * from this cache (`cachedRow`) keep it where it lies in the files; the others' are appended.
   * When the files would be more than half dead, they are rewritten whole.
   */
  save(dictionary: string[], units: () => Iterable<CacheUnit>, shards: Map<string, string>): void {
    const old = this.columns;
    const c = emptyColumns(old.key);
    c.dictionary = dictionary;
    c.shards = shards;
    c.save = randomUUID();
    let live = 0;
    let appended = 0;
    let rows = 0;
    for (const unit of units()) {
      for (const article of unit.articles) {
        rows++;
        live += article.termCount;
        if (article.cachedRow === undefined) appended += article.termCount;
      }
    }
    const rewrite = old.analysisLength + appended > 2 * live;
    c.generation = rewrite ? old.generation + 1 : old.generation;
    const start = rewrite ? 0 : old.analysisLength;
    c.analysisLength = start + (rewrite ? live : appended);
    c.rowAt = new Float64Array(rows);
    c.rowLength = new Int32Array(rows);
    c.bodyChars = new Int32Array(rows);
    c.length = new Float64Array(rows);
    c.termOffset = new Float64Array(rows);
    c.termCount = new Int32Array(rows);
    c.sketchShingles = new Int32Array(rows);
    c.sketchValues = new Uint32Array(rows * SKETCH);
    mkdirSync(dirname(this.path), { recursive: true });
    const files = analysisFiles(this.path, c.generation);
    const written = rowFiles(this.path, c.save);
    const terms = new FileWriter(files.terms, 4 * start);
    const tf = new FileWriter(files.tf, 4 * start);
    const rowsOut = new FileWriter(written.rows);
    const unitsOut = new FileWriter(written.units);
    let row = 0;
    let next = 0;
    try {
      for (const unit of units()) {
        if (c.units === c.unitStart.length - 1) c.unitStart = grown(c.unitStart, (n) => new Int32Array(n));
        c.unitStart[c.units] = row;
        if (unit.skipped.length > 0 || unit.warnings.length > 0)
          c.problems.set(c.units, { skipped: unit.skipped, warnings: unit.warnings });
        unitsOut.write(Buffer.from(`${unit.key}\n`));
        c.units++;
        for (const article of unit.articles) {
          const details = detailsOf(article);
          const fields: Row = [
            article.id,
            article.title,
            article.published,
            article.source,
            article.url,
            Object.keys(details).length > 0 ? details : null,
            article.bodyHash,
            article.entityInput,
          ];
          const line = Buffer.from(`${JSON.stringify(fields)}\n`);
          c.rowAt[row] = rowsOut.offset;
          c.rowLength[row] = line.length - 1;
          rowsOut.write(line);
          c.bodyChars[row] = article.bodyChars;
          c.length[row] = article.length;
          c.termCount[row] = article.termCount;
          c.sketchShingles[row] = article.sketch.shingles;
          c.sketchValues.set(article.sketch.values, row * SKETCH);
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
      }
      c.unitStart = c.unitStart.slice(0, c.units + 1);
      c.unitStart[c.units] = row;
    } finally {
      for (const writer of [terms, tf, rowsOut, unitsOut]) writer.close();
    }
    writeFileSync(`${this.path}.tmp`, serialize(c));
    renameSync(`${this.path}.tmp`, this.path);
    // Analysis files of other generations, and rows of other saves (or of a stale cache), are dead now.
    const current = new Set([...Object.values(files), ...Object.values(written)].map((file) => basename(file)));
    const name = basename(this.path);
    for (const file of readdirSync(dirname(this.path))) {
      if (file.startsWith(`${name}.`) && /\.(terms|tf|rows|units)$/.test(file) && !current.has(file))
        rmSync(join(dirname(this.path), file), { force: true });
    }
  }
}
