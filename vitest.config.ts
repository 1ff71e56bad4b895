// Two projects: the worker's tests run inside workerd (@cloudflare/vitest-plugin, with the
// bindings and flags of wrangler.toml); the build's tests run in Node.
import { cloudflareTest } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";

// Tests stay on this machine: no Wrangler telemetry, no fetch of Cloudflare's request.cf data.
process.env.WRANGLER_SEND_METRICS ??= "false";
process.env.CLOUDFLARE_CF_FETCH_ENABLED ??= "false";

export default defineConfig({
  test: {
    projects: [
      {
        plugins: [cloudflareTest({ wrangler: { configPath: "./wrangler.toml" } })],
        test: { name: "worker", include: ["test/worker/**/*.test.ts"] },
      },
      {
        test: { name: "build", include: ["test/build/**/*.test.ts", "test/bench/**/*.test.ts"], environment: "node" },
      },
    ],
  },
});
