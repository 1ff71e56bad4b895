// The one local launcher (bench/harness/worker.ts): the seed corpus built sharded, bundled by
// `wrangler deploy --dry-run` and served by Miniflare on free ports, both ways bundle-options.ts
// knows. By default the socket reaches the worker itself (no assets router of its own in front),
// which still reads its index files through ASSETS and keeps them private; through the router
// (`route: "router"`) it answers the same.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { roleOf } from "../../../bench/diagnose/dev-cost.js";
import { WORKER, type Route } from "../../../bench/harness/bundle-options.js";
import { bundleWorker } from "../../../bench/harness/commands.js";
import { newsfindAdapter } from "../../../bench/harness/newsfind-worker.js";
import { commandLine } from "../../../bench/harness/process-tree.js";
import { startWorker } from "../../../bench/harness/worker.js";

let dir: string;
let configPath: string;
let bundleDir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "newsfind-worker-test-"));
  ({ configPath } = await newsfindAdapter({ buildArgs: ["--layout", "sharded"] })("corpus", join(dir, "worker")));
  bundleDir = join(dir, "bundle");
  const bundled = await bundleWorker(configPath, bundleDir);
  if (!bundled.ok) throw new Error(bundled.reason);
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Serves the bundle by this route; returns what a search, an index file's path and the inspector's target list give. */
async function served(route: Route) {
  const worker = await startWorker({ configPath, bundleDir, route, readyTimeoutMs: 60_000 });
  try {
    const search = await fetch(`${worker.base}/search?q=${encodeURIComponent("Kremlin")}&limit=3`);
    const indexFile = await fetch(`${worker.base}/index/meta.bin`);
    const targets = (await (await fetch(`http://127.0.0.1:${worker.inspectorPort}/json`)).json()) as { id: string }[];
    return {
      port: worker.port,
      status: search.status,
      body: await search.text(),
      indexFileStatus: indexFile.status,
      targets: targets.map((target) => target.id),
    };
  } finally {
    await worker.stop();
  }
}

describe("startWorker", () => {
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

  it("bundles a config itself when given no bundle, and serves two workers at once", async () => {
    const [a, b] = await Promise.all([
      startWorker({ configPath, readyTimeoutMs: 60_000 }),
      startWorker({ configPath, readyTimeoutMs: 60_000 }),
    ]);
    try {
      const [ra, rb] = await Promise.all([(await a.client()).get("/health"), (await b.client()).get("/health")]);
      expect([ra.status, rb.status]).toEqual([200, 200]);
      // Each names the processes serving it, a workerd among them, none of the other's.
      const [pa, pb] = [a.processes(), b.processes()];
      expect(pa.filter((pid) => roleOf(commandLine(pid), null) === "worker runtime")).toHaveLength(1);
      expect(pb.filter((pid) => roleOf(commandLine(pid), null) === "worker runtime")).toHaveLength(1);
      expect(pa.filter((pid) => pb.includes(pid))).toEqual([]);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
    expect([...a.processes(), ...b.processes()]).toEqual([]);
  }, 180_000);
});
