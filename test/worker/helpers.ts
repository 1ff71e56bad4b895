// Helpers for the worker tests: the seed and hostile indexes in both layouts, apps over
// fixture articles in either layout (compiled in workerd by the build's own compiler), and
// problem parsing. The sharded seed index is the worker itself, read through its real ASSETS
// binding; sharded fixtures read their files from memory through the same store.
import { exports } from "cloudflare:workers";
import { expect } from "vitest";
import { compileIndex } from "../../build/compile-index.js";
import { inlineTagger } from "./tagger.js";
import * as hostile from "../../dist/test-index/hostile/artefacts.js";
import * as seedBundle from "../../dist/test-index/seeds/artefacts.js";
import { source as widget } from "../../dist/widget/widget.js";
import { createApp } from "../../src/app.js";
import type { AssetReader } from "../../src/engine/store/sharded.js";
import type { Problem } from "../../src/http/errors.js";
import {
  type Article,
  type IndexArtefacts,
  type IndexedField,
  recordChecksum,
  type ShardedLayout,
} from "../../src/index-format.js";

export const LAYOUTS = ["bundle", "sharded"] as const;
export type Layout = (typeof LAYOUTS)[number];
export type Fetch = (path: string, init?: RequestInit) => Promise<Response>;

/**
 * The environment of an app whose answers must come from its index, not from the edge cache
 * (which keeps a whole answer even once the files behind it are damaged): `app.request(path,
 * {}, NO_EDGE_CACHE)`.
 */
export const NO_EDGE_CACHE = { NEWSFIND_EDGE_CACHE: "off" };

/** Reads asset files held in memory, failing like a missing asset when a path is absent. */
export function memoryAssets(files: ReadonlyMap<string, Uint8Array | null>, reads: string[] = []): AssetReader {
  return async (path) => {
    reads.push(path);
    const data = files.get(path);
    if (!data) throw new Error(`no asset ${path}`);
    return data.slice().buffer;
  };
}

/**
 * An app over a sharded index with one file's words as `change` leaves them, and the manifest's
 * checksum made to agree: a faulty build, which the checksums cannot catch.
 */
export function appWithChangedFile(
  { artefacts, files }: { artefacts: IndexArtefacts; files: ReadonlyMap<string, Uint8Array | null> },
  pathOf: (layout: ShardedLayout) => string,
  change: (words: Uint32Array) => void,
) {
  const layout = structuredClone(artefacts.manifest.layout) as ShardedLayout;
  const path = pathOf(layout);
  const words = new Uint32Array(files.get(path)!.slice().buffer);
  change(words);
  const changed = new Uint8Array(words.buffer);
  recordChecksum(layout.checksums, path, changed);
  const app = createApp({
    artefacts: { ...artefacts, manifest: { ...artefacts.manifest, layout } },
    assets: memoryAssets(new Map(files).set(path, changed)),
  });
  return { app, path };
}

/** An app over these articles, compiled in the given layout. `reads` collects the asset paths it reads. */
export function appFor(
  articles: Article[],
  layout: Layout,
  options: { fields?: IndexedField[]; reads?: string[] } = {},
) {
  const { artefacts, files } = compileIndex(articles, {
    tagger: inlineTagger(),
    builtAt: "2025-01-01T00:00:00Z",
    layout,
    fields: options.fields,
  });
  return createApp({ artefacts, assets: memoryAssets(files, options.reads), widget });
}

const seedBundleApp = createApp({ artefacts: seedBundle, widget });
const hostileApps: Record<Layout, ReturnType<typeof createApp>> = {
  bundle: createApp({ artefacts: hostile, widget }),
  sharded: appFor(JSON.parse(hostile.articles!) as Article[], "sharded"),
};

/** The seed corpus: sharded, the worker itself (dist/index through ASSETS); bundle, the same seeds built as a bundle. */
export function seedFetch(layout: Layout): Fetch {
  if (layout === "sharded") return (path, init) => exports.default.fetch(`http://newsfind.test${path}`, init);
  return async (path, init) => seedBundleApp.request(path, init);
}

/** The hostile fixture (test/fixtures/hostile) in the given layout. */
export function hostileFetch(layout: Layout): Fetch {
  return async (path, init) => hostileApps[layout].request(path, init);
}

export async function problemOf(response: Response): Promise<Problem> {
  expect(response.headers.get("content-type")).toMatch(/^application\/problem\+json/);
  return (await response.json()) as Problem;
}
