// `tsx bench/scale/main.ts --corpus FILE.jsonl.gz --articles 1000,10000 [--engines newsfind,minisearch,orama]
//   [--queries TSV] [--rounds N] [--ready-timeout SECONDS] [--port N] [--json OUT.json] [--keep]`
// Runs the scale bench with the temporary newsfind adapter and prints the tables (Markdown) to
// stdout; progress goes to stderr. --json also writes the rows, for later formatting.
// Needs Node 22 (wrangler 4, and the global WebSocket the heap reading uses): started by an older
// Node (`node_modules/.bin/tsx` finds the system Node first), it runs itself again under the
// project's Node 22 from node_modules.
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { newsfindAdapter } from "./newsfind-adapter.js";
import { runScale } from "./run-scale.js";
import { printTables } from "./table.js";
import { ENGINES, type EngineName } from "./types.js";
import { nodeBinary } from "./wrangler-command.js";

if (Number(process.versions.node.split(".")[0]) < 22) {
  const again = spawnSync(nodeBinary(), ["--import", "tsx", ...process.argv.slice(1)], { stdio: "inherit" });
  process.exit(again.status ?? 1);
}

const { values } = parseArgs({
  options: {
    corpus: { type: "string" },
    articles: { type: "string", default: "1000,10000" },
    engines: { type: "string", default: ENGINES.join(",") },
    queries: { type: "string" },
    rounds: { type: "string", default: "3" },
    "ready-timeout": { type: "string", default: "600" },
    port: { type: "string", default: "8810" },
    json: { type: "string" },
    keep: { type: "boolean", default: false },
  },
});
const sizes = values.articles!.split(",").map((size) => Number(size.replace(/[_\s]/g, "")));
const engines = values.engines!.split(",").map((engine) => engine.trim()) as EngineName[];
if (!values.corpus || sizes.some((size) => !Number.isInteger(size) || size < 1) || engines.some((engine) => !ENGINES.includes(engine))) {
  console.error(`usage: tsx bench/scale/main.ts --corpus FILE.jsonl[.gz] --articles 1000,10000 [--engines ${ENGINES.join(",")}]`);
  process.exit(2);
}
const rows = await runScale({
  corpus: values.corpus,
  sizes,
  engines,
  newsfind: newsfindAdapter(),
  ...(values.queries ? { queries: values.queries } : {}),
  rounds: Number(values.rounds),
  readyTimeoutMs: Number(values["ready-timeout"]) * 1000,
  firstPort: Number(values.port),
  keep: values.keep,
  onRow: (row) => console.error(`[scale] ${JSON.stringify(row)}`),
});
if (values.json) writeFileSync(values.json, `${JSON.stringify(rows, null, 2)}\n`);
printTables(rows);
