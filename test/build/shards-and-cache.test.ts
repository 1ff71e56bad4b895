// The sharded layout on disk, the layout choice, the build cache and build progress, on small
// corpora made in the test.
import { mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { build } from "../../build/build.js";
import { BUNDLE_MAX_BYTES } from "../../build/compile-index.js";
import { progressReporter } from "../../build/progress.js";
import { ARTEFACT_MODULE } from "../../src/index-format.js";

const line = (record: object) => JSON.stringify(record);
const story = (n: number, extra = "") =>
  line({
    id: `s${n}`,
    title: `Story ${n} about harbour cranes`,
    body: `Dockers in port ${n} unloaded ${n * 7} containers.${extra}\n\nThe harbour authority said traffic rose.`,
    date: `2024-01-${String((n % 28) + 1).padStart(2, "0")}`,
    source: n % 2 ? "Wire" : "Desk",
  });

function corpus(lines: string[]): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), "newsfind-shards-"));
  const file = join(dir, "news.jsonl");
  writeFileSync(file, lines.join("\n"));
  return { dir, file };
}

function files(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) walk(path);
      else out.set(path.slice(dir.length), readFileSync(path));
    }
  };
  if (existsSync(dir)) walk(dir);
  return out;
}

const module = (outDir: string) => readFileSync(join(outDir, ARTEFACT_MODULE), "utf8").replace(/"builtAt":"[^"]*"/, "");

/** A corpus of these lines, with a cache folder and an output folder beside it. */
function cachedCorpus(lines: string[]) {
  const { dir, file } = corpus(lines);
  return { dir, file, cacheDir: join(dir, "cache"), outDir: join(dir, "cached") };
}

/** Asserts that `outDir` holds the assets and module a fresh build of `file` (without the cache) writes. */
function expectFreshBuild(dir: string, file: string, outDir: string): void {
  build({ corpus: file, outDir: join(dir, "fresh"), layout: "sharded" });
  expect(files(join(outDir, "assets"))).toEqual(files(join(dir, "fresh", "assets")));
  expect(module(outDir)).toBe(module(join(dir, "fresh")));
}

describe("layout", () => {
  it("keeps a small corpus in the bundle and shards a large one, by the article store's size", () => {
    const small = corpus([story(1), story(2)]);
    expect(build({ corpus: small.file, outDir: join(small.dir, "out") }).layout).toBe("bundle");
    const filler = " Container traffic figures were published.".repeat(Math.ceil(BUNDLE_MAX_BYTES / 40 / 50));
    const large = corpus(Array.from({ length: 50 }, (_, n) => story(n, filler)));
    const report = build({ corpus: large.file, outDir: join(large.dir, "out") });
    expect(report.layout).toBe("sharded");
    expect(report.assets.files).toBeGreaterThan(4);
    expect(report.assets.dir).toBe(join(large.dir, "out", "assets"));
    expect(module(join(large.dir, "out"))).toContain("export const chunks = undefined;");
  });

  it("removes the shards of an earlier sharded build when the index goes back to the bundle", () => {
    const { dir, file } = corpus([story(1), story(2)]);
    const outDir = join(dir, "out");
    build({ corpus: file, outDir, layout: "sharded" });
    expect(files(join(outDir, "assets", "index")).size).toBeGreaterThan(0);
    build({ corpus: file, outDir, layout: "bundle" });
    expect(files(join(outDir, "assets", "index")).size).toBe(0);
  });
});

