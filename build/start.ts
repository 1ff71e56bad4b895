// `npm start`: serves the corpus locally through `wrangler dev` (Miniflare) on port 8787.
// Usage: npm start [-- --corpus PATH] [--fields title,body] [--language xx] [--strict]
//        [any wrangler dev option, such as --port 9000]
// The corpus options reach wrangler's [build] command through the environment (start-command.ts).
import { spawn } from "node:child_process";
import { startCommand } from "./start-command.js";

const { args, env } = startCommand(process.argv.slice(2), process.env);
const child = spawn("wrangler", args, { stdio: "inherit", env });
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 0));
