// The worker refuses artefacts written with another format version or configuration (but
// serves any valid ranking constants, with which it ranks as their impacts say), says
// what is wrong with a sharded index it cannot read, and never serves the shards themselves.
import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { compileIndex } from "../../build/compile-index.js";
import { inlineTagger } from "./tagger.js";
import * as sharded from "../../dist/index/artefacts.js";
import * as seeds from "../../dist/test-index/seeds/artefacts.js";
import { createApp } from "../../src/app.js";
import { assetReader, indexLoader, type AssetsBinding } from "../../src/engine/store/load.js";
import {
  analyze,
  INDEX_FORMAT_VERSION,
  RANKING,
  fnv1a,
  idTableOf,
  shardPaths,
  type Article,
  type RankingConstants,
} from "../../src/index-format.js";
import { seededRandom } from "../../src/engine/phrase/seeded-random.js";
import { story } from "../articles.js";
import { appWithChangedFile, memoryAssets, NO_EDGE_CACHE, problemOf } from "./helpers.js";

describe("index format check", () => {
  it("refuses an index built with another format version, saying how to fix it", async () => {
    const app = createApp({
      artefacts: { ...seeds, manifest: { ...seeds.manifest, formatVersion: INDEX_FORMAT_VERSION + 1 } },
    });
    for (const path of ["/search?q=Putin", "/health"]) {
      const response = await app.request(path, {}, NO_EDGE_CACHE);
      expect(response.status).toBe(503);
      const problem = await problemOf(response);
      expect(problem.type).toBe("/problems/index-unavailable");
      expect(problem.detail).toContain(`format version ${INDEX_FORMAT_VERSION + 1}`);
      expect(problem.detail).toContain("npm run build");
    }
  });

  it("refuses an index built with another configuration", async () => {
    const config = { ...seeds.manifest.config, tokenize: "strict" } as unknown as typeof seeds.manifest.config;
    const app = createApp({ artefacts: { ...seeds, manifest: { ...seeds.manifest, config } } });
    const problem = await problemOf(await app.request("/search?q=Putin", {}, NO_EDGE_CACHE));
    expect(problem.detail).toContain("configuration");
  });

  it("serves an index built with other ranking constants, ranked by its own impacts, in both layouts", async () => {
    const made = [
      story("in-title", "Zebra crossing rules change", "The city council voted on Monday."),
      story("in-body", "Council vote", "Zebra, zebra and zebra again: the zebra crossing debate went on."),
    ];
    const order = async (ranking?: RankingConstants) => {
      const orders: string[][] = [];
      for (const layout of ["bundle", "sharded"] as const) {
        const { artefacts, files } = compileIndex(made, {
          tagger: inlineTagger(),
          builtAt: "2025-01-01T00:00:00Z",
          layout,
          ranking,
        });
        if (ranking) expect(artefacts.manifest.config).toMatchObject(ranking);
        const app = createApp({ artefacts, ...(layout === "sharded" ? { assets: memoryAssets(files) } : {}) });
        const response = await app.request("/search?q=zebra", {}, NO_EDGE_CACHE);
        expect(response.status).toBe(200);
        orders.push(((await response.json()) as { hits: { id: string }[] }).hits.map((hit) => hit.id));
      }
      expect(orders[1]).toEqual(orders[0]);
      return orders[0];
    };
    // A title word counting once loses to four in the body; counting ten times, it wins.
    const bm25 = { ...RANKING.bm25 };
    expect(await order({ weights: { title: 1, body: 1 }, leadBonus: 0, bm25 })).toEqual(["in-body", "in-title"]);
    expect(await order({ weights: { title: 10, body: 1 }, leadBonus: 0, bm25 })).toEqual(["in-title", "in-body"]);
  });

  it.each([
    ["a negative field weight", { weights: { title: -1, body: 1 } }, "field weights"],
    ["b above 1", { bm25: { ...RANKING.bm25, b: 1.5 } }, "k1 or b"],
    [
      "another number of impact levels",
      { bm25: { ...RANKING.bm25, levels: RANKING.bm25.levels * 2 } },
      "impact levels",
    ],
  ])("refuses an index whose ranking constants cannot be served: %s", async (_, change, said) => {
    const config = { ...seeds.manifest.config, ...change } as typeof seeds.manifest.config;
    const app = createApp({ artefacts: { ...seeds, manifest: { ...seeds.manifest, config } } });
    const response = await app.request("/search?q=Putin", {}, NO_EDGE_CACHE);
    expect(response.status).toBe(503);
    const problem = await problemOf(response);
    expect(problem.detail).toContain("ranking constants cannot be served");
    expect(problem.detail).toContain(said);
  });

  it("serves the same artefacts when the format matches", async () => {
    const app = createApp({ artefacts: seeds });
    expect(seeds.manifest.layout.kind).toBe("bundle");
    expect((await app.request("/health", {}, NO_EDGE_CACHE)).status).toBe(200);
  });
});

