// The in-process field profile over a small sharded index built here and written as the build
// writes it: reads and bytes counted per query, the warm-up run first on the same store, every
// phase timed, a latency paid per round of reads, and the slowest queries kept.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compileIndex } from "../../../build/compile-index.js";
import { noTagging } from "../../../build/entities/extract.js";
import { StagedOutput } from "../../../build/write-artefacts.js";
import { coldReads } from "../../../bench/query-reads.js";
import { profileLatencies, profileStream } from "../../../bench/scale/field-profile.js";
import type { FieldQuery, FieldStream } from "../../../bench/scale/field-stream.js";
import { PREFIX_FORMS, profilePrefixes, typedForm } from "../../../bench/scale/prefix-profile.js";
import { PHASES } from "../../../bench/scale/profile-summary.js";
import type { Article } from "../../../src/index-format.js";

const TOPICS = ["oil", "bank", "wheat", "copper", "election", "airline", "steel", "coffee"];
const PLACES = ["london", "tokyo", "brazil", "ottawa", "lagos", "madrid"];
const filler = "Traders said the market was quiet in the morning and busier after the figures came out.".split(" ");

/** Twelve sentences' worth of the filler's words, in an order of the article's own: no two articles are copies of one story. */
const prose = (n: number) => {
  let seed = n + 1;
  const next = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) >>> 16;
  return Array.from({ length: 12 * filler.length }, () => filler[next() % filler.length]).join(" ");
};

/** 60 articles, each of a topic and a place; the place is named only at the end of a long body, past its hit card's text. */
const articles: Article[] = Array.from({ length: 60 }, (_, n) => ({
  id: `a${n}`,
  title: `${TOPICS[n % TOPICS.length]} report ${n}`,
  source: null,
  published: null,
  url: null,
  body: [
    `The ${TOPICS[n % TOPICS.length]} market moved on day ${n}.`,
    prose(n),
    `Dealers in ${PLACES[n % PLACES.length]} expected more.`,
  ],
}));

const query = (text: string): FieldQuery => ({ kind: "two-word", text, source: text });
const QUERIES = [
  "oil market",
  "bank london",
  "wheat tokyo",
  "copper report",
  "election brazil",
  "airline ottawa",
  "steel lagos",
  "coffee madrid",
  "dealers expected",
  "traders quiet",
  "oil tokyo",
  "bank madrid",
].map(query);

let dir: string;
let outDir: string;
let assetsDir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "field-profile-"));
  outDir = join(dir, "index");
  assetsDir = join(dir, "assets");
  const output = new StagedOutput(outDir, assetsDir);
  const { artefacts } = compileIndex(articles, {
    tagger: noTagging(),
    builtAt: "2025-01-01T00:00:00Z",
    layout: "sharded",
    assets: output,
  });
  output.writeModule(artefacts);
  output.commit();
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("profileStream", () => {
  it("counts a query's reads and bytes: on a fresh store, those of the same query run cold", async () => {
    for (const q of [QUERIES[1]!, QUERIES[8]!]) {
      const profile = await profileStream(outDir, assetsDir, { warmup: [], measured: [q] });
      const cold = await coldReads(outDir, assetsDir, [q.text]);
      expect(profile.reads.p50).toBeGreaterThan(0);
      expect(profile.reads.p50).toBe(cold.medianFiles);
      expect(profile.bytes.p50).toBe(cold.medianBytes);
      const [only] = profile.slowest;
      expect(PHASES.reduce((sum, phase) => sum + only!.phases[phase].reads, 0)).toBe(only!.reads);
      expect(PHASES.reduce((sum, phase) => sum + only!.phases[phase].bytes, 0)).toBe(only!.bytes);
    }
  });

  it("runs the warm-up first on the same store, unmeasured, so what it read is not read again", async () => {
    const q = QUERIES[1]!;
    const cold = await profileStream(outDir, assetsDir, { warmup: [], measured: [q] });
    const warm = await profileStream(outDir, assetsDir, { warmup: [q], measured: [{ ...q }] });
    expect(warm.warmup).toBe(1);
    expect(warm.totalMs.n).toBe(1);
    expect(warm.reads.p50).toBeLessThan(cold.reads.p50);
  });

  it("reports every phase, and with a latency of N ms a query takes at least N ms per round of reads", async () => {
    const latencyMs = 15;
    const stream: FieldStream = { warmup: [], measured: QUERIES.slice(0, 6) };
    const profile = await profileStream(outDir, assetsDir, stream, { latencyMs });
    expect(profile.latencyMs).toBe(latencyMs);
    expect(profile.slowest).toHaveLength(6);
    expect(profile.slowest.some((q) => q.rounds > 0)).toBe(true);
    for (const q of profile.slowest) {
      expect(Object.keys(q.phases)).toEqual([...PHASES]);
      const phases = PHASES.map((phase) => q.phases[phase]);
      const phaseMs = phases.reduce((sum, phase) => sum + phase.ms, 0);
      expect(phaseMs).toBeLessThanOrEqual(q.totalMs);
      expect(phaseMs).toBeGreaterThan(q.totalMs * 0.9);
      for (const phase of phases) expect(phase.readMs).toBeLessThanOrEqual(phase.ms + 1e-9);
      expect(q.totalMs).toBeGreaterThanOrEqual(latencyMs * q.rounds);
      expect(phases.reduce((sum, phase) => sum + phase.readMs, 0)).toBeGreaterThanOrEqual(latencyMs * q.rounds);
    }
  });

  it("keeps the ten slowest queries, slowest first, and percentiles over them all", async () => {
    const profile = await profileStream(outDir, assetsDir, { warmup: [], measured: QUERIES });
    expect(profile.totalMs.n).toBe(QUERIES.length);
    expect(profile.slowest).toHaveLength(10);
    const times = profile.slowest.map((q) => q.totalMs);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(profile.totalMs.p99).toBe(times[0]);
  });
});

describe("profileLatencies", () => {
  it("profiles the stream once per latency, keeping the slowest queries of the lowest", async () => {
    const stream: FieldStream = { warmup: [QUERIES[0]!], measured: QUERIES.slice(1, 4) };
    const profile = await profileLatencies(outDir, assetsDir, stream, [5, 0]);
    expect(Object.keys(profile.latencies).sort()).toEqual(["0", "5"]);
    expect(profile.latencies["5"]!.latencyMs).toBe(5);
    expect(profile.latencies["5"]).not.toHaveProperty("slowest");
    expect(profile.slowest.latencyMs).toBe(0);
    expect(profile.slowest.queries).toHaveLength(3);
    // The word being typed, in each form of the three measured (each second word has four letters or more).
    expect(PREFIX_FORMS.map((form) => profile.prefix![form].n)).toEqual([3, 3, 3, 3]);
  });
});

describe("the word being typed", () => {
  it("cuts a two-word query's second word to one, two and three letters, or leaves it whole", () => {
    expect(PREFIX_FORMS.map((form) => typedForm(["oil", "tokyo"], form))).toEqual([
      "oil t",
      "oil to",
      "oil tok",
      "oil tokyo",
    ]);
  });

  it("times every form of each query whose second word has four letters or more", async () => {
    const stream: FieldStream = { warmup: [QUERIES[0]!], measured: [...QUERIES, query("oil gas")] };
    const profile = await profilePrefixes(outDir, assetsDir, stream);
    const counted = QUERIES.filter(({ text }) => text.split(" ")[1]!.length >= 4).length;
    for (const form of PREFIX_FORMS) {
      expect(profile[form].n).toBe(counted);
      expect(profile[form].p50).toBeGreaterThan(0);
    }
  });
});
