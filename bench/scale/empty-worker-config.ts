// Writes the empty worker's wrangler.toml into a folder (a fresh temporary one by default).
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The compatibility date of every worker the scale bench writes (that of the project's wrangler.toml). */
export const COMPATIBILITY_DATE = "2026-10-20";

const EMPTY_WORKER = fileURLToPath(new URL("./empty-worker.ts", import.meta.url));

/** Returns the path of the written wrangler.toml. */
export function writeEmptyWorkerConfig(dir = mkdtempSync(join(tmpdir(), "newsfind-empty-"))): string {
  const configPath = join(dir, "wrangler.toml");
  writeFileSync(
    configPath,
    [
      `name = "newsfind-scale-empty"`,
      `main = ${JSON.stringify(EMPTY_WORKER)}`,
      `compatibility_date = "${COMPATIBILITY_DATE}"`,
      "",
    ].join("\n"),
  );
  return configPath;
}
