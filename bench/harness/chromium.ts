// Where the widget bench and the browser tests find Chromium (Debian's package, or
// NEWSFIND_CHROMIUM) and how they launch it with playwright-core; no browser is ever downloaded.
import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";

const CHROMIUM = process.env.NEWSFIND_CHROMIUM || "/usr/bin/chromium";

/** Why the browser cannot run here, or null when Chromium is present. */
export function chromiumMissing(): string | null {
  return existsSync(CHROMIUM)
    ? null
    : `Chromium not found at ${CHROMIUM} (apt-get install -y chromium, or set NEWSFIND_CHROMIUM)`;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
    ],
    timeout: 30_000,
  });
}
