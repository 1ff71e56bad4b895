// Serves one worker in a fresh workerd process on loopback and measures it from outside: the
// first request's time, the isolate's heap, the workerd process's peak RSS.
//
// What is served is the bundle `wrangler deploy --dry-run --outdir` wrote (measure-engine.ts
// makes it), run by Miniflare in a child process (serve-bundle.ts) on a socket of the worker's
// own. An earlier version ran `wrangler dev`, whose development proxy stood in front of every
// request: an empty request took 6 to 7 ms there against under 1 ms here, and its spread
// buried the worker's own time. Miniflare is what wrangler dev runs underneath.
//
// Readiness: the child prints "Ready on http://..." once Miniflare's `ready` resolves, that is
// once workerd has loaded the script and evaluated its global scope; the first request we time
// is the first the worker script ever sees.
import { spawn } from "node:child_process";
import { join } from "node:path";
import { WORKER } from "./bundle-options.js";
import { httpClient, type HttpClient } from "./http-client.js";
import { heapAfterGc, openInspector, type InspectorSession } from "./inspector.js";
import { cpuSeconds, endTree, peakRssBytes, trackGroup, workerdPids } from "./process-tree.js";
import { childEnv, PROJECT_ROOT, tailBuffer, tsxCommand } from "./wrangler-command.js";

export interface ServeOptions {
  /** The worker's wrangler.toml. */
  configPath: string;
  /** Its bundle: the outdir of `wrangler deploy --dry-run` (see dry-run.ts). */
  bundleDir: string;
  /** Loopback port of the worker; must be free. */
  port: number;
  /** Loopback port of workerd's DevTools inspector; must be free. */
  inspectorPort: number;
  /** A path that does nearly nothing, requested to let the isolate run a pending GC. Default "/". */
  emptyPath?: string;
  /** How long to wait for "Ready on". Default 600 s (a huge bundle takes long to parse). */
  readyTimeoutMs?: number;
}

export interface ServedWorker {
  base: string;
  /** A keep-alive connection to the worker, opened after the first request. */
  client(): Promise<HttpClient>;
  /** Times the worker's very first request, body read; throws when called twice or after other requests. */
  firstRequestMs(path: string): Promise<number>;
  /** Used V8 heap of the worker's isolate after a full GC, in bytes (see inspector.ts). */
  heapUsed(): Promise<number>;
  /** Peak RSS (VmHWM) of the workerd process that runs the worker, in bytes; null if not found. */
  peakRss(): number | null;
  /** Ends the Miniflare child and its workerd. */
  stop(): Promise<void>;
}

export async function serveWorker({ configPath, bundleDir, port, inspectorPort, emptyPath = "/", readyTimeoutMs = 600_000 }: ServeOptions): Promise<ServedWorker> {
  const base = `http://127.0.0.1:${port}`;
  const { command, args } = tsxCommand(join(PROJECT_ROOT, "bench/scale/serve-bundle.ts"), [JSON.stringify({ configPath, bundleDir, port, inspectorPort })]);
  const child = spawn(command, args, { env: childEnv(), stdio: ["ignore", "pipe", "pipe"], detached: true });
  trackGroup(child.pid!);
  const runtimes = () => workerdPids(child.pid!);
  const runtimeState = () => {
    const states = runtimes().map((pid) => `workerd at ${Math.round((peakRssBytes(pid) ?? 0) / 1e6)} MB peak RSS after ${cpuSeconds(pid)} s of CPU`);
    return states.length > 0 ? states.join(", ") : "no workerd started yet";
  };
  // Long enough to keep a crash's message above its native stack trace.
  const output = tailBuffer(20_000);
  let session: InspectorSession | undefined;
  let connection: HttpClient | undefined;
  let requested = false;
  const stop = async () => {
    session?.close();
    connection?.close();
    await endTree(child.pid!);
  };
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the worker did not get ready within ${readyTimeoutMs / 1000} s (${runtimeState()})${output.text() ? `: ${output.text()}` : ""}`)), readyTimeoutMs);
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
        reject(new Error(`the worker's server exited with code ${code} before it was ready: ${output.text()}`));
      });
    });
  } catch (error) {
    await stop();
    throw error;
  }
  const client = async () => {
    requested = true;
    connection ??= await httpClient("127.0.0.1", port);
    return connection;
  };
  return {
    base,
    client,
    async firstRequestMs(path) {
      if (requested) throw new Error("firstRequestMs must time the worker's first request");
      requested = true;
      // A connection of its own, opened inside the timed span as any first visitor's would be.
      const start = performance.now();
      let first: HttpClient | undefined;
      try {
        first = await httpClient("127.0.0.1", port);
        const { status } = await first.get(path);
        const ms = performance.now() - start;
        if (status < 200 || status > 299) throw new Error(`${path} answered ${status} on the first request`);
        return ms;
      } catch (error) {
        // "The connection closed" alone says nothing: say whether workerd still runs and what it printed.
        const said = output
          .text()
          .split("\n")
          .filter((line) => !/@0x[0-9a-f]+\s*$/.test(line)) // a crash's native stack frames
          .join(" ")
          .replace(/\s+/g, " ")
          .trim()
          .slice(-240);
        const runtime = runtimes().length > 0 ? runtimeState() : "no workerd process runs any more";
        throw new Error(`${error instanceof Error ? error.message : String(error)} (${runtime}${said ? `; the server printed: ${said}` : ""})`);
      } finally {
        first?.close();
      }
    },
    async heapUsed() {
      session ??= await openInspector(inspectorPort, WORKER);
      const connection = await client();
      return heapAfterGc(session, () => connection.get(emptyPath));
    },
    peakRss() {
      const peaks = runtimes().map(peakRssBytes).filter((bytes): bytes is number => bytes !== null);
      return peaks.length > 0 ? Math.max(...peaks) : null;
    },
    stop,
  };
}
