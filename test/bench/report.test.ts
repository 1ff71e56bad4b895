// bench/README.md as rendered from results (bench/report.ts, bench/results.ts): each run a row
// with the command that reproduces it, the targets judged on the latest three runs that measure them,
// the latest archive-scale run's in-process profile tables (and none for a run without one), and
// the command line quoted as a shell would need it.
import { describe, expect, it } from "vitest";
import { renderReadme, runTargets, type ScaleRun } from "../../bench/report.js";
import { commandLine, type BenchResult } from "../../bench/results.js";
import type { FieldProfile } from "../../bench/scale/field-profile.js";
import type { QueryProfile, StreamProfile } from "../../bench/scale/profile-summary.js";
import type { ScaleRow } from "../../bench/scale/types.js";

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

const row = (articles: number): ScaleRow => ({
  engine: "newsfind",
  articles,
  deployable: { yes: true },
  buildS: 7,
  buildRssMB: 200,
  rawMiB: 38,
  gzipMiB: 15,
  files: 1800,
  coldMs: 62,
  emptyColdMs: 3,
  fieldP50Ms: 3.5,
  fieldP90Ms: 7.3,
  fieldP99Ms: 23,
  longP99Ms: 10,
  emptyP99Ms: 0.9,
  heapMB: 30,
  rssMB: 776,
});
/** The stream through wrangler dev: these /search times after a /health of 4 / 6 / 15 ms. */
const devTimings = (search: { p50: number; p90: number; p99: number }) => {
  const health = { p50: 4, p90: 6, p99: 15 };
  return {
    warmup: 200,
    search: { n: 2350, ...search },
    health: { n: 2350, ...health },
    over: { p50: search.p50 - health.p50, p90: search.p90 - health.p90, p99: search.p99 - health.p99 },
  };
};
const reads = { queries: 200, medianBytes: 172_051, p99Bytes: 774_172, maxBytes: 810_665, medianFiles: 12 };
/** A scale run as results files held it before the in-process profile. */
const scaleBefore: BenchResult = {
  kind: "scale",
  ...info("2026-12-03T10:00:00Z", 10_000, "npm run bench -- --corpus docs.jsonl.gz --articles 10000"),
  figures: { rows: [row(10_000)], reads: { "10000": { clean: reads, typos: reads } } },
};

