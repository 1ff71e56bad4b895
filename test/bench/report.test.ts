// bench/README.md as rendered from results (bench/report.ts, bench/results.ts): each run a row
// with the command that reproduces it, the targets judged on the latest run that measures them,
// and the command line quoted as a shell would need it.
import { describe, expect, it } from "vitest";
import { renderReadme } from "../../bench/report.js";
import { commandLine, type BenchResult } from "../../bench/results.js";

const p = (p50: number) => ({ n: 200, p50, p90: p50 * 2, p99: p50 * 3 });
const info = (date: string, articles: number, command: string) => ({
  command,
  date,
  commit: "abc1234",
  machine: { cpu: "Test CPU", cores: 2, node: "v22.0.0", os: "Linux x64" },
  corpus: { path: "corpus", articles },
});

const seed: BenchResult = {
  kind: "bench",
  ...info("2026-12-01T10:00:00Z", 5, "npm run bench"),
  figures: {
    queries: 200,
    rounds: 5,
    build: { ms: 220, indexRawBytes: 107_000, indexGzipBytes: 18_500, layout: "bundle", assetFiles: 0, assetBytes: 0 },
    inProcess: { flexsearch: p(0.005), ranking: p(0.011), search: p(0.1), minisearch: p(0.01) },
    widget: { receivedBytes: 12_550, gzipBytes: 4_892, debounceMs: 120, paintMs: p(148), requestMedianMs: 4.4 },
  },
};
const sample: BenchResult = {
  kind: "bench",
  ...info("2026-12-02T10:00:00Z", 10_000, "npm run bench -- --corpus sample.jsonl.gz --no-http --no-widget"),
  figures: {
    queries: 200,
    rounds: 3,
    build: {
      ms: 9_700,
      indexRawBytes: 800,
      indexGzipBytes: 500,
      layout: "sharded",
      assetFiles: 1_200,
      assetBytes: 4.6e7,
    },
    inProcess: { flexsearch: p(0.12), ranking: p(0.04), search: p(0.37), minisearch: p(0.83) },
  },
};

describe("renderReadme", () => {
  it("lists every run, latest first, each with its command, and says when a bench has no run yet", () => {
    const text = renderReadme([seed, sample]);
    const latest = text.indexOf("`npm run bench -- --corpus sample.jsonl.gz --no-http --no-widget`");
    expect(latest).toBeGreaterThan(0);
    expect(latest).toBeLessThan(text.search(/\| `npm run bench` +\|/));
    expect(text).toContain("No run recorded yet.");
    // The latest run's detail: its sharded build's asset files, and no worker rounds it did not run.
    expect(text).toContain("; 1,200 asset files, ");
    expect(text).toContain("200 queries × 3 rounds in process on corpus (10,000 articles)");
  });

  it("judges the in-process ratios on 10,000 articles or more, and the widget on any run that measured it", () => {
    const text = renderReadme([sample, seed]);
    expect(text).toMatch(
      /\| newsfind ranking over plain FlexSearch, p50 +\| 2 × +\| 0\.33 × \(10,000 articles, 2026-12-02 10:00\) +\| met +\|/,
    );
    expect(text).toMatch(/\| MiniSearch over newsfind ranking, p50 +\| at least 10 × +\| 20\.8 × \(10,000 articles/);
    expect(text).toMatch(/\| widget, gzip +\| 10,000 bytes +\| 4,892 bytes \(5 articles/);
    expect(text).toMatch(/\| warm p99, server time +\| 5 ms +\| not measured yet/);
  });
});

describe("commandLine", () => {
  it("writes the npm command with its arguments, quoting those a shell would split", () => {
    expect(commandLine("bench", [])).toBe("npm run bench");
    expect(commandLine("bench", ["--articles", "1000", "--corpus", "my corpus/docs.jsonl"])).toBe(
      "npm run bench -- --articles 1000 --corpus 'my corpus/docs.jsonl'",
    );
  });
});
