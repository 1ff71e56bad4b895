// Serves one bundled worker with Miniflare, the way the scale bench measures it; run as a child
// process by worker-process.ts with one JSON argument (ServeBundleOptions). The bundle is what
// `wrangler deploy --dry-run --outdir` wrote, so the bench serves exactly what would be deployed.
//
// The worker gets a socket of its own on loopback (Miniflare's `unsafeDirectSockets`): requests
// reach it without Miniflare's development entry worker or the assets router in front (with
// `run_worker_first` the router only hands every request on). Production has neither. Its
// ASSETS binding is Miniflare's static-assets service over the same folder wrangler uploads.
// Prints "Ready on http://HOST:PORT" once workerd has loaded the script; stops on SIGTERM.
import { existsSync } from "node:fs";
import { basename, dirname, isAbsolute, join, resolve } from "node:path";
import { Miniflare, convertV4MiniflareOptions } from "miniflare";
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

async function main() {
  const options = JSON.parse(process.argv[2] ?? "{}") as ServeBundleOptions;
  const config = unstable_readConfig({ config: options.configPath });
  const main = config.main ?? "index.ts";
  const scriptPath = join(options.bundleDir, basename(main).replace(/\.[cm]?[jt]sx?$/, ".js"));
  if (!existsSync(scriptPath)) throw new Error(`the bundle has no ${basename(scriptPath)} in ${options.bundleDir}`);
  const directory = config.assets?.directory;
  const assetsDirectory = directory ? (isAbsolute(directory) ? directory : resolve(dirname(options.configPath), directory)) : null;
  const assets = assetsDirectory ? { directory: assetsDirectory, binding: config.assets?.binding ?? "ASSETS", routerConfig: { has_user_worker: true, invoke_user_worker_ahead_of_assets: true } } : undefined;
  const miniflare = new Miniflare(
    convertV4MiniflareOptions({
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
    }),
  );
  await miniflare.ready;
  console.log(`Ready on http://127.0.0.1:${options.port}`);
  const stop = () => void miniflare.dispose().finally(() => process.exit(0));
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
