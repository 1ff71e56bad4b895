// `npm run bench:diagnose -- --mode dev ... [--queries 2350] [--runs 2]`: what a request costs
// each process that serves it, through `wrangler dev` (as `npm start` runs it and the scale bench
// times it, scale/dev-server.ts), through `wrangler dev` recording each request's trace (as plain
// `wrangler dev` does, build/local-wrangler.ts) and served directly by the benches' launcher
// (harness/worker.ts, whose times are the server times). Each search of the field stream
// follows a GET /health, the warm-up first and uncounted, as in the scale bench. The CPU time of
// every process of the stack is read from /proc before each request and again SETTLE_MS after
// its answer (so that what a stack does once it has answered, such as wrangler's logging and
// tracing, is charged to the request that caused it, not the next), and summed by the process's
// role: this client, the launcher (wrangler's Node process, or the one running Miniflare),
// wrangler's proxy runtime (the workerd of its proxy worker) and the worker's runtime (the
// workerd that runs newsfind). /proc counts CPU in ticks of 10 ms, so only sums over many
// requests mean anything; the client's share includes its own reading of /proc. The pauses make
// the wall times those of requests sent to an idle stack, not back to back as the scale bench
// sends them.
import { basename, join } from "node:path";
import { PROJECT_ROOT } from "../harness/commands.js";
import type { HttpClient } from "../harness/http-client.js";
import { commandLine, cpuSeconds } from "../harness/process-tree.js";
import { startWorker } from "../harness/worker.js";
import { HEALTH_PATH, startDevServer } from "../scale/dev-server.js";
import { loadFieldStream, type FieldStream } from "../scale/field-stream.js";
import { DEFAULT_QUERIES, searchPath } from "../scale/scale-queries.js";
import { pairedPass, timedGet } from "../scale/timing.js";
import { percentiles, type Percentiles } from "../stats.js";
import type { TracedBuild } from "./traced-worker.js";

export const DEV_OPTIONS = {
  queries: { type: "string", default: "" },
  runs: { type: "string", default: "2" },
} as const;

export const ROLES = ["client", "launcher", "proxy runtime", "worker runtime", "other"] as const;
export type Role = (typeof ROLES)[number];

/** How long after an answer the CPU it cost is read, ms. */
export const SETTLE_MS = 5;

/** Milliseconds of CPU by role, since some fixed point. */
export type CpuByRole = Record<Role, number>;

/** What one kind of request cost, on average, and how long it took. */
export interface RequestCost {
  requests: number;
  wall: Percentiles;
  /** CPU per request by role, ms. */
  cpu: CpuByRole;
}

export interface StackCost {
  health: RequestCost;
  search: RequestCost;
}

const zero = (): CpuByRole => ({ client: 0, launcher: 0, "proxy runtime": 0, "worker runtime": 0, other: 0 });

/**
 * The role of a process of a stack, by its command line: a workerd listening on the port the
 * client talks to, when that is not the worker's own (wrangler dev's proxy), is the proxy
 * runtime; any other workerd is the worker's runtime; Node is the launcher.
 */
export function roleOf(argv: readonly string[], proxyPort: number | null): Exclude<Role, "client"> {
  const program = basename(argv[0] ?? "");
  if (program === "workerd")
    return proxyPort !== null && argv.some((arg) => arg.endsWith(`=127.0.0.1:${proxyPort}`))
      ? "proxy runtime"
      : "worker runtime";
  if (program === "node" || program === "tsx") return "launcher";
  return "other";
}

/** Each of these processes with its role (see `roleOf`). */
function rolesOf(pids: readonly number[], proxyPort: number | null): Map<number, Exclude<Role, "client">> {
  return new Map(pids.map((pid) => [pid, roleOf(commandLine(pid), proxyPort)] as const));
}

/** Cumulative CPU of these processes by role, and of this process as the client, ms. */
export function processCpu(roles: ReadonlyMap<number, Exclude<Role, "client">>): () => CpuByRole {
  return () => {
    const cpu = zero();
    const own = process.cpuUsage();
    cpu.client = (own.user + own.system) / 1000;
    for (const [pid, role] of roles) cpu[role] += (cpuSeconds(pid) ?? 0) * 1000;
    return cpu;
  };
}

/**
 * Sends the stream on `client`, each search after a GET /health (the warm-up first, uncounted),
 * and charges each request the CPU `cpu` read from before it to `settleMs` after its answer.
 */
export async function pairedCost(
  client: HttpClient,
  { warmup, measured }: FieldStream,
  cpu: () => CpuByRole,
  settleMs = SETTLE_MS,
): Promise<StackCost> {
  await pairedPass(
    client,
    warmup.map((query) => searchPath(query.text)),
    HEALTH_PATH,
  );
  const spent = { health: zero(), search: zero() };
  const walls = { health: [] as number[], search: [] as number[] };
  const charge = (kind: keyof typeof spent, before: CpuByRole, after: CpuByRole) => {
    for (const role of ROLES) spent[kind][role] += after[role] - before[role];
  };
  const settle = () => new Promise((resolve) => setTimeout(resolve, settleMs));
  for (const query of measured) {
    const start = cpu();
    walls.health.push(await timedGet(client, HEALTH_PATH));
    await settle();
    const between = cpu();
    walls.search.push(await timedGet(client, searchPath(query.text)));
    await settle();
    const end = cpu();
    charge("health", start, between);
    charge("search", between, end);
  }
  const cost = (kind: keyof typeof spent): RequestCost => ({
    requests: walls[kind].length,
    wall: percentiles(walls[kind]),
    cpu: Object.fromEntries(
      ROLES.map((role) => [role, spent[kind][role] / Math.max(1, walls[kind].length)]),
    ) as CpuByRole,
  });
  return { health: cost("health"), search: cost("search") };
}

