// Publication dates: MENAFN reference numbers, date lines in a scrape, and the many shapes
// a corpus record's date field comes in. Every date comes out as YYYY-MM-DD or null.
// chrono-node (English only) is loaded on the first date that needs it: most corpora give ISO
// dates, and a build that never needs it should not pay for loading it.
import { createRequire } from "node:module";
import type * as Chrono from "chrono-node/en";

let english: typeof Chrono | undefined;
const chrono = () => (english ??= createRequire(import.meta.url)("chrono-node/en") as typeof Chrono);

function isoDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

/**
 * The date inside a MENAFN reference line: "MENAFN25102025000195011045ID1110245630" is
 * 25 October 2025 (day, month, year after the prefix).
 */
export function menafnDate(line: string): string | null {
  const match = /^MENAFN(\d{2})(\d{2})(\d{4})\d*ID\d+$/.exec(line);
  return match ? isoDate(Number(match[3]), Number(match[2]), Number(match[1])) : null;
}

export interface DateLine {
  date: string;
  /** True when the line carries a clock time: a capture stamp rather than a dateline. */
  hasTime: boolean;
}

/** Reads a line that is nothing but a full date ("Tuesday, October 21, 2025"), else null. */
export function parseDateLine(line: string): DateLine | null {
  if (line.length > 60) return null;
  const [result] = chrono().parse(line);
  if (!result) return null;
  const rest = line.replace(result.text, "").replace(/^[\s,]*(mon|tue|wed|thu|fri|sat|sun)[a-z]*[\s,]*/i, "");
  if (rest.replace(/[\s,.|-]/g, "").length > 0) return null;
  const { start } = result;
  if (!start.isCertain("year") || !start.isCertain("month") || !start.isCertain("day")) return null;
  const date = isoDate(start.get("year")!, start.get("month")!, start.get("day")!);
  return date ? { date, hasTime: start.isCertain("hour") } : null;
}

/**
 * Normalises a record's date field: ISO strings, epoch seconds or milliseconds, or text
 * such as "Mon, 02 Jan 2024 10:00:00 GMT", or a Date (YAML front matter). Returns null for an empty value.
 * @throws Error when a value is present but is not a date.
 */
export function normalizeDate(value: unknown): string | null {
  if (value === null || value === undefined || value === "") return null;
  if (typeof value === "number" && Number.isFinite(value)) {
    const ms = value < 1e11 ? value * 1000 : value;
    return new Date(ms).toISOString().slice(0, 10);
  }
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  if (typeof value !== "string") throw new Error(`date is not a string or a number (${JSON.stringify(value)})`);
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(value.trim());
  if (iso) {
    const date = isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    if (date) return date;
  }
  const [result] = chrono().parse(value);
  if (result?.start.isCertain("year") && result.start.isCertain("month") && result.start.isCertain("day")) {
    const date = isoDate(result.start.get("year")!, result.start.get("month")!, result.start.get("day")!);
    if (date) return date;
  }
  throw new Error(`date "${value}" is not a date newsfind can read (use YYYY-MM-DD)`);
}

/** A date as a source gives it: the calendar day in the source's own zone, and the instant when known. */
export interface SourceDate {
  /** YYYY-MM-DD, the day as the source dates it (its own time zone, not UTC). */
  date: string;
  /** ISO 8601 with the source's offset ("2016-12-22T10:43:37-08:00"), or null without a time and zone. */
  time: string | null;
}

export interface ReadDateOptions {
  /** The source's language or locale ("en-US", "de"): settles day-month order in forms like 01/02/2025. */
  locale?: string | null;
}

/**
 * Reads a date field or metadata value in any common form (ISO 8601, RFC 822, epoch numbers,
 * written dates). Returns null for an empty value.
 * @throws Error when a value is present but is not a date, or is ambiguous without a locale.
 */
export function readDate(value: unknown, _options: ReadDateOptions = {}): SourceDate | null {
  const date = normalizeDate(value);
  return date === null ? null : { date, time: null };
}
