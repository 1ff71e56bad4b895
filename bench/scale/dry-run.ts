// What a deployment would upload, without uploading: `wrangler deploy --dry-run --outdir`,
// then the bundled modules and the static assets measured against the Workers limits. When
// wrangler itself refuses (a bundle too big to build, say), its message becomes a problem.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileSizes, listFiles } from "./files.js";
import { limitProblems, WORKERS_LIMITS, type WorkersLimits } from "./limits.js";
import { endTree, trackGroup } from "./process-tree.js";
import { childEnv, tailBuffer, wranglerCommand } from "./wrangler-command.js";

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

/** The `[assets] directory` of a wrangler.toml (or .json/.jsonc), resolved; null without assets. */
export function assetsDirectory(configPath: string): string | null {
  const text = readFileSync(configPath, "utf8");
  let directory: string | undefined;
  if (/\.jsonc?$/.test(configPath)) {
    directory = /"assets"\s*:\s*\{[^}]*"directory"\s*:\s*"([^"]+)"/.exec(text)?.[1];
  } else {
    const section = /^\[assets\]\s*$([\s\S]*?)(?=^\[|(?![\s\S]))/m.exec(text)?.[1] ?? "";
    directory = /^\s*directory\s*=\s*["']([^"']+)["']/m.exec(section)?.[1];
  }
  return directory ? resolve(dirname(configPath), directory) : null;
}

function run(command: string, args: string[], timeoutMs: number): Promise<{ code: number | null; output: string }> {
  const child = spawn(command, args, { env: childEnv(), stdio: ["ignore", "pipe", "pipe"], detached: true });
  trackGroup(child.pid!);
  const output = tailBuffer(3000);
  child.stdout!.on("data", output.push);
  child.stderr!.on("data", output.push);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      output.push(`\n(timed out after ${timeoutMs} ms)`);
      void endTree(child.pid!);
    }, timeoutMs);
    child.once("exit", (code) => {
      clearTimeout(timer);
      void endTree(child.pid!, 0).then(() => resolve({ code, output: output.text() }));
    });
  });
}

/** The last lines of wrangler's output that say what went wrong. */
function reason(output: string): string {
  const lines = output.split("\n").map((line) => line.replace(/\x1b\[[0-9;]*m/g, "").trim()).filter(Boolean);
  const error = lines.findIndex((line) => /ERROR|Error|error/.test(line));
  return (error >= 0 ? lines.slice(error, error + 3) : lines.slice(-3)).join(" ").slice(0, 300);
}

/** Bundles the worker as `wrangler deploy` would, into `outDir`; the reason when wrangler refuses. */
export async function bundleWorker(configPath: string, outDir: string, timeoutMs = 900_000): Promise<{ ok: true } | { ok: false; reason: string }> {
  const { command, args } = wranglerCommand(["deploy", "--dry-run", "--outdir", outDir, "--config", configPath]);
  const { code, output } = await run(command, args, timeoutMs);
  return code === 0 ? { ok: true } : { ok: false, reason: `wrangler deploy --dry-run failed (exit ${code}): ${reason(output)}` };
}

export interface DryRunOptions {
  limits?: WorkersLimits;
  timeoutMs?: number;
  /** Where the bundle goes, kept for the caller (to serve it); default a temporary folder, deleted. */
  outDir?: string;
}

export async function dryRun(configPath: string, { limits = WORKERS_LIMITS, timeoutMs = 900_000, outDir: keptDir }: DryRunOptions = {}): Promise<DryRunResult> {
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
    const assets = assetsDir ? await fileSizes(listFiles(assetsDir, (path) => path === ".assetsignore"), false) : { files: 0, rawBytes: 0, largestBytes: 0, largest: null };
    problems.push(
      ...limitProblems(
        { scriptBytes: script?.rawBytes ?? 0, scriptGzipBytes: script?.gzipBytes ?? 0, assetFiles: assets.files, largestAssetBytes: assets.largestBytes, largestAsset: assets.largest ?? undefined },
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
