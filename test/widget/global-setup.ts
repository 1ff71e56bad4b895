// Starts the test worker once for every browser test file and hands its URL to them
// (inject("worker")): test/widget/wrangler.toml bundled and served by the benches' launcher
// (bench/harness/worker.ts) on a free loopback port. Without Chromium nothing starts: the
// suites say they skipped.
import type { TestProject } from "vitest/node";
import { chromiumMissing } from "../../bench/harness/chromium.js";
import { startWorker } from "../../bench/harness/worker.js";

declare module "vitest" {
  export interface ProvidedContext {
    worker: string;
  }
}

export default async function setup(project: TestProject) {
  if (chromiumMissing()) return;
  const worker = await startWorker({ configPath: "test/widget/wrangler.toml", readyTimeoutMs: 120_000 });
  project.provide("worker", worker.base);
  return () => worker.stop();
}
