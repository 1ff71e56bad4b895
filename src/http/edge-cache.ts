// The edge cache of search answers (/search, /feed, /articles/:id/related), through the
// Workers Cache API (caches.default). An answer is kept under a key made of the route, its
// validated parameters in a fixed order with their defaults filled in (so ?q=Putin&limit=10,
// ?limit=10&q=Putin and ?q=Putin share one entry), and the index build (a new build never
// answers from the old one's entries). Only whole 200 answers are stored (a miss's after the
// response is sent), for as long as their Cache-Control allows; a conditional request is
// answered 304 from the stored tag. Every answer says what the cache did in a Cache-Status
// header (RFC 9211): `newsfind; hit`, `newsfind; fwd=uri-miss`, or `newsfind; fwd=bypass`
// when the cache is off.
//
// The Cache API works in Miniflare (wrangler dev, the tests) and on a custom domain; on
// workers.dev it stores nothing, and every answer is a miss. NEWSFIND_EDGE_CACHE = "off" in
// [vars] turns it off. A failing cache never fails a search: the answer is made instead.
import type { Context } from "hono";
import { matchesEtag } from "./etag.js";

export const CACHE_STATUS = "cache-status";

/**
 * The request's URL in one spelling: its path and its validated parameters (defaults filled
 * in, empty ones left out), sorted by name. A parameter validated to a list (`person`, or
 * `facets`) keeps each value, sorted: no answer depends on the order they were given in.
 */
export function canonicalUrl(url: string, params: Record<string, unknown>): URL {
  const canonical = new URL(new URL(url).pathname, url);
  for (const name of Object.keys(params).sort()) {
    const value = params[name];
    if (value === undefined || value === "") continue;
    if (Array.isArray(value)) for (const each of [...value].sort()) canonical.searchParams.append(name, String(each));
    else canonical.searchParams.set(name, String(value));
  }
  return canonical;
}

/**
 * The key of an answer: its canonical URL and the index build (its content, and when it was
 * built, which a feed shows).
 */
export function cacheKey(canonical: URL, build: { contentId: string; builtAt: string }): Request {
  const key = new URL(canonical);
  key.searchParams.set("build", `${build.contentId}.${build.builtAt}`);
  return new Request(key.href, { method: "GET" });
}

/** What the cache is asked: the Cache API's two calls. */
interface EdgeCache {
  match(request: Request): Promise<Response | undefined>;
  put(request: Request, response: Response): Promise<void>;
}

/** The edge cache, unless the deployment turns it off or the runtime has none (Node, in the benches). */
function edgeCache(env: unknown): EdgeCache | undefined {
  if ((env as Record<string, unknown> | undefined)?.NEWSFIND_EDGE_CACHE === "off") return undefined;
  return (globalThis as { caches?: { default?: EdgeCache } }).caches?.default;
}

/** Runs a promise past the response when the runtime allows (a worker's fetch), else awaits it. */
async function afterResponse(c: Context, work: Promise<unknown>): Promise<void> {
  let waitUntil: ((promise: Promise<unknown>) => void) | undefined;
  try {
    waitUntil = c.executionCtx.waitUntil.bind(c.executionCtx);
  } catch {
    // app.request() without an execution context (unit tests): finish the work first.
  }
  if (waitUntil) waitUntil(work);
  else await work;
}

/**
 * The answer, its headers ours to change, with its Cache-Status; a bodiless 304 when the
 * request's If-None-Match holds its tag.
 */
function finish(request: Request, response: Response, status: string): Response {
  response.headers.set(CACHE_STATUS, `newsfind; ${status}`);
  const etag = response.headers.get("etag");
  if (etag && matchesEtag(request.headers.get("if-none-match"), etag))
    return new Response(null, { status: 304, headers: response.headers });
  return response;
}

/**
 * The stored answer under `key()`, or `answer()`'s, stored when it is a 200. `answer` makes the
 * whole response with its ETag, never a 304: conditional requests are settled here. The key is
 * made only when the cache is on.
 */
export async function throughEdgeCache(
  c: Context,
  key: () => Request,
  answer: () => Response | Promise<Response>,
): Promise<Response> {
  const cache = edgeCache(c.env);
  if (!cache) return finish(c.req.raw, await answer(), "fwd=bypass");
  const request = key();
  const stored = await cache.match(request).catch(() => undefined);
  // A response from the cache has headers it will not let change: the answer is a copy.
  if (stored) return finish(c.req.raw, new Response(stored.body, stored), "hit");
  const response = await answer();
  if (response.status !== 200) return response;
  await afterResponse(
    c,
    cache.put(request, response.clone()).catch(() => undefined),
  );
  return finish(c.req.raw, response, "fwd=uri-miss");
}
