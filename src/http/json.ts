// JSON responses that are safe anywhere: <, > and & are written as \u escapes, so text from
// the corpus or a query can never be read as markup even if a client sniffs or inlines it.
// The parsed values are unchanged.

const UNSAFE = /[<>&\u2028\u2029]/g;

export function safeJson(value: unknown): string {
  return JSON.stringify(value).replace(UNSAFE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

export function jsonResponse(value: unknown, init: { status?: number; headers?: Record<string, string>; type?: string } = {}): Response {
  return new Response(safeJson(value), {
    status: init.status ?? 200,
    headers: { "content-type": `${init.type ?? "application/json"}; charset=utf-8`, ...init.headers },
  });
}
