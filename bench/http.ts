// Serves a built corpus through `wrangler dev` (Miniflare) on a loopback port and times requests
// from outside: a search's server time is its total time minus that of an empty endpoint.
import { spawn, type ChildProcess } from "node:child_process";
import { median, percentile } from "./stats.js";

export interface HttpFigures {
  searchMedianMs: number;
  searchP99Ms: number;
  emptyMedianMs: number;
  serverMedianMs: number;
}

async function waitForReady(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited with code ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`wrangler dev did not answer ${url} within ${timeoutMs} ms`);
}

export interface RunningWorker {
  base: string;
  stop: () => void;
}

/** Serves a corpus with `wrangler dev` on a loopback port; resolves once /health answers. */
export async function startWorker(corpus: string, port = 8799, fields?: readonly string[]): Promise<RunningWorker> {
  const env = { ...process.env, NEWSFIND_CORPUS: corpus, NEWSFIND_FIELDS: (fields ?? []).join(","), WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false" };
  const child = spawn("wrangler", ["dev", "--ip", "127.0.0.1", "--port", String(port), "--log-level", "error"], { env, stdio: ["ignore", "ignore", "inherit"] });
  const base = `http://127.0.0.1:${port}`;
  const stop = () => void child.kill("SIGTERM");
  try {
    await waitForReady(`${base}/health`, child, 300_000);
  } catch (error) {
    stop();
    throw error;
  }
  return { base, stop };
}

/** Times one request from outside: total milliseconds, body read. */
export async function timed(url: string): Promise<{ ms: number; body: string }> {
  const start = performance.now();
  const response = await fetch(url);
  const body = await response.text();
  if (!response.ok) throw new Error(`${url} answered ${response.status}: ${body.slice(0, 300)}`);
  return { ms: performance.now() - start, body };
}

/** Starts the worker on the corpus, sends every query `rounds` times in turn with the empty endpoint, stops it. */
export async function benchHttp(corpus: string, queries: string[], rounds: number, port = 8799, fields?: readonly string[]): Promise<HttpFigures> {
  const { base, stop } = await startWorker(corpus, port, fields);
  try {
    const search: number[] = [];
    const empty: number[] = [];
    for (const q of queries.slice(0, 20)) await timed(`${base}/search?q=${encodeURIComponent(q)}`); // warm-up
    for (let round = 0; round < rounds; round++) {
      for (const q of queries) {
        empty.push((await timed(`${base}/`)).ms);
        search.push((await timed(`${base}/search?q=${encodeURIComponent(q)}&limit=10`)).ms);
      }
    }
    return {
      searchMedianMs: median(search),
      searchP99Ms: percentile(search, 99),
      emptyMedianMs: median(empty),
      serverMedianMs: median(search) - median(empty),
    };
  } finally {
    stop();
  }
}
