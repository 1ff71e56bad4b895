// The Workers limit checks of the scale bench's dry run, and where it finds the assets folder.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { assetsDirectory } from "../../../bench/harness/bundle-options.js";
import { limitProblems, WORKERS_LIMITS } from "../../../bench/scale/limits.js";

const MiB = 1024 * 1024;
const small = { scriptBytes: MiB, scriptGzipBytes: MiB / 4, assetFiles: 100, largestAssetBytes: 1000 };

describe("limitProblems", () => {
  it("finds no problem when every size is within the limits", () => {
    expect(limitProblems(small)).toEqual([]);
    expect(
      limitProblems({ ...small, scriptBytes: WORKERS_LIMITS.scriptBytes, assetFiles: WORKERS_LIMITS.assetFiles }),
    ).toEqual([]);
  });

  it("names the uncompressed script size and the 64 MiB limit when the script is bigger", () => {
    expect(limitProblems({ ...small, scriptBytes: 65 * MiB })).toEqual([
      "script is 65.0 MiB uncompressed (limit 64.0 MiB)",
    ]);
  });

  it("reports a gzipped script above 10 MiB", () => {
    expect(limitProblems({ ...small, scriptGzipBytes: 12 * MiB })).toEqual([
      "script is 12.0 MiB gzipped (limit 10.0 MiB)",
    ]);
  });

  it("reports more than 20,000 asset files and an asset above 25 MiB, naming the file", () => {
    expect(
      limitProblems({ ...small, assetFiles: 20_001, largestAssetBytes: 26 * MiB, largestAsset: "index/terms/0.bin" }),
    ).toEqual(["20,001 asset files (limit 20,000)", "asset index/terms/0.bin is 26.0 MiB (limit 25.0 MiB a file)"]);
  });

  it("checks against the limits it is given", () => {
    expect(limitProblems({ ...small, assetFiles: 30_000 }, { ...WORKERS_LIMITS, assetFiles: 100_000 })).toEqual([]);
  });
});

describe("assetsDirectory", () => {
  const config = (name: string, text: string) => {
    const path = join(mkdtempSync(join(tmpdir(), "scale-config-")), name);
    writeFileSync(path, text);
    return path;
  };

  it("resolves the [assets] directory of a wrangler.toml against the config's folder", () => {
    const path = config(
      "wrangler.toml",
      'name = "x"\nmain = "entry.ts"\n\n[assets]\ndirectory = "./assets"\nbinding = "ASSETS"\n\n[vars]\ndirectory = "not this"\n',
    );
    expect(assetsDirectory(path)).toBe(join(path, "..", "assets"));
  });

  it("returns null when the config has no [assets] section", () => {
    expect(assetsDirectory(config("wrangler.toml", 'name = "x"\n[vars]\ndirectory = "./assets"\n'))).toBeNull();
  });

  it("reads the assets directory of a wrangler.json", () => {
    const path = config("wrangler.json", '{ "name": "x", "assets": { "binding": "ASSETS", "directory": "public" } }');
    expect(assetsDirectory(path)).toBe(join(path, "..", "public"));
  });
});
