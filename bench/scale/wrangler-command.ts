// How the scale bench runs Wrangler: the project's own wrangler, under the project's Node 22,
// with telemetry and Cloudflare's request.cf fetch switched off, so nothing leaves this machine.
// Also where tsx scripts of the bench are started in a child Node (peer builds, newsfind builds).
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The project root: /work/main when this file is /work/main/bench/scale/wrangler-command.ts. */
export const PROJECT_ROOT = fileURLToPath(new URL("../../", import.meta.url));

const PROJECT_NODE = join(PROJECT_ROOT, "node_modules/.bin/node");
const WRANGLER_JS = join(PROJECT_ROOT, "node_modules/wrangler/bin/wrangler.js");

/** Node 22 from node_modules when present (wrangler 4 refuses Node 20), else the running Node. */
export function nodeBinary(): string {
  return existsSync(PROJECT_NODE) ? PROJECT_NODE : process.execPath;
}

/** The environment every child gets: local-only Wrangler, the project's bin folder first on PATH. */
export function childEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PATH: `${join(PROJECT_ROOT, "node_modules/.bin")}:${process.env.PATH ?? ""}`,
    WRANGLER_SEND_METRICS: "false",
    CLOUDFLARE_CF_FETCH_ENABLED: "false",
    // No banner, hence no update check against the npm registry.
    WRANGLER_HIDE_BANNER: "true",
    ...extra,
  };
}

/** Command and arguments that run `wrangler <args>`. */
export function wranglerCommand(args: readonly string[]): { command: string; args: string[] } {
  return { command: nodeBinary(), args: [WRANGLER_JS, ...args] };
}

/** Command and arguments that run a TypeScript file with tsx, optionally with a larger heap. */
export function tsxCommand(script: string, args: readonly string[], maxOldSpaceMb?: number): { command: string; args: string[] } {
  const heap = maxOldSpaceMb ? [`--max-old-space-size=${maxOldSpaceMb}`] : [];
  return { command: nodeBinary(), args: [...heap, "--import", "tsx", script, ...args] };
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
