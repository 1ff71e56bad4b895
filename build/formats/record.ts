// Maps a structured record (a JSON object, a JSON Lines line, Markdown front matter) onto an
// article: its text, its dates read in the record's locale, and its details (byline, section,
// keywords, language). A record with a title but no text is a headline-only item and is kept.
import { dedupeParagraphs } from "../clean/dedupe-paragraphs.js";
import { splitParagraphs } from "../clean/text.js";
import { MAX_SOURCE_CHARS } from "../limits.js";
import { dayOrder, languageOf } from "../extract/locale.js";
import { type DateWarning, settleDate } from "../extract/dates.js";
import type { RawArticle, Warning } from "../types.js";
import { bylineOf, FIELD_ALIASES, type FieldMapping, firstText, pick, text, textList } from "./record-fields.js";

export { FIELD_ALIASES } from "./record-fields.js";

export interface RecordOptions {
  /** The corpus's own field names, tried before the built-in aliases. Default: none. Example: `{ title: ["meta.headline"] }`. */
  fields?: FieldMapping;
  /** The archive's language (ISO 639-1) for records that declare none. Default: none. Example: `"de"`. */
  language?: string | null;
  /**
   * The locale that settles numeric dates (01/02/2025) when the record's own language does not
   * (it has none, or "en" without a region). Default: none. Example: `"en-US"`.
   */
  locale?: string | null;
  /** The body when it comes from outside the record (a Markdown file's blocks); the record's fields when empty. */
  body?: string[];
}

export interface RecordResult {
  article: RawArticle;
  /** Problems the article is indexed with all the same (an unreadable or ambiguous date). */
  warnings: Omit<Warning, "path">[];
}

/**
 * Paragraphs of a body value: a string split at blank lines, or a list of paragraphs. Text past
 * MAX_SOURCE_CHARS is left unread (the body limit cuts it anyway); `truncated` says so.
 */
function paragraphs(value: unknown): { body: string[]; truncated: boolean } {
  const raw = typeof value === "string" ? value : "";
  return {
    body: dedupeParagraphs(
      Array.isArray(value)
        ? value.map((p) => text(p) ?? "").filter(Boolean)
        : splitParagraphs(raw.length > MAX_SOURCE_CHARS ? raw.slice(0, MAX_SOURCE_CHARS) : raw),
    ),
    truncated: raw.length > MAX_SOURCE_CHARS,
  };
}

/** The locale for the record's numeric dates: its own tag when that settles the order, else the corpus's. */
function dateLocale(tag: string | null, options: RecordOptions): string | null {
  if (tag && dayOrder(tag) !== null) return tag;
  return options.locale ?? tag ?? options.language ?? null;
}

/**
 * @throws Error naming the fields looked at when the record has neither a title nor any text.
 */
export function recordToArticle(
  record: Record<string, unknown>,
  origin: string,
  options: RecordOptions = {},
): RecordResult {
  const fields = options.fields ?? {};
  const get = (field: keyof typeof FIELD_ALIASES) => pick(record, field, fields)?.value;
  let { body, truncated } =
    options.body && options.body.length > 0 ? { body: options.body, truncated: false } : paragraphs(get("body"));
  let summaryOnly = false;
  if (body.length === 0) {
    ({ body, truncated } = paragraphs(get("summary")));
    summaryOnly = body.length > 0;
  }
  const title = text(get("title"));
  if (body.length === 0 && title === null) {
    const names = (field: "title" | "body") => [...(fields[field] ?? []), ...FIELD_ALIASES[field]].join(", ");
    throw new Error(
      `no title and no article text: none of the fields ${names("title")}, ${names("body")}, ${FIELD_ALIASES.summary.join(", ")} has any text`,
    );
  }
  const tag = firstText(get("language"));
  const locale = dateLocale(tag, options);
  const warnings: RecordResult["warnings"] = [];
  const warn = (warning: DateWarning) => warnings.push(warning);
  const published = settleDate(get("date"), locale, "publication date", warn);
  const modified = settleDate(get("modified"), locale, "modification date", warn);
  const article: RawArticle = {
    id: text(get("id")),
    title,
    body,
    published: published?.date ?? null,
    source: text(get("source")),
    url: text(get("url")),
    origin,
  };
  const details: Partial<RawArticle> = {
    publishedTime: published?.time ?? null,
    modified: modified?.date ?? null,
    byline: bylineOf(get("byline")),
    section: firstText(get("section")),
    keywords: textList(get("keywords")),
    language: languageOf(tag) ?? languageOf(options.language),
    summaryOnly,
    truncated,
  };
  for (const [key, value] of Object.entries(details)) {
    if (value !== null && value !== false && !(Array.isArray(value) && value.length === 0))
      (article as unknown as Record<string, unknown>)[key] = value;
  }
  return { article, warnings };
}
