// The worker's own pages in Chromium: the demo page runs the widget within its CSP, with no
// violation reported.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { chromiumMissing, launchChromium } from "../../bench/harness/chromium.js";
import { search } from "./host.js";

const missing = chromiumMissing();
if (missing) console.warn(`browser tests skipped: ${missing}`);

describe.skipIf(missing)("the worker's pages in Chromium", () => {
  let browser: Browser;
  const worker = inject("worker");
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("searches at once for the demo page's ?q=, as a browser's search engine opens it", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${worker}/?q=Tomahawk`);
    await page.locator("newsfind-search [role=option]").first().waitFor();
    expect(await page.locator("newsfind-search input.box").inputValue()).toBe("Tomahawk");
    expect(await page.locator("newsfind-search [role=option] mark").first().textContent()).toBe("Tomahawk");
    await context.close();
  });

  it("runs the widget on the demo page, styled, with no Content-Security-Policy violation", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.addInitScript(() => {
      const seen: string[] = ((window as unknown as { __violations: string[] }).__violations = []);
      document.addEventListener("securitypolicyviolation", (event) =>
        seen.push(`${event.violatedDirective} ${event.blockedURI}`),
      );
    });
    const response = await page.goto(`${worker}/`);
    expect(response!.headers()["content-security-policy"]).toContain("default-src 'none'");
    await search(page, "Tomahawk");
    expect(await page.locator("newsfind-search [role=option]").count()).toBeGreaterThan(0);
    const radius = await page.evaluate(
      () =>
        getComputedStyle(document.querySelector("newsfind-search")!.shadowRoot!.querySelector("input")!)
          .borderTopLeftRadius,
    );
    expect(radius).toBe("6px");
    expect(await page.evaluate(() => getComputedStyle(document.querySelector("main")!).maxWidth)).toBe("736px");
    expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);
    await context.close();
  });
});
