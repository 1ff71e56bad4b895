// Rate limiting with the Workers rate-limiting binding: each client address (CF-Connecting-IP)
// has a budget per class of route, counted by the binding in each Cloudflare location. Searches
// (/search, /suggest, /feed, /articles/:id/related) are counted by SEARCH_LIMITER, everything else by READ_LIMITER;
// their limits and periods are the bindings' own ([[ratelimits]] in wrangler.toml). A request
// over its budget is refused with 429 problem+json and Retry-After. Not counted: preflights,
// requests without an address or from a loopback one (local development and the benches, which
// wrangler dev gives 127.0.0.1), a class whose binding is absent, and everything when
// NEWSFIND_RATE_LIMIT is "off" in [vars].
import type { MiddlewareHandler } from "hono";
import { NewsfindError } from "./errors.js";

/** The binding's interface (Cloudflare's RateLimit). */
interface RateLimiter {
  limit(options: { key: string }): Promise<{ success: boolean }>;
}

/** Classes of route, the first whose paths match counting a request. */
export const RATE_LIMIT_CLASSES = [
  {
    name: "search",
    binding: "SEARCH_LIMITER",
    paths: /^\/(?:(?:search|suggest|feed)(?:\/|$)|articles\/[^/]+\/related$)/,
  },
  { name: "read", binding: "READ_LIMITER", paths: /^/ },
] as const;

/** Seconds a refused client is told to wait: the bindings' period in wrangler.toml. */
export const RETRY_AFTER_SECONDS = 60;

const LOOPBACK = /^(?:127\.|::1$|::ffff:127\.)/;

export const rateLimit: MiddlewareHandler = async (c, next) => {
  const env = c.env as Record<string, unknown> | undefined;
  const address = c.req.header("cf-connecting-ip");
  if (c.req.method === "OPTIONS" || !address || LOOPBACK.test(address) || env?.NEWSFIND_RATE_LIMIT === "off")
    return next();
  const route = RATE_LIMIT_CLASSES.find(({ paths }) => paths.test(c.req.path))!;
  const limiter = env?.[route.binding] as RateLimiter | undefined;
  if (!limiter) return next();
  const { success } = await limiter.limit({ key: `${route.name}:${address}` });
  if (!success)
    throw new NewsfindError(
      "rate-limited",
      `too many ${route.name} requests from ${address}: wait ${RETRY_AFTER_SECONDS} seconds before the next`,
      { headers: { "retry-after": String(RETRY_AFTER_SECONDS) } },
    );
  return next();
};
