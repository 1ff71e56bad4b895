// The one way a worker runs locally, for the benches, the eval and the browser tests: the bundle
// `wrangler deploy --dry-run --outdir` writes (what a deploy would upload) served by Miniflare
// on free loopback ports, the socket reaching the worker itself (bundle-options.ts), and
// measured from outside over a keep-alive connection (http-client.ts). Miniflare is what
// `wrangler dev` runs underneath, without its development proxy in front of every request.
//
// Miniflare runs in a child process (serve-bundle.ts), so the measuring client has this
// process's event loop to itself and the whole tree is ended with its process group. With
// `v8Flags` it runs in this process instead: workerd's V8 traces then reach `lines` through
// one pipe, as close in time to the requests they belong to as they can be (diagnose/).
//
// Readiness: Miniflare's `ready` resolves once workerd has loaded the script and evaluated its
// global scope; the first request timed is the first the worker script ever sees.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Miniflare } from "miniflare";
import { bundleOptions, WORKER, type Route } from "./bundle-options.js";
import { bundleWorker, childEnv, PROJECT_ROOT, tailBuffer, tsxCommand } from "./commands.js";
import { httpClient, type HttpClient } from "./http-client.js";
import { heapAfterGc, openInspector, type InspectorSession, type IsolateMemory } from "./inspector.js";
import { freePorts } from "./ports.js";
import { cpuSeconds, endTree, liveTree, peakRssBytes, trackGroup, workerdPids } from "./process-tree.js";

export interface WorkerOptions {
  /** The worker's wrangler.toml (main, compatibility settings, [assets]), e.g. "test/widget/wrangler.toml". */
  configPath: string;
  /** Its bundle, the outdir of `wrangler deploy --dry-run`. Default: bundled now into a temporary folder that stop() deletes. */
  bundleDir?: string;
  /** What the worker's socket reaches (see bundle-options.ts). Default "worker". */
  route?: Route;
  /** A path that does nearly nothing, requested to let the isolate run a pending GC. Default "/". */
  emptyPath?: string;
  /** How long to wait for the worker to be ready. Default 600 s (a huge bundle takes long to parse). */
  readyTimeoutMs?: number;
  /** V8 flags for workerd, such as "--trace-gc": served in this process, V8's lines collected in `lines`. Default none. */
  v8Flags?: string;
}

export interface ServedWorker {
  /** "http://127.0.0.1:<port>". */
  base: string;
  port: number;
  /** workerd's DevTools inspector port (see inspector.ts). */
  inspectorPort: number;
  /** A keep-alive connection to the worker, opened on the first call. */
  client(): Promise<HttpClient>;
  /** Times the worker's very first request, body read; throws when called twice or after other requests. */
  firstRequestMs(path: string): Promise<number>;
  /** The worker's isolate after a full GC: its used V8 heap and its ArrayBuffer backing stores (see inspector.ts). */
  memory(): Promise<IsolateMemory>;
  /** Peak RSS (VmHWM) of the workerd process that runs the worker, in bytes; null if not found. */
  peakRss(): number | null;
  /** The live processes serving the worker: the one running Miniflare (unless it is this one) and its workerd. */
  processes(): number[];
  /** With `v8Flags`: the lines V8 printed so far, in order; `lines.length` marks a point in time. Otherwise empty. */
  lines: string[];
  /** Waits for trace lines still on their way (workerd writes them asynchronously). */
  settle(): Promise<void>;
  /** Ends Miniflare and its workerd, and deletes a bundle made by startWorker. */
  stop(): Promise<void>;
}

/** What runs Miniflare: its output so far (for error messages), its workerd processes, and its end. */
interface Server {
  output(): string;
  workerds(): number[];
  processes(): number[];
  stop(): Promise<void>;
}

