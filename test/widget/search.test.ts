// The widget in Chromium: results as you type, filters, more results, and its empty, loading,
// no-results and error states, on a host page of another origin than the worker's.
import { describe, expect, inject, it } from "vitest";
import { chromiumMissing, launchChromium } from "../../bench/harness/chromium.js";
import { hostPage, search, browserSession } from "./host.js";

const missing = chromiumMissing();
if (missing) console.warn(`browser tests skipped: ${missing}`);

describe.skipIf(missing)("the widget in Chromium: searching", () => {
  const worker = inject("worker");
  const session = browserSession(launchChromium);

  it("shows results as you type: title linked to the article page, source, date and a highlighted snippet, from the script's own origin", async () => {
    // A debounce far above the 20 ms between keystrokes, so a busy machine's slow typing still
    // makes one request.
    const { page } = await session.open(hostPage(worker, { attributes: 'debounce="1000"' }));
    const requests: string[] = [];
    page.on("request", (request) => requests.push(request.url()));
    await page.locator("newsfind-search input.box").pressSequentially("Tomahawk", { delay: 20 });
    const first = page.locator("newsfind-search [role=option]").first();
    await first.waitFor();
    expect(await first.locator(".title").textContent()).toBe(
      "Russia Says Diplomatic Momentum from Putin-Trump Meeting Falters",
    );
    expect(await first.locator("[part=source]").textContent()).toBe("MENAFN");
    expect(await first.locator("time").getAttribute("datetime")).toBe("2025-10-08");
    expect(await first.locator("mark").first().textContent()).toBe("Tomahawk");
    expect(await first.getAttribute("href")).toBe(
      `${worker}/articles/russia-says-diplomatic-momentum-from-putin-trump-meeting-falters-2025-10-08`,
    );
    const searches = requests.filter((url) => url.includes("/search?"));
    expect(searches.length).toBe(1); // debounced: one request for eight keystrokes
    expect(searches[0]!.startsWith(`${worker}/search?q=Tomahawk`)).toBe(true);
    expect(new URL(searches[0]!).searchParams.get("prefix")).toBe("last");
    expect(await page.locator("newsfind-search [role=status]").textContent()).toMatch(/^\d+ results?$/);
    await page.context().close();
  });

  it("completes the word being typed, and stops once a space follows it", async () => {
    const { page } = await session.open(hostPage(worker));
    const requests: string[] = [];
    page.on("request", (request) => requests.push(request.url()));
    await search(page, "Zelen");
    expect(await page.locator("newsfind-search [role=option] mark").first().textContent()).toMatch(/^Zelensk[iy]y$/);
    await search(page, "Zelen ");
    const prefixes = requests
      .filter((url) => url.includes("/search?"))
      .map((url) => new URL(url).searchParams.get("prefix"));
    expect(prefixes).toEqual(["last", null]);
    expect(
      await page.locator("newsfind-search").evaluate((widget) => (widget as HTMLElement & { state: string }).state),
    ).toBe("no-results");
    await page.context().close();
  });

  it("offers the query in the index's spelling as a button that searches for it", async () => {
    const { page } = await session.open(hostPage(worker));
    await search(page, "Tomahwak");
    const suggestion = page.locator("newsfind-search [part=suggestion]");
    expect(await page.locator("newsfind-search [part=did-you-mean]").textContent()).toBe("Did you mean Tomahawk?");
    const answered = page.evaluate(
      () =>
        new Promise<string>((done) =>
          document
            .querySelector("newsfind-search")!
            .addEventListener("newsfind:load", (event) => done((event as CustomEvent).detail.query), { once: true }),
        ),
    );
    await suggestion.click();
    expect(await answered).toBe("Tomahawk");
    expect(await page.locator("newsfind-search input.box").inputValue()).toBe("Tomahawk");
    expect(await page.locator("newsfind-search [part=did-you-mean]").isHidden()).toBe(true);
    expect(await page.locator("newsfind-search .panel").isVisible()).toBe(true);
    await page.context().close();
  });

  it("cancels a stale request, so a slow answer to an earlier query never replaces newer results", async () => {
    const { page } = await session.open(hostPage(worker, { attributes: 'debounce="0"' }));
    const aborted: string[] = [];
    page.on("requestfailed", (request) => aborted.push(new URL(request.url()).searchParams.get("q") ?? ""));
    await page.route("**/search?q=Putin*", async (route) => {
      await new Promise((done) => setTimeout(done, 1000));
      await route
        .fulfill({
          json: {
            query: "Putin",
            total: 1,
            offset: 0,
            limit: 8,
            hits: [{ id: "x", title: "STALE", url: null, source: null, published: null, snippet: "stale" }],
          },
        })
        .catch(() => undefined);
    });
    await page.locator("newsfind-search input.box").fill("Putin");
    await page.waitForTimeout(100);
    expect(await search(page, "Tomahawk")).toBe("load");
    await page.waitForTimeout(1200);
    const titles = await page.locator("newsfind-search [role=option] .title").allTextContents();
    expect(titles).not.toContain("STALE");
    expect(titles.length).toBeGreaterThan(0);
    expect(aborted).toContain("Putin");
    await page.context().close();
  });

  it("offers the sources and date range from /filters and applies a chosen source", async () => {
    const { page } = await session.open(hostPage(worker));
    const select = page.locator("newsfind-search select");
    await page.waitForFunction(
      () => document.querySelector("newsfind-search")!.shadowRoot!.querySelectorAll("select option").length > 1,
    );
    expect(await select.locator("option").allTextContents()).toContain("AzerNews (1)");
    expect(await page.locator("newsfind-search input[type=date]").first().getAttribute("min")).toMatch(
      /^\d{4}-\d{2}-\d{2}$/,
    );
    await select.selectOption("AzerNews");
    const seen = page.waitForRequest((request) => request.url().includes("source=AzerNews"));
    await search(page, "Putin");
    await seen;
    expect(await page.locator("newsfind-search [part=source]").allTextContents()).toEqual(["AzerNews"]);
    await page.context().close();
  });

  it("loads the next page with the more-results control", async () => {
    const { page } = await session.open(hostPage(worker, { attributes: 'limit="1"' }));
    await search(page, "Putin");
    // Hits are links; the completions above them are not.
    const hits = page.locator("newsfind-search a[role=option]");
    const completions = page.locator("newsfind-search [part=completion]");
    expect(await hits.count()).toBe(1);
    const offered = await completions.allTextContents();
    expect(offered.length).toBeGreaterThan(0);
    await page.keyboard.press("ArrowDown");
    await page.locator("newsfind-search button.more").click();
    await hits.nth(1).waitFor();
    expect(await hits.count()).toBe(2);
    // The completions stay above the hits as they were, the active one still selected.
    expect(await completions.allTextContents()).toEqual(offered);
    expect(await completions.first().getAttribute("aria-selected")).toBe("true");
    await page.context().close();
  });

  it("heads the results lacking a word of the query apart, and pages on into them", async () => {
    const { page } = await session.open(hostPage(worker, { attributes: 'limit="2"' }));
    await search(page, "Czech diplomats");
    const options = page.locator("newsfind-search [role=option]");
    const group = page.locator("newsfind-search .list [role=group]");
    expect(await options.count()).toBe(2);
    expect(await page.locator("newsfind-search .list > [role=option]").count()).toBe(1);
    expect(await group.locator(".group-label").textContent()).toBe("Also matching some of your words");
    expect(await group.getAttribute("aria-labelledby")).toBe(await group.locator(".group-label").getAttribute("id"));
    expect(await group.locator("[role=option]").count()).toBe(1);
    expect(await page.locator("newsfind-search [role=status]").textContent()).toBe("1 result");
    // The next page's partial hits join the group; the arrow keys go through both groups.
    // The last page: the control goes, and the results stay open with focus back in the box.
    await page.locator("newsfind-search button.more").click();
    await options.nth(2).waitFor();
    expect(await page.locator("newsfind-search button.more").isHidden()).toBe(true);
    expect(await group.locator("[role=option]").count()).toBe((await options.count()) - 1);
    for (let n = 0; n < 3; n++) await page.keyboard.press("ArrowDown");
    expect(await options.nth(2).getAttribute("aria-selected")).toBe("true");
    await page.context().close();
  });

  it("says when no result has every word, and heads them all as partial", async () => {
    const { page } = await session.open(hostPage(worker));
    await search(page, "Tomahawk xyzzyplugh");
    expect(await page.locator("newsfind-search .list > [role=option]").count()).toBe(0);
    expect(await page.locator("newsfind-search .group-label").textContent()).toBe("Matching some of your words");
    expect(await page.locator("newsfind-search [role=status]").textContent()).toBe(
      "No result has all of your words; 3 have some",
    );
    await page.context().close();
  });

  it("goes from empty to loading to results, says when nothing matches, and closes when the box is cleared", async () => {
    const { page } = await session.open(hostPage(worker));
    const state = () => page.evaluate(() => document.querySelector("newsfind-search")!.state);
    expect(await state()).toBe("empty");
    await page.route("**/search?*", async (route) => {
      await new Promise((done) => setTimeout(done, 300));
      await route.continue().catch(() => undefined);
    });
    await page.locator("newsfind-search input.box").fill("Putin");
    await page.waitForFunction(() => document.querySelector("newsfind-search")!.state === "loading");
    expect(await page.locator("newsfind-search .status").textContent()).toBe("Searching…");
    await page.waitForFunction(() => document.querySelector("newsfind-search")!.state === "results");
    expect(await search(page, "qqqzzzxxv")).toBe("load");
    expect(await state()).toBe("no-results");
    expect(await page.locator("newsfind-search .status").textContent()).toBe("No results for “qqqzzzxxv”");
    await page.locator("newsfind-search input.box").fill("");
    await page.waitForFunction(() => document.querySelector("newsfind-search")!.state === "empty");
    expect(await page.locator("newsfind-search .panel").isHidden()).toBe(true);
    await page.context().close();
  });

  it("keeps the last good results when a search fails, and says what went wrong", async () => {
    const { page } = await session.open(hostPage(worker));
    await search(page, "Putin");
    const before = await page.locator("newsfind-search [role=option] .title").allTextContents();
    await page.route("**/search?*", (route) =>
      route.fulfill({
        status: 503,
        contentType: "application/problem+json",
        json: { type: "/problems/internal", title: "x", status: 503, detail: "the archive is resting" },
      }),
    );
    expect(await search(page, "Putin summit")).toBe("error");
    expect(await page.locator("newsfind-search .status").textContent()).toBe("Search failed: the archive is resting");
    expect(await page.locator("newsfind-search [role=option] .title").allTextContents()).toEqual(before);
    expect(await page.locator("newsfind-search [role=status]").textContent()).toBe(
      "Search failed: the archive is resting",
    );
    await page.context().close();
  });

  it("replaces its strings through the strings attribute and property", async () => {
    const strings = JSON.stringify({
      placeholder: "Rechercher…",
      noResults: "Aucun résultat pour « {query} »",
    }).replace(/"/g, "&quot;");
    const { page } = await session.open(hostPage(worker, { attributes: `strings="${strings}"` }));
    expect(await page.locator("newsfind-search input.box").getAttribute("placeholder")).toBe("Rechercher…");
    await search(page, "qqqzzzxxv");
    expect(await page.locator("newsfind-search .status").textContent()).toBe("Aucun résultat pour « qqqzzzxxv »");
    await page.evaluate(() => {
      document.querySelector("newsfind-search")!.strings = { label: "Recherche dans les archives" };
    });
    expect(await page.locator("newsfind-search input.box").getAttribute("aria-label")).toBe(
      "Recherche dans les archives",
    );
    await page.context().close();
  });
});
