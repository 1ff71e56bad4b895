// Language and locale tags as corpora write them ("de", "en_US", "pt-BR", "EN-gb.UTF-8"): the
// ISO 639-1 language they name, and the day-month order their numeric dates use.

/** A tag's subtags in lower case: "en_US.UTF-8" gives ["en", "us"]. */
function subtags(tag: string): string[] {
  return tag
    .trim()
    .toLowerCase()
    .replace(/[.@].*$/, "")
    .split(/[-_]/)
    .filter(Boolean);
}

/**
 * The lower-case ISO 639-1 language of a language or locale tag ("de-AT" gives "de"), or null
 * when the tag does not start with a two-letter language ("German", "deu", "").
 */
export function languageOf(tag: unknown): string | null {
  if (typeof tag !== "string") return null;
  const [language] = subtags(tag);
  return language && /^[a-z]{2}$/.test(language) ? language : null;
}

/** Regions whose numeric dates put the month first (01/02/2025 is 2 January): the US and its territories, the Philippines. */
const MONTH_FIRST_REGIONS = new Set(["us", "pr", "gu", "as", "vi", "mp", "um", "ph"]);

/** Regions where English numeric dates go either way: Canada. */
const MIXED_REGIONS = new Set(["ca"]);

/**
 * The order of day and month in a locale's numeric dates (01/02/2025): "month-first" for US
 * English (and the other month-first regions, whatever the language), "day-first" for other
 * English regions (en-GB, en-AU, en-IN) and for every other language, with or without a region
 * (de, fr-CA, pt-BR), and null when the locale does not settle it: no locale, English without a
 * region ("en"), or Canadian English, which writes both.
 */
export function dayOrder(locale: string | null | undefined): "day-first" | "month-first" | null {
  if (!locale) return null;
  const [language, ...rest] = subtags(locale);
  if (!language) return null;
  const region = rest.find((tag) => /^([a-z]{2}|\d{3})$/.test(tag));
  if (region && MONTH_FIRST_REGIONS.has(region)) return "month-first";
  if (language === "en") return !region || MIXED_REGIONS.has(region) ? null : "day-first";
  return "day-first";
}
