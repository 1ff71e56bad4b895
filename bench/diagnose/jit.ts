// `npm run bench:diagnose -- --mode jit ... [--passes 12]`: how long the JIT takes to settle in a
// newsfind worker. The worker is served with workerd's V8 told to trace its optimizing compilers
// (--trace-opt --trace-deopt), then the scale bench's 100 warm queries are sent pass after pass
// (each after an empty request). Prints, per pass, how many functions V8 finished compiling
// (Maglev or TurboFan) and how many optimized functions it threw away (bailouts): why the scale
// bench times its rounds after several untimed passes (bench/scale/timing.ts).
import { startWorker } from "../harness/worker.js";
import { warmPaths } from "../scale/scale-queries.js";
import { pairedPass } from "../scale/timing.js";
import type { TracedBuild } from "./traced-worker.js";

export const JIT_OPTIONS = { passes: { type: "string", default: "12" } } as const;

export async function jitPasses(build: TracedBuild, { passes: passesText }: { passes: string }): Promise<void> {
  const passes = Number(passesText);
  if (!Number.isInteger(passes) || passes < 1)
    throw new Error(`--passes must be a whole number of at least 1 (got ${passesText})`);
  const worker = await startWorker({
    configPath: build.configPath,
    bundleDir: build.bundleDir,
    v8Flags: "--trace-opt --trace-deopt",
  });
  try {
    const paths = warmPaths();
    const client = await worker.client();
    const marks: number[] = [];
    for (let pass = 0; pass < passes; pass++) {
      marks.push(worker.lines.length);
      await pairedPass(client, paths, "/");
    }
    await worker.settle();
    marks.push(worker.lines.length);
    console.log(
      `\nJIT activity of a newsfind worker at ${build.articles.toLocaleString("en-US")} articles, pass by pass (${paths.length} warm queries a pass, each after an empty request)\n`,
    );
    console.log("| pass | functions compiled | bailouts |\n|---:|---:|---:|");
    for (let pass = 0; pass < passes; pass++) {
      const traced = worker.lines.slice(marks[pass], marks[pass + 1]);
      const compiled = traced.filter((line) => line.includes("completed compiling")).length;
      const bailouts = traced.filter((line) => line.includes("bailout")).length;
      console.log(`| ${pass + 1} | ${compiled} | ${bailouts} |`);
    }
  } finally {
    await worker.stop();
  }
}
