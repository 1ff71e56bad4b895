// Walks the corpus (a folder, recursively, or one file) and reads every file through the format
// registry (formats/index.ts), one source unit at a time (a JSON Lines line, or a whole file of
// another format). With a build cache, an unchanged unit's articles come from the cache, their
// bodies read again only if something asks for them (an article shard that must be rewritten).
// The corpus's newsfind.config.json (corpus-config.ts) is read once, given to every format, and
// not indexed itself.
import { closeSync, existsSync, openSync, readSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import type { ArticleStore } from "./article-store.js";
import { hashOf, type BuildCache } from "./cache.js";
import { bodyLength } from "./compile-index.js";
import { lazyBody } from "./lazy-body.js";
import { CONFIG_FILE, type CorpusConfig, readCorpusConfig } from "./corpus-config.js";
import { MAX_BODY_CHARS } from "./limits.js";
import { NotTextError } from "./extract/decode.js";
import { FORMATS, SNIFF_BYTES, formatFor } from "./formats/index.js";
import type { FileResult, RawArticle, Skipped, SourceUnit, Warning } from "./types.js";

/** An article with where it came from: its unit's hash, its index there, and its body's hash. */
export interface SourcedArticle extends RawArticle {
  unit: string;
  index: number;
  bodyHash: string;
  /** Its body's length in characters (`bodyLength`: paragraphs and separators). */
  bodyChars: number;
  /** Its row in the build cache, when its unit was unchanged. */
  cachedRow?: number;
}

export interface CorpusResult {
  articles: SourcedArticle[];
  skipped: Skipped[];
  warnings: Warning[];
  filesRead: number;
  /** Units whose articles came from the cache. */
  cachedUnits: number;
  /** Every unit read, by hash, in the order read (for the build cache): its articles come in this order too. */
  units: string[];
  /**
   * What units skipped and warned about, by their index in `units`, for those that did (for the
   * build cache); paths are relative to the unit's origin ("" for the unit itself, "#3" for an
   * element of it).
   */
  unitProblems: Map<number, { skipped: Skipped[]; warnings: Warning[] }>;
}

/**
 * The files under a folder, recursively, in name order (names starting with "." left out, and
 * the configuration file at the corpus root). An entry that cannot be examined (a dangling
 * link, one removed meanwhile) is listed, so reading it reports why.
 */
function listFiles(path: string, root = true): string[] {
  let isDirectory: boolean;
  try {
    isDirectory = statSync(path).isDirectory();
  } catch {
    return [path];
  }
  if (!isDirectory) return [path];
  return readdirSync(path, { withFileTypes: true })
    .filter((entry) => !entry.name.startsWith(".") && !(root && entry.name === CONFIG_FILE))
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => listFiles(join(path, entry.name), false));
}

/** The result with every body cut to MAX_BODY_CHARS, and those cut marked `truncated`. */
function limitBodies(result: FileResult): FileResult {
  for (const article of result.articles) {
    let chars = 0;
    const kept = article.body.findIndex((paragraph) => (chars += paragraph.length + 1) > MAX_BODY_CHARS);
    if (kept === -1) continue;
    const cut = article.body[kept]!.slice(0, Math.max(0, MAX_BODY_CHARS - (chars - article.body[kept]!.length - 1)));
    const atWord = cut.replace(/\s+\S*$/, "");
    article.body = [...article.body.slice(0, kept), ...(atWord.length > 0 ? [atWord] : [])];
    article.truncated = true;
  }
  return result;
}

/** Articles of a unit read afresh; with a store, they wait in its file until asked for. */
function fresh(unit: string, result: FileResult, store?: ArticleStore): SourcedArticle[] {
  return result.articles.map(({ body, ...fields }, index) => {
    const sourced = { ...fields, unit, index, bodyHash: hashOf(body.join("\n")), bodyChars: bodyLength(body) };
    return store ? store.add(sourced, body) : { ...sourced, body };
  });
}

/**
 * Articles of a cached unit (in the store, when there is one); the body is read again (by
 * `reread`) on first access only.
 */
function fromCache(
  cache: BuildCache,
  unit: string,
  rows: { start: number; end: number },
  origin: string,
  reread: () => FileResult,
  store?: ArticleStore,
): SourcedArticle[] {
  let bodies: string[][] | undefined;
  const articles: SourcedArticle[] = [];
  for (let row = rows.start; row < rows.end; row++) {
    const index = row - rows.start;
    const fields = { ...cache.fields(row), origin, unit, index, cachedRow: row, bodyChars: cache.bodyChars(row) };
    const body = () => (bodies ??= reread().articles.map((a) => a.body))[index]!;
    articles.push(store ? store.add(fields, body) : lazyBody(fields, body));
  }
  return articles;
}

