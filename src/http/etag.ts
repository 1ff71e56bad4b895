// ETags of responses, computed from the body as it is written (its text, or its bytes for JSON):
// two 32-bit hash lanes (FNV-1a and a multiply-rotate lane) and the length, so no clone of the
// response, no stream read and no async digest on every search. A matching If-None-Match gets a
// bodiless 304.

/** A strong ETag for this body: equal bodies, equal tags (a text and its bytes are different bodies). */
export function etagOf(body: string | Uint8Array): string {
  let a = 0x811c9dc5;
  let b = 0x9e3779b9;
  // One loop per kind of body: UTF-16 units of a text, bytes of a byte body.
  if (typeof body === "string") {
    for (let i = 0; i < body.length; i++) {
      const code = body.charCodeAt(i);
      a = Math.imul(a ^ code, 0x01000193);
      b = Math.imul((b << 5) | (b >>> 27), 0x85ebca6b) ^ code;
    }
  } else {
    for (let i = 0; i < body.length; i++) {
      const code = body[i]!;
      a = Math.imul(a ^ code, 0x01000193);
      b = Math.imul((b << 5) | (b >>> 27), 0x85ebca6b) ^ code;
    }
  }
  const hex = (n: number) => (n >>> 0).toString(16).padStart(8, "0");
  return `"${hex(a)}${hex(b)}-${body.length.toString(36)}"`;
}

/** Whether an If-None-Match header value (a list of tags, weak or strong, or *) matches the tag. */
export function matchesEtag(ifNoneMatch: string | null, etag: string): boolean {
  if (ifNoneMatch === null) return false;
  return ifNoneMatch.split(",").some((candidate) => {
    const tag = candidate.trim();
    return tag === "*" || tag === etag || tag === `W/${etag}`;
  });
}

/**
 * The response for a body under this ETag: a bodiless 304 when If-None-Match holds the tag,
 * else the body; both carry the tag.
 */
export function taggedResponse(
  ifNoneMatch: string | null,
  body: string | Uint8Array<ArrayBuffer>,
  headers: Record<string, string>,
  { status = 200, etag = etagOf(body) } = {},
): Response {
  const tagged = { ...headers, etag };
  if (matchesEtag(ifNoneMatch, etag)) return new Response(null, { status: 304, headers: tagged });
  return new Response(body, { status, headers: tagged });
}
