// Headers every response carries (CORS, and the secure headers of hono/secure-headers), and
// the CORS preflight. The origins allowed are NEWSFIND_CORS_ORIGINS in [vars]: "*" (the
// default: any origin, so any news site can embed the widget), or origins separated by commas
// or spaces ("https://news.example, https://www.news.example"), when the response names the
// request's origin if it is one of them, and none otherwise (varying by Origin).
//
// hono/cors answers preflights (OPTIONS). On other requests its headers are set here, on the
// route's own response once it exists: hono/cors would set them on a placeholder response before
// the route runs, and Hono would then copy the route's response to merge them in, two more
// Response objects and a header copy on every request.
import type { MiddlewareHandler } from "hono";
import { cors } from "hono/cors";
import { secureHeaders as honoSecureHeaders } from "hono/secure-headers";

/** Methods the API answers. */
export const ALLOWED_METHODS = ["GET", "HEAD", "OPTIONS"];

/** The last NEWSFIND_CORS_ORIGINS read, parsed: a deployment's value is the same on every request. */
let parsed: { value: unknown; origins: "*" | Set<string> } | undefined;

/** The allowed origins of a deployment's NEWSFIND_CORS_ORIGINS: "*" for any, else the list. */
function allowedOrigins(env: unknown): "*" | Set<string> {
  const value = (env as Record<string, unknown> | undefined)?.NEWSFIND_CORS_ORIGINS;
  if (parsed === undefined || parsed.value !== value)
    parsed = {
      value,
      origins:
        typeof value !== "string" || value.trim() === "" || value.trim() === "*"
          ? "*"
          : new Set(value.split(/[\s,]+/).filter(Boolean)),
    };
  return parsed.origins;
}

/** The Access-Control-Allow-Origin for a request from `origin`, or null for none. */
function allowOrigin(origin: string | undefined, env: unknown): string | null {
  const allowed = allowedOrigins(env);
  if (allowed === "*") return "*";
  return origin !== undefined && allowed.has(origin) ? origin : null;
}

/** Sets the headers every response carries, on the response the route (or the error handler) made. */
export const responseHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  const headers = c.res.headers;
  const origin = allowOrigin(c.req.header("origin"), c.env);
  if (origin !== "*") headers.append("vary", "Origin");
  if (origin !== null) headers.set("access-control-allow-origin", origin);
  headers.set("access-control-expose-headers", "ETag");
};

/**
 * hono/secure-headers on every response, errors included (it sets them on the route's own
 * response): nosniff, no framing, no referrer, HTTPS only (HSTS), and the rest of its defaults.
 * The widget and the API are meant to be read from other origins, so the resource policy is
 * cross-origin. The HTML pages set their own Content-Security-Policy (src/pages/).
 */
export const secureHeaders: MiddlewareHandler = honoSecureHeaders({
  crossOriginResourcePolicy: "cross-origin",
  xFrameOptions: "DENY",
});

/** The preflight answer: the allowed origins may GET, for a day. */
export const preflight: MiddlewareHandler = cors({
  origin: (origin, c) => allowOrigin(origin, c.env),
  allowMethods: ALLOWED_METHODS,
  exposeHeaders: ["ETag"],
  maxAge: 86400,
});
