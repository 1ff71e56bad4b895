// Server time over the field stream: the warm-up untimed, each measured query sent once after
// an empty request, and server time as total minus the empty requests' median, by kind too.
import { describe, expect, it } from "vitest";
import type { HttpClient } from "../../../bench/harness/http-client.js";
import type { FieldQuery, FieldStream } from "../../../bench/scale/field-stream.js";
import { searchPath } from "../../../bench/scale/scale-queries.js";
import { streamLatency } from "../../../bench/scale/stream-timing.js";

/** A client that answers every path at once, in the milliseconds `msOf` gives, and keeps the paths asked. */
function scriptedClient(msOf: (path: string) => number): HttpClient & { paths: string[] } {
  const paths: string[] = [];
  return {
    paths,
    async get(path) {
      paths.push(path);
      return { status: 200, ms: msOf(path), body: Buffer.from("{}") };
    },
    close() {},
  };
}

const query = (kind: FieldQuery["kind"], text: string): FieldQuery => ({ kind, text, source: text });
const stream: FieldStream = {
  warmup: [query("two-word", "warm one"), query("long", "warm two")],
  measured: [
    query("headline", "Oil prices rise"),
    query("two-word", "Fed holds"),
    query("long", "a pasted paragraph"),
    query("two-word", "Bank sells"),
  ],
};

describe("streamLatency", () => {
  it("sends the warm-up first, then each measured query once, each after an empty request", async () => {
    const client = scriptedClient(() => 1);
    await streamLatency(client, stream, { emptyPath: "/empty" });
    const searches = [...stream.warmup, ...stream.measured].map((q) => searchPath(q.text));
    expect(client.paths).toEqual(searches.flatMap((path) => ["/empty", path]));
  });

  it("times only the measured queries, less the empty requests' median, overall and by kind", async () => {
    // Warm-up requests take 50 ms. Then empty requests take 1, 2, 2, 9 ms in turn (median 2),
    // a search 10 ms, a long one 30.
    let empties = 0;
    const client = scriptedClient((path) => {
      if (path === "/empty") return empties++ < stream.warmup.length ? 50 : [1, 2, 2, 9][(empties - 3) % 4]!;
      return path.includes("warm") ? 50 : path.includes("paragraph") ? 30 : 10;
    });
    const timings = await streamLatency(client, stream, { emptyPath: "/empty" });
    expect(timings.warmup).toBe(2);
    expect(timings.emptyMedianMs).toBe(2);
    expect(timings.emptyP99Ms).toBe(7);
    expect(timings.server).toEqual({ n: 4, p50: 8, p90: 28, p99: 28 });
    expect(timings.byKind).toEqual({
      headline: { n: 1, p50: 8, p90: 8, p99: 8 },
      "two-word": { n: 2, p50: 8, p90: 8, p99: 8 },
      long: { n: 1, p50: 28, p90: 28, p99: 28 },
    });
    // Slowest first; the three of equal time keep the stream's order.
    expect(timings.slowest).toEqual([
      { kind: "long", query: "a pasted paragraph", ms: 28 },
      { kind: "headline", query: "Oil prices rise", ms: 8 },
      { kind: "two-word", query: "Fed holds", ms: 8 },
      { kind: "two-word", query: "Bank sells", ms: 8 },
    ]);
  });
});
