// Build options from the command line and the environment, shared by every build entry point.
import { parseArgs } from "node:util";
import { DEFAULT_OUT_DIR } from "../src/index-format.js";

export interface BuildOptions {
  /** A folder (read recursively) or one file. Default: `NEWSFIND_CORPUS`, else `corpus/`. */
  corpus: string;
  /** Where the artefacts go. Default: `NEWSFIND_OUT`, else `dist/index`. */
  outDir: string;
  /** Print the report as JSON instead of the text summary. Default: false. */
  json: boolean;
}

export function parseBuildOptions(argv: string[], env: NodeJS.ProcessEnv = process.env): BuildOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      corpus: { type: "string" },
      out: { type: "string" },
      json: { type: "boolean", default: false },
    },
    strict: true,
  });
  return {
    corpus: values.corpus ?? env.NEWSFIND_CORPUS ?? "corpus",
    outDir: values.out ?? env.NEWSFIND_OUT ?? DEFAULT_OUT_DIR,
    json: values.json ?? false,
  };
}
