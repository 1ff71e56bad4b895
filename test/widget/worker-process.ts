// Runs a worker with `wrangler dev` on a free loopback port, for the browser tests and the widget
// bench; resolves once it answers, and stops it (its whole process group) on request.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

export async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

export interface WorkerProcess {
  base: string;
  stop: () => void;
}

/** `wrangler dev -c config` on 127.0.0.1; rejects if it does not answer `readyPath` within `timeoutMs`. */
export async function startWrangler(config: string, { readyPath = "/health", timeoutMs = 120_000, env = {} as Record<string, string> } = {}): Promise<WorkerProcess> {
  const [port, inspectorPort] = [await freePort(), await freePort()];
  const persist = mkdtempSync(join(tmpdir(), "newsfind-wrangler-"));
  const wrangler = resolve("node_modules/.bin/wrangler");
  const args = ["dev", "-c", config, "--ip", "127.0.0.1", "--port", String(port), "--inspector-port", String(inspectorPort), "--persist-to", persist, "--log-level", "error"];
  const child = spawn(wrangler, args, {
    env: { ...process.env, WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false", ...env },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  const stop = () => {
    try {
      if (child.pid && child.exitCode === null) process.kill(-child.pid, "SIGTERM");
    } catch {
      // already gone
    }
    rmSync(persist, { recursive: true, force: true });
  };
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    try {
      if ((await fetch(`${base}${readyPath}`)).ok) return { base, stop };
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 250));
  }
  stop();
  throw new Error(child.exitCode !== null ? `wrangler dev -c ${config} exited with code ${child.exitCode}` : `wrangler dev -c ${config} did not answer ${readyPath} within ${timeoutMs} ms`);
}
