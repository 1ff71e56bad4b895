// What a deployment would upload, without uploading: `wrangler deploy --dry-run --outdir`
// (bundleWorker in harness/commands.ts), then the bundled modules and the static assets
// measured against the Workers limits. When wrangler itself refuses (a bundle too big to
// build, say), its message becomes a problem.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileSizes, listFiles } from "./files.js";
import { limitProblems, WORKERS_LIMITS, type WorkersLimits } from "./limits.js";
import { assetsDirectory } from "../harness/bundle-options.js";
import { bundleWorker } from "../harness/commands.js";

export interface DryRunResult {
  /** Raw total of the bundled modules (source maps and wrangler's README left out); null if wrangler failed. */
  scriptBytes: number | null;
  scriptGzipBytes: number | null;
  assetFiles: number;
  assetBytes: number;
  largestAssetBytes: number;
  withinLimits: boolean;
  problems: string[];
}

export interface DryRunOptions {
  limits?: WorkersLimits;
  timeoutMs?: number;
  /** Where the bundle goes, kept for the caller (to serve it); default a temporary folder, deleted. */
  outDir?: string;
}

export async function dryRun(
  configPath: string,
  { limits = WORKERS_LIMITS, timeoutMs = 900_000, outDir: keptDir }: DryRunOptions = {},
): Promise<DryRunResult> {
  const outDir = keptDir ?? mkdtempSync(join(tmpdir(), "newsfind-dry-run-"));
  const problems: string[] = [];
  try {
    const bundled = await bundleWorker(configPath, outDir, timeoutMs);
    let script: { rawBytes: number; gzipBytes: number } | null = null;
    if (bundled.ok) {
      script = await fileSizes(listFiles(outDir, (path) => path.endsWith(".map") || path === "README.md"));
    } else {
      problems.push(bundled.reason);
    }
    const assetsDir = assetsDirectory(configPath);
    const assets = assetsDir
      ? await fileSizes(
          listFiles(assetsDir, (path) => path === ".assetsignore"),
          false,
        )
      : { files: 0, rawBytes: 0, largestBytes: 0, largest: null };
    problems.push(
      ...limitProblems(
        {
          scriptBytes: script?.rawBytes ?? 0,
          scriptGzipBytes: script?.gzipBytes ?? 0,
          assetFiles: assets.files,
          largestAssetBytes: assets.largestBytes,
          largestAsset: assets.largest ?? undefined,
        },
        limits,
      ),
    );
    return {
      scriptBytes: script?.rawBytes ?? null,
      scriptGzipBytes: script?.gzipBytes ?? null,
      assetFiles: assets.files,
      assetBytes: assets.rawBytes,
      largestAssetBytes: assets.largestBytes,
      withinLimits: problems.length === 0,
      problems,
    };
  } finally {
    if (!keptDir) rmSync(outDir, { recursive: true, force: true });
  }
}
