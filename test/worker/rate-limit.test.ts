// Rate limiting through the worker's own [[ratelimits]] bindings (wrangler.toml, simulated by
// Miniflare): a client address over its budget gets 429 problem+json with Retry-After, each
// address and class of route counted apart; loopback and address-less clients are not counted.
import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { problemOf } from "./helpers.js";

const get = (path: string, address?: string) =>
  exports.default.fetch(`http://newsfind.test${path}`, {
    headers: address ? { "cf-connecting-ip": address } : {},
  });

/** Statuses of `count` requests for the path from the address, in order. */
async function statuses(path: string, count: number, address?: string): Promise<number[]> {
  const out: number[] = [];
  for (let n = 0; n < count; n++) {
    const response = await get(path, address);
    await response.arrayBuffer();
    out.push(response.status);
  }
  return out;
}

// The search class's limit and period in wrangler.toml.
const SEARCH_LIMIT = 120;
const PERIOD_MS = 60_000;
/** Room a test that fills the budget needs in one window: its requests take well under a second. */
const ROOM_MS = 5_000;

/**
 * Miniflare's simulated limiter counts in windows aligned to the wall clock, so a budget filled
 * across a window's end starts again at zero. Waits, if the current window has less than ROOM_MS
 * left, for the next one to begin. (workerd's clock stands still between I/O: it reads the time
 * of the last request, which is recent enough.)
 */
async function inOneWindow(): Promise<void> {
  const left = PERIOD_MS - (Date.now() % PERIOD_MS);
  if (left < ROOM_MS) await new Promise((resolve) => setTimeout(resolve, left + 100));
}
/** The timeout of a test that may wait for the next window (inOneWindow) before it fills a budget. */
const WINDOW_TIMEOUT_MS = ROOM_MS + 15_000;

describe("rate limiting", () => {
  it(
    "refuses a client's searches past the limit with 429, Retry-After and a problem",
    async () => {
      const address = "203.0.113.7";
      await inOneWindow();
      const seen = await statuses("/search?q=Putin&limit=1", SEARCH_LIMIT, address);
      expect(seen.every((status) => status === 200)).toBe(true);
      const refused = await get("/suggest?q=pu", address);
      expect(refused.status).toBe(429);
      expect(refused.headers.get("retry-after")).toBe("60");
      const problem = await problemOf(refused);
      expect(problem.type).toBe("/problems/rate-limited");
      expect(problem.detail).toContain("too many search requests from 203.0.113.7");
    },
    WINDOW_TIMEOUT_MS,
  );

  it(
    "counts each address and each class of route apart",
    async () => {
      const address = "203.0.113.8";
      await inOneWindow();
      await statuses("/search?q=Putin&limit=1", SEARCH_LIMIT, address);
      expect((await get("/search?q=Putin", address)).status).toBe(429);
      // Related stories run a search: they are counted with the searches.
      const { hits } = (await (await get("/search?q=Putin&limit=1")).json()) as { hits: { id: string }[] };
      expect((await get(`/articles/${encodeURIComponent(hits[0]!.id)}/related`, address)).status).toBe(429);
      // Another class for the same address, and the same class for another address.
      expect((await get("/filters", address)).status).toBe(200);
      expect((await get("/search?q=Putin", "203.0.113.9")).status).toBe(200);
    },
    WINDOW_TIMEOUT_MS,
  );

  it("does not count loopback clients (wrangler dev) or requests without an address", async () => {
    for (const address of ["127.0.0.1", "::1", undefined]) {
      const seen = await statuses("/suggest?q=kr", SEARCH_LIMIT + 5, address);
      expect(seen.every((status) => status === 200)).toBe(true);
    }
  });
});