/** The first bytes of a file (what settles a shared ending), or none when it cannot be read. */
function head(file: string): Buffer {
  let fd: number | undefined;
  try {
    fd = openSync(file, "r");
    const bytes = Buffer.alloc(SNIFF_BYTES);
    return bytes.subarray(0, readSync(fd, bytes, 0, SNIFF_BYTES, 0));
  } catch {
    return Buffer.alloc(0);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Why a file could not be read, as the build report says it. */
function unreadable(error: unknown): string {
  if (error instanceof NotTextError) return error.message;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return "the file disappeared before the build could read it";
  if (code === "EACCES" || code === "EPERM") return "no permission to read the file";
  if (code === "EISDIR") return "a folder where a file was expected";
  return `could not be read: ${(error as Error).message}`;
}

export interface ReadOptions {
  /** The corpus's configuration. Default: its newsfind.config.json, read here. */
  config?: CorpusConfig;
  /** Where the articles are kept until asked for. Default: in memory. */
  store?: ArticleStore;
  /** Called before each file is read, with how many files come before it and how many there are, and once at the end. */
  onFile?: (done: number, total: number, path: string) => void;
}

/** @throws Error when the corpus path does not exist, or its configuration file is invalid. */
export function readCorpus(
  corpus: string,
  cwd = process.cwd(),
  cache?: BuildCache,
  { config, store, onFile }: ReadOptions = {},
): CorpusResult {
  if (!existsSync(corpus))
    throw new Error(`corpus not found: ${corpus} (give a folder or a file with --corpus PATH or NEWSFIND_CORPUS)`);
  const files = listFiles(corpus);
  const context = { config: config ?? readCorpusConfig(corpus) };
  const result: CorpusResult = {
    articles: [],
    skipped: [],
    warnings: [],
    filesRead: 0,
    cachedUnits: 0,
    units: [],
    unitProblems: new Map(),
  };
  const endings = FORMATS.flatMap((format) => format.endings).join(", ");
  const take = ({ origin, hash, read: readAll, reread: rereadAll }: SourceUnit) => {
    const read = () => limitBodies(readAll());
    const reread = () => limitBodies(rereadAll());
    const cached = cache?.rows(hash);
    // A cached unit's reports are stored relative to it (#3 of file.rss, or nothing for the unit
    // itself) and named where the unit is now.
    const at = <T extends Skipped>(items: T[]) => items.map((item) => ({ ...item, path: origin + item.path }));
    const within = <T extends Skipped>(items: T[]) =>
      items.map((item) => ({ ...item, path: item.path.startsWith(origin) ? item.path.slice(origin.length) : "" }));
    const one: { articles: SourcedArticle[]; skipped: Skipped[]; warnings: Warning[] } = cached
      ? {
          articles: fromCache(cache!, hash, cached, origin, reread, store),
          skipped: at(cached.skipped),
          warnings: at(cached.warnings),
        }
      : (() => {
          const read1 = read();
          return { articles: fresh(hash, read1, store), skipped: read1.skipped, warnings: read1.warnings };
        })();
    if (cached) result.cachedUnits++;
    if (one.skipped.length + one.warnings.length > 0)
      result.unitProblems.set(result.units.length, { skipped: within(one.skipped), warnings: within(one.warnings) });
    result.units.push(hash);
    result.articles.push(...one.articles);
    result.skipped.push(...one.skipped);
    result.warnings.push(...one.warnings);
  };
  for (const [done, file] of files.entries()) {
    onFile?.(done, files.length, file);
    const path = relative(cwd, file) || file;
    const before = { articles: result.articles.length, skipped: result.skipped.length };
    const format = formatFor(file, () => head(file));
    if (!format) {
      result.skipped.push({ path, reason: `unsupported file type (newsfind reads ${endings})` });
      continue;
    }
    result.filesRead++;
    try {
      format.eachUnit(file, path, take, context);
    } catch (error) {
      result.skipped.push({ path, reason: unreadable(error) });
    }
    if (result.articles.length === before.articles && result.skipped.length === before.skipped)
      result.skipped.push({ path, reason: "no articles in the file (it is empty or holds only blank lines)" });
  }
  onFile?.(files.length, files.length, "");
  return result;
}
