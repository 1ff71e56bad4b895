// The edge cache of /search and /feed, through Miniflare's Cache API: a repeated request is
// answered from the cache, spelling variants of one request share its entry, a rebuilt index
// is never answered from the old build's entries, and a damaged index's answers are never stored.
import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import * as seedBundle from "../../dist/test-index/seeds/artefacts.js";
import type { Article } from "../../src/index-format.js";
import { compileIndex } from "../../build/compile-index.js";
import { inlineTagger } from "./tagger.js";
import { createApp } from "../../src/app.js";
import { appFor, memoryAssets } from "./helpers.js";

const fetchWorker = (path: string, init?: RequestInit) => exports.default.fetch(`http://newsfind.test${path}`, init);
const statusOf = (response: Response) => response.headers.get("cache-status");
const seeds = () => JSON.parse(seedBundle.articles!) as Article[];

describe("the edge cache", () => {
  it("answers a repeated search from the cache, with the same body and tag", async () => {
    const first = await fetchWorker("/search?q=Kremlin+spokesperson&limit=3");
    expect(first.status).toBe(200);
    expect(statusOf(first)).toBe("newsfind; fwd=uri-miss");
    const second = await fetchWorker("/search?q=Kremlin+spokesperson&limit=3");
    expect(statusOf(second)).toBe("newsfind; hit");
    expect(second.headers.get("etag")).toBe(first.headers.get("etag"));
    expect(await second.text()).toBe(await first.text());
    expect(second.headers.get("access-control-allow-origin")).toBe("*");
  });

  it("shares one entry between orders, encodings and defaults of the same parameters", async () => {
    const first = await fetchWorker("/search?q=Tomahawk%20missiles&limit=10&sort=relevance");
    expect(statusOf(first)).toBe("newsfind; fwd=uri-miss");
    for (const variant of [
      "/search?limit=10&q=Tomahawk+missiles",
      "/search?sort=relevance&q=Tomahawk%20missiles",
      "/search?q=Tomahawk+missiles&typos=on&offset=0",
    ]) {
      expect(statusOf(await fetchWorker(variant)), variant).toBe("newsfind; hit");
    }
    expect(statusOf(await fetchWorker("/search?q=Tomahawk+missiles&limit=9"))).toBe("newsfind; fwd=uri-miss");
    expect(statusOf(await fetchWorker("/search?q=tomahawk+missiles"))).toBe("newsfind; fwd=uri-miss");
  });

  it("shares one entry between orders of a list's values, and keeps apart values joined by a comma", async () => {
    const first = await fetchWorker(
      "/search?q=Kremlin&facets=source,month&person=Vladimir%20Putin&person=Donald%20Trump",
    );
    expect(statusOf(first)).toBe("newsfind; fwd=uri-miss");
    const swapped = "/search?q=Kremlin&facets=month,source&person=Donald%20Trump&person=Vladimir%20Putin";
    expect(statusOf(await fetchWorker(swapped))).toBe("newsfind; hit");
    const joined = "/search?q=Kremlin&facets=month,source&person=Donald%20Trump,Vladimir%20Putin";
    expect(statusOf(await fetchWorker(joined))).toBe("newsfind; fwd=uri-miss");
  });

  it("answers a conditional request 304 from the stored tag", async () => {
    const first = await fetchWorker("/search?q=Peskov+Budapest");
    const etag = first.headers.get("etag")!;
    const again = await fetchWorker("/search?q=Peskov+Budapest", { headers: { "if-none-match": etag } });
    expect(again.status).toBe(304);
    expect(statusOf(again)).toBe("newsfind; hit");
    expect(await again.text()).toBe("");
  });

  it("caches feeds, whose self link is the same whatever the parameters' order", async () => {
    const first = await fetchWorker("/feed?q=Putin&limit=2");
    expect(statusOf(first)).toBe("newsfind; fwd=uri-miss");
    const second = await fetchWorker("/feed?limit=2&q=Putin");
    expect(statusOf(second)).toBe("newsfind; hit");
    const xml = await second.text();
    expect(xml).toBe(await first.text());
    expect(xml).toContain('href="http://newsfind.test/feed?limit=2&amp;q=Putin&amp;typos=on" rel="self"');
  });

  it("never answers a rebuilt index from the old build's entries", async () => {
    const before = appFor(seeds().slice(0, 4), "bundle");
    const after = appFor(seeds(), "bundle");
    const path = "/search?q=Trump+Putin+meeting&limit=20";
    const old = await before.request(path);
    expect(statusOf(old)).toBe("newsfind; fwd=uri-miss");
    expect(statusOf(await before.request(path))).toBe("newsfind; hit");
    const rebuilt = await after.request(path);
    expect(statusOf(rebuilt)).toBe("newsfind; fwd=uri-miss");
    const [oldTotal, newTotal] = [
      (await old.json()) as { hits: unknown[] },
      (await rebuilt.json()) as { hits: unknown[] },
    ];
    expect(newTotal.hits.length).toBe(oldTotal.hits.length + 1);
  });

  it("keeps nothing from a damaged index, and stores the first answer once it is whole again", async () => {
    const { artefacts, files } = compileIndex(seeds(), {
      tagger: inlineTagger(),
      builtAt: "2025-06-01T00:00:00Z",
      layout: "sharded",
    });
    const served = new Map(files);
    for (const [path, data] of files)
      if (path.includes("/terms/")) {
        const changed = data!.slice();
        changed[changed.length >> 1] = changed[changed.length >> 1]! ^ 0x01;
        served.set(path, changed);
      }
    const app = createApp({ artefacts, assets: memoryAssets(served) });
    const path = "/search?q=Kremlin+Peskov+Budapest";
    for (let attempt = 0; attempt < 2; attempt++) {
      const damaged = await app.request(path);
      expect(damaged.status).toBe(503);
      expect(statusOf(damaged)).toBeNull();
    }
    for (const [file, data] of files) served.set(file, data);
    const whole = await app.request(path);
    expect(whole.status).toBe(200);
    expect(statusOf(whole)).toBe("newsfind; fwd=uri-miss");
    expect(statusOf(await app.request(path))).toBe("newsfind; hit");
  });

  it("is bypassed when NEWSFIND_EDGE_CACHE is off", async () => {
    const app = appFor(seeds(), "bundle");
    const env = { NEWSFIND_EDGE_CACHE: "off" };
    const first = await app.request("/search?q=Zelensky+Tomahawk", {}, env);
    expect(statusOf(first)).toBe("newsfind; fwd=bypass");
    expect(statusOf(await app.request("/search?q=Zelensky+Tomahawk", {}, env))).toBe("newsfind; fwd=bypass");
    expect(statusOf(await app.request("/search?q=Zelensky+Tomahawk"))).toBe("newsfind; fwd=uri-miss");
  });
});
