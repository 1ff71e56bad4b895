// Host pages for the browser tests, served by a plain node server on loopback: another origin
// than the worker's, as a news site embedding the widget would be. Also the test's page set-up.
import { createServer, type Server } from "node:http";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";

export interface HostPageOptions {
  /** Attributes of <newsfind-search>, as written in HTML. */
  attributes?: string;
  /** The host page's own CSS. */
  css?: string;
  /** Extra markup after the widget. */
  after?: string;
}

export function hostPage(worker: string, { attributes = "", css = "", after = "" }: HostPageOptions = {}): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>A news site</title><style>${css}</style></head>
<body><main><h1>A news site</h1><newsfind-search ${attributes}></newsfind-search><p id="after">The page's content, after the widget.</p>${after}</main>
<script type="module" src="${worker}/widget.js"></script></body></html>`;
}

export interface HostServer {
  origin: string;
  /** Serves this HTML at a fresh path; returns its URL. */
  serve: (html: string) => string;
  close: () => Promise<void>;
}

export async function startHost(): Promise<HostServer> {
  const pages = new Map<string, string>();
  const server: Server = createServer((request, response) => {
    const html = pages.get(request.url ?? "");
    response.writeHead(html ? 200 : 404, { "content-type": "text/html; charset=utf-8" });
    response.end(html ?? "not found");
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return {
    origin,
    serve: (html) => {
      const path = `/page-${pages.size}.html`;
      pages.set(path, html);
      return `${origin}${path}`;
    },
    close: () => new Promise((done) => server.close(() => done())),
  };
}

/** Opens a host page in a fresh context; `dialogs` collects any alert/confirm/prompt. */
export async function openPage(
  browser: Browser,
  url: string,
  { colorScheme = "light" as "light" | "dark", width = 1000 } = {},
): Promise<{ page: Page; dialogs: string[] }> {
  const context = await browser.newContext({ colorScheme, viewport: { width, height: 800 } });
  const page = await context.newPage();
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(url);
  await page.locator("newsfind-search input.box").waitFor();
  return { page, dialogs };
}

/** Types a query into the widget and waits for its answer: `newsfind:load` or `newsfind:error`. */
export async function search(page: Page, query: string): Promise<string> {
  const answered = page.evaluate(
    () =>
      new Promise<string>((done) => {
        const widget = document.querySelector("newsfind-search")!;
        widget.addEventListener("newsfind:load", () => done("load"), { once: true });
        widget.addEventListener("newsfind:error", () => done("error"), { once: true });
      }),
  );
  await page.locator("newsfind-search input.box").fill(query);
  return answered;
}

export interface BrowserSession {
  readonly browser: Browser;
  readonly host: HostServer;
  /** Opens a host page with this HTML in a fresh browser context (see openPage for the options). */
  open(html: string, options?: Parameters<typeof openPage>[2]): ReturnType<typeof openPage>;
}

/** Chromium and a host server for one describe block: started before its tests, closed after. */
export function browserSession(launch: () => Promise<Browser>): BrowserSession {
  let browser: Browser | undefined;
  let host: HostServer | undefined;
  beforeAll(async () => {
    [browser, host] = await Promise.all([launch(), startHost()]);
  });
  afterAll(async () => {
    await browser?.close();
    await host?.close();
  });
  return {
    get browser() {
      return browser!;
    },
    get host() {
      return host!;
    },
    open(html, options) {
      return openPage(browser!, host!.serve(html), options);
    },
  };
}
