// `npm run build`: builds the index from the corpus and prints the build report, then bundles
// the browser widget (src/widget/) into dist/widget/widget.js.
// Usage: tsx build/cli.ts [--corpus PATH] [--out DIR] [--assets DIR] [--layout auto|bundle|sharded]
//        [--fields title,body] [--no-cache] [--strict] [--quiet] [--json]
import { build } from "./build.js";
import { parseBuildOptions } from "./options.js";
import { formatReport, StrictBuildError } from "./report.js";
import { buildWidget } from "./widget.js";

try {
  const options = parseBuildOptions(process.argv.slice(2));
  const report = build({ ...options, quiet: options.quiet || options.json });
  console.log(options.json ? JSON.stringify(report, null, 2) : formatReport(report));
  if (report.articlesIndexed === 0) {
    console.error(`newsfind build: no articles could be indexed from ${options.corpus}; see the skipped files above`);
    process.exitCode = 1;
  }
  const widget = buildWidget();
  if (!options.json)
    console.log(
      `  widget            ${widget.path}, ${(widget.raw / 1024).toFixed(1)} KiB raw, ${widget.gzip} bytes gzip (budget 10,000)`,
    );
} catch (error) {
  if (error instanceof StrictBuildError) console.error(formatReport(error.report));
  console.error(`newsfind build failed: ${(error as Error).message}`);
  process.exitCode = 1;
}
