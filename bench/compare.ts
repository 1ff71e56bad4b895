// `npm run bench:compare -- --corpus FILE.jsonl[.gz] --articles N --base REV [--rounds 5] [--warmup 5]`
// Two builds of newsfind served side by side, requests interleaved: this checkout and the
// revision REV (checked out into a temporary git worktree), each building the corpus's first N
// articles with its own build and serving them with its own worker code, bundled by
// `wrangler deploy --dry-run` and served by Miniflare as the scale bench does. Both then answer
// the scale bench's warm queries, each query going to one and then the other (which goes first
// alternates), each preceded by an empty request to the same worker. On a shared machine two runs
// minutes apart differ by more than most changes do; two workers timed in the same seconds do not.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { writeCorpusSubset } from "./scale/corpus-subset.js";
import { git, PROJECT_ROOT } from "./harness/commands.js";
import { sourceCommit } from "./results.js";
import { newsfindAdapter } from "./harness/newsfind-worker.js";
import { startWorker, type ServedWorker } from "./harness/worker.js";
import { warmPaths } from "./scale/scale-queries.js";
import { WARMUP_PASSES } from "./scale/timing.js";
import { median, percentile } from "./stats.js";

const { values } = parseArgs({
  options: {
    corpus: { type: "string" },
    articles: { type: "string" },
    base: { type: "string" },
    rounds: { type: "string", default: "5" },
    warmup: { type: "string", default: String(WARMUP_PASSES) },
  },
});
const articles = Number(values.articles);
const rounds = Number(values.rounds);
const warmup = Number(values.warmup);
if (
  !values.corpus ||
  !values.base ||
  !Number.isInteger(articles) ||
  articles < 1 ||
  !Number.isInteger(rounds) ||
  rounds < 1 ||
  !Number.isInteger(warmup) ||
  warmup < 0
) {
  console.error(
    `usage: npm run bench:compare -- --corpus FILE.jsonl[.gz] --articles N --base REV [--rounds 5] [--warmup ${WARMUP_PASSES}]`,
  );
  process.exit(2);
}
const log = (message: string) => console.error(`[compare] ${message}`);

interface Side {
  name: string;
  worker: ServedWorker;
  totals: number[];
  empties: number[];
}

const dir = mkdtempSync(join(tmpdir(), "newsfind-compare-"));
const checkout = join(dir, "base-src");
const workers: ServedWorker[] = [];
try {
  const base = git("rev-parse", "--short", values.base);
  const head = sourceCommit();
  git("worktree", "add", "--detach", checkout, base);
  symlinkSync(join(PROJECT_ROOT, "node_modules"), join(checkout, "node_modules"));
  const subset = await writeCorpusSubset(values.corpus, articles, dir);
  const sides: Side[] = [];
  for (const [name, root] of [
    [`base ${base}`, checkout],
    [`head ${head}`, PROJECT_ROOT],
  ] as const) {
    const out = join(dir, name.split(" ")[0]!);
    mkdirSync(out);
    log(`${name}: build ${subset.lines.toLocaleString("en-US")} articles`);
    const built = await newsfindAdapter({ root })(subset.path, out);
    log(`${name}: bundle and serve`);
    const worker = await startWorker({ configPath: built.configPath });
    workers.push(worker);
    sides.push({ name, worker, totals: [], empties: [] });
  }
  const paths = warmPaths();
  const clients = await Promise.all(sides.map((side) => side.worker.client()));
  // Untimed passes as the scale bench's (bench/scale/timing.ts: until the JIT has settled), each query after an empty request.
  log(`${warmup} warm-up passes, then ${rounds} timed rounds of ${paths.length} queries on each`);
  for (let pass = 0; pass < warmup; pass++) {
    for (const path of paths) {
      for (const client of clients) {
        await client.get("/");
        await client.get(path);
      }
    }
  }
  for (let round = 0; round < rounds; round++) {
    for (const [n, path] of paths.entries()) {
      const order = (round + n) % 2 === 0 ? [0, 1] : [1, 0];
      for (const s of order) {
        const side = sides[s]!;
        side.empties.push((await clients[s]!.get("/")).ms);
        const answer = await clients[s]!.get(path);
        if (answer.status !== 200) throw new Error(`${side.name}: ${path} answered ${answer.status}`);
        side.totals.push(answer.ms);
      }
    }
  }
  console.log(
    `\nnewsfind side by side at ${subset.lines.toLocaleString("en-US")} articles: server time (total minus the median empty request of the same worker), ms, ${rounds * paths.length} requests each\n`,
  );
  console.log("| build | warm p50 | warm p90 | warm p99 | empty median | empty p99 |\n|:---|---:|---:|---:|---:|---:|");
  const figures = sides.map(({ name, totals, empties }) => {
    const empty = median(empties);
    const server = totals.map((ms) => ms - empty);
    const row = {
      p50: median(server),
      p90: percentile(server, 90),
      p99: percentile(server, 99),
      empty,
      emptyP99: percentile(empties, 99) - empty,
    };
    console.log(
      `| ${name} | ${row.p50.toFixed(2)} | ${row.p90.toFixed(2)} | ${row.p99.toFixed(2)} | ${row.empty.toFixed(2)} | ${row.emptyP99.toFixed(2)} |`,
    );
    return row;
  });
  const [a, b] = figures as [(typeof figures)[0], (typeof figures)[0]];
  console.log(
    `\nhead/base: p50 ${(b.p50 / a.p50).toFixed(2)}×, p90 ${(b.p90 / a.p90).toFixed(2)}×, p99 ${(b.p99 / a.p99).toFixed(2)}×`,
  );
} finally {
  await Promise.all(workers.map((worker) => worker.stop()));
  try {
    git("worktree", "remove", "--force", checkout);
  } catch {
    // Never added, or already gone.
  }
  rmSync(dir, { recursive: true, force: true });
}
