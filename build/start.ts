// `npm start`: serves the corpus locally through `wrangler dev` (Miniflare) on port 8787.
// Usage: npm start [-- --corpus PATH] [--fields title,body] [--language xx] [--strict]
//        [any wrangler dev option, such as --port 9000]
// These reach wrangler's [build] command through NEWSFIND_CORPUS, NEWSFIND_FIELDS,
// NEWSFIND_LANGUAGE and NEWSFIND_STRICT.
import { spawn } from "node:child_process";

// Everything stays on this machine: no telemetry, no fetch of Cloudflare's request.cf data.
const env: NodeJS.ProcessEnv = { WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false", ...process.env };
const wranglerArgs = ["dev"];
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i++) {
  const arg = args[i]!;
  if (arg === "--corpus") env.NEWSFIND_CORPUS = args[++i];
  else if (arg.startsWith("--corpus=")) env.NEWSFIND_CORPUS = arg.slice("--corpus=".length);
  else if (arg === "--fields") env.NEWSFIND_FIELDS = args[++i];
  else if (arg.startsWith("--fields=")) env.NEWSFIND_FIELDS = arg.slice("--fields=".length);
  else if (arg === "--strict") env.NEWSFIND_STRICT = "1";
  else if (arg === "--language") env.NEWSFIND_LANGUAGE = args[++i];
  else if (arg.startsWith("--language=")) env.NEWSFIND_LANGUAGE = arg.slice("--language=".length);
  else wranglerArgs.push(arg);
}
const child = spawn("wrangler", wranglerArgs, { stdio: "inherit", env });
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 0));
