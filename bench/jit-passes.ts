// `npm run bench:jit -- --corpus FILE.jsonl[.gz] --articles N [--passes 12]`
// How long the JIT takes to settle in a newsfind worker: the corpus's first N articles built and
// bundled as the scale bench does, served by Miniflare in this process with workerd's V8 told
// to trace its optimizing compilers (--trace-opt --trace-deopt), then the scale bench's 100 warm
// queries sent pass after pass (each after an empty request). Prints, per pass, how many
// functions V8 finished compiling (Maglev or TurboFan) and how many optimized functions it threw
// away (bailouts): why the scale bench times its rounds after several untimed passes
// (bench/scale/timing.ts). Tracing slows the worker: these runs time nothing.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { Miniflare } from "miniflare";
import { bundleOptions } from "./scale/bundle-options.js";
import { writeCorpusSubset } from "./scale/corpus-subset.js";
import { bundleWorker } from "./scale/dry-run.js";
import { httpClient } from "./scale/http-client.js";
import { newsfindAdapter } from "./scale/newsfind-adapter.js";
import { portPool } from "./scale/ports.js";
import { DEFAULT_QUERIES, mixedQueries, parseTitleQueries, searchPath } from "./scale/scale-queries.js";
import { PROJECT_ROOT } from "./scale/wrangler-command.js";

const { values } = parseArgs({
  options: {
    corpus: { type: "string" },
    articles: { type: "string" },
    passes: { type: "string", default: "12" },
    port: { type: "string", default: "8870" },
  },
});
const articles = Number(values.articles);
const passes = Number(values.passes);
if (!values.corpus || !Number.isInteger(articles) || articles < 1 || !Number.isInteger(passes) || passes < 1) {
  console.error("usage: npm run bench:jit -- --corpus FILE.jsonl[.gz] --articles N [--passes 12]");
  process.exit(2);
}

const dir = mkdtempSync(join(tmpdir(), "newsfind-jit-"));
try {
  const subset = await writeCorpusSubset(values.corpus, articles, dir);
  const built = await newsfindAdapter()(subset.path, join(dir, "worker"));
  const bundleDir = join(dir, "bundle");
  const bundled = await bundleWorker(built.configPath, bundleDir);
  if (!bundled.ok) throw new Error(bundled.reason);
  const ports = await portPool(Number(values.port))();
  const lines: string[] = [];
  // Miniflare reads workerd's V8 flags from the environment when it writes workerd's config.
  process.env.MINIFLARE_WORKERD_V8_FLAGS = "--trace-opt --trace-deopt";
  const miniflare = new Miniflare({ ...bundleOptions({ configPath: built.configPath, bundleDir, ...ports }), handleStructuredLogs: ({ message }) => lines.push(message) });
  try {
    await miniflare.ready;
    const client = await httpClient("127.0.0.1", ports.port);
    const paths = mixedQueries(parseTitleQueries(readFileSync(join(PROJECT_ROOT, DEFAULT_QUERIES), "utf8")), 100).map(searchPath);
    const marks: number[] = [];
    for (let pass = 0; pass < passes; pass++) {
      marks.push(lines.length);
      for (const path of paths) {
        await client.get("/");
        await client.get(path);
      }
    }
    // workerd writes its trace lines asynchronously: let the last pass's arrive.
    await new Promise((resolve) => setTimeout(resolve, 500));
    marks.push(lines.length);
    client.close();
    console.log(`\nJIT activity of a newsfind worker at ${subset.lines.toLocaleString("en-US")} articles, pass by pass (${paths.length} warm queries a pass, each after an empty request)\n`);
    console.log("| pass | functions compiled | bailouts |\n|---:|---:|---:|");
    for (let pass = 0; pass < passes; pass++) {
      const traced = lines.slice(marks[pass], marks[pass + 1]);
      const compiled = traced.filter((line) => line.includes("completed compiling")).length;
      const bailouts = traced.filter((line) => line.includes("bailout")).length;
      console.log(`| ${pass + 1} | ${compiled} | ${bailouts} |`);
    }
  } finally {
    await miniflare.dispose();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
