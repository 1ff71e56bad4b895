// Server time of /suggest over a stream of distinct partial queries, as a search box sends them
// while a headline is typed: its first word cut to two, three and four letters, then the first
// word whole with the second's first two letters. Those of the stream's warm-up headlines go
// first, untimed; then the distinct ones of the measured headlines (less any already sent), each
// after a request to the empty endpoint, in two timed passes: the first while the isolate still
// loads the suggestion shards they need, the second warm (every shard loaded; the worker keeps
// no results, so each is searched again). Server time = total − median empty, as
// stream-timing.ts measures /search.
import type { HttpClient } from "../harness/http-client.js";
import type { Percentiles } from "../stats.js";
import type { FieldQuery, FieldStream } from "./field-stream.js";
import { pairedPass, serverTimes } from "./timing.js";

/** A headline's words as a reader types them: without the quotes and punctuation around them, "U.S." and "Wal-Mart" whole. */
export function headlineWords(headline: string): string[] {
  return headline.match(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu) ?? [];
}

/** The partial queries typing a headline sends (see the header), in order. */
export function partialQueries(headline: string): string[] {
  const [first = "", second = ""] = headlineWords(headline);
  const typed = [2, 3, 4].filter((letters) => first.length > letters).map((letters) => first.slice(0, letters));
  if (second.length >= 2) typed.push(`${first} ${second.slice(0, 2)}`);
  return typed;
}

/** Distinct partial queries of these headlines, in order, leaving out those in `sent`. */
function distinctPartials(queries: readonly FieldQuery[], sent: Set<string>): string[] {
  const out: string[] = [];
  for (const { kind, text } of queries) {
    if (kind !== "headline") continue;
    for (const partial of partialQueries(text)) {
      const key = partial.toLowerCase();
      if (sent.has(key)) continue;
      sent.add(key);
      out.push(partial);
    }
  }
  return out;
}

export const suggestPath = (q: string) => `/suggest?q=${encodeURIComponent(q)}`;

/** The two passes' server times (see the header). */
export interface SuggestTimings {
  first: Percentiles;
  warm: Percentiles;
}

export async function suggestLatency(
  client: HttpClient,
  { warmup, measured }: FieldStream,
  { emptyPath }: { emptyPath: string },
): Promise<SuggestTimings> {
  const sent = new Set<string>();
  await pairedPass(client, distinctPartials(warmup, sent).map(suggestPath), emptyPath);
  const paths = distinctPartials(measured, sent).map(suggestPath);
  const first = await serverTimes(client, paths, emptyPath);
  return { first, warm: await serverTimes(client, paths, emptyPath) };
}
