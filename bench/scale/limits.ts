// The Cloudflare Workers limits a deployment must fit, and the check of measured sizes against
// them (pure). Figures from developers.cloudflare.com/workers/platform/limits (Workers Paid).

export interface WorkersLimits {
  /** Bundled script, all modules, uncompressed. Default 64 MiB. */
  scriptBytes: number;
  /** Bundled script after compression (the "Worker size" of the Paid plan). Default 10 MiB. */
  scriptGzipBytes: number;
  /** Static asset files per Worker version. Default 20,000 (the Free plan's; Paid allows 100,000). */
  assetFiles: number;
  /** One static asset file. Default 25 MiB. */
  assetFileBytes: number;
}

const MiB = 1024 * 1024;

export const WORKERS_LIMITS: WorkersLimits = {
  scriptBytes: 64 * MiB,
  scriptGzipBytes: 10 * MiB,
  assetFiles: 20_000,
  assetFileBytes: 25 * MiB,
};

export interface DeploySizes {
  scriptBytes: number;
  scriptGzipBytes: number;
  assetFiles: number;
  largestAssetBytes: number;
  /** The largest asset's path, for the message. */
  largestAsset?: string;
}

const mib = (bytes: number) => `${(bytes / MiB).toFixed(1)} MiB`;

/** Every limit the sizes break, as a message naming the figure and the limit; empty when they fit. */
export function limitProblems(sizes: DeploySizes, limits: WorkersLimits = WORKERS_LIMITS): string[] {
  const problems: string[] = [];
  if (sizes.scriptBytes > limits.scriptBytes)
    problems.push(`script is ${mib(sizes.scriptBytes)} uncompressed (limit ${mib(limits.scriptBytes)})`);
  if (sizes.scriptGzipBytes > limits.scriptGzipBytes)
    problems.push(`script is ${mib(sizes.scriptGzipBytes)} gzipped (limit ${mib(limits.scriptGzipBytes)})`);
  if (sizes.assetFiles > limits.assetFiles)
    problems.push(
      `${sizes.assetFiles.toLocaleString("en-US")} asset files (limit ${limits.assetFiles.toLocaleString("en-US")})`,
    );
  if (sizes.largestAssetBytes > limits.assetFileBytes) {
    problems.push(
      `asset ${sizes.largestAsset ?? "file"} is ${mib(sizes.largestAssetBytes)} (limit ${mib(limits.assetFileBytes)} a file)`,
    );
  }
  return problems;
}
