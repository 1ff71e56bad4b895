// Serves one bundled worker with Miniflare, the way every bench measures it; run as a child
// process by worker.ts with one JSON argument (ServeBundleOptions). The bundle is what
// `wrangler deploy --dry-run --outdir` wrote, so the bench serves exactly what would be deployed
// (the options: bundle-options.ts). Prints "Ready on http://HOST:PORT" once workerd has loaded the script; stops on SIGTERM.
import { Miniflare } from "miniflare";
import { bundleOptions, type ServeBundleOptions } from "./bundle-options.js";

async function main() {
  const options = JSON.parse(process.argv[2] ?? "{}") as ServeBundleOptions;
  const miniflare = new Miniflare(bundleOptions(options));
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
