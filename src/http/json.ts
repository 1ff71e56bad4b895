// JSON responses that are safe anywhere: <, > and & are written as \u escapes, so text from
// the corpus or a query can never be read as markup even if a client sniffs or inlines it.
// The parsed values are unchanged. Cacheable responses carry an ETag of their body (etag.ts).
//
// The body goes out as UTF-8 bytes, escaped while they are copied out of a reused buffer: the
// only string a response makes is JSON.stringify's. A string replace would make a second one,
// larger still, on every search (a search body always holds <mark>).
import { taggedResponse } from "./etag.js";

const encoder = new TextEncoder();

/** The bytes that need escaping: < > & and U+2028 and U+2029 (E2 80 A8, E2 80 A9 in UTF-8; no JSON parser needs them escaped, but JavaScript before ES2019 did). */
const LT = 0x3c;
const GT = 0x3e;
const AMP = 0x26;
const HEX = "0123456789abcdef";

/** JSON.stringify's output as UTF-8, reused: at most 3 bytes per UTF-16 unit. */
let scratch: Uint8Array<ArrayBuffer> = new Uint8Array(1 << 16);

/** Whether U+2028 or U+2029 (three bytes) starts at `i`, where the byte is 0xe2. */
const separatorAt = (bytes: Uint8Array, i: number, end: number) =>
  i + 2 < end && bytes[i + 1] === 0x80 && (bytes[i + 2] === 0xa8 || bytes[i + 2] === 0xa9);

/** Writes "\\u00XX" (or "\\u202X") for the character whose code is `code` at `at`; returns the offset after it. */
function writeEscape(out: Uint8Array, at: number, code: number): number {
  out[at] = 0x5c; // backslash
  out[at + 1] = 0x75; // u
  for (let shift = 12, k = 2; shift >= 0; shift -= 4, k++) out[at + k] = HEX.charCodeAt((code >> shift) & 15);
  return at + 6;
}

/** The value as JSON in UTF-8, with < > & U+2028 U+2029 written as \u escapes. */
function safeJsonBytes(value: unknown): Uint8Array<ArrayBuffer> {
  const json = JSON.stringify(value);
  if (scratch.length < json.length * 3) scratch = new Uint8Array(json.length * 3);
  const source = scratch;
  const { written } = encoder.encodeInto(json, source);
  let extra = 0;
  for (let i = 0; i < written; i++) {
    const byte = source[i]!;
    if (byte === LT || byte === GT || byte === AMP) extra += 5;
    else if (byte === 0xe2 && separatorAt(source, i, written)) extra += 3;
  }
  if (extra === 0) return source.slice(0, written);
  const out = new Uint8Array(written + extra);
  let at = 0;
  for (let i = 0; i < written; i++) {
    const byte = source[i]!;
    if (byte === LT || byte === GT || byte === AMP) at = writeEscape(out, at, byte);
    else if (byte === 0xe2 && separatorAt(source, i, written)) {
      at = writeEscape(out, at, source[i + 2] === 0xa8 ? 0x2028 : 0x2029);
      i += 2;
    } else out[at++] = byte;
  }
  return out;
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
