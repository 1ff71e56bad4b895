// Runs build-peer-cli.ts in a child Node with a large heap and a time limit, and turns any
// failure (out of memory, a crash, the time limit) into a reason for the table.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { endTree, trackGroup } from "../../harness/process-tree.js";
import { childEnv, PROJECT_ROOT, tailBuffer, tsxCommand } from "../../harness/commands.js";
import type { PeerName, PeerWorker } from "./write-peer-worker.js";

/** A peer worker as the child built it, with the article count and the child's peak RSS (bytes). */
export type ChildPeerWorker = PeerWorker & { articles?: number; buildRssBytes?: number };

const CLI = fileURLToPath(new URL("./build-peer-cli.ts", import.meta.url));

export interface ChildOptions {
  /** V8 old-space limit of the child, in MiB. Default 16384 (the machine has 24 GiB). */
  maxOldSpaceMb?: number;
  /** Default 60 minutes. */
  timeoutMs?: number;
}

export function buildPeerInChild(
  peer: PeerName,
  corpusPath: string,
  dir: string,
  { maxOldSpaceMb = 16384, timeoutMs = 3_600_000 }: ChildOptions = {},
): Promise<ChildPeerWorker> {
  const { command, args } = tsxCommand(CLI, ["--peer", peer, "--corpus", corpusPath, "--dir", dir], maxOldSpaceMb);
  const child = spawn(command, args, {
    cwd: PROJECT_ROOT,
    env: childEnv(),
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  trackGroup(child.pid!);
  let stdout = "";
  const stderr = tailBuffer(1500);
  child.stdout!.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on("data", stderr.push);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    void endTree(child.pid!);
  }, timeoutMs);
  return new Promise((resolve) => {
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      void endTree(child.pid!, 0);
      const line = stdout.split("\n").find((text) => text.startsWith("PEER-RESULT "));
      if (line) return resolve(JSON.parse(line.slice("PEER-RESULT ".length)) as ChildPeerWorker);
      const why = timedOut
        ? `timed out after ${Math.round(timeoutMs / 60000)} min`
        : `exited with ${signal ?? `code ${code}`}`;
      const heap = /heap out of memory|Invalid string length|Allocation failed/i.exec(stderr.text())?.[0];
      resolve({
        ok: false,
        buildMs: null,
        reason: `building the ${peer} index ${why}${heap ? ` (${heap})` : ""}: ${stderr.text().split("\n").slice(-3).join(" ").slice(0, 300)}`,
      });
    });
  });
}
