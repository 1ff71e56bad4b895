// Server time of GET /articles/:id/related over distinct articles: the top hit of each measured
// headline of the field stream (found by an untimed /search), each article once, after a
// request to the empty endpoint, the isolate warm from the field stream. A related search asks
// for up to ten of the article's words (engine/related.ts), a long query. Server time = total −
// median empty, as stream-timing.ts measures /search.
import type { HttpClient } from "../harness/http-client.js";
import type { Percentiles } from "../stats.js";
import type { FieldStream } from "./field-stream.js";
import { serverTimes } from "./timing.js";

/** Articles whose related stories are timed: enough for a p99 of distinct ones. */
export const RELATED_ARTICLES = 300;

export const relatedPath = (id: string) => `/articles/${encodeURIComponent(id)}/related`;

export async function relatedLatency(
  client: HttpClient,
  { measured }: FieldStream,
  { emptyPath }: { emptyPath: string },
): Promise<Percentiles> {
  const ids = new Set<string>();
  for (const { kind, text } of measured) {
    if (ids.size >= RELATED_ARTICLES) break;
    if (kind !== "headline") continue;
    const path = `/search?q=${encodeURIComponent(text)}&limit=1`;
    const { status, body } = await client.get(path);
    if (status !== 200) throw new Error(`${path} answered ${status}`);
    const [hit] = (JSON.parse(body.toString("utf8")) as { hits: { id: string }[] }).hits;
    if (hit) ids.add(hit.id);
  }
  return serverTimes(client, [...ids].map(relatedPath), emptyPath);
}