const quarter = (readsP50: number) => ({
  totalMs: { n: 587, p50: 1, p90: 2, p99: 5 },
  reads: { n: 587, p50: readsP50, p90: 11, p99: 23 },
  bytes: { n: 587, p50: 1024, p90: 2048, p99: 4096 },
  rounds: { n: 587, p50: 1, p90: 2, p99: 3 },
});
const streamProfile = (latencyMs: number, p50: number, quarters?: number[]): StreamProfile => ({
  ...(quarters ? { byQuarter: quarters.map(quarter) } : {}),
  latencyMs,
  warmup: 200,
  totalMs: { n: 2350, p50, p90: p50 * 2, p99: p50 * 5 },
  reads: { n: 2350, p50: 6, p90: 11, p99: 23 },
  bytes: { n: 2350, p50: 150 * 1024, p90: 400 * 1024, p99: 900 * 1024 },
  rounds: { n: 2350, p50: 2, p90: 3, p99: 4 },
  byKind: {},
});
const phase = (ms: number, readMs: number) => ({ ms, readMs, reads: 1, bytes: 1024 });
const slow = (query: string, totalMs: number): QueryProfile => ({
  kind: "long",
  query,
  totalMs,
  phases: { plan: phase(10, 8), rank: phase(20, 0), cards: phase(5, 4), snippets: phase(1.25, 0) },
  reads: 9,
  bytes: 512 * 1024,
  rounds: 3,
});
const profileOf = (queries: QueryProfile[], quarters?: number[]): FieldProfile => ({
  latencies: { "0": streamProfile(0, 1.5, quarters), "2": streamProfile(2, 6), "10": streamProfile(10, 25) },
  slowest: { latencyMs: 0, queries },
});
const LONG = "Oil | prices rose *sharply* on Monday as traders weighed the supply cuts announced by the cartel";
const scaleProfiled: BenchResult = {
  kind: "scale",
  ...info("2026-12-04T10:00:00Z", 20_000, "npm run bench -- --corpus docs.jsonl.gz --articles 2000,20000"),
  figures: {
    rows: [
      row(2_000),
      {
        ...row(20_000),
        fieldSlowest: [
          { kind: "typo", query: "Kremlni <b>talks</b>", ms: 41.5 },
          { kind: "headline", query: "Fed | holds", ms: 20 },
        ],
      },
    ],
    reads: {},
    devServer: {
      "20000": devTimings({ p50: 9, p90: 14, p99: 60 }),
      "2000": { missing: "wrangler dev failed: port taken" },
    },
    profile: {
      "20000": profileOf([slow(LONG, 36.25), slow("fed rates", 12)]),
      "2000": profileOf([slow("small size only", 99)], [9, 7, 5, 4]),
    },
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
      /\| newsfind ranking over plain FlexSearch, p50 +\| 2 × +\| 0\.33 × \(10,000 articles, latest 2026-12-02 10:00\) +\| met 1 of 1 +\|/,
    );
    expect(text).toMatch(/\| MiniSearch over newsfind ranking, p50 +\| at least 10 × +\| 20\.8 × \(10,000 articles/);
    expect(text).toMatch(/\| widget, gzip +\| 10,000 bytes +\| 4,892 bytes \(5 articles/);
    expect(text).toMatch(/\| warm p99, server time +\| 5 ms +\| not measured yet/);
  });

  it("judges a target on the latest three runs that measure it, and says how many met it", () => {
    const widget = (date: string, gzipBytes: number): BenchResult => ({
      ...seed,
      date,
      figures: { ...seed.figures, widget: { ...seed.figures.widget!, gzipBytes } } as typeof seed.figures,
    });
    const runs = [
      widget("2026-12-01T08:00:00Z", 20_000),
      widget("2026-12-01T09:00:00Z", 4_000),
      widget("2026-12-01T10:00:00Z", 11_000),
      widget("2026-12-01T11:00:00Z", 5_000),
    ];
    // The oldest run is over the budget too, but no longer judged.
    expect(renderReadme(runs)).toMatch(
      /\| widget, gzip +\| 10,000 bytes +\| 4,000 bytes · 11,000 bytes · 5,000 bytes \(5 articles, latest 2026-12-01 11:00\) +\| \*\*met 2 of 3\*\* +\|/,
    );
    expect(renderReadme([runs[1]!, runs[3]!])).toMatch(
      /\| widget, gzip +\| 10,000 bytes +\| 4,000 bytes · 5,000 bytes .*\| met 2 of 2 +\|/,
    );
  });
});

/** A run of table cells holding these values, in order, however padded. */
const cells = (...values: string[]) =>
  new RegExp(`\\| +${values.map((value) => value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join(" +\\| +")} +\\|`);

describe("the field stream's targets", () => {
  const archive: ScaleRun = {
    kind: "scale",
    ...info("2026-12-05T10:00:00Z", 101_400, "npm run bench -- --corpus docs.jsonl.gz --articles 101400"),
    figures: {
      rows: [{ ...row(101_400), fieldP50Ms: 1.9, fieldP99Ms: 23, longP99Ms: 10 }],
      reads: {},
      devServer: {
        "101400": devTimings({ p50: 5, p90: 12, p99: 30 }),
      },
      profile: { "101400": profileOf([slow("fed rates", 12)]) },
    },
  };

  it("judges a 101,400-article run's served times, wrangler dev and reads against their limits", () => {
    const text = runTargets(archive);
    expect(text).toMatch(cells("field stream p50, server time", "2 ms", "1.90 ms", "met"));
    expect(text).toMatch(cells("field stream p99, server time", "15 ms", "23.00 ms", "**not met**"));
    expect(text).toMatch(cells("pasted paragraphs p99, server time", "25 ms", "10.00 ms", "met"));
    expect(text).toMatch(cells("wrangler dev, /search minus /health, p50", "2 ms", "1.00 ms", "met"));
    expect(text).toMatch(cells("wrangler dev, /search minus /health, p90", "5 ms", "6.00 ms", "**not met**"));
    // The profile at 0 ms a read: 6 and 23 files, 150 and 900 KiB.
    expect(text).toMatch(cells("files a query reads, p50", "4", "6 files", "**not met**"));
    expect(text).toMatch(cells("files a query reads, p99", "16", "23 files", "**not met**"));
    expect(text).toMatch(cells("KiB a query reads, p99", "512 KiB", "900 KiB", "**not met**"));
  });

  it("judges no smaller run by the archive's targets", () => {
    expect(runTargets({ ...archive, figures: { ...archive.figures, rows: [row(20_000)] } })).not.toContain(
      "field stream",
    );
  });
});

