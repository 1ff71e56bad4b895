// Build options from the command line and the environment, shared by every build entry point.
import { parseArgs } from "node:util";
import { DEFAULT_OUT_DIR, INDEXED_FIELDS, type IndexedField } from "../src/index-format.js";

export interface BuildOptions {
  /** A folder (read recursively) or one file. Default: `NEWSFIND_CORPUS`, else `corpus/`. */
  corpus: string;
  /** Where the artefacts go. Default: `NEWSFIND_OUT`, else `dist/index`. */
  outDir: string;
  /**
   * The article fields to index, from `--fields title,body` or `NEWSFIND_FIELDS`. Default: title
   * and body. Known-item evaluation indexes the body alone (`--fields body`).
   */
  fields: IndexedField[];
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
      fields: { type: "string" },
    },
    strict: true,
  });
  return {
    corpus: values.corpus ?? env.NEWSFIND_CORPUS ?? "corpus",
    outDir: values.out ?? env.NEWSFIND_OUT ?? DEFAULT_OUT_DIR,
    json: values.json ?? false,
    fields: parseFields(values.fields ?? env.NEWSFIND_FIELDS),
  };
}

/** Parses a comma-separated field list; throws a message naming the allowed fields. */
export function parseFields(list: string | undefined): IndexedField[] {
  if (list === undefined || list.trim() === "") return [...INDEXED_FIELDS];
  const fields = [...new Set(list.split(",").map((field) => field.trim()))];
  const unknown = fields.filter((field) => !INDEXED_FIELDS.includes(field as IndexedField));
  if (unknown.length > 0) throw new Error(`--fields must list fields among ${INDEXED_FIELDS.join(", ")} (got ${unknown.join(", ")})`);
  return fields as IndexedField[];
}
