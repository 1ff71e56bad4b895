// The worker refuses artefacts written with another format version or configuration.
import { describe, expect, it } from "vitest";
import { createApp } from "../../src/app.js";
import * as seeds from "../../dist/index/artefacts.js";
import { INDEX_FORMAT_VERSION } from "../../src/index-format.js";
import { problemOf } from "./helpers.js";

describe("index format check", () => {
  it("refuses an index built with another format version, saying how to fix it", async () => {
    const app = createApp({ artefacts: { ...seeds, manifest: { ...seeds.manifest, formatVersion: INDEX_FORMAT_VERSION + 1 } } });
    for (const path of ["/search?q=Putin", "/health"]) {
      const response = await app.request(path);
      expect(response.status).toBe(500);
      const problem = await problemOf(response);
      expect(problem.type).toBe("/problems/index-unavailable");
      expect(problem.detail).toContain(`format version ${INDEX_FORMAT_VERSION + 1}`);
      expect(problem.detail).toContain("npm run build");
    }
  });

  it("refuses an index built with another configuration", async () => {
    const config = { ...seeds.manifest.config, tokenize: "strict" } as unknown as typeof seeds.manifest.config;
    const app = createApp({ artefacts: { ...seeds, manifest: { ...seeds.manifest, config } } });
    const problem = await problemOf(await app.request("/search?q=Putin"));
    expect(problem.detail).toContain("configuration");
  });

  it("serves the same artefacts when the format matches", async () => {
    const app = createApp({ artefacts: seeds });
    expect((await app.request("/health")).status).toBe(200);
  });
});
