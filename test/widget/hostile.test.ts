// Hostile input in Chromium: a query and an article carrying <script> and <img onerror> must
// execute nothing, and no element but <mark> may enter the widget from the server.
import { describe, expect, inject, it } from "vitest";
import type { Page } from "playwright-core";
import { chromiumMissing, launchChromium } from "../../bench/harness/chromium.js";
import { hostPage, search, browserSession } from "./host.js";

const missing = chromiumMissing();
if (missing) console.warn(`browser tests skipped: ${missing}`);

const TRAP = "<script>window.__pwned = 0</script>";
const HOSTILE_QUERY = `<img src=x onerror="window.__pwned=1;alert(1)"><script>window.__pwned=2;alert(2)</script> Tomahawk`;

/** What a successful injection would leave behind. */
function traces(page: Page) {
  return page.evaluate(() => {
    const root = document.querySelector("newsfind-search")!.shadowRoot!;
    const tags = new Set([...root.querySelectorAll("*")].map((node) => node.localName));
    return {
      pwned: (window as unknown as { __pwned?: number }).__pwned,
      dangerous: root.querySelectorAll("script, img, iframe, svg, object, embed, style, link, b").length,
      snippetTags: [...root.querySelectorAll(".snippet *")]
        .map((node) => node.outerHTML.replace(/>.*$/, ">"))
        .filter((tag) => tag !== "<mark>"),
      tags: [...tags].sort(),
    };
  });
}

describe.skipIf(missing)("the widget in Chromium: hostile input", () => {
  const worker = inject("worker");
  const hostile = `${worker}/hostile`;
  const session = browserSession(launchChromium);

  it("executes nothing from a hostile query typed into the box", async () => {
    const { page, dialogs } = await session.open(
      hostPage(hostile, { attributes: `endpoint="${hostile}"`, after: TRAP }),
    );
    expect(await search(page, HOSTILE_QUERY)).toBe("load");
    await page.waitForTimeout(300);
    const found = await traces(page);
    expect(dialogs).toEqual([]);
    expect(found).toMatchObject({ pwned: 0, dangerous: 0, snippetTags: [] });
    // The query's markup is shown as text, with the matching words marked.
    expect(await page.locator("newsfind-search .snippet").first().textContent()).toContain(
      "<img src=x onerror=alert(2)>",
    );
    await page.context().close();
  });

  it("shows a did-you-mean suggestion that repeats a hostile query as text", async () => {
    const { page, dialogs } = await session.open(
      hostPage(hostile, { attributes: `endpoint="${hostile}"`, after: TRAP }),
    );
    const query = HOSTILE_QUERY.replace("Tomahawk", "Tomahwak");
    expect(await search(page, query)).toBe("load");
    await page.waitForTimeout(300);
    expect(dialogs).toEqual([]);
    expect(await traces(page)).toMatchObject({ pwned: 0, dangerous: 0 });
    expect(await page.locator("newsfind-search [part=suggestion]").textContent()).toBe(HOSTILE_QUERY);
    await page.context().close();
  });

  it("shows completions from a hostile title as its words, in text", async () => {
    const { page, dialogs } = await session.open(
      hostPage(hostile, { attributes: `endpoint="${hostile}"`, after: TRAP }),
    );
    expect(await search(page, "<script>alert")).toBe("load");
    await page.waitForTimeout(300);
    expect(dialogs).toEqual([]);
    expect(await traces(page)).toMatchObject({ pwned: 0, dangerous: 0 });
    const completions = await page.locator("newsfind-search [part=completion]").allTextContents();
    expect(completions.length).toBeGreaterThan(0);
    expect(completions[0]).toMatch(/^script alert/);
    for (const text of completions) expect(text).toMatch(/^script\b/);
    expect(await page.locator("newsfind-search [part=completions] *:not(.option):not(.group-label)").count()).toBe(0);
    await page.context().close();
  });

  it("shows a hostile article's title, source and snippet as text, and never links its javascript: URL", async () => {
    const { page, dialogs } = await session.open(
      hostPage(hostile, { attributes: `endpoint="${hostile}"`, after: TRAP }),
    );
    await search(page, "Tomahawk");
    const option = page.locator("newsfind-search a[role=option]", { hasText: "exposé" });
    expect(await option.locator(".title").textContent()).toBe("<script>alert('title')</script> Tomahawk exposé");
    expect(await option.locator("[part=source]").textContent()).toBe("<b>Evil</b> Press");
    expect(await option.locator(".snippet").textContent()).toContain("<script>alert(1)</script>");
    expect(await option.getAttribute("href")).toBe(`${hostile}/articles/hostile-script`);
    expect(await traces(page)).toMatchObject({ pwned: 0, dangerous: 0, snippetTags: [] });
    // Opening it leads to the worker's article page, where it is text too.
    await Promise.all([page.waitForURL(`${hostile}/articles/hostile-script`), option.click()]);
    expect(await page.locator("h1").textContent()).toBe("<script>alert('title')</script> Tomahawk exposé");
    expect(await page.locator("script, img").count()).toBe(0);
    expect(dialogs).toEqual([]);
    await page.context().close();
  });

  it("falls back to plain text when a snippet carries any markup but a bare <mark>", async () => {
    const { page, dialogs } = await session.open(hostPage(worker, { after: TRAP }));
    const snippet = `a <mark onclick="alert(1)">b</mark> <img src=x onerror="window.__pwned=3"> c`;
    await page.route("**/search?*", (route) =>
      route.fulfill({
        json: {
          query: "b",
          total: 1,
          offset: 0,
          limit: 8,
          hits: [{ id: "x", title: "t", url: "javascript:alert(4)", source: null, published: null, snippet }],
        },
      }),
    );
    await search(page, "b");
    await page.waitForTimeout(300);
    const option = page.locator("newsfind-search [role=option]");
    expect(await option.locator(".snippet").textContent()).toBe("a b  c");
    expect(await option.getAttribute("href")).toBe(`${worker}/articles/x`);
    expect(await traces(page)).toMatchObject({ pwned: 0, dangerous: 0, snippetTags: [] });
    await option.click({ modifiers: [] }).catch(() => undefined);
    expect(dialogs).toEqual([]);
    await page.context().close();
  });
});
