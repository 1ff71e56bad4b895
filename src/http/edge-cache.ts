// The edge cache: search and feed responses kept in the Workers Cache API (caches.default), so
// that every isolate in a location answers a repeated request without searching again. The key
// is the request normalised from its validated parameters (their order, and defaults given or
// not, make no difference) with the index's build, so a new build never answers from an old
// one's entries. Only 200 responses are kept, for as long as their Cache-Control allows. The
// Cache API works on a custom domain and in Miniflare, and does nothing on workers.dev.
// `X-Newsfind-Cache` says whether a response came from the cache (hit) or was made (miss).
import type { Context } from "hono";
import { matchesEtag } from "./etag.js";

/** The cache key of a request to `path` with these validated parameters, for this index build. */
export function cacheKey(path: string, params: Record<string, unknown>, build: string): Request {
  const search = new URLSearchParams();
  for (const name of Object.keys(params).sort()) {
    const value = params[name];
    if (value !== undefined) search.set(name, String(value));
  }
  search.set("build", build);
  return new Request(`https://newsfind-cache.invalid${path}?${search}`);
}

/** The default cache, or undefined where the runtime has none (Node). */
function edgeCache(): Cache | undefined {
  return typeof caches === "undefined" ? undefined : (caches as unknown as { default: Cache }).default;
}

/** Keeps work past the response where the request has an execution context; else waits for it. */
async function afterResponse(c: Context, work: Promise<unknown>): Promise<void> {
  let waitUntil: ((promise: Promise<unknown>) => void) | undefined;
  try {
    waitUntil = c.executionCtx.waitUntil.bind(c.executionCtx);
  } catch {
    // app.request() in tests has no execution context
  }
  if (waitUntil) waitUntil(work);
  else await work;
}

/**
 * The cached response for `key`, answering If-None-Match as a fresh one would, or the one
 * `make` gives, kept when it is a 200.
 */
export async function edgeCached(c: Context, key: Request, make: () => Promise<Response>): Promise<Response> {
  const cache = edgeCache();
  const cached = await cache?.match(key);
  if (cached) {
    const headers = new Headers(cached.headers);
    headers.set("x-newsfind-cache", "hit");
    if (matchesEtag(c.req.header("if-none-match") ?? null, cached.headers.get("etag") ?? ""))
      return new Response(null, { status: 304, headers });
    return new Response(cached.body, { status: cached.status, headers });
  }
  const response = await make();
  response.headers.set("x-newsfind-cache", "miss");
  if (cache && response.status === 200) await afterResponse(c, cache.put(key, response.clone()));
  return response;
}