describe("sharded index", () => {
  const articles = JSON.parse(seeds.articles!) as Article[];

  it("says the ASSETS binding is missing when the worker has none", async () => {
    const app = createApp({ artefacts: sharded });
    const response = await app.request("/search?q=Putin", {}, NO_EDGE_CACHE);
    expect(response.status).toBe(503);
    expect((await problemOf(response)).detail).toContain("no ASSETS binding");
  });

  it("names a shard file missing from the static assets, with the fix", async () => {
    const read = assetReader((env as unknown as { ASSETS: AssetsBinding }).ASSETS);
    await expect(read("/index/meta.bin")).resolves.toBeInstanceOf(ArrayBuffer);
    await expect(read("/index/terms/99999.bin")).rejects.toThrow(
      /\/index\/terms\/99999\.bin is missing from the static assets \(404\); rebuild/,
    );
  });

  it("answers 503 problem+json, not a crash, when a shard cannot be read", async () => {
    const { artefacts, files } = compileIndex(articles, {
      tagger: inlineTagger(),
      builtAt: "2025-01-01T00:00:00Z",
      layout: "sharded",
    });
    const app = createApp({
      artefacts,
      assets: async (path) =>
        path.includes("/articles/") || path.includes("/cards/")
          ? assetReader((env as unknown as { ASSETS: AssetsBinding }).ASSETS)("/index/gone.json")
          : memoryAssets(files)(path),
    });
    const response = await app.request("/search?q=Putin", {}, NO_EDGE_CACHE);
    expect(response.status).toBe(503);
    const problem = await problemOf(response);
    expect(problem.type).toBe("/problems/index-unavailable");
    expect(problem.detail).toContain("/index/gone.json");
    expect((await app.request("/search?q=Putin", {}, NO_EDGE_CACHE)).status).toBe(503);
  });

  it("answers problem+json naming the file when a compressed shard is damaged, and every card's query fails the same way", async () => {
    const { artefacts, files } = compileIndex(articles, {
      tagger: inlineTagger(),
      builtAt: "2025-01-01T00:00:00Z",
      layout: "sharded",
    });
    const damaged = new Map(files);
    for (const [path, data] of files) {
      // The first half of each card shard: a truncated upload.
      if (path.includes("/cards/")) damaged.set(path, data!.subarray(0, data!.length >> 1));
    }
    const app = createApp({ artefacts, assets: memoryAssets(damaged) });
    const response = await app.request("/search?q=Putin", {}, NO_EDGE_CACHE);
    expect(response.status).toBe(503);
    const problem = await problemOf(response);
    expect(problem.type).toBe("/problems/index-unavailable");
    expect(problem.detail).toMatch(/\/index\/cards\/\d+\.bin is damaged/);
    // The same index with the files whole answers.
    const whole = createApp({ artefacts, assets: memoryAssets(files) });
    expect((await whole.request("/search?q=Putin")).status).toBe(200);
  });

  it("answers 503 naming the file when the manifest's checksums are not those of the files (a manifest from another build)", async () => {
    const { artefacts, files } = compileIndex(articles, {
      tagger: inlineTagger(),
      builtAt: "2025-01-01T00:00:00Z",
      layout: "sharded",
    });
    const layout = artefacts.manifest.layout as Extract<typeof artefacts.manifest.layout, { kind: "sharded" }>;
    const shards = Object.fromEntries(
      Object.entries(layout.checksums.shards).map(([kind, sums]) => [kind, sums.map((sum) => sum ^ 1)]),
    ) as typeof layout.checksums.shards;
    const manifest = { ...artefacts.manifest, layout: { ...layout, checksums: { ...layout.checksums, shards } } };
    const app = createApp({ artefacts: { ...artefacts, manifest }, assets: memoryAssets(files) });
    const response = await app.request("/search?q=Putin", {}, NO_EDGE_CACHE);
    expect(response.status).toBe(503);
    expect((await problemOf(response)).detail).toMatch(/\/index\/\w+\/\d+\.\w+ is damaged/);
    expect((await app.request("/health", {}, NO_EDGE_CACHE)).status).toBe(503);
  });

  describe("an id table whose checksum passes but whose content is wrong (a faulty build)", () => {
    const compiled = compileIndex(articles, {
      tagger: inlineTagger(),
      builtAt: "2025-01-01T00:00:00Z",
      layout: "sharded",
    });
    const id = articles[1]!.id;
    /** The app serving the id table as `change` leaves its hashes and positions. */
    const appWith = (change: (hashes: Uint32Array, positions: Uint32Array) => void) =>
      appWithChangedFile(
        compiled,
        (layout) => shardPaths.ids(layout, idTableOf(fnv1a(id), layout.idTables)),
        (words) => change(words.subarray(0, words.length / 2), words.subarray(words.length / 2)),
      );
    const at = (hashes: Uint32Array) => hashes.indexOf(fnv1a(id));

    it("answers 503 naming it when it places the id past the archive", async () => {
      const { app, path } = appWith((hashes, positions) => {
        positions[at(hashes)] = articles.length;
      });
      const response = await app.request(`/articles/${encodeURIComponent(id)}`, {}, NO_EDGE_CACHE);
      expect(response.status).toBe(503);
      expect((await problemOf(response)).detail).toContain(`${path} is damaged`);
    });

    it("answers 503 naming it when its hashes are out of order", async () => {
      const { app, path } = appWith((hashes) => {
        hashes.reverse();
      });
      const response = await app.request(`/articles/${encodeURIComponent(id)}`, {}, NO_EDGE_CACHE);
      expect(response.status).toBe(503);
      expect((await problemOf(response)).detail).toContain(`${path} is damaged`);
    });

    it("never answers with another article when it places the id at another's position", async () => {
      const { app } = appWith((hashes, positions) => {
        positions[at(hashes)] = 0;
      });
      const response = await app.request(`/articles/${encodeURIComponent(id)}`, {}, NO_EDGE_CACHE);
      expect(response.status).toBe(404);
      expect((await problemOf(response)).detail).toContain(JSON.stringify(id));
    });
  });

  it.each([
    ["a term shard", "/terms/", "q=Putin"],
    ["an article shard", "/articles/", "articles"],
    ["the metadata", "/meta.bin", "sort=date&q=Putin"],
  ])(
    "answers 503 naming %s with one byte changed, says so on /health, and recovers once it is whole again",
    async (_, part, query) => {
      const { artefacts, files } = compileIndex(articles, {
        tagger: inlineTagger(),
        builtAt: "2025-01-01T00:00:00Z",
        layout: "sharded",
      });
      const served = new Map(files);
      // One byte flipped in the middle of every file of that kind: it still inflates or decodes.
      for (const [path, data] of files) {
        if (!path.includes(part)) continue;
        const changed = data!.slice();
        changed[changed.length >> 1] = changed[changed.length >> 1]! ^ 0x01;
        served.set(path, changed);
      }
      const app = createApp({ artefacts, assets: memoryAssets(served) });
      const path = query === "articles" ? `/articles/${articles[0]!.id}` : `/search?${query}`;
      const response = await app.request(path, {}, NO_EDGE_CACHE);
      expect(response.status).toBe(503);
      const problem = await problemOf(response);
      expect(problem.type).toBe("/problems/index-unavailable");
      expect(problem.detail).toMatch(new RegExp(`${part.replace(/[/.]/g, "\\$&")}\\S* is damaged`));
      const health = await app.request("/health", {}, NO_EDGE_CACHE);
      expect(health.status).toBe(503);
      const said = (await health.json()) as { status: string; reason: string };
      expect(said.status).toBe("degraded");
      expect(said.reason).toContain(part);
      // The files repaired, the same isolate answers again, and /health is ok.
      for (const [path, data] of files) served.set(path, data);
      expect((await app.request(path, {}, NO_EDGE_CACHE)).status).toBe(200);
      const healed = await app.request("/health", {}, NO_EDGE_CACHE);
      expect(healed.status).toBe(200);
      expect(((await healed.json()) as { status: string }).status).toBe("ok");
    },
  );

  it("serves the index's files to nobody: shard paths reach the worker and answer 404", async () => {
    for (const path of [
      "/index/meta.bin",
      "/index/lexicon/0.txt.gz",
      "/index/terms/0.bin",
      "/index/articles/0.bin",
      "/index/cards/0.bin",
    ]) {
      const response = await exports.default.fetch(`http://newsfind.test${path}`);
      expect(response.status).toBe(404);
      expect((await problemOf(response)).type).toBe("/problems/not-found");
    }
  });
});

