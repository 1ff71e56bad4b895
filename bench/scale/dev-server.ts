// The field stream through `wrangler dev`, as an engineer meets the worker on this machine:
// wrangler's development server (its proxy in front of Miniflare) over the bench's built index.
// Each query follows a GET /health on the same keep-alive connection, the warm-up queries first
// and untimed. The figure is each percentile of /search minus the same percentile of /health:
// what a search adds to the cheapest request through the same stack.
import { spawn } from "node:child_process";
import { childEnv, tailBuffer, wranglerCommand } from "../harness/commands.js";
import { httpClient, type HttpClient } from "../harness/http-client.js";
import { freePorts } from "../harness/ports.js";
import { endTree, liveTree, trackGroup } from "../harness/process-tree.js";
import { percentiles, type Percentiles } from "../stats.js";
import type { FieldStream } from "./field-stream.js";
import { searchPath } from "./scale-queries.js";
import { pairedPass, timedGet } from "./timing.js";

export const HEALTH_PATH = "/health";

export interface DevServerTimings {
  /** Warm-up queries sent, untimed, before the measured ones. */
  warmup: number;
  /** Round-trip times of the measured /search requests, ms. */
  search: Percentiles;
  /** Round-trip times of the /health request before each, ms. */
  health: Percentiles;
  /** search minus health, percentile by percentile, ms. */
  over: { p50: number; p90: number; p99: number };
}

export interface DevServerOptions {
  /** How long wrangler dev may take to answer /health. Default 600 s. */
  readyTimeoutMs?: number;
  /** [vars] overridden for this server (`{ NEWSFIND_EDGE_CACHE: "off" }`). Default none. */
  vars?: Record<string, string>;
  /** The folder of Miniflare's state (the edge cache's entries). Default: wrangler's, .wrangler/state. */
  persistTo?: string;
  /**
   * Environment variables for wrangler over the bench's own (harness/commands.ts `childEnv`):
   * `{ X_LOCAL_OBSERVABILITY: "true" }` records each request's trace, as plain `wrangler dev`
   * does and `npm start` does not. Default none.
   */
  env?: NodeJS.ProcessEnv;
}

/** A running `wrangler dev`: its port, a keep-alive client, and its end. */
export interface DevServer {
  port: number;
  client: HttpClient;
  /** The live processes of the stack: wrangler's, and those it started (its runtimes among them). */
  processes(): number[];
  stop(): Promise<void>;
}

/** Serves the worker of `configPath` with `wrangler dev` on a free loopback port, once it answers /health. */
export async function startDevServer(
  configPath: string,
  { readyTimeoutMs = 600_000, vars = {}, persistTo, env = {} }: DevServerOptions = {},
): Promise<DevServer> {
  const [port, inspectorPort] = (await freePorts(2)) as [number, number];
  const { command, args } = wranglerCommand([
    "dev",
    "--config",
    configPath,
    "--ip",
    "127.0.0.1",
    "--port",
    String(port),
    "--inspector-port",
    String(inspectorPort),
    "--log-level",
    "warn",
    "--show-interactive-dev-session=false",
    ...Object.entries(vars).flatMap(([name, value]) => ["--var", `${name}:${value}`]),
    ...(persistTo ? ["--persist-to", persistTo] : []),
  ]);
  const child = spawn(command, args, { env: childEnv(env), stdio: ["ignore", "pipe", "pipe"], detached: true });
  trackGroup(child.pid!);
  const output = tailBuffer();
  child.stdout!.on("data", output.push);
  child.stderr!.on("data", output.push);
  let exited = false;
  child.once("exit", () => (exited = true));
  try {
    const client = await whenReady(port, readyTimeoutMs, () => (exited ? output.text() : null));
    return {
      port,
      client,
      processes: () => liveTree(child.pid!),
      stop: async () => {
        client.close();
        await endTree(child.pid!);
      },
    };
  } catch (error) {
    await endTree(child.pid!);
    throw error;
  }
}

/** Serves the worker of `configPath` with `wrangler dev`, sends the stream (see the header), and stops it. */
export async function devServerLatency(
  configPath: string,
  stream: FieldStream,
  options: DevServerOptions = {},
): Promise<DevServerTimings> {
  // The edge cache off, as in the other timings (bench/harness/bundle-options.ts).
  const server = await startDevServer(configPath, {
    ...options,
    vars: { NEWSFIND_EDGE_CACHE: "off", ...options.vars },
  });
  try {
    return await healthPairedLatency(server.client, stream);
  } finally {
    await server.stop();
  }
}

/** Sends the stream on `client`, each search after a GET /health, and compares their percentiles (see the header). */
export async function healthPairedLatency(
  client: HttpClient,
  { warmup, measured }: FieldStream,
): Promise<DevServerTimings> {
  await pairedPass(
    client,
    warmup.map((query) => searchPath(query.text)),
    HEALTH_PATH,
  );
  const health: number[] = [];
  const search: number[] = [];
  for (const query of measured) {
    health.push(await timedGet(client, HEALTH_PATH));
    search.push(await timedGet(client, searchPath(query.text)));
  }
  const [s, h] = [percentiles(search), percentiles(health)];
  return {
    warmup: warmup.length,
    search: s,
    health: h,
    over: { p50: s.p50 - h.p50, p90: s.p90 - h.p90, p99: s.p99 - h.p99 },
  };
}

/** A connection to the dev server once /health answers 200; throws with wrangler's output if it exits or times out. */
async function whenReady(port: number, timeoutMs: number, exitOutput: () => string | null): Promise<HttpClient> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const ended = exitOutput();
    if (ended !== null) throw new Error(`wrangler dev exited before it answered: ${ended.slice(-400)}`);
    try {
      const client = await httpClient("127.0.0.1", port);
      const { status } = await client.get(HEALTH_PATH);
      if (status === 200) return client;
      client.close();
    } catch {
      // Not listening yet.
    }
    if (performance.now() > deadline)
      throw new Error(`wrangler dev did not answer ${HEALTH_PATH} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
