// Publication dates: MENAFN reference numbers, date lines in a scrape, and the many shapes
// a corpus record's date field comes in (`readDate`). Every date comes out as YYYY-MM-DD, the
// day as the source dates it, with the instant beside it when the source gives a time and zone.
// ISO 8601, RFC 822, numeric and epoch forms are read here exactly; written dates ("21 October
// 2025", "21. Oktober 2025") go to chrono-node, whose parsers are loaded on the first date that
// needs one: most corpora give ISO dates, and a build that never needs them should not pay for
// loading them.
import { createRequire } from "node:module";
import type * as Chrono from "chrono-node/en";
import { monthNumber, ZONE_OFFSETS } from "./date-names.js";
import { dayOrder, languageOf } from "./locale.js";

/** The languages chrono-node has parsers for, tried after the source's own and English. */
const CHRONO_LANGUAGES = ["de", "fr", "es", "pt", "nl", "it", "sv", "fi", "ru", "uk", "ja", "zh", "vi", "id"];

const parsers = new Map<string, typeof Chrono>();
const load = createRequire(import.meta.url);
const chronoFor = (language: string) => {
  let parser = parsers.get(language);
  if (!parser) parsers.set(language, (parser = load(`chrono-node/${language}`) as typeof Chrono));
  return parser;
};
const chrono = () => chronoFor("en");

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

/** A date as a source gives it: the calendar day in the source's own zone, and the instant when known. */
export interface SourceDate {
  /** YYYY-MM-DD, the day as the source dates it (its own time zone, not UTC). */
  date: string;
  /**
   * The instant, ISO 8601 to the second with the source's offset ("2016-12-22T23:43:37-08:00"; UTC
   * and "Z" are written "+00:00"), or null when the value gives no time, or a time without a zone.
   */
  time: string | null;
}

export interface ReadDateOptions {
  /**
   * The source's language or locale: settles day-month order in numeric forms such as 01/02/2025
   * (`dayOrder` in locale.ts: "en-US" month first, "en-GB", "de" or "pt-BR" day first), and picks the
   * chrono-node parser tried first for written dates. Default: none, so such a date is ambiguous
   * unless a part is above 12. Example: `{ locale: "en-US" }`.
   */
  locale?: string | null;
  /** The present, which a date may not be more than a year beyond. Default: the clock's time. */
  now?: Date;
}

/** Thrown for a numeric date whose day-month order only a locale could settle. */
export class AmbiguousDateError extends Error {}

/** The earliest year read as a date: before it (the first printed newspapers, 1605) a value is a placeholder or a misreading. */
export const EARLIEST_YEAR = 1600;

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, "0");

/** A date and time as written, in the writer's zone (`offset` minutes east of UTC, or null when not given). */
interface Parts {
  year: number;
  month: number;
  day: number;
  hour?: number;
  minute?: number;
  second?: number;
  offset?: number | null;
}

