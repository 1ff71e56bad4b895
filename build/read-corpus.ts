// Walks the corpus (a folder, recursively, or one file) and reads every file with its format.
// Each source unit (a JSON Lines line, or a whole file of another format) is hashed; with a
// build cache, an unchanged unit's articles come from the cache, their bodies read again only
// if something asks for them (an article shard that must be rewritten).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { hashOf, type BuildCache } from "./cache.js";
import { eachJsonLine, readJsonLine } from "./formats/jsonl.js";
import { FORMATS, readerFor } from "./formats/index.js";
import type { FileResult, RawArticle, Skipped } from "./types.js";

/** An article with where it came from: its unit's hash, its index there, and its body's hash. */
export interface SourcedArticle extends RawArticle {
  unit: string;
  index: number;
  bodyHash: string;
  /** Its row in the build cache, when its unit was unchanged. */
  cachedRow?: number;
}

export interface CorpusResult {
  articles: SourcedArticle[];
  skipped: Skipped[];
  warnings: Skipped[];
  filesRead: number;
  /** Units whose articles came from the cache. */
  cachedUnits: number;
  /** Every unit read, by hash, with what it skipped and warned about (for the build cache). */
  units: Map<string, { skipped: Skipped[]; warnings: Skipped[] }>;
}

function listFiles(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { withFileTypes: true })
    .filter((entry) => !entry.name.startsWith("."))
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => listFiles(join(path, entry.name)));
}

/** Whether a line holds nothing but white space (checked on bytes, without decoding). */
function isBlank(bytes: Buffer): boolean {
  for (const byte of bytes) if (byte !== 32 && byte !== 9 && byte !== 13) return false;
  return true;
}

/** A line read again, checked against its hash: the file must not change during the build. */
function unchanged(bytes: Buffer, unit: string, origin: string): Buffer {
  if (hashOf(bytes) !== unit) throw new Error(`${origin} changed while the build was reading it; run the build again`);
  return bytes;
}

/** Articles of a unit read afresh. */
function fresh(unit: string, result: FileResult): SourcedArticle[] {
  return result.articles.map((article, index) => ({ ...article, unit, index, bodyHash: hashOf(article.body.join("\n")) }));
}

/** Articles of a cached unit; the body is read again (by `reread`) on first access only. */
function fromCache(cache: BuildCache, unit: string, rows: { start: number; end: number }, origin: string, reread: () => FileResult): SourcedArticle[] {
  let bodies: string[][] | undefined;
  const articles: SourcedArticle[] = [];
  for (let row = rows.start; row < rows.end; row++) {
    const index = row - rows.start;
    const fields = cache.fields(row);
    const article = Object.defineProperty(fields as SourcedArticle, "body", {
      enumerable: true,
      configurable: true,
      get: () => (bodies ??= reread().articles.map((a) => a.body))[index]!,
    });
    article.origin = origin;
    article.unit = unit;
    article.index = index;
    article.cachedRow = row;
    articles.push(article);
  }
  return articles;
}

/** @throws Error when the corpus path does not exist. */
export function readCorpus(corpus: string, cwd = process.cwd(), cache?: BuildCache): CorpusResult {
  let files: string[];
  try {
    files = listFiles(corpus);
  } catch {
    throw new Error(`corpus not found: ${corpus} (give a folder or a file with --corpus PATH or NEWSFIND_CORPUS)`);
  }
  const result: CorpusResult = { articles: [], skipped: [], warnings: [], filesRead: 0, cachedUnits: 0, units: new Map() };
  const endings = FORMATS.flatMap((format) => format.endings).join(", ");
  // A JSON Lines unit is keyed by its content alone, so inserting a line elsewhere keeps it
  // cached; its origin (path:line) is set afresh. `now` reads a unit being taken afresh; `later` reads a cached one's bodies if asked.
  const take = (unit: string, now: () => FileResult, later: () => FileResult, origin: string) => {
    const cached = cache?.rows(unit);
    const at = (items: Skipped[]) => items.map((item) => ({ ...item, path: origin }));
    const one: { articles: SourcedArticle[]; skipped: Skipped[]; warnings: Skipped[] } = cached
      ? { articles: fromCache(cache!, unit, cached, origin, later), skipped: at(cached.skipped), warnings: at(cached.warnings) }
      : (() => {
          const read1 = now();
          return { articles: fresh(unit, read1), skipped: read1.skipped, warnings: read1.warnings };
        })();
    if (cached) result.cachedUnits++;
    result.units.set(unit, { skipped: one.skipped, warnings: one.warnings });
    result.articles.push(...one.articles);
    result.skipped.push(...one.skipped);
    result.warnings.push(...one.warnings);
  };
  for (const file of files) {
    const path = relative(cwd, file) || file;
    const read = readerFor(file);
    if (!read) {
      result.skipped.push({ path, reason: `unsupported file type (newsfind reads ${endings})` });
      continue;
    }
    result.filesRead++;
    try {
      if (read === FORMATS.find((format) => format.endings.includes(".jsonl"))!.read) {
        eachJsonLine(file, ({ index, bytes, load }) => {
          if (isBlank(bytes)) return;
          const origin = `${path}:${index + 1}`;
          const unit = hashOf(bytes);
          take(unit, () => readJsonLine(bytes.toString("utf8"), origin), () => readJsonLine(unchanged(load(), unit, origin).toString("utf8"), origin), origin);
        });
      } else {
        const data = readFileSync(file);
        take(hashOf(Buffer.concat([Buffer.from(`${path}\n`), data])), () => read(path, data), () => read(path, readFileSync(file)), path);
      }
    } catch (error) {
      result.skipped.push({ path, reason: `could not be read: ${(error as Error).message}` });
    }
  }
  return result;
}
