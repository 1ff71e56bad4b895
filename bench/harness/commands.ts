// How the bench runs its child processes: the project's own wrangler, under the project's Node
// 22, in the environment `npm start` gives it (build/local-wrangler.ts: nothing leaves this
// machine, and wrangler dev keeps no trace of each request); tsx scripts in a child Node (peer
// builds, newsfind builds, the Miniflare server); and the bundle `wrangler deploy --dry-run`
// writes, which is what every local worker serves.
import { execFileSync, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { LOCAL_WRANGLER_ENV } from "../../build/local-wrangler.js";
import { endTree, trackGroup } from "./process-tree.js";

/** The project root: /work/main when this file is /work/main/bench/harness/commands.ts. */
export const PROJECT_ROOT = fileURLToPath(new URL("../../", import.meta.url));

const PROJECT_NODE = join(PROJECT_ROOT, "node_modules/.bin/node");
const WRANGLER_JS = join(PROJECT_ROOT, "node_modules/wrangler/bin/wrangler.js");

/** Node 22 from node_modules when present (wrangler 4 refuses Node 20), else the running Node. */
function nodeBinary(): string {
  return existsSync(PROJECT_NODE) ? PROJECT_NODE : process.execPath;
}

/** The environment every child gets: `npm start`'s local wrangler, the project's bin folder first on PATH. */
export function childEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PATH: `${join(PROJECT_ROOT, "node_modules/.bin")}:${process.env.PATH ?? ""}`,
    ...LOCAL_WRANGLER_ENV,
    // No banner, hence no update check against the npm registry.
    WRANGLER_HIDE_BANNER: "true",
    ...extra,
  };
}

/** Command and arguments that run `wrangler <args>`. */
export function wranglerCommand(args: readonly string[]): { command: string; args: string[] } {
  return { command: nodeBinary(), args: [WRANGLER_JS, ...args] };
}

/** Command and arguments that run a TypeScript file with tsx, optionally with a larger heap and other Node flags. */
export function tsxCommand(
  script: string,
  args: readonly string[],
  maxOldSpaceMb?: number,
  nodeFlags: readonly string[] = [],
): { command: string; args: string[] } {
  const heap = maxOldSpaceMb ? [`--max-old-space-size=${maxOldSpaceMb}`] : [];
  return { command: nodeBinary(), args: [...heap, ...nodeFlags, "--import", "tsx", script, ...args] };
}

/** Keeps the last `max` characters of a child's output, for error messages. */
export function tailBuffer(max = 4000): { push(chunk: Buffer | string): void; text(): string } {
  let text = "";
  return {
    push(chunk) {
      text = (text + chunk.toString()).slice(-max);
    },
    text: () => text.trim(),
  };
}

/** Runs git in the project root and returns its trimmed output; throws when git fails. */
export function git(...args: string[]): string {
  return execFileSync("git", args, { cwd: PROJECT_ROOT, encoding: "utf8" }).trim();
}

/**
 * Runs a command in a process group of its own; resolves with its exit code and the tail of its
 * output. `cwd` defaults to this process's, `env` adds to `childEnv()`.
 */
export function runCommand(
  command: string,
  args: string[],
  timeoutMs: number,
  { cwd, env }: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<{ code: number | null; output: string }> {
  const child = spawn(command, args, { cwd, env: childEnv(env), stdio: ["ignore", "pipe", "pipe"], detached: true });
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

/** The last lines of a command's output that say what went wrong. */
function reason(output: string): string {
  const lines = output
    .split("\n")
    .map((line) => line.replace(/\x1b\[[0-9;]*m/g, "").trim())
    .filter(Boolean);
  const error = lines.findIndex((line) => /ERROR|Error|error/.test(line));
  return (error >= 0 ? lines.slice(error, error + 3) : lines.slice(-3)).join(" ").slice(0, 300);
}

/** Bundles the worker as `wrangler deploy` would, into `outDir`; the reason when wrangler refuses. */
export async function bundleWorker(
  configPath: string,
  outDir: string,
  timeoutMs = 900_000,
): Promise<{ ok: true } | { ok: false; reason: string }> {
  const { command, args } = wranglerCommand(["deploy", "--dry-run", "--outdir", outDir, "--config", configPath]);
  const { code, output } = await runCommand(command, args, timeoutMs);
  return code === 0
    ? { ok: true }
    : { ok: false, reason: `wrangler deploy --dry-run failed (exit ${code}): ${reason(output)}` };
}
