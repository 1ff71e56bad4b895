// GET /articles/:id for browsers: the clean article as a readable page, with its related
// stories under it. Every field is escaped; the original's link appears only when it is an
// http(s) URL.
import { escapeHtml } from "../html/escape.js";
import type { Hit } from "../engine/search.js";
import type { Article } from "../index-format.js";
import { document } from "./html.js";

export const ARTICLE_CSS = `body{margin:0;font:18px/1.6 Georgia,"Times New Roman",serif;color:#1b1d21;background:#fff}
main{max-width:40rem;margin:0 auto;padding:1.5rem 1rem 4rem}
h1{font-size:1.9rem;line-height:1.25;margin:.5rem 0}
aside{margin-top:2.5rem;border-top:1px solid #d5d9e0}h2{font-size:1.2rem}li{margin:.4rem 0}
.meta,nav{font:15px/1.4 system-ui,sans-serif;color:#555b65}
a{color:#0b57d0}
@media (prefers-color-scheme:dark){body{color:#e8eaed;background:#16181d}.meta,nav{color:#aab0ba}a{color:#8ab4f8}}`;

/** The article's URL when it is http(s), else null (a javascript: or data: URL is never linked). */
export function safeUrl(url: string | null): string | null {
  try {
    const parsed = new URL(url ?? "");
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch {
    return null;
  }
}

function formatDate(date: string): string {
  return new Date(`${date}T00:00:00Z`).toLocaleDateString("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });
}

/** The related stories as a list of links to their pages, or nothing when there are none. */
function relatedList(stories: readonly Hit[]): string {
  if (stories.length === 0) return "";
  const items = stories.map((story) => {
    const meta = [story.source, story.published && formatDate(story.published)].filter(Boolean).join(" · ");
    return `<li><a href="/articles/${escapeHtml(encodeURIComponent(story.id))}">${escapeHtml(story.title)}</a>${meta ? ` <span class="meta">${escapeHtml(meta)}</span>` : ""}</li>`;
  });
  return `<aside aria-labelledby="related">
<h2 id="related">Related stories</h2>
<ul>
${items.join("\n")}
</ul>
</aside>`;
}

export function articlePage(article: Article, related: readonly Hit[] = []): string {
  const meta = [
    article.byline ? `By ${escapeHtml(article.byline)}` : "",
    article.source ? escapeHtml(article.source) : "",
    article.section ? escapeHtml(article.section) : "",
    article.published
      ? `<time datetime="${escapeHtml(article.published)}">${escapeHtml(formatDate(article.published))}</time>`
      : "",
  ]
    .filter(Boolean)
    .join(" · ");
  const original = safeUrl(article.url);
  const body = `<nav><a href="/">Search the archive</a></nav>
<main>
<article>
<h1>${escapeHtml(article.title)}</h1>
${meta ? `<p class="meta">${meta}</p>` : ""}
${article.summaryOnly ? '<p class="meta">Summary only: the source gave no full text.</p>' : ""}
${article.body.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join("\n")}
${original ? `<p class="meta"><a href="${escapeHtml(original)}" rel="noopener noreferrer">Read the original</a></p>` : ""}
</article>
${relatedList(related)}
</main>`;
  return document({
    title: article.title,
    css: ARTICLE_CSS,
    body,
    ...(article.language ? { lang: article.language } : {}),
  });
}
