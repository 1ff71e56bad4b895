// JSON responses that are safe anywhere: <, > and & are written as \u escapes, so text from
// the corpus or a query can never be read as markup even if a client sniffs or inlines it.
// The parsed values are unchanged. Cacheable responses carry an ETag of their body (etag.ts).
//
// The escapes are made by one regular-expression replace over JSON.stringify's output, which
// the engine runs natively, and the result goes out as UTF-8 bytes.
import { taggedResponse } from "./etag.js";

const encoder = new TextEncoder();

/** What needs escaping: < > & and U+2028 and U+2029 (no JSON parser needs those two escaped, but JavaScript before ES2019 did). */
const UNSAFE = /[<>&\u2028\u2029]/g;

/**
 * Each of them as "\\u" and its code in four hex digits, looked up: a page of snippets holds
 * hundreds of them (every <mark> and </mark>), and a lookup costs less than formatting a code.
 */
const ESCAPES: Record<string, string> = {
  "<": "\\u003c",
  ">": "\\u003e",
  "&": "\\u0026",
  "\u2028": "\\u2028",
  "\u2029": "\\u2029",
};
const escaped = (char: string) => ESCAPES[char]!;

/** The value as JSON in UTF-8, with < > & U+2028 U+2029 written as \u escapes. */
function safeJsonBytes(value: unknown): Uint8Array<ArrayBuffer> {
  // encode() always answers a new ArrayBuffer, never a shared one.
  return encoder.encode(JSON.stringify(value).replace(UNSAFE, escaped)) as Uint8Array<ArrayBuffer>;
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
  /** An ETag of the body on the response, whatever the request (the edge cache settles 304s). Default false. */
  tagged?: boolean;
}

export function jsonResponse(value: unknown, init: JsonInit = {}): Response {
  const body = safeJsonBytes(value);
  const headers: Record<string, string> = {
    "content-type": `${init.type ?? "application/json"}; charset=utf-8`,
    ...init.headers,
  };
  if (init.request || init.tagged)
    return taggedResponse(init.request?.headers.get("if-none-match") ?? null, body, headers, { status: init.status });
  return new Response(body, { status: init.status ?? 200, headers });
}