const SERVED = ["directly", "wrangler dev", "wrangler dev, traced"] as const;
type Served = (typeof SERVED)[number];

async function measure(build: TracedBuild, served: Served, stream: FieldStream): Promise<StackCost> {
  if (served === "directly") {
    const worker = await startWorker({ configPath: build.configPath, bundleDir: build.bundleDir });
    try {
      const client = await worker.client();
      return await pairedCost(client, stream, processCpu(rolesOf(worker.processes(), null)));
    } finally {
      await worker.stop();
    }
  }
  // The edge cache off, as in the scale bench's timings.
  const server = await startDevServer(build.configPath, {
    vars: { NEWSFIND_EDGE_CACHE: "off" },
    env: served === "wrangler dev, traced" ? { X_LOCAL_OBSERVABILITY: "true" } : {},
  });
  try {
    return await pairedCost(server.client, stream, processCpu(rolesOf(server.processes(), server.port)));
  } finally {
    await server.stop();
  }
}

const ms = (value: number) => value.toFixed(2);
const sum = (cpu: CpuByRole) => ROLES.reduce((total, role) => total + cpu[role], 0);

/** The markdown rows of one measured stack: /health, /search, and what a search adds. */
export function costRows(served: string, { health, search }: StackCost): string[] {
  const row = (request: string, requests: number | string, wall: string, cpu: CpuByRole) =>
    `| ${served} | ${request} | ${requests} | ${wall} | ${ROLES.map((role) => ms(cpu[role])).join(" | ")} | ${ms(sum(cpu))} |`;
  const added = Object.fromEntries(ROLES.map((role) => [role, search.cpu[role] - health.cpu[role]])) as CpuByRole;
  return [
    row("/health", health.requests, `${ms(health.wall.p50)} / ${ms(health.wall.p90)}`, health.cpu),
    row("/search", search.requests, `${ms(search.wall.p50)} / ${ms(search.wall.p90)}`, search.cpu),
    row(
      "search − health",
      "",
      `${ms(search.wall.p50 - health.wall.p50)} / ${ms(search.wall.p90 - health.wall.p90)}`,
      added,
    ),
  ];
}

export async function devCost(build: TracedBuild, options: Record<keyof typeof DEV_OPTIONS, string>): Promise<void> {
  const runs = Number(options.runs);
  const queries = options.queries === "" ? Infinity : Number(options.queries);
  if (!Number.isInteger(runs) || runs < 1 || !(queries >= 1))
    throw new Error("--runs must be a whole number of at least 1, --queries a number of at least 1");
  const stream = await loadFieldStream(join(PROJECT_ROOT, DEFAULT_QUERIES), build.corpusPath);
  const measured = stream.measured.slice(0, queries);
  const rows: string[] = [];
  for (let run = 0; run < runs; run++) {
    // Each run starts with the next way, so that none is always first or last.
    const order = SERVED.map((_, n) => SERVED[(run + n) % SERVED.length]!);
    for (const served of order) {
      console.error(`[dev] run ${run + 1}, served ${served}`);
      rows.push(...costRows(served, await measure(build, served, { warmup: stream.warmup, measured })));
    }
  }
  console.log(
    `\nWhat a request costs each process that serves it, newsfind at ${build.articles.toLocaleString("en-US")} articles: ${stream.warmup.length} warm-up queries, then ${measured.length} of the field stream, each after a GET /health; a fresh stack for each way served in each run; \`wrangler dev, traced\` records each request's trace for the Local Explorer (X_LOCAL_OBSERVABILITY=true), as plain \`wrangler dev\` does and \`npm start\` does not\n`,
  );
  console.log(
    `| served | request | requests | wall p50 / p90 ms | ${ROLES.map((role) => `${role} ms`).join(" | ")} | all processes ms |`,
  );
  console.log(`|:--|:--|--:|--:|${ROLES.map(() => "--:").join("|")}|--:|`);
  for (const row of rows) console.log(row);
  console.log(
    `\nCPU is per request, read from /proc (ticks of 10 ms) before it and ${SETTLE_MS} ms after its answer, summed over the requests of a kind, by process role: client, this process (its reading of /proc included); launcher, the Node process serving the worker (wrangler's, or the one running Miniflare); proxy runtime, the workerd of wrangler dev's proxy worker; worker runtime, the workerd that runs newsfind. search − health: wall percentiles subtracted, CPU per request subtracted. Wall times are of requests sent to a stack at rest, not back to back as the scale bench sends them.`,
  );
}
