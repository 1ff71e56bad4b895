// `npm run bench:jit -- --corpus FILE.jsonl[.gz] --articles N [--passes 12]`
// How long the JIT takes to settle in a newsfind worker: the corpus's first N articles built and
// bundled as the scale bench does, served by Miniflare in this process with workerd's V8 told
// to trace its optimizing compilers (--trace-opt --trace-deopt), then the scale bench's 100 warm
// queries sent pass after pass (each after an empty request). Prints, per pass, how many
// functions V8 finished compiling (Maglev or TurboFan) and how many optimized functions it threw
// away (bailouts): why the scale bench times its rounds after several untimed passes
// (bench/scale/timing.ts). Tracing slows the worker: these runs time nothing.
import { parseArgs } from "node:util";
import { pairedPass } from "./scale/timing.js";
import { startWorker } from "./harness/worker.js";
import { warmPaths } from "./scale/scale-queries.js";
import { buildTraced } from "./scale/traced-worker.js";

const { values } = parseArgs({
  options: {
    corpus: { type: "string" },
    articles: { type: "string" },
    passes: { type: "string", default: "12" },
  },
});
const articles = Number(values.articles);
const passes = Number(values.passes);
if (!values.corpus || !Number.isInteger(articles) || articles < 1 || !Number.isInteger(passes) || passes < 1) {
  console.error("usage: npm run bench:jit -- --corpus FILE.jsonl[.gz] --articles N [--passes 12]");
  process.exit(2);
}

const build = await buildTraced(values.corpus, articles);
try {
  const worker = await startWorker({ configPath: build.configPath, bundleDir: build.bundleDir, v8Flags: "--trace-opt --trace-deopt" });
  try {
    const paths = warmPaths();
    const marks: number[] = [];
    for (let pass = 0; pass < passes; pass++) {
      marks.push(worker.lines.length);
      await pairedPass(await worker.client(), paths, "/");
    }
    await worker.settle();
    marks.push(worker.lines.length);
    const lines = worker.lines;
    console.log(`\nJIT activity of a newsfind worker at ${build.articles.toLocaleString("en-US")} articles, pass by pass (${paths.length} warm queries a pass, each after an empty request)\n`);
    console.log("| pass | functions compiled | bailouts |\n|---:|---:|---:|");
    for (let pass = 0; pass < passes; pass++) {
      const traced = lines.slice(marks[pass], marks[pass + 1]);
      const compiled = traced.filter((line) => line.includes("completed compiling")).length;
      const bailouts = traced.filter((line) => line.includes("bailout")).length;
      console.log(`| ${pass + 1} | ${compiled} | ${bailouts} |`);
    }
  } finally {
    await worker.stop();
  }
} finally {
  build.remove();
}
