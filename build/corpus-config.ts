// A corpus's own configuration: newsfind.config.json at the corpus root, which maps the corpus's
// field names onto newsfind's, says where a JSON export keeps its articles, and gives the
// archive's language and date locale. Read once per build, validated whole, and part of the
// build cache's key, so a changed mapping reads the corpus afresh.
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import * as v from "valibot";
import { languageOf } from "./extract/locale.js";
import { type FieldMapping, MAPPABLE_FIELDS } from "./formats/record-fields.js";

/** The configuration file's name, at the root of the folder given to --corpus; it is not indexed. */
export const CONFIG_FILE = "newsfind.config.json";

/**
 * A corpus's configuration. Example:
 * `{ "fields": { "title": "meta.headline", "byline": ["writer", "meta.author"] }, "records": "response.docs", "language": "de", "locale": "de-AT" }`
 */
export interface CorpusConfig {
  /**
   * The corpus's own names for article fields (id, title, body, date, modified, source, url,
   * byline, section, keywords, language): a name or a list of names, tried in order before the
   * built-in aliases; a dotted name ("meta.headline") reaches into nested objects. Applies to
   * JSON, JSON Lines and Markdown front matter. Default: none, only the aliases.
   */
  fields: FieldMapping;
  /**
   * The dotted path to the array of articles in a JSON export ("response.docs"). Default: the
   * array under articles, items, data, results, docs, posts, entries or records, or the only
   * array of objects.
   */
  records?: string;
  /** The archive's language, ISO 639-1 ("de"), for records that declare none. Default: none (detected). */
  language?: string;
  /**
   * The locale that settles numeric dates such as 01/02/2025 ("en-US" month first, "en-GB" day
   * first) for records whose language does not. Default: none, such dates are ambiguous.
   */
  locale?: string;
}

/** What a corpus format is given besides the file: the corpus's configuration. */
export interface ReadContext {
  config: CorpusConfig;
}

export const EMPTY_CONFIG: CorpusConfig = { fields: {} };

/** The context a format reads with when it is given none: the empty configuration. */
export const NO_CONTEXT: ReadContext = { config: EMPTY_CONFIG };

const got = (input: unknown) => `(got ${JSON.stringify(input)})`;

const fieldNames = (key: string) => {
  const message = ({ input }: { input: unknown }) =>
    `fields.${key} must be a field name string or a list of them ${got(input)}`;
  return v.union(
    [
      v.pipe(v.string(), v.nonEmpty(message)),
      v.pipe(v.array(v.pipe(v.string(), v.nonEmpty(message))), v.nonEmpty(message)),
    ],
    message,
  );
};

/** The message of an object's own issues: not an object, or a key that is not an option. */
const objectIssue = (where: string, known: readonly string[]) => (issue: v.BaseIssue<unknown>) => {
  if (issue.expected !== "never") return `${where || "the file"} must be a JSON object ${got(issue.input)}`;
  const key = String(issue.path?.at(-1)?.key);
  const name = where ? `${where}.${key}` : key;
  return `${name} is not an option (the options are ${known.map((option) => (where ? `${where}.${option}` : option)).join(", ")})`;
};

const TOP_KEYS = ["fields", "records", "language", "locale"] as const;

const SCHEMA = v.strictObject(
  {
    fields: v.optional(
      v.strictObject(
        Object.fromEntries(MAPPABLE_FIELDS.map((key) => [key, v.optional(fieldNames(key))])) as Record<
          (typeof MAPPABLE_FIELDS)[number],
          v.OptionalSchema<ReturnType<typeof fieldNames>, undefined>
        >,
        objectIssue("fields", MAPPABLE_FIELDS),
      ),
      {},
    ),
    records: v.optional(
      v.pipe(
        v.string(
          ({ input }) => `records must be the dotted path to the articles array, such as "response.docs" ${got(input)}`,
        ),
        v.nonEmpty(`records must be the dotted path to the articles array, such as "response.docs" (got "")`),
      ),
    ),
    language: v.optional(
      v.pipe(
        v.string(({ input }) => `language must be an ISO 639-1 code such as "de" ${got(input)}`),
        v.check(
          (tag) => languageOf(tag) !== null,
          ({ input }) => `language must be an ISO 639-1 code such as "de" ${got(input)}`,
        ),
      ),
    ),
    locale: v.optional(
      v.pipe(
        v.string(({ input }) => `locale must be a locale such as "en-US" or "de-AT" ${got(input)}`),
        v.check(
          (tag) => languageOf(tag) !== null,
          ({ input }) => `locale must be a locale such as "en-US" or "de-AT" ${got(input)}`,
        ),
      ),
    ),
  },
  objectIssue("", TOP_KEYS),
);

/**
 * Validates a configuration file's text.
 * @throws Error naming the file, the bad key and the fix: "newsfind.config.json: fields.title must be a field name string or a list of them (got 3)".
 */
export function parseCorpusConfig(json: string, file = CONFIG_FILE): CorpusConfig {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    throw new Error(`${file}: not valid JSON (${(error as Error).message})`);
  }
  if (Array.isArray(data)) throw new Error(`${file}: the file must be a JSON object (got an array)`);
  const result = v.safeParse(SCHEMA, data);
  if (!result.success) {
    throw new Error(`${file}: ${result.issues[0].message}`);
  }
  const { fields, records, language, locale } = result.output;
  const mapping: Record<string, readonly string[]> = {};
  for (const [key, names] of Object.entries(fields))
    if (names !== undefined) mapping[key] = typeof names === "string" ? [names] : names;
  return {
    fields: mapping as FieldMapping,
    ...(records !== undefined && { records }),
    ...(language !== undefined && { language: languageOf(language)! }),
    ...(locale !== undefined && { locale }),
  };
}

/**
 * The configuration at the root of a corpus folder; the empty configuration when the corpus is
 * a single file or the folder has no configuration file.
 * @throws Error when the file is there but invalid (see `parseCorpusConfig`).
 */
export function readCorpusConfig(corpus: string): CorpusConfig {
  const file = join(corpus, CONFIG_FILE);
  if (!existsSync(corpus) || !statSync(corpus).isDirectory() || !existsSync(file)) return EMPTY_CONFIG;
  return parseCorpusConfig(readFileSync(file, "utf8"), file);
}
