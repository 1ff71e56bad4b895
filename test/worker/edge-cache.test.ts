// The edge cache (Workers Cache API, in workerd): a repeated search or feed is answered from it
// whatever the parameters' order, a new build of the index never is, and nothing but a 200 is
// kept. Each test asks for its own query: the cache outlives a test.
import { describe, expect, it } from "vitest";
import { compileIndex } from "../../build/compile-index.js";
import { createApp } from "../../src/app.js";
import { cacheKey } from "../../src/http/edge-cache.js";
import type { Article } from "../../src/index-format.js";
import { memoryAssets, seedFetch } from "./helpers.js";

const news = (n: number, text: string): Article => ({
  id: `news-${n}`,
  title: `Report ${n}`,
  source: "Wire",
  published: `2025-10-${String(10 + n).padStart(2, "0")}`,
  url: null,
  body: [text],
});
const ARTICLES = [news(1, "Harbour pilots went on strike."), news(2, "The harbour reopened on Friday.")];

describe("the edge cache", () => {
  it("keys a request by its parameters in one order, defaults included, and by the index's build", () => {
    const a = cacheKey("/search", { q: "Putin", limit: 10, offset: 0 }, "9-a");
    const b = cacheKey("/search", { offset: 0, limit: 10, q: "Putin" }, "9-a");
    expect(a.url).toBe(b.url);
    expect(cacheKey("/search", { q: "Putin", limit: 10, offset: 0 }, "9-b").url).not.toBe(a.url);
    expect(cacheKey("/search", { q: "Putin", limit: 10, offset: 0, source: undefined }, "9-a").url).toBe(a.url);
  });

  it("answers a repeated search from the cache, whatever the order of its parameters", async () => {
    const fetch = seedFetch("sharded");
    const first = await fetch("/search?q=Kremlin+Ryabkov&limit=3");
    expect(first.headers.get("x-newsfind-cache")).toBe("miss");
    const again = await fetch("/search?limit=3&q=Kremlin+Ryabkov&offset=0");
    expect(again.headers.get("x-newsfind-cache")).toBe("hit");
    expect(await again.json()).toEqual(await first.json());
    expect(again.headers.get("access-control-allow-origin")).toBe("*");
    const conditional = await fetch("/search?q=Kremlin+Ryabkov&limit=3", {
      headers: { "if-none-match": again.headers.get("etag")! },
    });
    expect(conditional.status).toBe(304);
  });

  it("answers a repeated feed from the cache", async () => {
    const fetch = seedFetch("sharded");
    expect((await fetch("/feed?q=Alaska+summit")).headers.get("x-newsfind-cache")).toBe("miss");
    expect((await fetch("/feed?typos=on&q=Alaska+summit")).headers.get("x-newsfind-cache")).toBe("hit");
  });

  it("never answers a new build of the index from an old one's entries", async () => {
    const build = (builtAt: string) => {
      const { artefacts, files } = compileIndex(ARTICLES, { builtAt, layout: "sharded" });
      return createApp({ artefacts, assets: memoryAssets(files) });
    };
    const old = build("2025-11-01T00:00:00Z");
    expect((await old.request("/search?q=harbour+pilots")).headers.get("x-newsfind-cache")).toBe("miss");
    expect((await old.request("/search?q=harbour+pilots")).headers.get("x-newsfind-cache")).toBe("hit");
    const rebuilt = build("2025-11-02T00:00:00Z");
    expect((await rebuilt.request("/search?q=harbour+pilots")).headers.get("x-newsfind-cache")).toBe("miss");
  });

  it("keeps no error: a damaged index's 503 is not served once the files are whole", async () => {
    const { artefacts, files } = compileIndex(ARTICLES, { builtAt: "2025-11-03T00:00:00Z", layout: "sharded" });
    const served = new Map(files);
    for (const [path, data] of files) if (path.includes("/terms/")) served.set(path, data!.subarray(1));
    const app = createApp({ artefacts, assets: memoryAssets(served) });
    expect((await app.request("/search?q=harbour+reopened")).status).toBe(503);
    for (const [path, data] of files) served.set(path, data);
    const repaired = await app.request("/search?q=harbour+reopened");
    expect(repaired.status).toBe(200);
    expect(repaired.headers.get("x-newsfind-cache")).toBe("miss");
  });
});