/** Serves the worker and resolves once it is ready. */
export async function startWorker({
  configPath,
  bundleDir,
  route = "worker",
  emptyPath = "/",
  readyTimeoutMs = 600_000,
  v8Flags,
}: WorkerOptions): Promise<ServedWorker> {
  configPath = resolve(configPath);
  let madeBundle: string | undefined;
  if (!bundleDir) {
    madeBundle = bundleDir = mkdtempSync(join(tmpdir(), "newsfind-bundle-"));
    const bundled = await bundleWorker(configPath, bundleDir);
    if (!bundled.ok) {
      rmSync(madeBundle, { recursive: true, force: true });
      throw new Error(bundled.reason);
    }
  }
  const removeBundle = () => madeBundle && rmSync(madeBundle, { recursive: true, force: true });
  const [port, inspectorPort] = (await freePorts(2)) as [number, number];
  const options = { configPath, bundleDir, port, inspectorPort, route };
  const lines: string[] = [];
  let server: Server;
  try {
    server =
      v8Flags === undefined ? await serveInChild(options, readyTimeoutMs) : await serveHere(options, v8Flags, lines);
  } catch (error) {
    removeBundle();
    throw error;
  }

  const state = () => {
    const states = server
      .workerds()
      .map(
        (pid) =>
          `workerd at ${Math.round((peakRssBytes(pid) ?? 0) / 1e6)} MB peak RSS after ${cpuSeconds(pid)} s of CPU`,
      );
    return states.length > 0 ? states.join(", ") : "no workerd process runs";
  };
  let session: InspectorSession | undefined;
  let connection: HttpClient | undefined;
  let requested = false;
  const client = async () => {
    requested = true;
    connection ??= await httpClient("127.0.0.1", port);
    return connection;
  };
  return {
    base: `http://127.0.0.1:${port}`,
    port,
    inspectorPort,
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
        const said = server
          .output()
          .split("\n")
          .filter((line) => !/@0x[0-9a-f]+\s*$/.test(line)) // a crash's native stack frames
          .join(" ")
          .replace(/\s+/g, " ")
          .trim()
          .slice(-240);
        throw new Error(
          `${error instanceof Error ? error.message : String(error)} (${state()}${said ? `; the server printed: ${said}` : ""})`,
        );
      } finally {
        first?.close();
      }
    },
    async memory() {
      session ??= await openInspector(inspectorPort, WORKER);
      const connection = await client();
      return heapAfterGc(session, () => connection.get(emptyPath));
    },
    peakRss() {
      const peaks = server
        .workerds()
        .map(peakRssBytes)
        .filter((bytes): bytes is number => bytes !== null);
      return peaks.length > 0 ? Math.max(...peaks) : null;
    },
    processes: () => server.processes(),
    lines,
    settle: () => new Promise((resolve) => setTimeout(resolve, 500)),
    async stop() {
      session?.close();
      connection?.close();
      await server.stop();
      removeBundle();
    },
  };
}

type ServeOptions = Parameters<typeof bundleOptions>[0];

/** Miniflare in a child process (serve-bundle.ts), ready once it prints "Ready on". */
async function serveInChild(options: ServeOptions, readyTimeoutMs: number): Promise<Server> {
  const { command, args } = tsxCommand(join(PROJECT_ROOT, "bench/harness/serve-bundle.ts"), [JSON.stringify(options)]);
  const child = spawn(command, args, { env: childEnv(), stdio: ["ignore", "pipe", "pipe"], detached: true });
  trackGroup(child.pid!);
  // Long enough to keep a crash's message above its native stack trace.
  const output = tailBuffer(20_000);
  const server: Server = {
    output: output.text,
    workerds: () => workerdPids(child.pid!),
    processes: () => liveTree(child.pid!),
    stop: () => endTree(child.pid!),
  };
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(
            new Error(
              `the worker did not get ready within ${readyTimeoutMs / 1000} s${output.text() ? `: ${output.text()}` : ""}`,
            ),
          ),
        readyTimeoutMs,
      );
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
    await server.stop();
    throw error;
  }
  return server;
}

/** Where coreutils keeps the library `stdbuf` preloads: Debian and Fedora, then older and multiarch layouts. */
const LIBSTDBUF = [
  "/usr/libexec/coreutils/libstdbuf.so",
  "/usr/lib/coreutils/libstdbuf.so",
  "/usr/lib64/coreutils/libstdbuf.so",
  "/usr/lib/x86_64-linux-gnu/coreutils/libstdbuf.so",
  "/usr/lib/aarch64-linux-gnu/coreutils/libstdbuf.so",
];

/**
 * Miniflare in this process with workerd's V8 flags. V8 prints its traces to workerd's stdout, a
 * pipe the C library would buffer in 4 KiB blocks (a line arriving up to a block late, the last
 * ones only at exit); workerd is started with coreutils' libstdbuf preloaded and its stdout
 * line-buffered, as `stdbuf -oL` does without the wrapper process.
 */
async function serveHere(options: ServeOptions, v8Flags: string, lines: string[]): Promise<Server> {
  const library = LIBSTDBUF.find((path) => existsSync(path));
  if (!library)
    throw new Error(
      `workerd's trace needs coreutils' libstdbuf (looked for ${LIBSTDBUF.join(", ")}): install coreutils`,
    );
  // Miniflare starts workerd with this process's environment, where it reads the V8 flags too;
  // the variables are put back as they were once workerd runs.
  const settings = { MINIFLARE_WORKERD_V8_FLAGS: v8Flags, LD_PRELOAD: library, _STDBUF_O: "L" };
  const served = {
    ...bundleOptions(options),
    handleStructuredLogs: ({ message }: { message: string }) => lines.push(message),
  };
  const saved = Object.fromEntries(Object.keys(settings).map((name) => [name, process.env[name]]));
  Object.assign(process.env, settings);
  let miniflare: Miniflare | undefined;
  try {
    miniflare = new Miniflare(served);
    await miniflare.ready;
  } catch (error) {
    await miniflare?.dispose();
    throw error;
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
  return {
    output: () => lines.slice(-40).join("\n"),
    workerds: () => workerdPids(process.pid),
    processes: () => workerdPids(process.pid),
    stop: () => miniflare.dispose(),
  };
}
