// Extracts an article from a plain-text page scrape: title, publication date, source,
// canonical URL and the clean body. The page furniture around it is dropped (clean/furniture).
import { debrisDomain, isFooterStart, isFurniture, isMarkupDebris } from "../clean/furniture.js";
import { dedupeParagraphs } from "../clean/dedupe-paragraphs.js";
import { normalizeSpace, unglueSentences } from "../clean/text.js";
import { menafnDate, parseDateLine } from "./dates.js";

export interface ScrapedArticle {
  title: string | null;
  published: string | null;
  source: string | null;
  url: string | null;
  body: string[];
}

/** "(MENAFN- AzerNews) Kremlin spokesperson..." or "(Reuters) - Oil prices...": the credit. */
const CREDIT = /^\((MENAFN)(?:\s*-\s*([^)]+))?\)\s*|^\(([A-Z][\w .&'-]{1,40})\)\s*[-–—]\s*/;
const URL_LINE = /^(?:canonical(?: url)?|url|link|source|originally published at)\s*:\s*(https?:\/\/\S+)$/i;
const BULLET = /^[-•*]\s+/;
/** A headline is one line of at least three words and at most 200 characters. */
const HEADLINE_WORDS = 3;
const HEADLINE_MAX = 200;

export function extractScrape(text: string): ScrapedArticle {
  const lines = cutFooter(text.split(/\r?\n/).map(normalizeSpace).filter(Boolean));
  let published: string | null = null;
  let headerDate: string | null = null;
  let url: string | null = null;
  const domains: string[] = [];
  const content: string[] = [];

  for (const line of lines) {
    published ??= menafnDate(line);
    const link = URL_LINE.exec(line);
    if (link) {
      url ??= link[1]!;
      continue;
    }
    if (isMarkupDebris(line)) {
      const domain = debrisDomain(line);
      if (domain) domains.push(domain);
      continue;
    }
    if (isFurniture(line)) continue;
    const dateLine = parseDateLine(line);
    if (dateLine) {
      // A stamp with a clock time is when the page was captured, not when it was published.
      if (!dateLine.hasTime) headerDate ??= dateLine.date;
      continue;
    }
    content.push(line.replace(BULLET, ""));
  }

  const titleAt = content.findIndex(isHeadline);
  const title = titleAt >= 0 ? content[titleAt]! : null;
  let body = content.slice(titleAt + 1).filter((line) => !repeatsTitle(line, title));
  let source: string | null = null;
  if (body.length > 0) {
    const credit = CREDIT.exec(body[0]!);
    if (credit) {
      source = normalizeSpace(credit[2] ?? credit[1] ?? credit[3] ?? "") || null;
      body = [body[0]!.slice(credit[0].length), ...body.slice(1)];
    }
  }
  source ??= mostCommon(domains);
  body = dedupeParagraphs(body.map(unglueSentences).filter(Boolean));
  return { title, published: published ?? headerDate, source, url, body };
}

function cutFooter(lines: string[]): string[] {
  const footer = lines.findIndex(isFooterStart);
  return footer >= 0 ? lines.slice(0, footer) : lines;
}

function isHeadline(line: string): boolean {
  return line.length <= HEADLINE_MAX && line.split(" ").length >= HEADLINE_WORDS;
}

/** The title again, as scrapers repeat it ("Title |", "Home News Title"). */
function repeatsTitle(line: string, title: string | null): boolean {
  if (!title) return false;
  const bare = line.replace(/[\s|•·–—-]+$/, "");
  return bare === title || (bare.endsWith(title) && bare.length - title.length < 30);
}

function mostCommon(values: string[]): string | null {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best: string | null = null;
  for (const [value, count] of counts) if (best === null || count > counts.get(best)!) best = value;
  return best;
}
