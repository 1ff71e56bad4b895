// GET / for browsers: a demo page that embeds the widget and documents how to embed it.
import { escapeHtml } from "../html/escape.js";
import { document } from "./html.js";

export const DEMO_CSS = `body{margin:0;font:16px/1.5 system-ui,sans-serif;color:#1b1d21;background:#fff}
main{max-width:46rem;margin:0 auto;padding:1.5rem 1rem 4rem}
h1{margin:0 0 .25rem;font-size:1.8rem}
pre{overflow:auto;padding:.75rem;background:#f3f4f6;border-radius:6px}
code{font:.9em ui-monospace,monospace}
table{border-collapse:collapse;width:100%;font-size:.95em}
th,td{text-align:left;vertical-align:top;padding:.35rem .5rem;border-bottom:1px solid #d0d4da}
.search{margin:1.5rem 0 2rem}
@media (prefers-color-scheme:dark){body{color:#e8eaed;background:#16181d}pre{background:#23262d}th,td{border-color:#3c4049}a{color:#8ab4f8}}`;

const ATTRIBUTES: [string, string][] = [
  ["endpoint", "the newsfind API's base URL; default: the origin that served widget.js"],
  ["placeholder", "the search box's placeholder"],
  ["limit", "results per page, 1 to 100 (default 8)"],
  ["debounce", "milliseconds of quiet typing before a search (default 120)"],
  ["no-slash", "turns off the “/” shortcut that focuses the box"],
  ["theme", "light, dark or auto (default: follows the reader's colour scheme)"],
  [
    "strings",
    'JSON replacing any user-facing string, such as {"placeholder":"Rechercher…","more":"Plus de résultats"}',
  ],
];

/**
 * The demo page; `origin` is the worker's own, shown in the embed snippet. `query` (the page's
 * ?q=, as browsers send a search the OpenSearch description names) starts the box with it.
 */
export function demoPage(origin: string, query = ""): string {
  const snippet = `<script type="module" src="${origin}/widget.js"></script>\n<newsfind-search></newsfind-search>`;
  const rows = ATTRIBUTES.map(
    ([name, meaning]) => `<tr><td><code>${escapeHtml(name)}</code></td><td>${escapeHtml(meaning)}</td></tr>`,
  ).join("\n");
  const body = `<main>
<h1>newsfind</h1>
<p>Search this news archive as you type. Up and Down move through the results, Enter opens one, Escape closes the list, and “/” focuses the box.</p>
<div class="search" role="search"><newsfind-search${query ? ` value="${escapeHtml(query)}"` : ""}></newsfind-search></div>
<h2>Add it to your site</h2>
<pre><code>${escapeHtml(snippet)}</code></pre>
<p>The widget is one script of a few kilobytes with no dependencies. It searches the archive that served it, in a shadow root your page's CSS cannot disturb.</p>
<h2>Attributes</h2>
<table>
<thead><tr><th scope="col">attribute</th><th scope="col">meaning</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
<p>Each attribute is also a property (<code>noSlash</code> for <code>no-slash</code>). Style it with <code>--newsfind-*</code> custom properties and <code>::part()</code>; it fires <code>newsfind:load</code> and <code>newsfind:error</code>.</p>
<h2>API</h2>
<p><a href="/search?q=Putin">/search</a>, <a href="/suggest?q=pu">/suggest</a>, <a href="/feed?q=Putin">/feed</a> (Atom), <a href="/filters">/filters</a>, <a href="/health">/health</a>, <code>/articles/:id</code> and <code>/articles/:id/related</code>, as JSON; articles also as pages. Every endpoint, parameter and answer: <a href="/docs">the reference</a> and <a href="/openapi.json">the OpenAPI document</a>.</p>
</main>
<script type="module" src="/widget.js"></script>`;
  return document({ title: "newsfind: search the archive", css: DEMO_CSS, body });
}
