// The widget bench, in Chromium on the demo page of a served worker (harness/worker.ts):
//   - the widget's size: the bytes of /widget.js Chromium received, and gzipped (level 9), against
//     the 10 KB budget and the peers the issue names (Algolia Autocomplete 23.8 KB, Pagefind's
//     default UI 29.5 KB, gzip);
//   - keystroke to results painted: performance.now() in the page from the keydown of a query's
//     last letter to the first animation frame after `newsfind:load` (plus a task, so the frame
//     has painted), median over many keystrokes, with the debounce shown apart. HTTP cache off.
import { gzipSync } from "node:zlib";
import { chromiumMissing, launchChromium } from "./harness/chromium.js";
import { median, percentiles, type Percentiles } from "./stats.js";

// The page's globals as the in-page callbacks below use them: this file is type-checked for Node.
interface PageWidget {
  debounce: number;
  state: string;
  shadowRoot: { addEventListener(type: string, listener: () => void, capture: boolean): void };
  addEventListener(type: string, listener: () => void): void;
}
declare const document: { querySelector(selector: string): PageWidget | null };
declare const window: { __bench: { start: number; painted: number } };
declare function requestAnimationFrame(callback: () => void): number;

/** The gzip sizes of the widgets the issue compares with, bytes. */
export const PEERS_GZIP = { "Algolia Autocomplete": 23_800, "Pagefind UI": 29_500 };
const WORDS = [
  "Putin",
  "Tomahawk",
  "Trump",
  "summit",
  "Kremlin",
  "Ukraine",
  "Budapest",
  "missiles",
  "Zelensky",
  "Russia",
  "Peskov",
  "Rubio",
  "Lavrov",
  "sanctions",
  "meeting",
];

export interface WidgetFigures {
  /** Bytes of /widget.js as Chromium received them, and gzipped at level 9. */
  receivedBytes: number;
  gzipBytes: number;
  /** The widget's debounce, ms: part of every keystroke's time. */
  debounceMs: number;
  /** Keydown of a query's last letter to results painted, ms. */
  paintMs: Percentiles;
  /** The /search request of each keystroke alone, median ms. */
  requestMedianMs: number;
}

/** Measures the widget on the demo page of the worker at `base`; the reason instead when Chromium is absent. */
export async function benchWidget(
  base: string,
  { trials = 30 }: { trials?: number } = {},
): Promise<WidgetFigures | { skipped: string }> {
  const missing = chromiumMissing();
  if (missing) return { skipped: `widget bench skipped: ${missing}` };
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    const script = page.waitForResponse((response) => response.url().endsWith("/widget.js"));
    await page.goto(`${base}/`, { headers: { accept: "text/html" } } as never);
    const received = await (await script).body();
    const box = page.locator("newsfind-search input.box");
    await box.waitFor();
    const debounceMs = await page.evaluate(() => document.querySelector("newsfind-search")!.debounce);
    await page.evaluate(() => {
      const widget = document.querySelector("newsfind-search")!;
      const times = (window.__bench = { start: 0, painted: 0 });
      widget.shadowRoot!.addEventListener("keydown", () => (times.start = performance.now()), true);
      widget.addEventListener("newsfind:load", () =>
        requestAnimationFrame(() => setTimeout(() => (times.painted = performance.now()))),
      );
    });
    const paint: number[] = [];
    const request: number[] = [];
    for (let trial = -3; trial < trials; trial++) {
      const word = WORDS[(trial + WORDS.length) % WORDS.length]!;
      await box.fill("");
      await page.waitForFunction(() => document.querySelector("newsfind-search")!.state === "empty");
      await box.fill(word.slice(0, -1));
      await page.waitForFunction(() =>
        ["results", "no-results"].includes(document.querySelector("newsfind-search")!.state),
      );
      await page.evaluate(() => {
        window.__bench.painted = 0;
        performance.clearResourceTimings();
      });
      await box.press(word.slice(-1));
      const [start, painted] = (await (
        await page.waitForFunction(() => {
          const { start, painted } = window.__bench;
          return painted > start && [start, painted];
        })
      ).jsonValue()) as [number, number];
      const fetched = await page.evaluate(() =>
        performance
          .getEntriesByType("resource")
          .filter((entry) => entry.name.includes("/search?"))
          .map((entry) => entry.duration),
      );
      if (trial < 0) continue; // warm-up
      paint.push(painted - start);
      request.push(...fetched.slice(-1));
    }
    return {
      receivedBytes: received.length,
      gzipBytes: gzipSync(received, { level: 9 }).length,
      debounceMs,
      paintMs: percentiles(paint),
      requestMedianMs: median(request),
    };
  } finally {
    await browser.close();
  }
}
