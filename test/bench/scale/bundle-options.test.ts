// How the scale bench serves a sharded worker (bench/scale/bundle-options.ts): the seed corpus
// built sharded and bundled by `wrangler deploy --dry-run`, then served by Miniflare both ways.
// By default the socket reaches the worker itself (no assets router of its own in front), which
// still reads its index files through ASSETS and keeps them private; through the router
// (`route: "router"`) it answers the same.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Miniflare } from "miniflare";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundleOptions, WORKER, type Route } from "../../../bench/scale/bundle-options.js";
import { bundleWorker } from "../../../bench/scale/dry-run.js";
import { newsfindAdapter } from "../../../bench/scale/newsfind-adapter.js";
import { portPool } from "../../../bench/scale/ports.js";

let dir: string;
let configPath: string;
let bundleDir: string;
const nextPorts = portPool(8950);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "newsfind-bundle-options-"));
  ({ configPath } = await newsfindAdapter({ buildArgs: ["--layout", "sharded"] })("corpus", join(dir, "worker")));
  bundleDir = join(dir, "bundle");
  const bundled = await bundleWorker(configPath, bundleDir);
  if (!bundled.ok) throw new Error(bundled.reason);
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Serves the bundle by this route; returns what a search, an index file's path and the inspector's target list give. */
async function served(route: Route) {
  const ports = await nextPorts();
  const miniflare = new Miniflare(bundleOptions({ configPath, bundleDir, ...ports, route }));
  try {
    await miniflare.ready;
    const base = `http://127.0.0.1:${ports.port}`;
    const search = await fetch(`${base}/search?q=${encodeURIComponent("Kremlin")}&limit=3`);
    const indexFile = await fetch(`${base}/index/meta.bin`);
    const targets = (await (await fetch(`http://127.0.0.1:${ports.inspectorPort}/json`)).json()) as { id: string }[];
    return { status: search.status, body: await search.text(), indexFileStatus: indexFile.status, targets: targets.map((target) => target.id) };
  } finally {
    await miniflare.dispose();
  }
}

describe("bundleOptions", () => {
  it("serves the worker itself on its socket, reading its index through ASSETS, the files private; through the router it answers the same", async () => {
    const direct = await served("worker");
    const routed = await served("router");
    expect(direct.status).toBe(200);
    const { total, hits } = JSON.parse(direct.body) as { total: number; hits: unknown[] };
    expect(total).toBeGreaterThan(0);
    expect(hits.length).toBeGreaterThan(0);
    expect(direct.indexFileStatus).toBe(404);
    expect(routed.status).toBe(200);
    expect(routed.body).toBe(direct.body);
    expect(routed.indexFileStatus).toBe(404);
    // The measured worker is an inspector target of its own either way; only the router route
    // puts Miniflare's RPC proxy and assets router in front of it.
    expect(direct.targets).toContain(`core:user:${WORKER}`);
    expect(routed.targets).toContain(`core:user:${WORKER}`);
    expect(direct.targets).not.toContain(`assets:rpc-proxy:${WORKER}`);
    expect(routed.targets).toContain(`assets:rpc-proxy:${WORKER}`);
  }, 120_000);
});
