// Property-based fuzzing of every endpoint with fast-check, inside workerd against the sharded
// seed worker: random Unicode, huge values, numbers out of range, repeated, unknown and
// misspelt parameters, broken percent-encoding, odd ids and methods. No answer may be a 5xx,
// and every 4xx is problem+json whose status is the response's. FUZZ_RUNS cases per endpoint
// (vitest.config.ts: 1,000, or NEWSFIND_FUZZ_RUNS; `npm run fuzz` runs 9,100 for each of the
// eleven, 100,100 in all).
import { env, exports } from "cloudflare:workers";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

const RUNS = Number(env.FUZZ_RUNS);
const ENDPOINTS = [
  "/search",
  "/suggest",
  "/feed",
  "/filters",
  "/health",
  "/opensearch.xml",
  "/openapi.json",
  "/docs",
  "/widget.js",
  "/articles/",
  "/",
];
const NAMES = ["q", "limit", "offset", "sort", "half_life", "typos", "prefix", "from", "to", "source", "format"];

const value = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.integer({ min: -1e12, max: 1e12 }).map(String),
  fc.double().map(String),
  fc.constantFrom(
    "",
    "0",
    "-1",
    "1e9",
    "NaN",
    "2025-02-30",
    "9999-99-99",
    "relevance",
    "date",
    "last",
    "opensearch",
    "off",
  ),
  fc.string({ minLength: 300, maxLength: 3000 }),
);
/** A value as a query string carries it: encoded, raw (as a careless client sends it), or broken. */
const written = fc.oneof(
  value.map(encodeURIComponent),
  value.map((text) => text.replace(/[#&]/g, "")),
  fc.constantFrom("%", "%zz", "%E0%A4%A", "%00", "%FF%FE", "%C0%AF", "+%2B+", "%25%", "%D8%00"),
);
const name = fc.oneof(
  fc.constantFrom(...NAMES),
  fc.constantFrom("Q", "q[]", " q", "limit ", "callback", "__proto__"),
  fc.string({ maxLength: 12 }).map(encodeURIComponent),
);
const query = fc
  .array(fc.tuple(name, written), { maxLength: 6 })
  .map((pairs) => pairs.map(([k, v]) => `${k}=${v}`).join("&"));
const method = fc.constantFrom("GET", "GET", "GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS");
/** What follows an endpoint's path: nothing, an id for /articles/, or more segments. */
const tail = fc.oneof(
  fc.constant(""),
  written,
  fc.array(written, { maxLength: 3 }).map((parts) => parts.join("/")),
);

describe("fuzzing every endpoint", () => {
  let cases = 0;
  /** Answers by class (2, 3, 4): the fuzzer must reach both the routes and their refusals. */
  const classes = new Map<number, number>();
  it.each(ENDPOINTS)(
    "%s answers random requests with no 5xx, every 4xx problem+json",
    async (endpoint) => {
      await fc.assert(
        fc.asyncProperty(method, tail, query, async (verb, rest, search) => {
          cases++;
          const response = await exports.default.fetch(`http://newsfind.test${endpoint}${rest}?${search}`, {
            method: verb,
          });
          const body = await response.text();
          const kind = Math.floor(response.status / 100);
          classes.set(kind, (classes.get(kind) ?? 0) + 1);
          expect(response.status, `${verb} ${endpoint}${rest}?${search}`).toBeLessThan(500);
          if (response.status >= 400) {
            expect(response.headers.get("content-type")).toMatch(/^application\/problem\+json/);
            if (verb !== "HEAD") expect(JSON.parse(body).status).toBe(response.status);
          }
        }),
        { numRuns: RUNS },
      );
    },
    600_000,
  );

  it("ran every case", () => {
    expect(cases).toBeGreaterThanOrEqual(RUNS * ENDPOINTS.length);
    expect(classes.get(2)).toBeGreaterThan(0);
    expect(classes.get(4)).toBeGreaterThan(0);
    const counts = [...classes].map(([kind, count]) => `${count} ${kind}xx`).join(", ");
    console.log(`fuzz: ${cases} requests over ${ENDPOINTS.length} endpoints (${counts}), none answered 5xx`);
  });
});