describe("build cache", () => {
  it("rebuilds from the cache to exactly the files a fresh build writes, after edits, an insertion and a deletion", () => {
    const lines = Array.from({ length: 60 }, (_, n) => story(n));
    const { dir, file } = corpus(lines);
    const cacheDir = join(dir, "cache");
    const outDir = join(dir, "cached");
    const first = build({ corpus: file, outDir, layout: "sharded", cacheDir });
    expect(first.cached).toBe(0);
    const again = build({ corpus: file, outDir, layout: "sharded", cacheDir });
    expect(again.cached).toBe(60);
    expect(again.assets.written).toBe(0);

    lines[10] = story(10, " A correction was appended.");
    lines.splice(30, 0, story(1000));
    lines.splice(45, 1);
    writeFileSync(file, lines.join("\n"));
    const rebuilt = build({ corpus: file, outDir, layout: "sharded", cacheDir });
    expect(rebuilt.cached).toBe(58);
    expect(rebuilt.articlesIndexed).toBe(60);
    const fresh = build({ corpus: file, outDir: join(dir, "fresh"), layout: "sharded" });
    expect(fresh.cached).toBe(0);
    expect(files(join(outDir, "assets"))).toEqual(files(join(dir, "fresh", "assets")));
    expect(module(outDir)).toBe(module(join(dir, "fresh")));
  });

  it("rewrites every card pack when the cards of the card dictionary change, as a fresh build does", () => {
    const lines = Array.from({ length: 900 }, (_, n) => story(n));
    const { dir, file, cacheDir, outDir } = cachedCorpus(lines);
    build({ corpus: file, outDir, layout: "sharded", cacheDir });
    const packs = () => [...files(join(outDir, "assets")).keys()].filter((path) => path.includes("/cards/"));
    expect(packs().length).toBeGreaterThan(1);
    // The dictionary starts with the card of the first position; its article is edited.
    const manifest = readFileSync(join(outDir, ARTEFACT_MODULE), "utf8");
    const first = /"cardDictionary":"\{\\"id\\":\\"s(\d+)\\"/.exec(manifest)?.[1];
    expect(first).toBeDefined();
    lines[Number(first)] = story(Number(first), " A correction was appended.");
    writeFileSync(file, lines.join("\n"));
    const rebuilt = build({ corpus: file, outDir, layout: "sharded", cacheDir });
    expect(rebuilt.cached).toBe(899);
    expectFreshBuild(dir, file, outDir);
  });

  it("writes again the shards a build without the cache rewrote in the same folder", () => {
    const lines = Array.from({ length: 900 }, (_, n) => story(n));
    const { dir, file, cacheDir, outDir } = cachedCorpus(lines);
    build({ corpus: file, outDir, layout: "sharded", cacheDir });
    // Another corpus built into the same folder without the cache (every article edited:
    // every shard differs), then the first built again with the cache.
    writeFileSync(file, lines.map((_, n) => story(n, " A correction was appended.")).join("\n"));
    build({ corpus: file, outDir, layout: "sharded" });
    writeFileSync(file, lines.join("\n"));
    const again = build({ corpus: file, outDir, layout: "sharded", cacheDir });
    expect(again.cached).toBe(900);
    expectFreshBuild(dir, file, outDir);
  });

  it("appends new analyses, rewrites the analysis files once most are dead, and still builds what a fresh build does", () => {
    // Neighbours share no first word, so an analysis read one entry off would change the index.
    const places = ["Harbour", "Bridge", "Railway", "Airport", "Canal", "Tunnel", "Ferry"];
    const story = (n: number, extra = "") =>
      line({
        id: `v${n}`,
        title: `${places[n % places.length]} works ${n}`,
        body: `Crews on site ${n} moved ${n * 3} tonnes.${extra}`,
        date: "2024-02-01",
      });
    const lines = Array.from({ length: 60 }, (_, n) => story(n));
    const { dir, file } = corpus(lines);
    const cacheDir = join(dir, "cache");
    const outDir = join(dir, "cached");
    const analysisFiles = () =>
      readdirSync(cacheDir)
        .filter((name) => /\.(terms|tf)$/.test(name))
        .sort();
    const analysisBytes = () => analysisFiles().map((name) => statSync(join(cacheDir, name)).size);
    /** Rewrites the corpus, rebuilds with the cache, and checks the files against a fresh build's. */
    let step = 0;
    const rebuild = (cached: number) => {
      writeFileSync(file, lines.join("\n"));
      expect(build({ corpus: file, outDir, layout: "sharded", cacheDir }).cached).toBe(cached);
      const freshDir = join(dir, `fresh${step++}`);
      build({ corpus: file, outDir: freshDir, layout: "sharded" });
      expect(files(join(outDir, "assets"))).toEqual(files(join(freshDir, "assets")));
      expect(module(outDir)).toBe(module(freshDir));
    };
    rebuild(0);
    const [firstFiles, firstBytes] = [analysisFiles(), analysisBytes()];
    expect(firstFiles).toHaveLength(2);

    // A few edits: their analyses are appended to the same files.
    lines[5] = story(5, " First correction.");
    rebuild(59);
    expect(analysisFiles()).toEqual(firstFiles);
    analysisBytes().forEach((bytes, i) => {
      expect(bytes).toBeGreaterThan(firstBytes[i]!);
    });

    // Two thirds edited, twice: the first time appended, the second time over half of the
    // files would be dead, so they are rewritten as a new generation and the old ones removed.
    for (let n = 0; n < 40; n++) lines[n] = story(n, " Second correction.");
    rebuild(20);
    expect(analysisFiles()).toEqual(firstFiles);
    for (let n = 20; n < 60; n++) lines[n] = story(n, " Third correction.");
    rebuild(20);
    expect(analysisFiles()).toHaveLength(2);
    expect(analysisFiles()).not.toEqual(firstFiles);

    // An append cut short (more bytes than the columns cover) does not spoil the cache.
    for (const name of analysisFiles()) writeFileSync(join(cacheDir, name), Buffer.alloc(12, 7), { flag: "a" });
    lines[59] = story(59, " Fourth correction.");
    rebuild(59);
    lines[58] = story(58, " Fifth correction.");
    rebuild(59);
  });

  it("starts afresh when the analysis files are shorter than the cache says", () => {
    const { dir, file } = corpus([story(1), story(2)]);
    const cacheDir = join(dir, "cache");
    build({ corpus: file, outDir: join(dir, "out"), cacheDir });
    const terms = readdirSync(cacheDir).find((name) => name.endsWith(".terms"))!;
    writeFileSync(join(cacheDir, terms), readFileSync(join(cacheDir, terms)).subarray(0, 8));
    expect(build({ corpus: file, outDir: join(dir, "out"), cacheDir }).cached).toBe(0);
  });

  it("keeps the report's skips and line numbers right for cached lines", () => {
    const { dir, file } = corpus([story(1), "not json", story(2)]);
    const cacheDir = join(dir, "cache");
    build({ corpus: file, outDir: join(dir, "out"), cacheDir });
    writeFileSync(file, [story(0), story(1), "not json", story(2)].join("\n"));
    const report = build({ corpus: file, outDir: join(dir, "out"), cacheDir });
    expect(report.cached).toBe(2);
    expect(report.skipped).toEqual([
      { path: `${relative(process.cwd(), file)}:3`, reason: expect.stringMatching(/invalid JSON/) },
    ]);
  });

  it("starts afresh when the index configuration changes", () => {
    const { dir, file } = corpus([story(1), story(2)]);
    const cacheDir = join(dir, "cache");
    build({ corpus: file, outDir: join(dir, "out"), cacheDir });
    expect(build({ corpus: file, outDir: join(dir, "out"), cacheDir, fields: ["body"] }).cached).toBe(0);
    expect(statSync(cacheDir).isDirectory()).toBe(true);
  });
});

describe("build progress", () => {
  it("writes plain lines, not a bar, when stderr is not a terminal", () => {
    const write = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    try {
      const progress = progressReporter({ tty: false });
      for (let done = 0; done <= 100; done += 10) progress("analyse", done, 100);
      progress.stop();
      const lines = write.mock.calls.map(([text]) => String(text));
      expect(lines[0]).toBe("newsfind build: analyse 0/100\n");
      expect(lines.at(-1)).toBe("newsfind build: analyse 100/100\n");
      expect(lines.length).toBeLessThanOrEqual(5);
      expect(lines.join("")).not.toMatch(/\u001b\[|\r/);
    } finally {
      write.mockRestore();
    }
  });

  it("says nothing when quiet", () => {
    const write = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    try {
      const progress = progressReporter({ quiet: true });
      progress("analyse", 1, 2);
      progress.stop();
      expect(write).not.toHaveBeenCalled();
    } finally {
      write.mockRestore();
    }
  });
});
