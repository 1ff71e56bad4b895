// Miniflare's options for serving one bundled worker the way every bench measures it (worker.ts
// runs them): the bundle `wrangler deploy --dry-run --outdir` wrote, with the compatibility
// settings and [assets] of its wrangler.toml.
//
// The worker gets a socket of its own on loopback (Miniflare's `unsafeDirectSockets`), and by
// default the socket reaches the worker itself. For a worker with [assets], Miniflare would put
// two JavaScript workers in front of it on that socket: its RPC proxy and the assets router,
// which with `run_worker_first` only hands every request on. In production the router is the
// platform's; here both run on workerd's one thread beside the worker, and their garbage
// collections paused the worker's requests (`npm run bench:diagnose -- --mode gc` counts
// them). So `route: "router"`, which keeps them, is only for comparison. The worker's ASSETS
// binding is Miniflare's static-assets service over the folder wrangler uploads, reached
// through an entrypoint of a one-line second worker that holds the [assets] (Miniflare sends a
// binding to a worker with assets through the router unless it names an entrypoint): index
// files take one hop more than a deployed worker's.
import { existsSync } from "node:fs";
import { basename, dirname, isAbsolute, join, resolve } from "node:path";
import { convertV4MiniflareOptions, type MiniflareOptions } from "miniflare";
import { unstable_readConfig } from "wrangler";

/** What the worker's socket reaches: the worker itself, or Miniflare's assets router in front of it (see above). */
export type Route = "worker" | "router";

export interface ServeBundleOptions {
  /** The worker's wrangler.toml: compatibility date and flags, main, [assets]. */
  configPath: string;
  /** Where `wrangler deploy --dry-run --outdir` wrote the bundle. */
  bundleDir: string;
  port: number;
  inspectorPort: number;
  /** Default "worker". */
  route?: Route;
}

/** The measured worker's name in Miniflare (its inspector target is "core:user:bench"). */
export const WORKER = "bench";
const ASSETS_HOLDER = "bench-assets";
/** The second worker: its named entrypoint passes the bench worker's asset reads to its own ASSETS. */
const ASSETS_HOLDER_SCRIPT = [
  'import { WorkerEntrypoint } from "cloudflare:workers";',
  "export class Assets extends WorkerEntrypoint { fetch(request) { return this.env.ASSETS.fetch(request); } }",
  "export default { fetch() { return new Response(null, { status: 404 }); } };",
].join("\n");

/** The `[assets] directory` of a wrangler config (toml or json), resolved against its folder; null without assets. */
export function assetsDirectory(configPath: string): string | null {
  return assetsDirectoryOf(unstable_readConfig({ config: configPath }), configPath);
}

function assetsDirectoryOf(config: ReturnType<typeof unstable_readConfig>, configPath: string): string | null {
  const directory = config.assets?.directory;
  return directory ? (isAbsolute(directory) ? directory : resolve(dirname(configPath), directory)) : null;
}

export function bundleOptions({
  configPath,
  bundleDir,
  port,
  inspectorPort,
  route = "worker",
}: ServeBundleOptions): MiniflareOptions {
  const config = unstable_readConfig({ config: configPath });
  const main = config.main ?? "index.ts";
  const scriptPath = join(bundleDir, basename(main).replace(/\.[cm]?[jt]sx?$/, ".js"));
  if (!existsSync(scriptPath)) throw new Error(`the bundle has no ${basename(scriptPath)} in ${bundleDir}`);
  const assetsDirectory = assetsDirectoryOf(config, configPath);
  const binding = config.assets?.binding ?? "ASSETS";
  const worker = {
    name: WORKER,
    modules: true,
    modulesRoot: bundleDir,
    scriptPath,
    compatibilityDate: config.compatibility_date,
    compatibilityFlags: config.compatibility_flags,
    unsafeDirectSockets: [{ host: "127.0.0.1", port }],
    // The benches time the worker's own work: Miniflare's Cache API is a local stand-in whose
    // cost says nothing of the edge's, so the edge cache is off (`npm run load` compares both).
    bindings: { NEWSFIND_EDGE_CACHE: "off" },
  };
  const workers =
    assetsDirectory === null
      ? [worker]
      : route === "router"
        ? [
            {
              ...worker,
              assets: {
                directory: assetsDirectory,
                binding,
                routerConfig: { has_user_worker: true, invoke_user_worker_ahead_of_assets: true },
              },
            },
          ]
        : [
            { ...worker, serviceBindings: { [binding]: { name: ASSETS_HOLDER, entrypoint: "Assets" } } },
            {
              name: ASSETS_HOLDER,
              modules: true,
              script: ASSETS_HOLDER_SCRIPT,
              compatibilityDate: config.compatibility_date,
              assets: { directory: assetsDirectory, binding: "ASSETS" },
            },
          ];
  return convertV4MiniflareOptions({
    workers,
    // Miniflare's own entry socket: an ephemeral port, unused by the bench.
    host: "127.0.0.1",
    port: 0,
    inspectorPort,
    logRequests: false,
  });
}