/** The SourceDate of parts read from `value`, checked to be a real, plausible day and time. */
function sourceDate(parts: Parts, value: string, now: Date): SourceDate {
  const { year, month, day, hour, minute = 0, second = 0, offset } = parts;
  if (year < EARLIEST_YEAR || year > now.getUTCFullYear() + 1) {
    throw new Error(
      `date "${value}" is implausible for news (year ${year}; newsfind reads ${EARLIEST_YEAR} to next year)`,
    );
  }
  const date = isoDate(year, month, day);
  if (!date) throw new Error(`date "${value}" has no such day (${year}-${pad(month)}-${pad(day)})`);
  if (hour !== undefined && (hour > 23 || minute > 59 || second > 60))
    throw new Error(`date "${value}" has no such time of day`);
  if (hour === undefined || offset === undefined || offset === null) return { date, time: null };
  const sign = offset < 0 ? "-" : "+";
  const zone = `${sign}${pad(Math.trunc(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
  return { date, time: `${date}T${pad(hour)}:${pad(minute)}:${pad(Math.min(second, 59))}${zone}` };
}

/** Minutes east of UTC of a written zone ("Z", "+0100", "-03:00", "+05", "EST"); null for an unknown name. */
function zoneOffset(zone: string): number | null {
  const numeric = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (numeric) {
    const minutes = Number(numeric[2]) * 60 + Number(numeric[3] ?? 0);
    return numeric[1] === "-" ? -minutes : minutes;
  }
  return ZONE_OFFSETS[zone.toUpperCase()] ?? null;
}

/** A time of day after a date: hours and minutes, optional seconds (fractions dropped), am/pm, zone. */
const TIME = String.raw`(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*([ap]\.?m\.?)?\s*(Z|[+-]\d{2}(?::?\d{2})?|[A-Za-z]{1,5})?`;

/** The time parts of a TIME match starting at `at`; a zone name newsfind does not know gives no instant. */
function timeParts(match: RegExpExecArray, at: number): Pick<Parts, "hour" | "minute" | "second" | "offset"> {
  if (match[at] === undefined) return {};
  let hour = Number(match[at]);
  const meridiem = match[at + 3]?.[0]?.toLowerCase();
  if (meridiem && hour <= 12) hour = (hour % 12) + (meridiem === "p" ? 12 : 0);
  const zone = match[at + 4];
  return {
    hour,
    minute: Number(match[at + 1]),
    second: Number(match[at + 2] ?? 0),
    offset: zone === undefined ? null : zoneOffset(zone),
  };
}

/** ISO 8601: 2025-10-21, with a time after "T" or a space, fractions, and an offset with or without colon. */
const ISO = new RegExp(String.raw`^(\d{4})-(\d{2})-(\d{2})(?:[T\s]+${TIME})?$`, "i");

/** Compact ISO 8601 (20251021). */
const ISO_BASIC = /^(\d{4})(\d{2})(\d{2})$/;

/** Numeric dates: 2025/10/21, 21.10.2025, 10-21-2025, 21/10/25, with an optional time. */
const NUMERIC = new RegExp(String.raw`^(\d{1,4})([./-])(\d{1,2})\2(\d{1,4})\.?(?:[T\s,]+${TIME})?$`, "i");

/**
 * RFC 822 and 1123 ("Tue, 21 Oct 2025 08:00:00 GMT"), with single-digit days, two-digit years,
 * and day and month names in any language of `monthNumber` ("Seg, 24 Set 2018 19:42:40 -0300",
 * "21. Oktober 2025").
 */
const RFC822 = new RegExp(
  String.raw`^(?:\p{L}+\.?\s*,?\s+)?(\d{1,2})\.?\s+(\p{L}+)\.?,?\s+(\d{4}|\d{2})(?:,?\s+(?:\p{L}{1,3}\s+)?${TIME})?$`,
  "iu",
);

/** A two-digit year as RFC 2822 reads it: 00 to 49 are 2000 to 2049, 50 to 99 are 1950 to 1999. */
const fullYear = (year: string) =>
  year.length === 2 ? Number(year) + (Number(year) < 50 ? 2000 : 1900) : Number(year);

/** Day and month of a numeric date whose year is last, in the order the locale writes them. */
function dayAndMonth(first: number, second: number, value: string, locale: string | null | undefined) {
  if (first > 12 && second <= 12) return { day: first, month: second };
  if (second > 12 && first <= 12) return { day: second, month: first };
  if (first === second) return { day: first, month: first };
  const order = dayOrder(locale);
  if (order === "month-first") return { day: second, month: first };
  if (order === "day-first") return { day: first, month: second };
  throw new AmbiguousDateError(
    `date "${value}" is ambiguous: it could be day-month or month-day${locale ? ` (locale "${locale}" does not settle it)` : ""}; ` +
      `give the archive's locale (a "lang" field on the record, or "locale": "en-US" or "en-GB" in newsfind.config.json), or write dates as YYYY-MM-DD`,
  );
}

/** The parts of a date in a form read exactly (ISO, numeric, RFC 822), or null when it has none of them. */
function exactParts(value: string, locale: string | null | undefined): Parts | null {
  let match = ISO.exec(value) ?? ISO_BASIC.exec(value);
  if (match) return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]), ...timeParts(match, 4) };
  match = NUMERIC.exec(value);
  if (match) {
    const [a, b, c] = [match[1]!, Number(match[3]), match[4]!];
    if (a.length === 4) return { year: Number(a), month: b, day: Number(c), ...timeParts(match, 5) };
    if (c.length === 4 || c.length === 2) {
      return { year: fullYear(c), ...dayAndMonth(Number(a), b, value, locale), ...timeParts(match, 5) };
    }
    return null;
  }
  match = RFC822.exec(value);
  const month = match && monthNumber(match[2]!);
  if (match && month) return { year: fullYear(match[3]!), month, day: Number(match[1]), ...timeParts(match, 4) };
  return null;
}

/**
 * A written date read by chrono-node: the locale's language first, then English, then the other
 * languages. Only a reading of the whole value counts (a leading weekday and punctuation aside),
 * with a certain day, month and year.
 */
