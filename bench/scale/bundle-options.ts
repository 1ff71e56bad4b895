// Miniflare's options for serving one bundled worker the way the scale bench measures it
// (serve-bundle.ts runs them; jit-passes.ts traces them): the bundle `wrangler deploy --dry-run
// --outdir` wrote, with the compatibility settings and [assets] of its wrangler.toml.
//
// The worker gets a socket of its own on loopback (Miniflare's `unsafeDirectSockets`): requests
// reach it without Miniflare's development entry worker or the assets router in front (with
// `run_worker_first` the router only hands every request on). Production has neither. Its
// ASSETS binding is Miniflare's static-assets service over the same folder wrangler uploads.
import { existsSync } from "node:fs";
import { basename, dirname, isAbsolute, join, resolve } from "node:path";
import { convertV4MiniflareOptions, type MiniflareOptions } from "miniflare";
import { unstable_readConfig } from "wrangler";

export interface ServeBundleOptions {
  /** The worker's wrangler.toml: compatibility date and flags, main, [assets]. */
  configPath: string;
  /** Where `wrangler deploy --dry-run --outdir` wrote the bundle. */
  bundleDir: string;
  port: number;
  inspectorPort: number;
}

const WORKER = "bench";

export function bundleOptions(options: ServeBundleOptions): MiniflareOptions {
  const config = unstable_readConfig({ config: options.configPath });
  const main = config.main ?? "index.ts";
  const scriptPath = join(options.bundleDir, basename(main).replace(/\.[cm]?[jt]sx?$/, ".js"));
  if (!existsSync(scriptPath)) throw new Error(`the bundle has no ${basename(scriptPath)} in ${options.bundleDir}`);
  const directory = config.assets?.directory;
  const assetsDirectory = directory ? (isAbsolute(directory) ? directory : resolve(dirname(options.configPath), directory)) : null;
  const assets = assetsDirectory ? { directory: assetsDirectory, binding: config.assets?.binding ?? "ASSETS", routerConfig: { has_user_worker: true, invoke_user_worker_ahead_of_assets: true } } : undefined;
  return convertV4MiniflareOptions({
    workers: [
      {
        name: WORKER,
        modules: true,
        modulesRoot: options.bundleDir,
        scriptPath,
        compatibilityDate: config.compatibility_date,
        compatibilityFlags: config.compatibility_flags,
        unsafeDirectSockets: [{ host: "127.0.0.1", port: options.port }],
        ...(assets ? { assets } : {}),
      },
    ],
    // Miniflare's own entry socket: an ephemeral port, unused by the bench.
    host: "127.0.0.1",
    port: 0,
    inspectorPort: options.inspectorPort,
    logRequests: false,
  });
}
