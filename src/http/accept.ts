// Content negotiation between JSON and HTML from the Accept header (RFC 9110 §12.5.1).

/** The q-value Accept gives a media type: its most specific matching range wins; 0 when none matches. */
function qualityOf(accept: string, type: string): number {
  const [major] = type.split("/");
  let best = { specificity: -1, q: 0 };
  for (const range of accept.split(",")) {
    const [media = "", ...params] = range.trim().toLowerCase().split(";");
    const specificity = media === type ? 2 : media === `${major}/*` ? 1 : media === "*/*" ? 0 : -1;
    if (specificity <= best.specificity) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const value = q ? Number(q.slice(2)) : 1;
    best = { specificity, q: Number.isFinite(value) ? value : 0 };
  }
  return best.q;
}

/**
 * True when the client prefers HTML to JSON: text/html ranks strictly above application/json.
 * Browsers navigating ask for text/html first; fetch, curl and API clients (no Accept, or
 * *\/*) get JSON.
 */
export function prefersHtml(accept: string | undefined): boolean {
  if (!accept) return false;
  return qualityOf(accept, "text/html") > qualityOf(accept, "application/json");
}
