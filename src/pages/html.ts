// What every HTML page shares: the response with its Content-Security-Policy, and the hash
// that lets one inline stylesheet through that policy (computed once per isolate).
import { joined } from "../engine/store/promise-cache.js";
import { escapeHtml } from "../html/escape.js";
import { taggedResponse } from "../http/etag.js";

const hashes = new Map<string, Promise<string>>();

/** The CSP source for an inline <style> holding exactly this text: 'sha256-…'. */
export function styleHash(css: string): Promise<string> {
  let hash = hashes.get(css);
  if (!hash) {
    hash = crypto.subtle
      .digest("SHA-256", new TextEncoder().encode(css))
      .then((digest) => `'sha256-${btoa(String.fromCharCode(...new Uint8Array(digest)))}'`);
    hashes.set(css, hash);
  }
  return joined(hash);
}

export interface PolicyOptions {
  /** The inline stylesheet the page carries. */
  css: string;
  /** Scripts the page loads from its own origin (the demo's widget). Default false: no script at all. */
  scripts?: boolean;
}

/** A strict policy: nothing but the page's own stylesheet and, for the demo, its own scripts and API. */
export async function contentSecurityPolicy({ css, scripts = false }: PolicyOptions): Promise<string> {
  return [
    "default-src 'none'",
    `style-src ${await styleHash(css)}`,
    ...(scripts ? ["script-src 'self'", "connect-src 'self'"] : []),
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** Fills a page shell; `title` is escaped here, `body` must already be escaped markup. */
export function document({
  title,
  css,
  body,
  lang = "en",
}: {
  title: string;
  css: string;
  body: string;
  lang?: string;
}): string {
  return `<!doctype html>
<html lang="${escapeHtml(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="strict-origin-when-cross-origin">
<title>${escapeHtml(title)}</title>
<link rel="search" type="application/opensearchdescription+xml" title="newsfind" href="/opensearch.xml">
<style>${css}</style>
</head>
<body>
${body}
</body>
</html>
`;
}

/**
 * A page with its policy. With `request`, the page carries an ETag of its text and is a 304
 * when the request's If-None-Match holds it.
 */
export async function htmlResponse(
  html: string,
  policy: PolicyOptions,
  headers: Record<string, string> = {},
  request?: Request,
): Promise<Response> {
  const all = {
    "content-type": "text/html; charset=utf-8",
    "content-security-policy": await contentSecurityPolicy(policy),
    "referrer-policy": "strict-origin-when-cross-origin",
    vary: "Accept",
    ...headers,
  };
  if (request) return taggedResponse(request.headers.get("if-none-match"), html, all);
  return new Response(html, { headers: all });
}
