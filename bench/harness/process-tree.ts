// The processes under one we started, read from /proc (Linux): to find the workerd that runs the
// user worker, read its peak resident memory, and end the whole tree, also when the bench fails
// or is interrupted. Only process groups this module was told about are ever signalled.
import { readdirSync, readFileSync } from "node:fs";
import { basename } from "node:path";

/** State and parent of a process, or null once it is gone. */
function statOf(pid: number): { state: string; parent: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name, which is in parentheses and may contain spaces: state, ppid, ...
    const [state, parent] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return { state: state ?? "", parent: Number(parent) };
  } catch {
    return null;
  }
}

/** Every live process below `root`, children before grandchildren. */
export function descendants(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    const parent = statOf(pid)?.parent;
    if (parent !== undefined) children.set(parent, [...(children.get(parent) ?? []), pid]);
  }
  const found: number[] = [];
  for (let queue = [root]; queue.length > 0; ) {
    const next = children.get(queue.shift()!) ?? [];
    found.push(...next);
    queue.push(...next);
  }
  return found;
}

export function commandLine(pid: number): string[] {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean);
  } catch {
    return [];
  }
}

/** VmHWM, the peak resident set size, in bytes; null once the process is gone. */
export function peakRssBytes(pid: number): number | null {
  try {
    const line = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return line ? Number(line[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/** User plus system CPU time of a process, in seconds (clock ticks of 1/100 s); null once gone. */
export function cpuSeconds(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

/** The workerd processes below `root`. */
export function workerdPids(root: number): number[] {
  return descendants(root).filter((pid) => basename(commandLine(pid)[0] ?? "") === "workerd");
}

/** Whether the process still runs (a zombie, ended but not yet reaped, does not). */
export function isAlive(pid: number): boolean {
  const state = statOf(pid)?.state;
  return state !== undefined && state !== "Z" && state !== "X";
}

/** `root` and every process below it that still runs. */
export function liveTree(root: number): number[] {
  return [root, ...descendants(root)].filter(isAlive);
}

const groups = new Set<number>();

function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // already gone
  }
}

/** Remembers a process group we started (spawned with `detached: true`), to end it on exit. */
export function trackGroup(pgid: number): void {
  if (groups.size === 0 && !handlersInstalled) installHandlers();
  groups.add(pgid);
}

/**
 * Ends a tracked group and every process below its leader (also those that left the group):
 * SIGTERM, then SIGKILL after `graceMs` for whatever is still alive.
 */
export async function endTree(pgid: number, graceMs = 5000): Promise<void> {
  const pids = [pgid, ...descendants(pgid)];
  signalGroup(pgid, "SIGTERM");
  for (const pid of pids) if (pid !== pgid) safeKill(pid, "SIGTERM");
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline && pids.some(isAlive)) await new Promise((resolve) => setTimeout(resolve, 100));
  signalGroup(pgid, "SIGKILL");
  for (const pid of pids) if (isAlive(pid)) safeKill(pid, "SIGKILL");
  groups.delete(pgid);
}

function safeKill(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // already gone
  }
}

let handlersInstalled = false;
function installHandlers(): void {
  handlersInstalled = true;
  // Synchronous last resort: the group leaders' trees are killed outright.
  process.on("exit", () => {
    for (const pgid of groups) {
      for (const pid of descendants(pgid)) safeKill(pid, "SIGKILL");
      signalGroup(pgid, "SIGKILL");
    }
  });
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.once(signal, () => process.exit(130));
  }
}