describe("posting lists", () => {
  it("hold the positions of each impact slot in ascending order, in both layouts (scoreBlocks reads them a block at a time)", async () => {
    const next = seededRandom(3);
    const vocabulary = [
      "oil",
      "prices",
      "bank",
      "banks",
      "credit",
      "Kyiv",
      "elections",
      "markets",
      "rose",
      "fell",
      "China",
      "trade",
      "rates",
      "profit",
      "shares",
    ];
    const articles: Article[] = Array.from({ length: 300 }, (_, a) => ({
      id: `a${a}`,
      title: `Story ${a}`,
      source: null,
      published: null,
      url: null,
      body: [
        `${Array.from({ length: 5 + Math.floor(next() * 60) }, () => vocabulary[Math.floor(next() * vocabulary.length)]).join(" ")}.`,
      ],
    }));
    const terms = [...new Set(articles.flatMap((article) => analyze(`${article.title} ${article.body.join(" ")}`)))];
    for (const layout of ["bundle", "sharded"] as const) {
      const { artefacts, files } = compileIndex(articles, {
        tagger: inlineTagger(),
        builtAt: "2025-01-01T00:00:00Z",
        layout,
      });
      const store = await indexLoader(artefacts, memoryAssets(files))();
      const postings = await store.postings(terms);
      expect(postings.size).toBe(terms.length);
      let slotsSeen = 0;
      for (const [term, slots] of postings) {
        for (let s = 0; s < slots.length; s++) {
          const ids = slots.slot(s);
          if (!ids || ids.length === 0) continue;
          slotsSeen++;
          const ascending = Array.from(ids).every((id, i, all) => i === 0 || all[i - 1]! < id);
          expect({ layout, term, ascending }).toEqual({ layout, term, ascending: true });
        }
      }
      expect(slotsSeen).toBeGreaterThan(terms.length);
    }
  });
});
