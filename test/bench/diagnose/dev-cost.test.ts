// What a request costs each process of a stack: roles told from command lines, each request
// charged the CPU read across it (warm-up uncounted), the rows with what a search adds; then
// the real thing, this process's own CPU read by role.
import { describe, expect, it } from "vitest";
import type { HttpClient } from "../../../bench/harness/http-client.js";
import { costRows, type CpuByRole, pairedCost, processCpu, ROLES, roleOf } from "../../../bench/diagnose/dev-cost.js";
import { HEALTH_PATH } from "../../../bench/scale/dev-server.js";
import type { FieldQuery, FieldStream } from "../../../bench/scale/field-stream.js";
import { searchPath } from "../../../bench/scale/scale-queries.js";

const query = (text: string): FieldQuery => ({ kind: "two-word", text, source: text });
const none = (): CpuByRole => ({ client: 0, launcher: 0, "proxy runtime": 0, "worker runtime": 0, other: 0 });

describe("roleOf", () => {
  const workerd = (socket: string) => [
    "/x/node_modules/@cloudflare/workerd-linux-64/bin/workerd",
    "serve",
    "--binary",
    `--socket-addr=entry=127.0.0.1:${socket}`,
    "--external-addr=loopback=127.0.0.1:40001",
    "-",
  ];

  it("calls the workerd listening on the client's port, when it is wrangler's proxy, the proxy runtime", () => {
    expect(roleOf(workerd("8787"), 8787)).toBe("proxy runtime");
    expect(roleOf(workerd("0"), 8787)).toBe("worker runtime");
  });

  it("calls every workerd the worker runtime when the worker is served directly", () => {
    expect(roleOf(workerd("8787"), null)).toBe("worker runtime");
  });

  it("calls Node the launcher, and anything else other", () => {
    expect(roleOf(["/usr/bin/node", "/x/wrangler-dist/cli.js", "dev"], 8787)).toBe("launcher");
    expect(roleOf(["/x/esbuild", "--service=0.28.2", "--ping"], 8787)).toBe("other");
    expect(roleOf([], null)).toBe("other");
  });
});

describe("pairedCost", () => {
  it("sends each search after /health, the warm-up uncounted, and charges each request what was spent across it", async () => {
    const stream: FieldStream = { warmup: [query("warm up")], measured: [query("oil prices"), query("gold mine")] };
    // A stack whose worker runtime spends 1 ms on /health and 3 ms on a search, and its proxy 2 ms on either.
    const spent = none();
    const paths: string[] = [];
    const client: HttpClient = {
      async get(path) {
        paths.push(path);
        spent["worker runtime"] += path === HEALTH_PATH ? 1 : 3;
        spent["proxy runtime"] += 2;
        return { status: 200, ms: path === HEALTH_PATH ? 4 : 9, body: Buffer.from("{}") };
      },
      close() {},
    };
    const cost = await pairedCost(client, stream, () => ({ ...spent }), 0);
    expect(paths).toEqual([...stream.warmup, ...stream.measured].flatMap((q) => [HEALTH_PATH, searchPath(q.text)]));
    expect(cost.health.requests).toBe(2);
    expect(cost.search.requests).toBe(2);
    expect(cost.health.cpu).toEqual({ ...none(), "worker runtime": 1, "proxy runtime": 2 });
    expect(cost.search.cpu).toEqual({ ...none(), "worker runtime": 3, "proxy runtime": 2 });
    expect(cost.health.wall.p50).toBe(4);
    expect(cost.search.wall.p50).toBe(9);
  });

  it("charges a request what the stack spends after answering it, until the CPU is read", async () => {
    const spent = none();
    let later = 0;
    const client: HttpClient = {
      async get(path) {
        // The runtime goes on working after it answers: 5 ms of CPU a search, none for /health.
        if (path !== HEALTH_PATH) setTimeout(() => (later += 5), 0);
        return { status: 200, ms: 1, body: Buffer.from("{}") };
      },
      close() {},
    };
    const cost = await pairedCost(
      client,
      { warmup: [], measured: [query("a b"), query("c d")] },
      () => ({ ...spent, "worker runtime": later }),
      20,
    );
    expect(cost.search.cpu["worker runtime"]).toBe(5);
    expect(cost.health.cpu["worker runtime"]).toBe(0);
  });

  it("fails on a request that does not answer 200, naming it", async () => {
    const client: HttpClient = {
      async get(path) {
        return { status: path === HEALTH_PATH ? 200 : 503, ms: 1, body: Buffer.from("down") };
      },
      close() {},
    };
    await expect(pairedCost(client, { warmup: [], measured: [query("Oil prices")] }, none, 0)).rejects.toThrow(
      /\/search\?q=Oil%20prices&limit=10 answered 503/,
    );
  });
});

describe("costRows", () => {
  it("writes /health, /search and what a search adds, role by role and in all", () => {
    const wall = (p50: number) => ({ n: 1, p50, p90: 2 * p50, p99: 3 * p50 });
    const health = { requests: 10, wall: wall(1), cpu: { ...none(), client: 0.5, "worker runtime": 1.25 } };
    const search = { requests: 10, wall: wall(3), cpu: { ...none(), client: 0.75, "worker runtime": 4 } };
    const [h, s, added] = costRows("wrangler dev", { health, search });
    expect(h).toBe("| wrangler dev | /health | 10 | 1.00 / 2.00 | 0.50 | 0.00 | 0.00 | 1.25 | 0.00 | 1.75 |");
    expect(s).toBe("| wrangler dev | /search | 10 | 3.00 / 6.00 | 0.75 | 0.00 | 0.00 | 4.00 | 0.00 | 4.75 |");
    expect(added).toBe("| wrangler dev | search − health |  | 2.00 / 4.00 | 0.25 | 0.00 | 0.00 | 2.75 | 0.00 | 3.00 |");
  });
});

describe("processCpu", () => {
  it("reads this process as the client and each process's CPU under its role", () => {
    const read = processCpu(new Map([[process.pid, "launcher"]]));
    const before = read();
    let spin = 0;
    for (const start = performance.now(); performance.now() - start < 60; ) spin++;
    const after = read();
    expect(spin).toBeGreaterThan(0);
    expect(after.client - before.client).toBeGreaterThan(20);
    // /proc counts in ticks of 10 ms: the launcher (this process again) moves by whole ticks.
    expect(after.launcher - before.launcher).toBeGreaterThanOrEqual(10);
    for (const role of ROLES) if (role !== "client" && role !== "launcher") expect(after[role]).toBe(0);
  });
});
