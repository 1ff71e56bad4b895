// Saved article pages (.html, .htm): one article a page. The bytes are decoded as the page
// declares (or as a caller such as a web archive's HTTP header says), the metadata read from
// JSON-LD, OpenGraph and <meta> (extract/html-metadata.ts), the text by Readability
// (extract/html-article.ts). A page with a title and no text is a headline-only item.
import { type Decoded, decodeText, declaredEncoding } from "../extract/decode.js";
import { type DateWarning, settleDate } from "../extract/dates.js";
import { parseDocument } from "../extract/dom.js";
import { extractArticleText } from "../extract/html-article.js";
import { cleanByline, languageCode, readHtmlMetadata } from "../extract/html-metadata.js";
import type { FileResult, RawArticle } from "../types.js";

export interface HtmlPageOptions {
  /**
   * The encoding the transport declared (an HTTP Content-Type charset); default null, the
   * page's own <meta charset> or a byte order mark then decides. Example: "windows-1252".
   */
  charset?: string | null;
  /**
   * Where the page was fetched from: the article's url when the page names no canonical
   * address, and the base of relative ones; default null. Example: a WARC-Target-URI.
   */
  fetchedFrom?: string | null;
  /** When a crawler captured the page (WARC-Date), kept as `crawled`, never as publication; default null. */
  crawled?: string | null;
}

/**
 * The page's text, decoded as declared. A page that declares a legacy encoding its bytes do not
 * fit, but whose bytes are valid UTF-8, is UTF-8 (a page re-saved without its declaration
 * updated): legacy text is almost never valid UTF-8 by chance.
 */
function decodePage(bytes: Uint8Array, charset: string | null): Decoded {
  const declared = charset ?? declaredEncoding(bytes);
  const decoded = decodeText(bytes, declared);
  if (!decoded.repaired || decoded.encoding === "utf-8") return decoded;
  const utf8 = decodeText(bytes, "utf-8");
  return utf8.repaired
    ? decoded
    : {
        ...utf8,
        repaired: `declared ${declared} but the bytes are not ${declared}; they are valid UTF-8, read as UTF-8`,
      };
}

/** Reads a page's article from its bytes; `origin` names it in the article and the reports. */
export function readHtmlPage(bytes: Uint8Array, origin: string, options: HtmlPageOptions = {}): FileResult {
  const { charset = null, fetchedFrom = null, crawled = null } = options;
  const result: FileResult = { articles: [], skipped: [], warnings: [] };
  let decoded: Decoded;
  try {
    decoded = decodePage(bytes, charset);
  } catch (error) {
    result.skipped.push({ path: origin, reason: (error as Error).message });
    return result;
  }
  if (decoded.repaired) result.warnings.push({ path: origin, kind: "repaired-encoding", reason: decoded.repaired });
  const document = parseDocument(decoded.text);
  const meta = readHtmlMetadata(document, { baseUrl: fetchedFrom });
  const text = extractArticleText(document);
  const title = meta.title ?? text.title;
  if (!title && text.body.length === 0) {
    result.skipped.push({ path: origin, reason: "no article text and no title in the page" });
    return result;
  }
  const language = meta.language ?? languageCode(text.lang);
  const warn = (warning: DateWarning) => result.warnings.push({ path: origin, ...warning });
  const published = settleDate(meta.published ?? text.publishedTime, language, "publication date", warn);
  const modified = settleDate(meta.modified, language, "modification date", warn);
  const article: RawArticle = {
    id: meta.id,
    title,
    body: text.body,
    published: published?.date ?? null,
    source: meta.siteName ?? text.siteName,
    url: meta.url ?? fetchedFrom,
    origin,
    publishedTime: published?.time ?? null,
    modified: modified?.date ?? null,
    byline: meta.byline ?? cleanByline(text.byline),
    section: meta.section,
    keywords: meta.keywords,
    language,
    crawled,
  };
  result.articles.push(article);
  return result;
}

/** The .html / .htm corpus format: a saved page is one article. */
export function readHtml(path: string, data: Buffer): FileResult {
  return readHtmlPage(data, path);
}
