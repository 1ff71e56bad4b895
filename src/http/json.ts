// JSON responses that are safe anywhere: <, > and & are written as \u escapes, so text from
// the corpus or a query can never be read as markup even if a client sniffs or inlines it.
// The parsed values are unchanged. Cacheable responses carry an ETag of their body (etag.ts).
import { taggedResponse } from "./etag.js";

const UNSAFE = /[<>&\u2028\u2029]/g;
const ESCAPES: Record<string, string> = { "<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029" };

export function safeJson(value: unknown): string {
  // One pass: five replaceAll calls copied a search body five times (it always has <mark>),
  // the largest share of what a request allocated.
  return JSON.stringify(value).replace(UNSAFE, (char) => ESCAPES[char]!);
}

export interface JsonInit {
  status?: number;
  headers?: Record<string, string>;
  /** Media type. Default: application/json. */
  type?: string;
  /**
   * The request being answered: the response then carries an ETag of its body, and is a 304
   * without a body when the request's If-None-Match holds that tag. Default: no ETag.
   */
  request?: Request;
}

export function jsonResponse(value: unknown, init: JsonInit = {}): Response {
  const body = safeJson(value);
  const headers: Record<string, string> = { "content-type": `${init.type ?? "application/json"}; charset=utf-8`, ...init.headers };
  if (init.request) return taggedResponse(init.request.headers.get("if-none-match"), body, headers, { status: init.status });
  return new Response(body, { status: init.status ?? 200, headers });
}
