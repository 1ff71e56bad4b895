// `npm run bench:diagnose -- --mode jit|gc|dev --corpus FILE.jsonl[.gz] --articles N [mode options]`
// Why a served worker is slow, rather than how fast it is (the benches measure that): the
// corpus's first N articles built and bundled as the scale bench does (traced-worker.ts), then
// served with workerd's V8 tracing flags by the one launcher (harness/worker.ts).
//   --mode jit [--passes 12]: functions compiled and bailouts per pass of warm queries (jit.ts);
//   --mode gc [--warmup 5] [--passes 6] [--runs 2] [--threshold 3]: slow requests by the
//     garbage collection that paused them, served both ways bundle-options.ts knows (gc.ts);
//   --mode dev [--queries N] [--runs 2]: the CPU each process spends on a request, through
//     `wrangler dev` with and without its trace of each request, and served directly, all
//     without V8's tracing flags (dev-cost.ts).
// Tracing, or reading /proc around every request, slows the worker: these runs time nothing a
// target is judged by.
import { parseArgs } from "node:util";
import { DEV_OPTIONS, devCost } from "./dev-cost.js";
import { GC_OPTIONS, gcPauses } from "./gc.js";
import { JIT_OPTIONS, jitPasses } from "./jit.js";
import { buildTraced } from "./traced-worker.js";

const USAGE =
  "usage: npm run bench:diagnose -- --mode jit|gc|dev --corpus FILE.jsonl[.gz] --articles N [--passes 12] (jit) [--warmup 5] [--passes 6] [--runs 2] [--threshold 3] (gc) [--queries N] [--runs 2] (dev)";
const mode = parseArgs({ options: { mode: { type: "string" } }, strict: false }).values.mode;
if (mode !== "jit" && mode !== "gc" && mode !== "dev") {
  console.error(USAGE);
  process.exit(2);
}
const { values } = parseArgs({
  options: {
    mode: { type: "string" },
    corpus: { type: "string" },
    articles: { type: "string" },
    ...(mode === "jit" ? JIT_OPTIONS : mode === "gc" ? GC_OPTIONS : DEV_OPTIONS),
  },
});
const articles = Number(values.articles);
if (!values.corpus || !Number.isInteger(articles) || articles < 1) {
  console.error(USAGE);
  process.exit(2);
}

const build = await buildTraced(values.corpus, articles);
try {
  if (mode === "jit") await jitPasses(build, values as { passes: string });
  else if (mode === "gc") await gcPauses(build, values as Record<keyof typeof GC_OPTIONS, string>);
  else await devCost(build, values as Record<keyof typeof DEV_OPTIONS, string>);
} finally {
  build.remove();
}
