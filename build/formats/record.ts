// Maps a structured record (a JSON Lines object or Markdown front matter) onto an article,
// accepting the common aliases each field goes by in feeds, scrapers and datasets.
import { dedupeParagraphs } from "../clean/dedupe-paragraphs.js";
import { normalizeSpace, splitParagraphs } from "../clean/text.js";
import { normalizeDate } from "../extract/dates.js";
import type { RawArticle, Warning } from "../types.js";

/** Field names accepted for each article field, first match wins. */
export const FIELD_ALIASES = {
  id: ["id", "_id", "uuid", "guid", "docid", "doc_id", "slug"],
  title: ["title", "headline", "heading", "name"],
  body: ["body", "text", "content", "article", "story", "full_text", "description"],
  date: [
    "date",
    "published",
    "published_at",
    "publishedAt",
    "pubDate",
    "datePublished",
    "publication_date",
    "pub_date",
    "created_at",
    "timestamp",
  ],
  source: ["source", "publisher", "outlet", "site", "site_name", "provider", "feed"],
  url: ["url", "link", "canonical", "canonical_url", "permalink", "href"],
} as const;

type Field = keyof typeof FIELD_ALIASES;

function pick(record: Record<string, unknown>, field: Field): unknown {
  for (const name of FIELD_ALIASES[field]) {
    const value = record[name];
    if (value !== undefined && value !== null && value !== "") return value;
  }
  return undefined;
}

function text(value: unknown): string | null {
  if (typeof value === "string") return normalizeSpace(value) || null;
  if (typeof value === "number") return String(value);
  if (value && typeof value === "object" && "name" in value) return text((value as { name: unknown }).name);
  return null;
}

export interface RecordResult {
  article: RawArticle;
  warning: Omit<Warning, "path"> | null;
}

/**
 * @param bodyText the body when it comes from outside the record (a Markdown file's content).
 * @throws Error naming the problem when the record has no usable body.
 */
export function recordToArticle(record: Record<string, unknown>, origin: string, bodyText?: string[]): RecordResult {
  const rawBody = bodyText ?? pick(record, "body");
  const body = dedupeParagraphs(
    Array.isArray(rawBody)
      ? rawBody.map((p) => text(p) ?? "").filter(Boolean)
      : splitParagraphs(typeof rawBody === "string" ? rawBody : ""),
  );
  if (body.length === 0) {
    throw new Error(`no article text: none of the fields ${FIELD_ALIASES.body.join(", ")} has any text`);
  }
  let published: string | null = null;
  let warning: RecordResult["warning"] = null;
  try {
    published = normalizeDate(pick(record, "date"));
  } catch (error) {
    warning = { kind: "unreadable-date", reason: `${(error as Error).message}; the article is indexed without a date` };
  }
  const article: RawArticle = {
    id: text(pick(record, "id")),
    title: text(pick(record, "title")),
    body,
    published,
    source: text(pick(record, "source")),
    url: text(pick(record, "url")),
    origin,
  };
  return { article, warning };
}
