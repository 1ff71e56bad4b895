// The widget's bundle step: esbuild runs again only when one of the bundle's inputs changed.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildWidget } from "../../build/widget.js";

describe("widget build", () => {
  it("keeps the module on disk while no input changed, and bundles again when one did", () => {
    const outDir = mkdtempSync(join(tmpdir(), "newsfind-widget-"));
    // buildWidget throws when the bundle is over its gzip budget.
    const first = buildWidget(outDir);
    expect(first.gzip).toBeGreaterThan(1000);
    const module = join(outDir, "widget.js");
    expect(readFileSync(module, "utf8")).toContain("export const source =");

    writeFileSync(module, "// left by the test\n");
    expect(buildWidget(outDir)).toEqual(first);
    expect(readFileSync(module, "utf8")).toBe("// left by the test\n");

    const stampPath = join(outDir, "widget.stamp.json");
    const stamp = JSON.parse(readFileSync(stampPath, "utf8")) as { inputs: Record<string, string> };
    const inputs = Object.keys(stamp.inputs);
    expect(inputs).toContain("src/widget/define.ts");
    stamp.inputs[inputs.at(-1)!] = "an older hash";
    writeFileSync(stampPath, JSON.stringify(stamp));
    expect(buildWidget(outDir)).toEqual(first);
    expect(readFileSync(module, "utf8")).toContain("export const source =");
  });
});
