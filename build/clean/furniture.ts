// The table of page furniture that scrapers pick up with an article: navigation, widgets,
// comment forms, ads, legal footers and markup debris. None of it is indexed or shown.
// Add a line here when a new site's furniture turns up; test/build covers every entry.

/** Whole lines that are never article text (matched after white space is normalised). */
const FURNITURE_LINES: readonly RegExp[] = [
  /^-?\d+(?:[.,]\d+)?\s*°?\s*[CF]$/i, // weather widget: "11.9 C"
  /^\d+$/, // comment counters and share counts: "0"
  /^must read$/i,
  /^more articles$/i,
  /^latest articles?$/i,
  /^related( articles| posts| stories)?:?$/i,
  /^read more:?$/i,
  /^table of contents$/i,
  /^translate\s*»?$/i,
  /^search$/i,
  /^sponsored(\s+adspot_img)?$/i,
  /^advertisement$/i,
  /^share( this)?( article)?:?$/i,
  /^(please )?enter your (comment|name|email)( here)?!?$/i,
  /^home\s*[»›>|/]?\s*(news|world|politics|business|sports?)\b/i, // breadcrumbs: "Home News Trump ends..."
  /^MENAFN\d{8}\d*ID\d+$/, // MENAFN reference line (its date is read before it is dropped)
];

/** A line that starts the footer: it and everything after it are dropped. */
const FOOTER_STARTS: readonly RegExp[] = [
  /^legal disclaimer:?$/i,
  /^leave a reply$/i,
  /^(post a comment|comments are closed\.?)$/i,
];

/** Scraped markup: attribute tails (`site.com">`) and stray tags. */
const MARKUP_DEBRIS = [/["']\s*\/?>$/, /^<\/?[a-z][^>]*>$/i, /^[^\s]*=["'][^"']*["']?>?$/];

export function isFurniture(line: string): boolean {
  return FURNITURE_LINES.some((pattern) => pattern.test(line)) || isMarkupDebris(line);
}

export function isFooterStart(line: string): boolean {
  return FOOTER_STARTS.some((pattern) => pattern.test(line));
}

export function isMarkupDebris(line: string): boolean {
  return MARKUP_DEBRIS.some((pattern) => pattern.test(line));
}

/** The site a piece of markup debris points to ("world-today-news.com"), if it names one. */
export function debrisDomain(line: string): string | null {
  const match = /^(?:https?:\/\/)?(?:www\.)?([a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,})(?:\/\S*)?["']\s*\/?>$/i.exec(line);
  return match ? match[1]!.toLowerCase() : null;
}
