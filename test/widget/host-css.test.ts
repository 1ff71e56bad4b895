// The widget's look in Chromium: isolated from aggressive host CSS, no layout shift when results
// open, usable at 320 px, light and dark themes, and theming through custom properties and ::part.
import { describe, expect, inject, it } from "vitest";
import type { Page } from "playwright-core";
import { chromiumMissing, launchChromium } from "../../bench/harness/chromium.js";
import { hostPage, search, browserSession } from "./host.js";

const missing = chromiumMissing();
if (missing) console.warn(`browser tests skipped: ${missing}`);

const AGGRESSIVE = `
* { all: unset !important; display: block !important; font-size: 40px !important; color: red !important; background: lime !important; line-height: 0.5 !important; box-sizing: content-box !important; position: static !important; }
html { font-size: 40px !important; }
head, script, style, title { display: none !important; }
input, select, button, a, mark, [role=option], [role=listbox] { display: none !important; visibility: hidden !important; }
div, p { padding: 30px !important; margin: -20px !important; }
`;

function styleOf(page: Page, selector: string, property: string) {
  return page.evaluate(
    ([selector, property]) =>
      getComputedStyle(
        document.querySelector("newsfind-search")!.shadowRoot!.querySelector(selector!)!,
      ).getPropertyValue(property!),
    [selector, property],
  );
}

describe.skipIf(missing)("the widget in Chromium: look and isolation", () => {
  const worker = inject("worker");
  const session = browserSession(launchChromium);

  it("works inside a host page with aggressive global CSS", async () => {
    const { page } = await session.open(hostPage(worker, { css: AGGRESSIVE }));
    expect(await page.locator("newsfind-search input.box").isVisible()).toBe(true);
    await search(page, "Tomahawk");
    const option = page.locator("newsfind-search [role=option]").first();
    expect(await option.isVisible()).toBe(true);
    expect(await option.locator("mark").first().isVisible()).toBe(true);
    expect(await styleOf(page, "[role=option] .title", "font-size")).toBe("16px");
    expect(await styleOf(page, "[role=option] .title", "color")).toBe("rgb(11, 87, 208)");
    expect(await styleOf(page, ".panel", "position")).toBe("absolute");
    await page.keyboard.press("ArrowDown");
    await Promise.all([page.waitForURL(/\/articles\//), page.keyboard.press("Enter")]);
    await page.context().close();
  });

  it("opens its results without moving the page's content", async () => {
    const { page } = await session.open(hostPage(worker));
    const before = await page.locator("#after").boundingBox();
    const widgetBefore = await page.locator("newsfind-search").boundingBox();
    await search(page, "Putin");
    expect(await page.locator("newsfind-search .panel").isVisible()).toBe(true);
    expect(await page.locator("#after").boundingBox()).toEqual(before);
    expect(await page.locator("newsfind-search").boundingBox()).toEqual(widgetBefore);
    await page.context().close();
  });

  it("fits a 320 px wide screen without horizontal scrolling", async () => {
    const { page } = await session.open(hostPage(worker), { width: 320 });
    await search(page, "Putin");
    const fit = await page.evaluate(() => {
      const root = document.querySelector("newsfind-search")!.shadowRoot!;
      const right = Math.max(
        ...[...root.querySelectorAll("input, select, .panel, [role=option]")].map(
          (node) => node.getBoundingClientRect().right,
        ),
      );
      return { right, pageWidth: document.documentElement.scrollWidth };
    });
    expect(fit.pageWidth).toBeLessThanOrEqual(320);
    expect(fit.right).toBeLessThanOrEqual(320);
    await page.context().close();
  });

  it("follows prefers-color-scheme unless the theme attribute overrides it", async () => {
    const dark = await session.open(hostPage(worker), { colorScheme: "dark" });
    expect(await styleOf(dark.page, "input.box", "background-color")).toBe("rgb(22, 24, 29)");
    await dark.page.evaluate(() => (document.querySelector("newsfind-search")!.theme = "light"));
    expect(await styleOf(dark.page, "input.box", "background-color")).toBe("rgb(255, 255, 255)");
    await dark.page.context().close();
    const forced = await session.open(hostPage(worker, { attributes: 'theme="dark"' }), { colorScheme: "light" });
    expect(await styleOf(forced.page, "input.box", "background-color")).toBe("rgb(22, 24, 29)");
    await forced.page.context().close();
  });

  it("takes the host page's --newsfind-* custom properties and ::part() rules", async () => {
    const css =
      "newsfind-search { --newsfind-accent: rgb(200, 0, 0); --newsfind-radius: 0px } newsfind-search::part(title) { text-decoration: none }";
    const { page } = await session.open(hostPage(worker, { css }));
    await search(page, "Putin");
    expect(await styleOf(page, "[role=option] .title", "color")).toBe("rgb(200, 0, 0)");
    expect(await styleOf(page, "[role=option] .title", "text-decoration-line")).toBe("none");
    expect(await styleOf(page, "input.box", "border-top-left-radius")).toBe("0px");
    await page.context().close();
  });
});
