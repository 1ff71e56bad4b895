// Accessibility in Chromium: axe-core audits the page, shadow root included, with results open
// (light and dark), and the live region announces counts politely.
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { describe, expect, inject, it } from "vitest";
import type { Page } from "playwright-core";
import { chromiumMissing, launchChromium } from "../../bench/harness/chromium.js";
import { hostPage, search, browserSession } from "./host.js";

const missing = chromiumMissing();
if (missing) console.warn(`browser tests skipped: ${missing}`);

const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

interface Violation {
  id: string;
  help: string;
  nodes: { target: unknown[] }[];
}

async function axeViolations(page: Page): Promise<Violation[]> {
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document) => Promise<{ violations: Violation[] }> } })
      .axe;
    const { violations } = await axe.run(document);
    return violations.map(({ id, help, nodes }) => ({ id, help, nodes: nodes.map(({ target }) => ({ target })) }));
  });
}

describe.skipIf(missing)("the widget in Chromium: accessibility", () => {
  const worker = inject("worker");
  const session = browserSession(launchChromium);

  it.each(["light", "dark"] as const)(
    "has no axe-core violations with results open and one active (%s scheme)",
    async (colorScheme) => {
      const { page } = await session.open(hostPage(worker), { colorScheme });
      await search(page, "Putin");
      await page.keyboard.press("ArrowDown");
      expect(await page.locator("newsfind-search .panel").isVisible()).toBe(true);
      expect(await axeViolations(page)).toEqual([]);
      await page.context().close();
    },
  );

  it("has no axe-core violations with the partial matches grouped apart, one of them active", async () => {
    const { page } = await session.open(hostPage(worker));
    await search(page, "Czech diplomats");
    for (let n = 0; n < 2; n++) await page.keyboard.press("ArrowDown");
    expect(await page.locator("newsfind-search [role=group] [aria-selected=true]").count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it("has no axe-core violations on the worker's demo page with results open", async () => {
    const context = await session.browser.newContext({ bypassCSP: true }); // to inject axe; the CSP itself is tested in pages.test.ts
    const page = await context.newPage();
    await page.goto(`${worker}/`);
    await search(page, "Tomahawk");
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it("announces the result count in a polite live region", async () => {
    const { page } = await session.open(hostPage(worker));
    await search(page, "Tomahawk");
    const live = page.locator("newsfind-search [role=status]");
    expect(await live.getAttribute("aria-live")).toBe("polite");
    expect(await live.textContent()).toMatch(/^[1-9]\d* results?$/);
    await search(page, "qqqzzzxxv");
    expect(await live.textContent()).toBe("No results for “qqqzzzxxv”");
    await page.context().close();
  });
});
