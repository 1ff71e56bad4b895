// File sizes for the scale bench's artefact and dry-run figures.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { fileSizes, gzipBytes, listFiles } from "../../../bench/scale/files.js";

describe("file sizes", () => {
  // Regression: counting the gzip stream's "data" events ended with the pipeline, before the
  // last (for a small file, the only) chunk came, so gzip sizes were far too small.
  it("counts every gzipped byte of a small file", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "scale-files-")), "a.json");
    const text = JSON.stringify(Array.from({ length: 200 }, (_, i) => ({ id: i, title: `article ${i}` })));
    writeFileSync(path, text);
    expect(await gzipBytes(path)).toBe(gzipSync(text).length);
  });

  it("lists files recursively, skipping what the filter rejects, and totals them", async () => {
    const dir = mkdtempSync(join(tmpdir(), "scale-files-"));
    writeFileSync(join(dir, "index.js"), "x".repeat(100));
    writeFileSync(join(dir, "index.js.map"), "{}");
    const paths = listFiles(dir, (path) => path.endsWith(".map"));
    expect(paths).toEqual([join(dir, "index.js")]);
    expect(await fileSizes(paths, false)).toMatchObject({ files: 1, rawBytes: 100, largestBytes: 100 });
  });
});
