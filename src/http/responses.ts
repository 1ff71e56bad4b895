// The shapes of the API's JSON responses, as valibot schemas: the OpenAPI document
// (routes/openapi.ts) is generated from them, and the worker tests parse real responses with
// them, so the published contract cannot drift from what the worker sends.
import * as v from "valibot";
import { ERROR_TABLE, type ErrorCode } from "./errors.js";

const day = v.pipe(v.string(), v.isoDate(), v.description("A calendar date, YYYY-MM-DD."));
const nullable = <T extends v.GenericSchema>(schema: T, about: string) =>
  v.pipe(v.nullable(schema), v.description(about));
const count = (about: string) => v.pipe(v.number(), v.integer(), v.minValue(0), v.description(about));

export const copySchema = v.strictObject({
  id: v.pipe(v.string(), v.description("The copy's id: GET /articles/{id} serves it.")),
  source: nullable(v.string(), "The publication, when known."),
  url: nullable(v.string(), "The copy's own address, when the corpus gives one."),
  published: nullable(day, "Publication date, YYYY-MM-DD, when the text gives one."),
});

const copies = (about: string) => v.pipe(v.array(copySchema), v.description(about));

export const hitSchema = v.strictObject({
  id: v.pipe(v.string(), v.description("The article's id: GET /articles/{id} serves it.")),
  title: v.string(),
  url: nullable(v.string(), "The article's own address, when the corpus gives one."),
  source: nullable(v.string(), "The publication, when known."),
  published: nullable(day, "Publication date, YYYY-MM-DD, when the text gives one."),
  snippet: v.pipe(
    v.string(),
    v.description("A passage holding the query's words, as HTML: escaped text with the matches in <mark>."),
  ),
  score: nullable(v.number(), "Relevance, higher is better, comparable within one query only; null when browsing."),
  partial: v.pipe(
    v.boolean(),
    v.description(
      "True when the article lacks a word of the query (one held by more than a quarter of a large archive, beside a rarer one, is not asked for).",
    ),
  ),
  copies: copies(
    "The other copies of the story (the same wire story run elsewhere, re-headlined, padded or cut short), the canonical one (earliest, then longest) first; empty when it has none. With collapse=on they are not hits of their own.",
  ),
});

const facetCounts = (about: string) =>
  v.optional(
    v.pipe(
      v.array(v.strictObject({ value: v.string(), count: count("Matching articles with this value.") })),
      v.description(about),
    ),
  );

export const searchResponse = v.strictObject({
  query: v.string(),
  total: count(
    "Articles matching every query word (one held by more than a quarter of a large archive, beside a rarer one, is not asked for), copies included.",
  ),
  partialTotal: count("Articles matching some query words but not all: listed after the full matches."),
  totalExact: v.pipe(
    v.boolean(),
    v.description("False when the totals are estimates (a phrase with more candidates than the worker verifies)."),
  ),
  didYouMean: nullable(v.string(), "The query with corrected words in the index's spelling, or null."),
  offset: count("Hits skipped, as asked."),
  limit: count("Hits asked for."),
  hits: v.array(hitSchema),
  facets: v.optional(
    v.pipe(
      v.strictObject({
        source: facetCounts("Sources, most matching articles first (at most 50), ignoring the source filter."),
        year: facetCounts("Publication years (YYYY), oldest first, ignoring from and to."),
        month: facetCounts("Publication months (YYYY-MM), oldest first: a date histogram, ignoring from and to."),
        person: facetCounts("People named, most matching articles first (at most 20), ignoring the person filter."),
        org: facetCounts("Organisations named, most matching articles first (at most 20), ignoring the org filter."),
        place: facetCounts("Places named, most matching articles first (at most 20), ignoring the place filter."),
      }),
      v.description("With facets=: the counts asked for among the matching articles, copies included."),
    ),
  ),
});

export const relatedResponse = v.strictObject({
  id: v.pipe(v.string(), v.description("The article's id, as asked.")),
  hits: v.pipe(
    v.array(hitSchema),
    v.description("The related stories, as /search hits: their snippets mark the words they share with the article."),
  ),
});

export const suggestResponse = v.strictObject({
  query: v.string(),
  suggestions: v.array(
    v.strictObject({
      text: v.pipe(v.string(), v.description("A phrase from the archive's titles that completes the query.")),
      articles: count("Articles whose title holds the phrase."),
    }),
  ),
});

