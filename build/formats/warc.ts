// Web archives (.warc, .warc.gz): every HTML page a crawler fetched (a response record of an
// HTML Content-Type and status 200) is an article, read as a saved page is (formats/html.ts):
// decoded by its HTTP charset, its url the WARC-Target-URI when the page names no canonical
// one, and WARC-Date kept as the capture time, never as publication. Other records (requests,
// redirects, images, metadata) are passed over. Each page is its own source unit, named
// path#uri, so the build cache keeps the unchanged pages of a growing archive.
import { hashOf } from "../cache.js";
import { readWarcRecords, type WarcRecord } from "../extract/warc-records.js";
import type { FileResult, SourceUnit } from "../types.js";
import { readHtmlPage } from "./html.js";

/** The charset an HTTP Content-Type names ("text/html; charset=ISO-8859-1"), or null. */
export function httpCharset(contentType: string | null): string | null {
  return /;\s*charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType ?? "")?.[1]?.toLowerCase() ?? null;
}

type Page = WarcRecord & { content: Uint8Array };

/** The records that are pages to index: HTML responses with status 200 and their content. */
function pagesOf(records: readonly WarcRecord[]): Page[] {
  return records.filter(
    (record): record is Page => record.type === "response" && record.status === 200 && record.content !== null,
  );
}

/** What identifies a page for the build cache: its address, capture time, charset and bytes. */
function pageHash(page: Page): string {
  return hashOf(Buffer.concat([Buffer.from(`${page.uri}\n${page.date}\n${page.contentType}\n`), page.content]));
}

/** One page's article; a page that fails is skipped with the reason, the others go on. */
function readPage(page: Page, origin: string): FileResult {
  try {
    return readHtmlPage(page.content, origin, {
      charset: httpCharset(page.contentType),
      fetchedFrom: page.uri,
      crawled: page.date,
    });
  } catch (error) {
    return { articles: [], skipped: [{ path: origin, reason: (error as Error).message }], warnings: [] };
  }
}

/** The same page read again from the file, found by its hash. */
function reread(file: string, hash: string, origin: string): FileResult {
  const page = pagesOf(readWarcRecords(file).records).find((candidate) => pageHash(candidate) === hash);
  if (!page)
    throw new Error(`${origin} is no longer in the archive (it changed during the build); run the build again`);
  return readPage(page, origin);
}

/** What is wrong with an archive as a whole, to report beside (or instead of) its pages. */
function archiveProblems(records: readonly WarcRecord[], pages: number, error: string | null): string[] {
  const problems: string[] = [];
  if (error) problems.push(`web archive unreadable after ${records.length} records: ${error}`);
  const unparsed = records.filter((record) => record.type === "").length;
  if (unparsed > 0) problems.push(`${unparsed} of ${records.length} records are not WARC records (a damaged archive?)`);
  if (pages === 0 && problems.length === 0) {
    problems.push(
      `no HTML page in the web archive (no response record of an HTML type with status 200 among ${records.length})`,
    );
  }
  return problems;
}

/**
 * Visits each HTML page of a web archive as a source unit, then, when the archive is damaged
 * or holds no page, a unit that reports why.
 */
export function eachWarcUnit(file: string, path: string, visit: (unit: SourceUnit) => void): void {
  const { records, error } = readWarcRecords(file);
  const pages = pagesOf(records);
  for (const page of pages) {
    const origin = `${path}#${page.uri ?? `record ${records.indexOf(page) + 1}`}`;
    const hash = pageHash(page);
    visit({ origin, hash, read: () => readPage(page, origin), reread: () => reread(file, hash, origin) });
  }
  const skipped = archiveProblems(records, pages.length, error).map((reason) => ({ path, reason }));
  if (skipped.length > 0) {
    const result: FileResult = { articles: [], skipped, warnings: [] };
    visit({
      origin: path,
      hash: hashOf(`${path}\n${JSON.stringify(skipped)}`),
      read: () => result,
      reread: () => result,
    });
  }
}
