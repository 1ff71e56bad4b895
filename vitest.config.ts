// Four projects: the worker's tests run inside workerd (@cloudflare/vitest-plugin, with the
// bindings and flags of wrangler.toml), and so do the levels tests, over another impact-level
// count; the build's tests run in Node, and so does the check of the OpenAPI document
// (test/contract); the widget's tests drive Debian's Chromium through playwright-core against a
// worker served by Miniflare through bench/harness/worker.ts (they skip, saying so, where
// Chromium is absent).
import { cloudflareTest } from "@cloudflare/vitest-plugin";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import { LOCAL_WRANGLER_ENV } from "./build/local-wrangler.js";

// Tests run wrangler as `npm start` does (no telemetry, no request.cf fetch, no wrangler dev
// request traces), unless the caller's environment says otherwise.
for (const [name, value] of Object.entries(LOCAL_WRANGLER_ENV)) process.env[name] ??= value;

export default defineConfig({
  test: {
    projects: [
      {
        plugins: [
          cloudflareTest({
            wrangler: { configPath: "./wrangler.toml" },
            // Cases per endpoint of test/worker/fuzz.test.ts: `npm run fuzz` asks for more.
            miniflare: { bindings: { FUZZ_RUNS: process.env.NEWSFIND_FUZZ_RUNS ?? "1000" } },
          }),
        ],
        test: { name: "worker", include: ["test/worker/**/*.test.ts"], exclude: ["test/worker/engine/rank/levels/**"] },
      },
      {
        // The engine with another number of impact levels: the format's ranking constants are
        // swapped for the fixture's, so the build and the worker both read the changed value
        // (imported as ".../format/ranking.js", or as "./ranking.js" by its neighbours in format/).
        plugins: [cloudflareTest({ wrangler: { configPath: "./wrangler.toml" } })],
        resolve: {
          alias: [
            {
              find: /^(?:.*\/format\/|\.\/)ranking\.js$/,
              replacement: fileURLToPath(new URL("test/worker/engine/rank/levels/ranking.ts", import.meta.url)),
            },
          ],
        },
        test: { name: "levels", include: ["test/worker/engine/rank/levels/**/*.test.ts"] },
      },
      {
        test: {
          name: "build",
          include: ["test/build/**/*.test.ts", "test/bench/**/*.test.ts", "test/contract/**/*.test.ts"],
          environment: "node",
        },
      },
      {
        test: {
          name: "widget",
          include: ["test/widget/**/*.test.ts"],
          environment: "node",
          globalSetup: ["test/widget/global-setup.ts"],
          testTimeout: 30_000,
          hookTimeout: 150_000,
          // One browser file at a time: each launches Chromium, on a two-core machine.
          fileParallelism: false,
        },
      },
    ],
  },
});
