// Build options from the command line and the environment, shared by every build entry point.
import { join, normalize } from "node:path";
import { parseArgs } from "node:util";
import { DEFAULT_OUT_DIR, INDEXED_FIELDS, type IndexedField } from "../src/index-format.js";
import type { LayoutChoice } from "./compile-index.js";

/** Where the sharded layout's asset files go by default: wrangler.toml's [assets] directory. */
export const DEFAULT_ASSETS_DIR = "dist/assets";
/** Where the build cache lives by default. */
export const DEFAULT_CACHE_DIR = "node_modules/.cache/newsfind";
const LAYOUTS: LayoutChoice[] = ["auto", "bundle", "sharded"];
/**
 * Node flags every build entry point runs the build with (package.json's build script,
 * wrangler.toml's [build] command, the bench). A young generation of 2 MiB semi-spaces has
 * V8 collect the build's short-lived objects (each article's parse and analysis) often, so
 * their garbage does not pile up with the archive: about a third less peak memory for a tenth
 * more time (docs/scale.md, "Build memory").
 */
export const BUILD_NODE_FLAGS = ["--max-semi-space-size=2"] as const;

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
  /**
   * Where the sharded layout's files go. Default: `--assets`, `NEWSFIND_ASSETS`, else
   * `dist/assets` (wrangler.toml's [assets] directory) for the default output folder and
   * `<out>/assets` for any other, so a build elsewhere never touches the worker's assets.
   */
  assetsDir: string;
  /**
   * auto (default) keeps small corpora in one bundle inside the worker script and shards the
   * rest into static assets; `--layout bundle|sharded` or `NEWSFIND_LAYOUT` forces one.
   */
  layout: LayoutChoice;
  /** The build cache folder, or null with `--no-cache`. Default: `NEWSFIND_CACHE`, else node_modules/.cache/newsfind. */
  cacheDir: string | null;
  /** No progress output (`--quiet`). Default: false. */
  quiet: boolean;
  /**
   * Fail the build (exit code 1, the previous index left in place) when any file was skipped,
   * any article warned of or set aside as a duplicate: `--strict` or `NEWSFIND_STRICT=1`.
   * Default: false, so such problems are reported and the build goes on.
   */
  strict: boolean;
  /**
   * The language (ISO 639-1) of articles that declare none and whose text is too short or too
   * close to call to detect one from, from `--language de` or `NEWSFIND_LANGUAGE`. Default: the
   * `language` of newsfind.config.json, else the language most of the corpus's articles have
   * (English when none has one).
   */
  language?: string;
}

/** The assets folder that goes with an output folder (see BuildOptions.assetsDir). */
export function defaultAssetsDir(outDir: string): string {
  return normalize(outDir) === normalize(DEFAULT_OUT_DIR) ? DEFAULT_ASSETS_DIR : join(outDir, "assets");
}

export function parseBuildOptions(argv: string[], env: NodeJS.ProcessEnv = process.env): BuildOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      corpus: { type: "string" },
      out: { type: "string" },
      json: { type: "boolean", default: false },
      fields: { type: "string" },
      assets: { type: "string" },
      layout: { type: "string" },
      "no-cache": { type: "boolean", default: false },
      quiet: { type: "boolean", default: false },
      strict: { type: "boolean", default: false },
      language: { type: "string" },
    },
    strict: true,
  });
  const language = (values.language ?? env.NEWSFIND_LANGUAGE)?.trim().toLowerCase();
  if (language !== undefined && !/^[a-z]{2}$/.test(language))
    throw new Error(`--language must be a two-letter ISO 639-1 code such as en or de (got ${language})`);
  const layout = (values.layout ?? env.NEWSFIND_LAYOUT ?? "auto") as LayoutChoice;
  if (!LAYOUTS.includes(layout)) throw new Error(`--layout must be one of ${LAYOUTS.join(", ")} (got ${layout})`);
  return {
    corpus: values.corpus ?? env.NEWSFIND_CORPUS ?? "corpus",
    outDir: values.out ?? env.NEWSFIND_OUT ?? DEFAULT_OUT_DIR,
    json: values.json ?? false,
    fields: parseFields(values.fields ?? env.NEWSFIND_FIELDS),
    assetsDir:
      values.assets ?? env.NEWSFIND_ASSETS ?? defaultAssetsDir(values.out ?? env.NEWSFIND_OUT ?? DEFAULT_OUT_DIR),
    layout,
    cacheDir: values["no-cache"] ? null : (env.NEWSFIND_CACHE ?? DEFAULT_CACHE_DIR),
    quiet: values.quiet ?? false,
    strict: values.strict || env.NEWSFIND_STRICT === "1" || env.NEWSFIND_STRICT === "true",
    ...(language !== undefined ? { language } : {}),
  };
}

/** Parses a comma-separated field list; throws a message naming the allowed fields. */
export function parseFields(list: string | undefined): IndexedField[] {
  if (list === undefined || list.trim() === "") return [...INDEXED_FIELDS];
  const fields = [...new Set(list.split(",").map((field) => field.trim()))];
  const unknown = fields.filter((field) => !INDEXED_FIELDS.includes(field as IndexedField));
  if (unknown.length > 0)
    throw new Error(`--fields must list fields among ${INDEXED_FIELDS.join(", ")} (got ${unknown.join(", ")})`);
  return fields as IndexedField[];
}
