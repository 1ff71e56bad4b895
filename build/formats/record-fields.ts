// The fields of a structured record (a JSON object, a JSON Lines line, Markdown front matter):
// the names each article field goes by in feeds, scrapers and datasets, the names a corpus's
// newsfind.config.json maps onto them, and readers for the shapes their values come in.
import { normalizeSpace } from "../clean/text.js";

/** Field names accepted for each article field, first match wins; a corpus mapping is tried before them. */
export const FIELD_ALIASES = {
  id: ["id", "_id", "uuid", "guid", "docid", "doc_id", "slug"],
  title: ["title", "headline", "heading", "name"],
  body: ["body", "text", "content", "article", "story", "full_text"],
  /** A feed's summary: the body when there is no other, and then the article is summary-only. */
  summary: ["description", "summary", "excerpt"],
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
  modified: ["dateModified", "modified", "updated", "updated_at", "modified_at", "last_modified", "lastModified"],
  source: ["source", "publisher", "outlet", "site", "site_name", "provider", "feed"],
  url: ["url", "link", "canonical", "canonical_url", "permalink", "href"],
  byline: ["byline", "author", "authors", "creator", "dc:creator", "writer"],
  section: ["section", "category", "categories", "department", "desk"],
  keywords: ["keywords", "tags", "categories"],
  language: ["lang", "language", "locale", "inLanguage"],
} as const;

export type RecordField = keyof typeof FIELD_ALIASES;

/** The record fields a corpus may map (all but `summary`, which a mapped body replaces). */
export const MAPPABLE_FIELDS = [
  "id",
  "title",
  "body",
  "date",
  "modified",
  "source",
  "url",
  "byline",
  "section",
  "keywords",
  "language",
] as const satisfies readonly RecordField[];

/** A corpus's own names for record fields, tried before the aliases: `{ title: ["meta.headline"] }`. */
export type FieldMapping = Partial<Record<(typeof MAPPABLE_FIELDS)[number], readonly string[]>>;

const present = (value: unknown) => value !== undefined && value !== null && value !== "";

/**
 * The value at `name` in a record: the key itself when the record has it ("dc:creator",
 * "meta.headline" as one key), else a dotted path into nested objects ("meta.headline").
 */
export function valueAt(record: unknown, name: string): unknown {
  if (!record || typeof record !== "object") return undefined;
  const own = (record as Record<string, unknown>)[name];
  if (own !== undefined || !name.includes(".")) return own;
  let value: unknown = record;
  for (const key of name.split(".")) {
    if (!value || typeof value !== "object") return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** The first present value among the mapped names, then the aliases, with the name it was found under. */
export function pick(
  record: Record<string, unknown>,
  field: RecordField,
  mapping: FieldMapping = {},
): { name: string; value: unknown } | undefined {
  const mapped = (mapping as Partial<Record<RecordField, readonly string[]>>)[field] ?? [];
  for (const name of [...mapped, ...FIELD_ALIASES[field]]) {
    const value = valueAt(record, name);
    if (present(value) && !(Array.isArray(value) && value.length === 0)) return { name, value };
  }
  return undefined;
}

/** A value as one line of text: a string, a number, or an object's name ({ name: "Desk" }); else null. */
export function text(value: unknown): string | null {
  if (typeof value === "string") return normalizeSpace(value) || null;
  if (typeof value === "number") return String(value);
  if (value && typeof value === "object" && !Array.isArray(value) && "name" in value)
    return text((value as { name: unknown }).name);
  return null;
}

/** A list's texts (strings, numbers, or { name } objects), or a string split at commas; blanks and repeats left out. */
export function textList(value: unknown): string[] {
  const items = Array.isArray(value)
    ? value.map(text)
    : typeof value === "string"
      ? value.split(",").map(text)
      : [text(value)];
  return [...new Set(items.filter((item): item is string => item !== null))];
}

/** The first text of a value that may be a list (a section from `categories`). */
export function firstText(value: unknown): string | null {
  return Array.isArray(value) ? (value.map(text).find((item) => item !== null) ?? null) : text(value);
}

/** Authors as a byline: "A", "A and B", "A, B and C"; a string is kept as the source wrote it. */
export function bylineOf(value: unknown): string | null {
  const names = Array.isArray(value) ? textList(value) : [text(value)].filter((name): name is string => name !== null);
  if (names.length <= 1) return names[0] ?? null;
  return `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}
