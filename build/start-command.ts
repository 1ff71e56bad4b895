// What `npm start` runs: `wrangler dev` with the caller's wrangler options, the corpus options
// passed to wrangler's [build] command (build/cli.ts) through the environment, and the local
// wrangler environment (local-wrangler.ts) under the caller's own.
import { LOCAL_WRANGLER_ENV } from "./local-wrangler.js";

export interface StartCommand {
  /** wrangler's arguments: "dev" and every option that is not newsfind's own. */
  args: string[];
  env: NodeJS.ProcessEnv;
}

/** newsfind's own options, each to the variable build/cli.ts reads. */
const CORPUS_OPTIONS: Record<string, string> = {
  "--corpus": "NEWSFIND_CORPUS",
  "--fields": "NEWSFIND_FIELDS",
  "--language": "NEWSFIND_LANGUAGE",
};

/**
 * The wrangler invocation for `npm start -- [--corpus PATH] [--fields title,body] [--language xx]
 * [--strict] [wrangler dev options]`, over the caller's environment `env`.
 */
export function startCommand(argv: readonly string[], env: NodeJS.ProcessEnv): StartCommand {
  const out: NodeJS.ProcessEnv = { ...LOCAL_WRANGLER_ENV, ...env };
  const args = ["dev"];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [name, inline] = arg.startsWith("--") && arg.includes("=") ? splitOnce(arg) : [arg, undefined];
    const variable = CORPUS_OPTIONS[name];
    if (variable) out[variable] = inline ?? argv[++i];
    else if (arg === "--strict") out.NEWSFIND_STRICT = "1";
    else args.push(arg);
  }
  return { args, env: out };
}

function splitOnce(arg: string): [string, string] {
  const at = arg.indexOf("=");
  return [arg.slice(0, at), arg.slice(at + 1)];
}
