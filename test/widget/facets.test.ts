// The widget's date histogram and entity chips in Chromium: a chip narrows the results to the
// people, organisations and places it names and widens them again, keeping the focus; a bar
// narrows the dates to its month. The seeds name Donald Trump and Vladimir Putin in four
// stories each and Dmitry Peskov in one; the mixed fixture's articles span many months.
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { chromiumMissing, launchChromium } from "../../bench/harness/chromium.js";
import { browserSession, hostPage, search } from "./host.js";

const missing = chromiumMissing();
if (missing) console.warn(`browser tests skipped: ${missing}`);

/** Waits for the widget's next answer after `act`, returning the /search URL it asked. */
async function answerTo(page: Page, act: () => Promise<void>): Promise<URL> {
  const request = page.waitForRequest((req) => req.url().includes("/search?"));
  const answered = page.evaluate(
    () =>
      new Promise<void>((done) =>
        document.querySelector("newsfind-search")!.addEventListener("newsfind:load", () => done(), { once: true }),
      ),
  );
  await act();
  const url = new URL((await request).url());
  await answered;
  return url;
}

const chips = (page: Page) =>
  page
    .locator("newsfind-search [part=chip]")
    .evaluateAll((nodes) =>
      nodes.map((node) => ({ name: node.textContent, pressed: node.getAttribute("aria-pressed") })),
    );

describe.skipIf(missing)("the widget in Chromium: histogram and entity chips", () => {
  const worker = inject("worker");
  const session = browserSession(launchChromium);

  it("offers the results' most named entities as chips that narrow the search and widen it again", async () => {
    const { page } = await session.open(hostPage(worker));
    const first = await answerTo(page, async () => {
      await page.locator("newsfind-search input.box").fill("Putin");
    });
    expect(first.searchParams.get("facets")).toBe("month,person,org,place");
    const offered = await chips(page);
    expect(
      offered
        .slice(0, 2)
        .map(({ name }) => name)
        .sort(),
    ).toEqual(["Donald Trump", "Vladimir Putin"]);
    expect(offered.every(({ pressed }) => pressed === "false")).toBe(true);
    const hits = await page.locator("newsfind-search a[role=option]").count();
    expect(hits).toBe(5);

    const chip = page.locator("newsfind-search [part=chip]", { hasText: "Dmitry Peskov" });
    const narrowed = await answerTo(page, () => chip.click());
    expect(narrowed.searchParams.getAll("person")).toEqual(["Dmitry Peskov"]);
    expect(await page.locator("newsfind-search a[role=option]").count()).toBe(1);
    expect(await page.locator("newsfind-search a[role=option] .title").textContent()).toBe(
      "Putin, Trump Still Open To Meeting: Russia",
    );
    expect((await chips(page)).find(({ name }) => name === "Dmitry Peskov")?.pressed).toBe("true");
    // The pressed chip keeps the focus, and the results stay open.
    expect(
      await page.locator("newsfind-search").evaluate((widget) => widget.shadowRoot!.activeElement?.textContent),
    ).toBe("Dmitry Peskov");
    expect(await page.locator("newsfind-search [part=panel]").isVisible()).toBe(true);

    const widened = await answerTo(page, () => page.keyboard.press("Enter"));
    expect(widened.searchParams.getAll("person")).toEqual([]);
    expect(await page.locator("newsfind-search a[role=option]").count()).toBe(5);
    await page.context().close();
  });

  it("draws a bar a month of the results, and narrows the dates to the month pressed", async () => {
    const mixed = `${worker}/mixed`;
    const { page } = await session.open(hostPage(mixed, { attributes: `endpoint="${mixed}"` }));
    expect(await search(page, "return")).toBe("load");
    const bars = page.locator("newsfind-search [part=bar]");
    const labels = await bars.evaluateAll((nodes) => nodes.map((node) => node.getAttribute("aria-label")));
    expect(labels.length).toBeGreaterThan(1);
    for (const label of labels) expect(label).toMatch(/^[A-Z][a-z]{2} 2025: \d+$/);
    // Each bar is a target of the whole histogram's height, filled to its month's share.
    const sizes = await bars.evaluateAll((nodes) =>
      nodes.map((node) => ({
        height: (node as HTMLElement).offsetHeight,
        fill: Number.parseFloat((node as HTMLElement).style.getPropertyValue("--h")),
      })),
    );
    expect(Math.min(...sizes.map(({ height }) => height))).toBeGreaterThanOrEqual(24);
    const fills = sizes.map(({ fill }) => fill);
    expect(Math.max(...fills)).toBe(100);
    // The busiest month's bar is filled the most; pressing it asks for that month alone.
    const tallest = fills.indexOf(100);
    const month = (await bars.nth(tallest).getAttribute("data-key"))!;
    const [year, number] = month.split("-").map(Number);
    const narrowed = await answerTo(page, () => bars.nth(tallest).click());
    expect(narrowed.searchParams.get("from")).toBe(`${month}-01`);
    expect(narrowed.searchParams.get("to")).toBe(new Date(Date.UTC(year!, number!, 0)).toISOString().slice(0, 10));
    const dates = await page
      .locator("newsfind-search a[role=option] time")
      .evaluateAll((nodes) => nodes.map((node) => node.getAttribute("datetime")));
    expect(dates.length).toBeGreaterThan(0);
    for (const date of dates) expect(date!.startsWith(month)).toBe(true);
    expect(await page.locator(`newsfind-search [part=bar][data-key="${month}"]`).getAttribute("aria-pressed")).toBe(
      "true",
    );
    await page.context().close();
  });

  it("shows a hostile entity name as text, and runs nothing of it", async () => {
    const { page, dialogs } = await session.open(hostPage(worker));
    const hostile = `<img src=x onerror="window.__pwned=1;alert(1)">Evil</b>`;
    await page.route("**/search?**", async (route) => {
      const response = await route.fetch();
      const body = await response.json();
      body.facets = {
        ...body.facets,
        person: [{ value: hostile, count: 9 }],
        month: [
          { value: "2025-10", count: 1 },
          { value: "2025-11", count: 2 },
        ],
      };
      await route.fulfill({ response, json: body });
    });
    expect(await search(page, "Putin")).toBe("load");
    const chip = page.locator("newsfind-search [part=chip]").first();
    expect(await chip.textContent()).toBe(hostile);
    const traces = await page.locator("newsfind-search").evaluate((widget) => ({
      pwned: (window as unknown as { __pwned?: number }).__pwned,
      elements: widget.shadowRoot!.querySelectorAll("[part=facets] img, [part=facets] b").length,
    }));
    expect(traces).toEqual({ pwned: undefined, elements: 0 });
    expect(dialogs).toEqual([]);
    await page.context().close();
  });
});
