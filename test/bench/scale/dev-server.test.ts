// The field stream through `wrangler dev`: each search after a GET /health, the warm-up untimed,
// and the figure as search minus health percentile by percentile; then the real thing, wrangler
// dev over the seed corpus built sharded, answering a short stream, ending with it, and keeping
// no trace of its requests.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { HttpClient } from "../../../bench/harness/http-client.js";
import { newsfindAdapter } from "../../../bench/harness/newsfind-worker.js";
import { roleOf } from "../../../bench/diagnose/dev-cost.js";
import { commandLine } from "../../../bench/harness/process-tree.js";
import { devServerLatency, HEALTH_PATH, healthPairedLatency, startDevServer } from "../../../bench/scale/dev-server.js";
import type { FieldQuery, FieldStream } from "../../../bench/scale/field-stream.js";
import { searchPath } from "../../../bench/scale/scale-queries.js";
import { percentiles } from "../../../bench/stats.js";

const OBSERVABILITY_QUERY = "/cdn-cgi/explorer/api/local/observability/query";

const query = (kind: FieldQuery["kind"], text: string): FieldQuery => ({ kind, text, source: text });

describe("healthPairedLatency", () => {
  it("sends the warm-up first, untimed, then each query once after /health, and subtracts percentile from percentile", async () => {
    const stream: FieldStream = {
      warmup: [query("two-word", "warm up")],
      measured: Array.from({ length: 100 }, (_, n) => query("two-word", `query ${n}`)),
    };
    const paths: string[] = [];
    let searches = 0;
    let healths = 0;
    // Warm-up requests take 100 ms; then /health takes 1..100 ms in turn and a search 3..300.
    const client: HttpClient = {
      async get(path) {
        paths.push(path);
        const warm = path.includes("warm") || paths.length === 1;
        const ms = warm ? 100 : path === HEALTH_PATH ? ++healths : 3 * ++searches;
        return { status: 200, ms, body: Buffer.from("{}") };
      },
      close() {},
    };
    const timings = await healthPairedLatency(client, stream);
    expect(paths).toEqual([...stream.warmup, ...stream.measured].flatMap((q) => [HEALTH_PATH, searchPath(q.text)]));
    expect(timings.warmup).toBe(1);
    const ones = Array.from({ length: 100 }, (_, n) => n + 1);
    expect(timings.health).toEqual(percentiles(ones));
    expect(timings.search).toEqual(percentiles(ones.map((n) => 3 * n)));
    expect(timings.over.p50).toBeCloseTo(2 * timings.health.p50, 9);
    expect(timings.over.p50).toBeCloseTo(timings.search.p50 - timings.health.p50, 9);
    expect(timings.over.p90).toBeCloseTo(timings.search.p90 - timings.health.p90, 9);
    expect(timings.over.p99).toBeCloseTo(timings.search.p99 - timings.health.p99, 9);
  });

  it("fails on a search that does not answer 200, naming it", async () => {
    const client: HttpClient = {
      async get(path) {
        return { status: path === HEALTH_PATH ? 200 : 503, ms: 1, body: Buffer.from("down") };
      },
      close() {},
    };
    await expect(
      healthPairedLatency(client, { warmup: [], measured: [query("headline", "Oil prices rise")] }),
    ).rejects.toThrow(/\/search\?q=Oil%20prices%20rise&limit=10 answered 503/);
  });
});

describe("devServerLatency", () => {
  it("serves the built worker with wrangler dev, and times the stream through it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "newsfind-dev-server-test-"));
    try {
      const { configPath } = await newsfindAdapter({ buildArgs: ["--layout", "sharded"] })("corpus", dir);
      const stream: FieldStream = {
        warmup: [query("two-word", "Kremlin talks")],
        measured: [query("headline", "Putin"), query("two-word", "oil prices"), query("typo", "Kremlni")],
      };
      const timings = await devServerLatency(configPath, stream, { readyTimeoutMs: 90_000 });
      expect(timings.search.n).toBe(3);
      expect(timings.health.n).toBe(3);
      expect(timings.search.p50).toBeGreaterThan(0);
      expect(timings.over.p50).toBeCloseTo(timings.search.p50 - timings.health.p50, 9);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);

  it("names the processes of its stack: wrangler, its proxy's runtime, and the worker's", async () => {
    const dir = mkdtempSync(join(tmpdir(), "newsfind-dev-server-test-"));
    try {
      const { configPath } = await newsfindAdapter({ buildArgs: ["--layout", "sharded"] })("corpus", dir);
      const server = await startDevServer(configPath, { readyTimeoutMs: 90_000 });
      try {
        const roles = server.processes().map((pid) => roleOf(commandLine(pid), server.port));
        expect(roles.filter((role) => role === "proxy runtime")).toHaveLength(1);
        expect(roles.filter((role) => role === "worker runtime")).toHaveLength(1);
        expect(roles).toContain("launcher");
      } finally {
        await server.stop();
      }
      expect(server.processes()).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);

  it("keeps no trace of the requests it serves, like npm start, unless wrangler is told to", async () => {
    const dir = mkdtempSync(join(tmpdir(), "newsfind-dev-server-test-"));
    // The Local Explorer's query over wrangler dev's trace store, which answers only when the
    // store records requests.
    const tracedRequests = async (configPath: string, env: NodeJS.ProcessEnv) => {
      const server = await startDevServer(configPath, { readyTimeoutMs: 90_000, env });
      try {
        expect((await server.client.get(searchPath("Putin"))).status).toBe(200);
        const response = await fetch(`http://127.0.0.1:${server.port}${OBSERVABILITY_QUERY}`, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ sql: "SELECT count(*) FROM spans WHERE parent_id IS NULL" }),
        });
        const answer = (await response.json()) as { errors: { message: string }[]; result: { rows: number[][] } };
        return response.status === 200 ? answer.result.rows[0]![0]! : answer.errors[0]!.message;
      } finally {
        await server.stop();
      }
    };
    try {
      const { configPath } = await newsfindAdapter({ buildArgs: ["--layout", "sharded"] })("corpus", dir);
      expect(await tracedRequests(configPath, {})).toMatch(/observability is not enabled/i);
      expect(await tracedRequests(configPath, { X_LOCAL_OBSERVABILITY: "true" })).toBeGreaterThanOrEqual(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 240_000);
});
