// Opens the index once per isolate, whatever its layout: checks the manifest's format, then
// builds the bundle store (artefacts in the script) or the sharded store (assets read through
// the ASSETS binding). The promise is cached, so concurrent first requests share one load.
import { formatMismatch, type IndexArtefacts, type IndexManifest, type ShardedLayout } from "../../index-format.js";
import { EngineError } from "../errors.js";
import { bundleStore } from "./bundle.js";
import { joined } from "./promise-cache.js";
import { shardedStore, type AssetReader } from "./sharded.js";
import type { IndexStore } from "./store.js";

/** The part of a Workers static-assets binding the store uses. */
export interface AssetsBinding {
  fetch(request: Request): Promise<Response>;
}

/** Reads index assets through the ASSETS binding; a missing file is a broken deployment. */
export function assetReader(assets: AssetsBinding): AssetReader {
  return async (path) => {
    const response = await assets.fetch(new Request(`https://assets.invalid${path}`));
    if (!response.ok) {
      throw new EngineError(
        "index-unavailable",
        `The search index cannot be used: its file ${path} is missing from the static assets (${response.status}); rebuild with "npm run build" and deploy the assets with the worker.`,
      );
    }
    return response.arrayBuffer();
  };
}

function open(artefacts: IndexArtefacts, env: unknown, reader?: AssetReader): IndexStore {
  const mismatch = formatMismatch(artefacts.manifest);
  if (mismatch) throw new EngineError("index-unavailable", `The search index cannot be used: ${mismatch}.`);
  const { manifest } = artefacts;
  if (manifest.layout.kind === "bundle") return bundleStore(artefacts);
  const binding = (env as { ASSETS?: AssetsBinding } | undefined)?.ASSETS;
  const read = reader ?? (binding ? assetReader(binding) : undefined);
  if (!read) {
    throw new EngineError(
      "index-unavailable",
      'The search index cannot be used: it is sharded into static assets, but the worker has no ASSETS binding; add [assets] with binding = "ASSETS" to wrangler.toml (see "Deploying to Cloudflare" in README.md).',
    );
  }
  return shardedStore(manifest as IndexManifest & { layout: ShardedLayout }, read);
}

/**
 * Returns a loader that opens the index on first call and shares the store after.
 * @param reader Reads sharded assets; default: the request environment's ASSETS binding.
 */
export function indexLoader(artefacts: IndexArtefacts, reader?: AssetReader): (env?: unknown) => Promise<IndexStore> {
  let loading: Promise<IndexStore> | undefined;
  return (env) => {
    loading ??= Promise.resolve().then(() => open(artefacts, env, reader));
    return joined(loading);
  };
}