export const openSearchSuggestResponse = v.pipe(
  v.strictTuple([v.string(), v.array(v.string())]),
  v.description("The OpenSearch suggestions extension's array: [query, [completions]]."),
);

const optionalNullable = <T extends v.GenericSchema>(schema: T, about: string) => v.optional(nullable(schema, about));

export const articleResponse = v.strictObject({
  id: v.string(),
  title: v.string(),
  source: nullable(v.string(), "The publication, when known."),
  published: nullable(day, "Publication date, when the text gives one."),
  url: nullable(v.string(), "The article's own address, when the corpus gives one."),
  body: v.pipe(v.array(v.string()), v.description("The clean text, one string a paragraph.")),
  wordCount: count("Words in the body."),
  publishedTime: optionalNullable(v.string(), "Publication instant, ISO 8601 with the source's offset."),
  modified: optionalNullable(day, "Last modification date."),
  byline: optionalNullable(v.string(), "The author or authors, as the source credits them."),
  section: optionalNullable(v.string(), "The section the newsroom filed it under."),
  keywords: v.optional(v.pipe(v.array(v.string()), v.description("Keywords or tags, in the source's order."))),
  language: optionalNullable(v.string(), "Lower-case ISO 639-1 code, declared or detected."),
  crawled: optionalNullable(v.string(), "When a crawler captured the page, ISO 8601; never the publication date."),
  summaryOnly: v.optional(v.pipe(v.boolean(), v.description("True when only a feed's summary was available."))),
  truncated: v.optional(v.pipe(v.boolean(), v.description("True when the body was cut at the build's length limit."))),
  copies: copies(
    "The other copies of its story (the same wire story run elsewhere, re-headlined, padded or cut short), the canonical one (earliest, then longest) first; empty when it has none.",
  ),
});

const namedCounts = (what: string) =>
  v.pipe(
    v.array(v.strictObject({ name: v.string(), count: count("Articles naming it.") })),
    v.description(`${what}, most articles first (at most 50): the values of its filter on /search.`),
  );

export const filtersResponse = v.strictObject({
  sources: v.pipe(
    v.array(v.strictObject({ name: v.string(), count: count("Articles from the source.") })),
    v.description("Every source, most articles first."),
  ),
  dates: v.strictObject({
    oldest: nullable(day, "The oldest publication date; null when no article is dated."),
    newest: nullable(day, "The newest publication date; null when no article is dated."),
  }),
  entities: v.pipe(
    v.strictObject({
      person: namedCounts("People"),
      org: namedCounts("Organisations"),
      place: namedCounts("Places"),
    }),
    v.description("The people, organisations and places the archive names most, each with its article count."),
  ),
});

export const healthResponse = v.strictObject({
  status: v.picklist(["ok", "degraded"]),
  reason: v.optional(v.pipe(v.string(), v.description("Which index files are damaged, and the fix."))),
  articles: count("Articles in the index."),
  indexVersion: v.pipe(v.number(), v.integer(), v.description("The index format version.")),
  contentId: v.pipe(v.string(), v.description("Identifies the build's content: it changes when the index does.")),
  fields: v.array(v.string()),
  builtAt: v.pipe(v.string(), v.description("When the index was built, ISO 8601.")),
});

export const endpointListResponse = v.strictObject({ name: v.literal("newsfind"), endpoints: v.array(v.string()) });

const PROBLEM_TYPES = Object.keys(ERROR_TABLE).map((code) => `/problems/${code}`);

export const problemResponse = v.pipe(
  v.strictObject({
    type: v.pipe(v.picklist(PROBLEM_TYPES), v.description("The problem type: one of the API's error codes.")),
    title: v.string(),
    status: v.pipe(v.number(), v.integer()),
    detail: v.pipe(v.string(), v.description("What was wrong with this request, and how to fix it.")),
    instance: v.optional(v.pipe(v.string(), v.description("The path that was asked for."))),
    errors: v.optional(
      v.pipe(
        v.array(v.strictObject({ param: v.string(), message: v.string() })),
        v.description("Each invalid parameter, with what is wrong and the fix."),
      ),
    ),
  }),
  v.description("An RFC 9457 problem detail."),
);

/** The codes an error status stands for, for a route's documented responses. */
export function codesOf(status: number): ErrorCode[] {
  return (Object.keys(ERROR_TABLE) as ErrorCode[]).filter((code) => ERROR_TABLE[code].status === status);
}
