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

// The search class's limit in wrangler.toml.
const SEARCH_LIMIT = 120;

describe("rate limiting", () => {
  it("refuses a client's searches past the limit with 429, Retry-After and a problem", async () => {
    const address = "203.0.113.7";
    const seen = await statuses("/search?q=Putin&limit=1", SEARCH_LIMIT, address);
    expect(seen.every((status) => status === 200)).toBe(true);
    const refused = await get("/suggest?q=pu", address);
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe("60");
    const problem = await problemOf(refused);
    expect(problem.type).toBe("/problems/rate-limited");
    expect(problem.detail).toContain("too many search requests from 203.0.113.7");
  });

  it("counts each address and each class of route apart", async () => {
    const address = "203.0.113.8";
    await statuses("/search?q=Putin&limit=1", SEARCH_LIMIT, address);
    expect((await get("/search?q=Putin", address)).status).toBe(429);
    // Related stories run a search: they are counted with the searches.
    const { hits } = (await (await get("/search?q=Putin&limit=1")).json()) as { hits: { id: string }[] };
    expect((await get(`/articles/${encodeURIComponent(hits[0]!.id)}/related`, address)).status).toBe(429);
    // Another class for the same address, and the same class for another address.
    expect((await get("/filters", address)).status).toBe(200);
    expect((await get("/search?q=Putin", "203.0.113.9")).status).toBe(200);
  });

  it("does not count loopback clients (wrangler dev) or requests without an address", async () => {
    for (const address of ["127.0.0.1", "::1", undefined]) {
      const seen = await statuses("/suggest?q=kr", SEARCH_LIMIT + 5, address);
      expect(seen.every((status) => status === 200)).toBe(true);
    }
  });
});
