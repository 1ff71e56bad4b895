// Field-by-field agreement between what newsfind extracts from an article page and what the
// page is expected to give (news-html's expected-metadata.json, Readability.js's own output).
// Both sides are normalised alike before comparing, so that spelling differences that do not
// change the value (case, white space, a "By" before the names, a site name after the title)
// do not count as errors. Pure functions: no files, no clock.

/** The fields compared, with the expectation's key for each. */
export const FIELDS = ["title", "byline", "published", "siteName", "language"] as const;
export type Field = (typeof FIELDS)[number];

/** One page's values for every field, as extracted or as expected (null when absent). */
export type FieldValues = Record<Field, string | null>;

export interface FieldScore {
  /** Pages where the field was compared. */
  compared: number;
  /** Pages where both sides agreed after normalisation. */
  agreed: number;
  /** agreed / compared, 0 to 1 (0 when nothing was compared). */
  accuracy: number;
}

export interface Mismatch {
  page: string;
  field: Field;
  extracted: string | null;
  expected: string | null;
}

/** Separators before a trailing site name in a title: "Headline | Site", "Headline - Site", "标题_科技_腾讯网". */
const TITLE_SUFFIX = /\s*(?:\s[|\-–—·•]\s|_)[^|\-–—_]{1,40}$/u;

const base = (value: string) => value.normalize("NFKC").toLowerCase().replace(/\s+/gu, " ").trim();

/** A title and the same title without a trailing site name, normalised. */
function titleForms(value: string): string[] {
  const whole = base(value);
  const stripped = whole.replace(TITLE_SUFFIX, "").trim();
  return stripped && stripped !== whole ? [whole, stripped] : [whole];
}

/** A byline's names as a sorted list: no "By", split at commas, "and", "&" and semicolons. */
function bylineNames(value: string): string {
  return base(value)
    .replace(/^by\b[\s:]*/u, "")
    .split(/\s*(?:,|;|&|\band\b|\bund\b|\bet\b|\by\b|\be\b)\s*/u)
    .filter(Boolean)
    .sort()
    .join("|");
}

/** The calendar date at the start of an ISO-like value ("2015-07-24T05:36:09+01:00" is 2015-07-24). */
function calendarDate(value: string): string {
  return /^\d{4}-\d{2}-\d{2}/.exec(value.trim())?.[0] ?? base(value);
}

/** A site name without a leading "The". */
const siteName = (value: string) => base(value).replace(/^the\s+/u, "");

/** A language tag's primary subtag ("en-US" is "en"). */
const language = (value: string) => base(value).split(/[-_]/u)[0]!;

/** Whether two non-null values of a field agree after normalisation. */
export function agrees(field: Field, extracted: string, expected: string): boolean {
  switch (field) {
    case "title": {
      const ours = titleForms(extracted);
      return titleForms(expected).some((form) => ours.includes(form));
    }
    case "byline":
      return bylineNames(extracted) === bylineNames(expected);
    case "published":
      return calendarDate(extracted) === calendarDate(expected);
    case "siteName":
      return siteName(extracted) === siteName(expected);
    case "language":
      return language(extracted) === language(expected);
  }
}

/**
 * Whether a field is compared on a page. Title, byline and site name always are (an expected
 * null is a value: the page names none); published date and language only where the
 * expectation has one, as Readability's own tests do.
 */
export function compared(field: Field, expected: string | null): boolean {
  return expected !== null || field === "title" || field === "byline" || field === "siteName";
}

/** Scores every field over the pages; a null agrees only with null. */
export function score(pages: readonly { page: string; extracted: FieldValues; expected: FieldValues }[]): {
  fields: Record<Field, FieldScore>;
  mismatches: Mismatch[];
} {
  const mismatches: Mismatch[] = [];
  const fields = Object.fromEntries(
    FIELDS.map((field) => {
      let count = 0;
      let agreed = 0;
      for (const { page, extracted, expected } of pages) {
        if (!compared(field, expected[field])) continue;
        count++;
        const ours = extracted[field];
        const theirs = expected[field];
        const same = ours === null || theirs === null ? ours === theirs : agrees(field, ours, theirs);
        if (same) agreed++;
        else mismatches.push({ page, field, extracted: ours, expected: theirs });
      }
      return [field, { compared: count, agreed, accuracy: count > 0 ? agreed / count : 0 }];
    }),
  ) as Record<Field, FieldScore>;
  return { fields, mismatches };
}

/** Words of a text for comparing bodies: letter or digit runs, and each CJK character alone. */
function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|[\p{L}\p{N}]+/gu) ?? [];
}

export interface TextOverlap {
  /** Share of the extracted words that are in the expected text (as a multiset), 0 to 1. */
  precision: number;
  /** Share of the expected words that were extracted, 0 to 1. */
  recall: number;
  f1: number;
}

/** How much of the expected article text the extracted body holds, and how much else it holds. */
export function textOverlap(extracted: string, expected: string): TextOverlap {
  const counts = new Map<string, number>();
  const theirs = words(expected);
  for (const word of theirs) counts.set(word, (counts.get(word) ?? 0) + 1);
  const ours = words(extracted);
  let shared = 0;
  for (const word of ours) {
    const left = counts.get(word) ?? 0;
    if (left > 0) {
      shared++;
      counts.set(word, left - 1);
    }
  }
  const precision = ours.length > 0 ? shared / ours.length : 0;
  const recall = theirs.length > 0 ? shared / theirs.length : 0;
  return { precision, recall, f1: precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0 };
}