function writtenParts(value: string, locale: string | null | undefined): Parts | null {
  const own = languageOf(locale);
  const languages = [...new Set([own, "en", ...CHRONO_LANGUAGES].filter((l) => l && chronoLanguage(l)))] as string[];
  for (const language of languages) {
    for (const result of chronoFor(language).strict.parse(value)) {
      const before = value.slice(0, result.index);
      const after = value.slice(result.index + result.text.length);
      if (!/^(\p{L}+\.?)?[\s,]*$/u.test(before) || !/^[\s,.]*$/.test(after)) continue;
      const { start } = result;
      if (!start.isCertain("year") || !start.isCertain("month") || !start.isCertain("day")) continue;
      const timed = start.isCertain("hour");
      return {
        year: start.get("year")!,
        month: start.get("month")!,
        day: start.get("day")!,
        ...(timed && {
          hour: start.get("hour")!,
          minute: start.get("minute") ?? 0,
          second: start.get("second") ?? 0,
          offset: start.isCertain("timezoneOffset") ? start.get("timezoneOffset") : null,
        }),
      };
    }
  }
  return null;
}

const chronoLanguage = (language: string) => language === "en" || CHRONO_LANGUAGES.includes(language);

/**
 * An instant without a zone (epoch numbers, Date objects): its UTC day, and the instant in UTC;
 * with `dayAtMidnight`, a bare UTC midnight is a day without a time (YAML reads "2025-10-21" so).
 */
function instant(date: Date, value: unknown, now: Date, dayAtMidnight = false): SourceDate {
  if (Number.isNaN(date.getTime())) throw new Error(`date ${JSON.stringify(value)} is not a valid time`);
  const iso = date.toISOString();
  const midnight = dayAtMidnight && iso.endsWith("T00:00:00.000Z");
  const parts = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})/.exec(iso);
  if (!parts) throw new Error(`date ${JSON.stringify(value)} is outside the years newsfind reads`);
  const [year, month, day, hour, minute, second] = parts.slice(1).map(Number) as number[];
  return sourceDate(
    { year: year!, month: month!, day: day!, ...(!midnight && { hour, minute, second, offset: 0 }) },
    String(value),
    now,
  );
}

/** Epoch seconds below this (about 1973) are not taken for dates: a year, a count or a placeholder 0. */
const SMALLEST_EPOCH = 1e8;

function epoch(value: number, raw: unknown, now: Date): SourceDate {
  if (!Number.isFinite(value) || Math.abs(value) < SMALLEST_EPOCH) {
    throw new Error(
      `date ${JSON.stringify(raw)} is not a date newsfind can read (a number is read as epoch seconds or milliseconds)`,
    );
  }
  return instant(new Date(Math.abs(value) < 1e11 ? value * 1000 : value), raw, now);
}

/**
 * Reads a date field or metadata value in any common form: ISO 8601 (with or without a time,
 * offset, fractions; "T" or a space), RFC 822/1123 with English or localized names, numeric
 * dates (day-month order from `locale` when both parts could be either), epoch seconds or
 * milliseconds (number or digit string of 9 or more digits), Date objects (YAML front matter), and
 * written dates ("21 October 2025", "21. Oktober 2025"). The day is the one the value is written
 * in, never converted to UTC; epoch numbers and Date objects carry no zone and give their UTC day.
 * A time without a zone, or with a zone name newsfind does not know, keeps the day and gives no
 * instant. Returns null for an empty value (null, undefined, "").
 * @throws AmbiguousDateError for a numeric date the locale does not settle.
 * @throws Error when a value is present but is not a date, or is before EARLIEST_YEAR or after next year.
 */
export function readDate(value: unknown, { locale = null, now = new Date() }: ReadDateOptions = {}): SourceDate | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return instant(value, value, now, true);
  if (typeof value === "number") return epoch(value, value, now);
  if (typeof value !== "string") throw new Error(`date is not a string or a number (${JSON.stringify(value)})`);
  const text = value.trim().replace(/\s+/g, " ");
  if (text === "") return null;
  if (/^-?\d{9,}(\.\d+)?$/.test(text)) return epoch(Number(text), value, now);
  const parts = exactParts(text, locale) ?? writtenParts(text, locale);
  if (!parts) throw new Error(`date "${text}" is not a date newsfind can read (use YYYY-MM-DD)`);
  return sourceDate(parts, text, now);
}

/** A date a format could not read: the warning the build report gives, without its path. */
export interface DateWarning {
  kind: "ambiguous-date" | "unreadable-date";
  reason: string;
}

/**
 * `readDate`, or null with the warning that says why the value could not be read: an article
 * is indexed without a date rather than not at all. `what` names the date ("publication date").
 */
export function settleDate(
  value: unknown,
  locale: string | null,
  what: string,
  warn: (warning: DateWarning) => void,
): SourceDate | null {
  try {
    return readDate(value, { locale });
  } catch (error) {
    warn({
      kind: error instanceof AmbiguousDateError ? "ambiguous-date" : "unreadable-date",
      reason: `${(error as Error).message}; the article is indexed without its ${what}`,
    });
    return null;
  }
}
