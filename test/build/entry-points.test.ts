import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { BUILD_NODE_FLAGS } from "../../build/options.js";

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), "utf8");

describe("build entry points", () => {
  it("run the build with the build's Node flags from package.json and wrangler.toml", () => {
    const script = (JSON.parse(read("package.json")) as { scripts: Record<string, string> }).scripts.build!;
    const command = /^command\s*=\s*"([^"]+)"/m.exec(read("wrangler.toml"))?.[1];
    for (const line of [script, command]) {
      expect(line).toMatch(/^tsx .*build\/cli\.ts/);
      for (const flag of BUILD_NODE_FLAGS) expect(line!.split(" ")).toContain(flag);
    }
  });
});
