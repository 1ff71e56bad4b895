// Valibot building blocks for query-string parameters: each one knows its own name so its
// messages say which parameter is wrong and how to fix it, and carries a description (what it
// is for, then its form and default) that the OpenAPI document and /docs show.
import * as v from "valibot";

const got = (input: unknown) => `(got ${JSON.stringify(input)})`;

function once(name: string) {
  return v.string(({ input }) =>
    Array.isArray(input)
      ? `${name} must be given once (got ${input.length} values)`
      : `${name} must be a string ${got(input)}`,
  );
}

/** An optional whole number between min and max, with a default. */
export function intParam(
  name: string,
  about: string,
  { min, max, fallback }: { min: number; max: number; fallback: number },
) {
  const range = max === Number.MAX_SAFE_INTEGER ? `${min} or more` : `between ${min} and ${max}`;
  const message = ({ input }: { input: unknown }) => `${name} must be a whole number ${range} ${got(input)}`;
  return v.optional(
    v.pipe(
      once(name),
      v.regex(/^\d{1,9}$/, message),
      v.transform(Number),
      v.minValue(min, ({ input }) => `${name} must be ${range} (got ${input})`),
      v.maxValue(max, ({ input }) => `${name} must be ${range} (got ${input})`),
      v.description(`${about}: a whole number ${range}; default ${fallback}.`),
    ),
    String(fallback),
  );
}

/** An optional decimal number between min and max; undefined when absent. */
export function numberParam(
  name: string,
  about: string,
  { min, max, unit }: { min: number; max: number; unit: string },
) {
  const message = ({ input }: { input: unknown }) =>
    `${name} must be a number of ${unit} between ${min} and ${max}, such as 7 or 0.5 ${got(input)}`;
  return v.optional(
    v.pipe(
      once(name),
      v.regex(/^\d{1,6}(\.\d{1,6})?$/, message),
      v.transform(Number),
      v.minValue(min, message),
      v.maxValue(max, message),
      v.description(`${about}: a number of ${unit} between ${min} and ${max}.`),
    ),
  );
}

/** An optional value from a fixed list. */
export function enumParam<const T extends readonly [string, ...string[]]>(
  name: string,
  about: string,
  options: T,
  fallback: T[number],
) {
  return v.optional(
    v.pipe(
      once(name),
      v.picklist(options, ({ input }) => `${name} must be one of ${options.join(", ")} ${got(input)}`),
      v.description(`${about}; default ${fallback}.`),
    ),
    fallback,
  );
}

/**
 * An optional list of values from a fixed list, separated by commas, each at most once
 * (`listParam("facets", "Counts to return", ["source", "year"])`); undefined when absent.
 */
export function listParam<const T extends readonly [string, ...string[]]>(name: string, about: string, options: T) {
  const message = ({ input }: { input: unknown }) =>
    `${name} must be a comma-separated list of ${options.join(", ")}, each at most once ${got(input)}`;
  return v.optional(
    v.pipe(
      once(name),
      v.transform((input) => input.split(",").map((value) => value.trim())),
      v.check((values) => values.every((value) => (options as readonly string[]).includes(value)), message),
      v.check((values) => new Set(values).size === values.length, message),
      v.transform((values) => values as T[number][]),
      v.description(`${about}: a comma-separated list of any of ${options.join(", ")}; default none.`),
    ),
  );
}

/**
 * An optional text parameter that may be given several times (`?person=A&person=B`), each
 * value of at most maxLength characters, at most maxValues of them; always an array.
 */
export function repeatedParam(name: string, about: string, maxLength: number, maxValues: number) {
  const value = v.pipe(
    v.string(({ input }) => `${name} must be a string ${got(input)}`),
    v.nonEmpty(`${name} must not be empty: leave it out to filter by no ${name}`),
    v.maxLength(
      maxLength,
      ({ input }) => `${name} must be at most ${maxLength} characters (got ${String(input).length})`,
    ),
  );
  return v.optional(
    v.pipe(
      v.union([value, v.array(value)], ({ input }) => `${name} must be text ${got(input)}`),
      v.transform((input) => (Array.isArray(input) ? input : [input])),
      v.check(
        (values) => values.length <= maxValues,
        ({ input }) => `${name} may be given at most ${maxValues} times (got ${(input as unknown[]).length})`,
      ),
      v.description(`${about}: repeatable, at most ${maxValues} times, each at most ${maxLength} characters.`),
    ),
  );
}

function isCalendarDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** An optional calendar date, YYYY-MM-DD. */
export function dateParam(name: string, about: string) {
  return v.optional(
    v.pipe(
      once(name),
      v.isoDate(({ input }) => `${name} must be a date as YYYY-MM-DD, such as 2025-10-21 ${got(input)}`),
      v.check(isCalendarDate, ({ input }) => `${name} must be a real calendar date ${got(input)}`),
      v.description(`${about}: a date as YYYY-MM-DD.`),
    ),
  );
}

/** Words of a text, as a reader counts them: runs of anything but white space. */
const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;

/**
 * An optional free-text value of bounded length and, with `maxWords`, of at most that many
 * words (`textParam("q", "The words to find", 500, { maxWords: 64 })`). Default: no word limit.
 */
export function textParam(
  name: string,
  about: string,
  maxLength: number,
  { maxWords = Number.POSITIVE_INFINITY } = {},
) {
  const words = Number.isFinite(maxWords) ? ` and ${maxWords} words` : "";
  return v.optional(
    v.pipe(
      once(name),
      v.maxLength(
        maxLength,
        ({ input }) => `${name} must be at most ${maxLength} characters (got ${String(input).length})`,
      ),
      v.check(
        (input) => wordCount(input) <= maxWords,
        ({ input }) => `${name} must be at most ${maxWords} words (got ${wordCount(String(input))})`,
      ),
      v.description(`${about}: at most ${maxLength} characters${words}.`),
    ),
  );
}

/**
 * An object of query parameters that rejects any parameter it does not name, saying which
 * are accepted: unknown parameters are refused the same way on every endpoint.
 */
export function queryParams<const E extends v.ObjectEntries>(entries: E) {
  const allowed = Object.keys(entries).join(", ");
  return v.strictObject(entries, ({ input, path }) => {
    const key = path?.[0]?.key ?? (input && typeof input === "object" ? Object.keys(input)[0] : input);
    return `unknown parameter ${JSON.stringify(key)}: this endpoint accepts ${allowed || "no parameters"}`;
  });
}
