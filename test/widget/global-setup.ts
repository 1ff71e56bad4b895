// Starts the test worker once for every browser test file and hands its URL to them
// (inject("worker")). Without Chromium nothing starts: the suites say they skipped.
import type { TestProject } from "vitest/node";
import { chromiumMissing } from "./chromium.js";
import { startWrangler } from "./worker-process.js";

declare module "vitest" {
  export interface ProvidedContext {
    worker: string;
  }
}

export default async function setup(project: TestProject) {
  if (chromiumMissing()) return;
  const worker = await startWrangler("test/widget/wrangler.toml");
  project.provide("worker", worker.base);
  return () => worker.stop();
}
