// `npm run build`: builds the index from the corpus and prints the build report.
// Usage: tsx build/cli.ts [--corpus PATH] [--out DIR] [--assets DIR] [--layout auto|bundle|sharded]
//        [--fields title,body] [--no-cache] [--quiet] [--json]
import { build } from "./build.js";
import { parseBuildOptions } from "./options.js";
import { formatReport } from "./report.js";

try {
  const options = parseBuildOptions(process.argv.slice(2));
  const report = build({ ...options, quiet: options.quiet || options.json });
  console.log(options.json ? JSON.stringify(report, null, 2) : formatReport(report));
  if (report.articlesIndexed === 0) {
    console.error(`newsfind build: no articles could be indexed from ${options.corpus}; see the skipped files above`);
    process.exitCode = 1;
  }
} catch (error) {
  console.error(`newsfind build failed: ${(error as Error).message}`);
  process.exitCode = 1;
}
