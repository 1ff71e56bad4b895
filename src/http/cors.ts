// Headers every response carries (CORS for any origin, and the secure headers of
// hono/secure-headers), and the CORS preflight.
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

/** What every response says, whatever the route or error: readable from any origin, with its ETag. */
const EVERY_RESPONSE: [string, string][] = [
  ["access-control-allow-origin", "*"],
  ["access-control-expose-headers", "ETag"],
];

/** Sets the headers every response carries, on the response the route (or the error handler) made. */
export const responseHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  const headers = c.res.headers;
  for (const [name, value] of EVERY_RESPONSE) headers.set(name, value);
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

/** The preflight answer: any origin may GET, for a day. */
export const preflight: MiddlewareHandler = cors({
  origin: "*",
  allowMethods: ALLOWED_METHODS,
  exposeHeaders: ["ETag"],
  maxAge: 86400,
});