describe("renderReadme, archive scale", () => {
  it("renders a run from before the in-process profile, without its tables", () => {
    const text = renderReadme([scaleBefore]);
    expect(text).toContain("### Latest run");
    expect(text).toContain("#### newsfind: index data a cold two-word query reads");
    expect(text).not.toContain("reads per query (field stream, in-process, warm store)");
    expect(text).not.toContain("slowest queries");
  });

  it("renders the latest run's reads per query and time against asset-read latency at each article count", () => {
    const text = renderReadme([scaleBefore, scaleProfiled]);
    expect(text).toContain("#### newsfind: reads per query (field stream, in-process, warm store)");
    // Reads p50 by quarter of the stream, in order; a run from before quarters were kept has none.
    expect(text).toMatch(cells("2,000", "2,350", "6", "9 / 7 / 5 / 4", "23", "2", "4", "150.0", "900.0"));
    expect(text).toMatch(cells("20,000", "2,350", "6", "—", "23", "2", "4", "150.0", "900.0"));
    expect(text).toContain("#### newsfind: time per query against asset-read latency");
    expect(text).toMatch(cells("20,000", "0", "1.50", "3.00", "7.50"));
    expect(text).toMatch(cells("20,000", "2", "6.00", "12.00", "30.00"));
    expect(text).toMatch(cells("20,000", "10", "25.00", "50.00", "125.00"));
    // Smallest size first, each size's latencies in increasing order.
    expect(text.search(cells("2,000", "10"))).toBeLessThan(text.search(cells("20,000", "0")));
    expect(text.search(cells("20,000", "2"))).toBeLessThan(text.search(cells("20,000", "10")));
  });

  it("lists the slowest queries at the largest article count, phase by phase, each query cut and escaped for its cell", () => {
    const text = renderReadme([scaleProfiled]);
    expect(text).toContain("#### newsfind: the 2 slowest queries at 20,000 articles (in-process, 0 ms a read)");
    expect(text).not.toContain("small size only");
    const cut = "Oil \\| prices rose \\*sharply\\* on Monday as traders weighed th…";
    expect(text).toContain(`| ${cut} |`);
    expect(text).toMatch(
      cells("long", "36.25", "10.00 (8.00)", "20.00 (0.00)", "5.00 (4.00)", "1.25 (0.00)", "9", "512.0"),
    );
    expect(text.indexOf("| Oil")).toBeLessThan(text.indexOf("| fed rates"));
  });

  it("lists the slowest queries served, escaped, and the stream through wrangler dev against /health", () => {
    const text = renderReadme([scaleProfiled]);
    expect(text).toContain("#### newsfind: the 2 slowest queries served at 20,000 articles (server time)");
    expect(text).toMatch(cells("Kremlni \\<b\\>talks\\</b\\>", "typo", "41.50"));
    expect(text).toMatch(cells("Fed \\| holds", "headline", "20.00"));
    expect(text).toContain("#### newsfind: the field stream through `wrangler dev`");
    expect(text).toMatch(
      cells("20,000", "2,350", "9.00 / 14.00 / 60.00", "4.00 / 6.00 / 15.00", "5.00 / 8.00 / 45.00"),
    );
    expect(text).toContain("wrangler dev failed: port taken");
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

describe("renderReadme, ranking constants", () => {
  it("renders the latest tuning run's table with its command, and says when there is none", () => {
    expect(renderReadme([seed])).toContain("## Ranking constants (`npm run eval:tune`)\n\nNo run recorded yet.");
    const tune: BenchResult = {
      kind: "tune",
      ...info("2026-12-04T11:00:00Z", 0, "npm run eval:tune -- --grid title=1,3"),
      figures: {
        sets: [{ name: "TIME", metric: "ndcg@10", bm25: 0.699, queries: 83 }],
        candidates: [{ title: 1, lede: 2, k1: 1.2, b: 0.75 }],
        scores: [[0.75]],
        chosen: 0,
        folds: [{ heldOut: 0, chosen: 0, score: 0.75 }],
      },
    };
    const text = renderReadme([seed, tune]);
    expect(text).toContain("`npm run eval:tune -- --grid title=1,3`");
    expect(text).toMatch(/\| TIME +\| ndcg@10, 83 queries +\| +0\.699 \|/);
  });
});
