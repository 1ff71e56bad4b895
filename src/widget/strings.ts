// The widget's user-facing strings, English by default. A site replaces any of them through
// the `strings` attribute (JSON) or property; `{name}` placeholders are filled as text.

export const DEFAULT_STRINGS = {
  /** The search box's accessible name. */
  label: "Search the news archive",
  /** The search box's placeholder (the `placeholder` attribute overrides it). */
  placeholder: "Search articles…",
  /** The result list's accessible name. */
  results: "Search results",
  loading: "Searching…",
  /** {query}: what was searched for. */
  noResults: "No results for “{query}”",
  /** {count}: how many articles match. */
  count: "{count} results",
  countOne: "1 result",
  /** {count}: how many articles match some of the query's words, when none matches them all. */
  countSome: "No result has all of your words; {count} have some",
  /** Heads the completions of what is typed, above the results. */
  suggestions: "Suggestions",
  /** Heads the results that lack a word of the query, after those that have them all. */
  partial: "Also matching some of your words",
  /** Heads the results when none has every word of the query. */
  partialOnly: "Matching some of your words",
  /** {query}: the query in the index's spelling, a button that searches for it. */
  didYouMean: "Did you mean {query}?",
  /** {message}: what went wrong. Earlier results stay on screen. */
  error: "Search failed: {message}",
  more: "More results",
  sourceFilter: "Source",
  allSources: "All sources",
  fromFilter: "From",
  toFilter: "To",
  untitled: "(untitled)",
  /** Names the date histogram of the results. */
  byMonth: "Results by month",
  /** {month}: a month, {count}: its results; a histogram bar's name (pressing it narrows the dates to the month). */
  monthCount: "{month}: {count}",
  /** Names the chips of the people, organisations and places most named in the results. */
  entities: "Narrow to people, organisations and places",
};

export type Strings = typeof DEFAULT_STRINGS;

/** Merges a partial table over the defaults, keeping only known keys with string values. */
export function mergeStrings(overrides: unknown): Strings {
  const merged = { ...DEFAULT_STRINGS };
  if (overrides && typeof overrides === "object") {
    for (const key of Object.keys(merged) as (keyof Strings)[]) {
      const value = (overrides as Record<string, unknown>)[key];
      if (typeof value === "string") merged[key] = value;
    }
  }
  return merged;
}

/** Parses the `strings` attribute; invalid JSON keeps the defaults. */
export function parseStrings(json: string | null): Strings {
  try {
    return mergeStrings(json ? JSON.parse(json) : null);
  } catch {
    return mergeStrings(null);
  }
}

/** Fills `{name}` placeholders; the result is only ever used as text. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
