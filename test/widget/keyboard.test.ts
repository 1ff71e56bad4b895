// The widget's keyboard behaviour in Chromium: the WAI-ARIA combobox pattern (focus stays in
// the box, the active option is aria-activedescendant), Enter, Escape and the "/" shortcut.
import { describe, expect, inject, it } from "vitest";
import type { Page } from "playwright-core";
import { chromiumMissing, launchChromium } from "../../bench/harness/chromium.js";
import { hostPage, search, browserSession } from "./host.js";

const missing = chromiumMissing();
if (missing) console.warn(`browser tests skipped: ${missing}`);

/** What has focus inside the widget, and the combobox's ARIA state. */
function focusState(page: Page) {
  return page.evaluate(() => {
    const widget = document.querySelector("newsfind-search")!;
    const input = widget.shadowRoot!.querySelector("input.box")!;
    const selected = [...widget.shadowRoot!.querySelectorAll("[role=option][aria-selected=true]")].map(
      (node) => node.id,
    );
    return {
      focusInBox: document.activeElement === widget && widget.shadowRoot!.activeElement === input,
      expanded: input.getAttribute("aria-expanded"),
      active: input.getAttribute("aria-activedescendant"),
      selected,
    };
  });
}

describe.skipIf(missing)("the widget in Chromium: keyboard and focus", () => {
  const worker = inject("worker");
  const session = browserSession(launchChromium);

  it("moves through results with Down and Up while focus stays in the box", async () => {
    // Without completions above them: the arrow keys' first stop is the first hit.
    const { page } = await session.open(hostPage(worker, { attributes: 'suggestions="0"' }));
    await search(page, "Putin");
    expect(await focusState(page)).toEqual({ focusInBox: true, expanded: "true", active: null, selected: [] });
    await page.keyboard.press("ArrowDown");
    expect(await focusState(page)).toEqual({
      focusInBox: true,
      expanded: "true",
      active: "newsfind-option-0",
      selected: ["newsfind-option-0"],
    });
    await page.keyboard.press("ArrowDown");
    expect((await focusState(page)).selected).toEqual(["newsfind-option-1"]);
    await page.keyboard.press("ArrowUp");
    expect((await focusState(page)).active).toBe("newsfind-option-0");
    await page.keyboard.press("ArrowUp");
    expect(await focusState(page)).toMatchObject({ focusInBox: true, active: null, selected: [] });
    await page.context().close();
  });

  it("offers completions of the word being typed above the results, chosen with Down and Enter", async () => {
    const { page } = await session.open(hostPage(worker));
    await search(page, "kreml");
    const group = page.locator("newsfind-search [part=completions]");
    expect(await group.locator(".group-label").textContent()).toBe("Suggestions");
    expect(await group.locator("[role=option]").first().textContent()).toBe("Kremlin");
    // The completions come first in the list the arrow keys go through.
    await page.keyboard.press("ArrowDown");
    expect(await focusState(page)).toEqual({
      focusInBox: true,
      expanded: "true",
      active: "newsfind-completion-0",
      selected: ["newsfind-completion-0"],
    });
    const loaded = page.evaluate(
      () =>
        new Promise<string>((done) =>
          document
            .querySelector("newsfind-search")!
            .addEventListener("newsfind:load", (event) => done((event as CustomEvent).detail.query), { once: true }),
        ),
    );
    await page.keyboard.press("Enter");
    expect(await loaded).toBe("Kremlin");
    expect(await page.locator("newsfind-search input.box").inputValue()).toBe("Kremlin");
    expect((await focusState(page)).focusInBox).toBe(true);
    expect(await page.locator("newsfind-search a[role=option]").count()).toBeGreaterThan(0);
    await page.context().close();
  });

  it('offers no completions with suggestions="0", nor once the last word is followed by a space', async () => {
    const { page } = await session.open(hostPage(worker, { attributes: 'suggestions="0"' }));
    await search(page, "kreml");
    expect(await page.locator("newsfind-search [part=completions]").count()).toBe(0);
    await page.context().close();
    const other = await session.open(hostPage(worker));
    await search(other.page, "Kremlin ");
    expect(await other.page.locator("newsfind-search [part=completions]").count()).toBe(0);
    await other.page.context().close();
  });

  it("opens the active result with Enter", async () => {
    const { page } = await session.open(hostPage(worker));
    await search(page, "Tomahawk");
    await page.keyboard.press("ArrowDown");
    const href = await page.locator("newsfind-search [role=option]").first().getAttribute("href");
    await Promise.all([page.waitForURL(href!), page.keyboard.press("Enter")]);
    expect(await page.locator("h1").textContent()).toBe(
      "Russia Says Diplomatic Momentum from Putin-Trump Meeting Falters",
    );
    await page.context().close();
  });

  it("closes the list with Escape, keeps focus in the box, and reopens it with Down", async () => {
    const { page } = await session.open(hostPage(worker, { attributes: 'suggestions="0"' }));
    await search(page, "Putin");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Escape");
    expect(await focusState(page)).toEqual({ focusInBox: true, expanded: "false", active: null, selected: [] });
    expect(await page.locator("newsfind-search .panel").isHidden()).toBe(true);
    expect(await page.locator("newsfind-search input.box").inputValue()).toBe("Putin");
    await page.keyboard.press("ArrowDown");
    expect(await focusState(page)).toMatchObject({ expanded: "true", active: "newsfind-option-0" });
    await page.keyboard.press("Escape");
    await page.keyboard.press("Escape");
    expect(await page.locator("newsfind-search input.box").inputValue()).toBe("");
    await page.context().close();
  });

  it("closes the list when focus leaves the widget", async () => {
    const { page } = await session.open(hostPage(worker, { after: '<button id="elsewhere">elsewhere</button>' }));
    await search(page, "Putin");
    await page.locator("#elsewhere").focus();
    expect(await page.locator("newsfind-search .panel").isHidden()).toBe(true);
    await page.context().close();
  });

  it("focuses the box when / is pressed on the page, without typing the slash", async () => {
    const { page } = await session.open(hostPage(worker));
    await page.locator("#after").click();
    await page.keyboard.press("/");
    expect((await focusState(page)).focusInBox).toBe(true);
    expect(await page.locator("newsfind-search input.box").inputValue()).toBe("");
    await page.context().close();
  });

  it("leaves / alone when no-slash is set, and when the reader types in another field", async () => {
    const { page } = await session.open(
      hostPage(worker, { attributes: "no-slash", after: '<label>Comment <textarea id="comment"></textarea></label>' }),
    );
    await page.locator("#after").click();
    await page.keyboard.press("/");
    expect((await focusState(page)).focusInBox).toBe(false);
    await page.evaluate(() => (document.querySelector("newsfind-search")!.noSlash = false));
    await page.locator("#comment").click();
    await page.keyboard.type("a/b");
    expect(await page.locator("#comment").inputValue()).toBe("a/b");
    expect((await focusState(page)).focusInBox).toBe(false);
    await page.context().close();
  });
});
