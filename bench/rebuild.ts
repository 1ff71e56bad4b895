// The build cache's benchmark: a full build of a JSON Lines corpus with the cache, then a few
// articles edited and one appended, then a rebuild, each in a fresh `tsx build/cli.ts` process
// timed from outside (so the rebuild does not profit from a warm JIT).
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { BUILD_NODE_FLAGS } from "../build/options.js";
import type { BuildReport } from "../build/types.js";

export interface RebuildFigures {
  full: { wallMs: number; buildMs: number };
  rebuild: {
    wallMs: number;
    buildMs: number;
    cached: number;
    articles: number;
    written: number;
    phasesMs: Record<string, number>;
  };
}

function timedBuild(corpus: string, outDir: string, cacheDir: string): { wallMs: number; report: BuildReport } {
  const started = performance.now();
  const result = spawnSync(
    process.execPath,
    [...BUILD_NODE_FLAGS, "--import", "tsx", "build/cli.ts", "--corpus", corpus, "--out", outDir, "--json"],
    {
      env: { ...process.env, NEWSFIND_CACHE: cacheDir },
      encoding: "utf8",
      maxBuffer: 1 << 30,
    },
  );
  if (result.status !== 0) throw new Error(`build failed: ${result.stderr.slice(-500)}`);
  return { wallMs: performance.now() - started, report: JSON.parse(result.stdout) as BuildReport };
}

/** Edits `edits` articles spread over the corpus (a correction appended to the body) and appends one. */
function change(lines: string[], edits: number): string[] {
  const changed = [...lines];
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(((i + 0.5) * lines.length) / edits);
    const record = JSON.parse(changed[at]!) as { body: string };
    record.body += "\n\nCorrection: an earlier version of this story misstated a figure.";
    changed[at] = JSON.stringify(record);
  }
  changed.push(
    JSON.stringify({
      id: "newsfind-bench-appended",
      title: "An article appended to the archive",
      body: "Appended after the first build.",
      date: "2013-12-01",
      source: "Reuters",
    }),
  );
  return changed;
}

export function benchRebuild(corpusFile: string, workDir: string, edits = 5): RebuildFigures {
  mkdirSync(workDir, { recursive: true });
  const raw = readFileSync(corpusFile);
  const lines = (corpusFile.endsWith(".gz") ? gunzipSync(raw) : raw)
    .toString("utf8")
    .split("\n")
    .filter((line) => line.trim() !== "");
  const corpus = join(workDir, "corpus.jsonl");
  const outDir = join(workDir, "index");
  const cacheDir = join(workDir, "cache");
  writeFileSync(corpus, lines.join("\n"));
  const full = timedBuild(corpus, outDir, cacheDir);
  writeFileSync(corpus, change(lines, edits).join("\n"));
  const again = timedBuild(corpus, outDir, cacheDir);
  return {
    full: { wallMs: full.wallMs, buildMs: full.report.buildMs },
    rebuild: {
      wallMs: again.wallMs,
      buildMs: again.report.buildMs,
      cached: again.report.cached,
      articles: again.report.articlesIndexed,
      written: again.report.assets.written,
      phasesMs: again.report.phasesMs,
    },
  };
}
