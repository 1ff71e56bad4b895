// Serves one worker in a fresh `wrangler dev` (workerd) process on loopback and measures it from
// outside: the first request's time, the isolate's heap, the workerd process's peak RSS.
//
// Readiness without touching the worker's script: wrangler dev runs two workerd processes, a
// proxy that owns --port and the user worker's runtime. The proxy accepts TCP connections
// seconds before the user worker is loaded and holds requests until then, so an open port does
// not mean ready. Wrangler prints "Ready on http://..." once the runtime has reloaded, that is
// after workerd has compiled the bundle and evaluated its global scope (checked with a worker
// whose top-level code spins for seconds: the line moves by that much). So the process runs at
// --log-level info (error would hide that line) and is ready when the line appears; the first
// request we time is the first the worker script ever sees.
import { spawn } from "node:child_process";
import { heapAfterGc, openInspector, type InspectorSession } from "./inspector.js";
import { commandLine, cpuSeconds, endTree, peakRssBytes, trackGroup, workerdPids } from "./process-tree.js";
import { childEnv, tailBuffer, wranglerCommand } from "./wrangler-command.js";

export interface ServeOptions {
  /** The worker's wrangler.toml. */
  configPath: string;
  /** Loopback port of the worker; must be free. */
  port: number;
  /** Loopback port of the DevTools inspector proxy; must be free. */
  inspectorPort: number;
  /** A path that does nearly nothing, requested to let the isolate run a pending GC. Default "/". */
  emptyPath?: string;
  /** How long to wait for "Ready on". Default 600 s (a huge bundle takes long to bundle and parse). */
  readyTimeoutMs?: number;
}

export interface ServedWorker {
  base: string;
  /** Times the worker's very first request, body read; throws when called twice or after other requests. */
  firstRequestMs(path: string): Promise<number>;
  /** Used V8 heap of the worker's isolate after a full GC, in bytes (see inspector.ts). */
  heapUsed(): Promise<number>;
  /** Peak RSS (VmHWM) of the workerd process that runs the worker, in bytes; null if not found. */
  peakRss(): number | null;
  /** Ends wrangler and both workerd processes. */
  stop(): Promise<void>;
}

export async function serveWorker({ configPath, port, inspectorPort, emptyPath = "/", readyTimeoutMs = 600_000 }: ServeOptions): Promise<ServedWorker> {
  const base = `http://127.0.0.1:${port}`;
  const { command, args } = wranglerCommand(["dev", "--config", configPath, "--ip", "127.0.0.1", "--port", String(port), "--inspector-port", String(inspectorPort), "--log-level", "info", "--show-interactive-dev-session=false"]);
  const child = spawn(command, args, { env: childEnv(), stdio: ["ignore", "pipe", "pipe"], detached: true });
  trackGroup(child.pid!);
  // The runtime is the workerd that does not own the public port (that one is the proxy).
  const runtimes = () => workerdPids(child.pid!).filter((pid) => !commandLine(pid).some((arg) => arg.endsWith(`127.0.0.1:${port}`)));
  const runtimeState = () => {
    const states = runtimes().map((pid) => `workerd runtime at ${Math.round((peakRssBytes(pid) ?? 0) / 1e6)} MB peak RSS after ${cpuSeconds(pid)} s of CPU`);
    return states.length > 0 ? states.join(", ") : "no workerd runtime started yet (still bundling?)";
  };
  const output = tailBuffer();
  let session: InspectorSession | undefined;
  let requested = false;
  const stop = async () => {
    session?.close();
    await endTree(child.pid!);
  };
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`wrangler dev did not get ready within ${readyTimeoutMs / 1000} s (${runtimeState()})${output.text() ? `: ${output.text()}` : ""}`)), readyTimeoutMs);
      const onData = (chunk: Buffer) => {
        output.push(chunk);
        if (/Ready on http/.test(output.text())) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stdout!.on("data", onData);
      child.stderr!.on("data", onData);
      child.once("exit", (code) => {
        clearTimeout(timer);
        reject(new Error(`wrangler dev exited with code ${code} before it was ready: ${output.text()}`));
      });
    });
  } catch (error) {
    await stop();
    throw error;
  }
  const get = async (path: string) => {
    requested = true;
    const response = await fetch(base + path);
    await response.arrayBuffer();
    return response;
  };
  return {
    base,
    async firstRequestMs(path) {
      if (requested) throw new Error("firstRequestMs must time the worker's first request");
      const start = performance.now();
      const response = await get(path);
      const ms = performance.now() - start;
      if (!response.ok) throw new Error(`${path} answered ${response.status} on the first request`);
      return ms;
    },
    async heapUsed() {
      session ??= await openInspector(inspectorPort);
      return heapAfterGc(session, () => get(emptyPath));
    },
    peakRss() {
      const peaks = runtimes().map(peakRssBytes).filter((bytes): bytes is number => bytes !== null);
      return peaks.length > 0 ? Math.max(...peaks) : null;
    },
    stop,
  };
}
