// Walks the corpus (a folder, recursively, or one file) and reads every file through the format
// registry (formats/index.ts), one source unit at a time (a JSON Lines line, or a whole file of
// another format). With a build cache, an unchanged unit's articles come from the cache, their
// bodies read again only if something asks for them (an article shard that must be rewritten).
import { readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { hashOf, type BuildCache } from "./cache.js";
import { FORMATS, formatFor } from "./formats/index.js";
import type { FileResult, RawArticle, Skipped, SourceUnit, Warning } from "./types.js";

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
  warnings: Warning[];
  filesRead: number;
  /** Units whose articles came from the cache. */
  cachedUnits: number;
  /** Every unit read, by hash, with what it skipped and warned about (for the build cache). */
  units: Map<string, { skipped: Skipped[]; warnings: Warning[] }>;
}

function listFiles(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { withFileTypes: true })
    .filter((entry) => !entry.name.startsWith("."))
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => listFiles(join(path, entry.name)));
}

/** Articles of a unit read afresh. */
function fresh(unit: string, result: FileResult): SourcedArticle[] {
  return result.articles.map((article, index) => ({
    ...article,
    unit,
    index,
    bodyHash: hashOf(article.body.join("\n")),
  }));
}

/** Articles of a cached unit; the body is read again (by `reread`) on first access only. */
function fromCache(
  cache: BuildCache,
  unit: string,
  rows: { start: number; end: number },
  origin: string,
  reread: () => FileResult,
): SourcedArticle[] {
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
  const result: CorpusResult = {
    articles: [],
    skipped: [],
    warnings: [],
    filesRead: 0,
    cachedUnits: 0,
    units: new Map(),
  };
  const endings = FORMATS.flatMap((format) => format.endings).join(", ");
  const take = ({ origin, hash, read, reread }: SourceUnit) => {
    const cached = cache?.rows(hash);
    const at = <T extends Skipped>(items: T[]) => items.map((item) => ({ ...item, path: origin }));
    const one: { articles: SourcedArticle[]; skipped: Skipped[]; warnings: Warning[] } = cached
      ? {
          articles: fromCache(cache!, hash, cached, origin, reread),
          skipped: at(cached.skipped),
          warnings: at(cached.warnings),
        }
      : (() => {
          const read1 = read();
          return { articles: fresh(hash, read1), skipped: read1.skipped, warnings: read1.warnings };
        })();
    if (cached) result.cachedUnits++;
    result.units.set(hash, { skipped: one.skipped, warnings: one.warnings });
    result.articles.push(...one.articles);
    result.skipped.push(...one.skipped);
    result.warnings.push(...one.warnings);
  };
  for (const file of files) {
    const path = relative(cwd, file) || file;
    const format = formatFor(file);
    if (!format) {
      result.skipped.push({ path, reason: `unsupported file type (newsfind reads ${endings})` });
      continue;
    }
    result.filesRead++;
    try {
      format.eachUnit(file, path, take);
    } catch (error) {
      result.skipped.push({ path, reason: `could not be read: ${(error as Error).message}` });
    }
  }
  return result;
}
