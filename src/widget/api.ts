// The widget's requests to the newsfind API: /search pages, /suggest completions and the
// /filters it offers.
// Every request takes an AbortSignal, so a newer keystroke cancels a stale one.
// The response shapes are the worker's own types; type-only imports bundle nothing of the worker.
import type { Hit, SearchResult as SearchPage } from "../engine/search.js";
import type { Suggestion } from "../engine/suggest.js";
import type { Filters } from "../routes/filters.js";

export type { Filters, Hit, SearchPage };

/** The most hits a search may skip: the API's MAX_OFFSET (src/routes/search.ts), past which no page is served. */
export const MAX_OFFSET = 1000;

export interface SearchRequest {
  q: string;
  limit: number;
  offset: number;
  source?: string;
  from?: string;
  to?: string;
  /** "last" while the reader is still typing the last word (the box ends in a letter or digit). */
  prefix?: "last";
  /** The facets to count, comma-separated. */
  facets?: string;
  /** Entity filters: one of a kind's must be named, for every kind given. */
  person?: string[];
  org?: string[];
  place?: string[];
}

async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  const response = await fetch(url, { signal, headers: { accept: "application/json" } });
  if (!response.ok) {
    let detail = `${response.status} ${response.statusText}`.trim();
    try {
      detail = ((await response.json()) as { detail?: string }).detail ?? detail;
    } catch {
      // not problem+json: keep the status line
    }
    throw new Error(detail);
  }
  return (await response.json()) as T;
}

export function searchUrl(endpoint: string, request: SearchRequest): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(request))
    for (const each of Array.isArray(value) ? value : [value])
      if (each !== undefined && each !== "") params.append(key, String(each));
  return `${endpoint}/search?${params}`;
}

export function fetchPage(endpoint: string, request: SearchRequest, signal: AbortSignal): Promise<SearchPage> {
  return getJson<SearchPage>(searchUrl(endpoint, request), signal);
}

/** The completions /suggest offers for what is typed, as text. */
export async function fetchSuggestions(
  endpoint: string,
  q: string,
  limit: number,
  signal: AbortSignal,
): Promise<string[]> {
  const params = new URLSearchParams({ q, limit: String(limit) });
  const { suggestions } = await getJson<{ suggestions: Suggestion[] }>(`${endpoint}/suggest?${params}`, signal);
  return suggestions.map(({ text }) => text);
}

export function fetchFilters(endpoint: string): Promise<Filters> {
  return getJson<Filters>(`${endpoint}/filters`);
}

/** The link for a hit: its own URL when http(s), else the worker's readable article page. */
export function hitHref(endpoint: string, hit: Hit): string {
  try {
    const url = new URL(hit.url ?? "");
    if (url.protocol === "http:" || url.protocol === "https:") return url.href;
  } catch {
    // no URL, or not a URL
  }
  return `${endpoint}/articles/${encodeURIComponent(hit.id)}`;
}
