// The worker `npm run bench:diagnose` traces: the corpus's first N articles built and bundled as
// the scale bench does; jit.ts and gc.ts serve it with startWorker's `v8Flags`
// (harness/worker.ts), which collects every line V8 prints as it comes.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { bundleWorker } from "../harness/commands.js";
import { newsfindAdapter } from "../harness/newsfind-worker.js";
import { writeCorpusSubset } from "../scale/corpus-subset.js";

export interface TracedBuild {
  /** Articles built (fewer than asked when the corpus is short). */
  articles: number;
  /** The built articles, a JSON-lines file (what the field stream's queries are made from). */
  corpusPath: string;
  configPath: string;
  bundleDir: string;
  /** Deletes everything the build wrote. */
  remove(): void;
}

/** Builds the corpus's first `articles` with newsfind's build and bundles the worker with `wrangler deploy --dry-run`. */
export async function buildTraced(corpus: string, articles: number): Promise<TracedBuild> {
  const dir = mkdtempSync(join(tmpdir(), "newsfind-traced-"));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  try {
    const subset = await writeCorpusSubset(corpus, articles, dir);
    const built = await newsfindAdapter()(subset.path, join(dir, "worker"));
    const bundleDir = join(dir, "bundle");
    const bundled = await bundleWorker(built.configPath, bundleDir);
    if (!bundled.ok) throw new Error(bundled.reason);
    return { articles: subset.lines, corpusPath: subset.path, configPath: built.configPath, bundleDir, remove };
  } catch (error) {
    remove();
    throw error;
  }
}
