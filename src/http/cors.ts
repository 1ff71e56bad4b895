// Headers every response carries (CORS for any origin, nosniff), and the CORS preflight.
//
// hono/cors answers preflights (OPTIONS). On other requests its headers are set here, on the
// route's own response once it exists: hono/cors would set them on a placeholder response before
// the route runs, and Hono would then copy the route's response to merge them in, two more
// Response objects and a header copy on every request.
import type { MiddlewareHandler } from "hono";
import { cors } from "hono/cors";

/** Methods the API answers. */
export const ALLOWED_METHODS = ["GET", "HEAD", "OPTIONS"];

/** What every response says, whatever the route or error: readable from any origin, with its ETag. */
const EVERY_RESPONSE: [string, string][] = [
  ["access-control-allow-origin", "*"],
  ["access-control-expose-headers", "ETag"],
  ["x-content-type-options", "nosniff"],
];

/** Sets the headers every response carries, on the response the route (or the error handler) made. */
export const responseHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  const headers = c.res.headers;
  for (const [name, value] of EVERY_RESPONSE) headers.set(name, value);
};

/** The preflight answer: any origin may GET, for a day. */
export const preflight: MiddlewareHandler = cors({
  origin: "*",
  allowMethods: ALLOWED_METHODS,
  exposeHeaders: ["ETag"],
  maxAge: 86400,
});
