// Syndicated copies: copies of a seed made as newsrooms make them (re-headlined, padded with a
// site's boilerplate, cut short) are grouped with it, the earliest first; the five seeds, five
// different stories on one topic, are not; and the build report counts and lists the groups.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { build } from "../../build/build.js";
import {
  containment,
  COPY_CONTAINMENT,
  COPY_DAYS,
  findCopies,
  groupCopies,
  MIN_SHINGLES,
  sketchOf,
  textWords,
  type CopyInput,
  wordHashes,
} from "../../build/copies.js";
import { readText } from "../../build/formats/text.js";
import { formatReport } from "../../build/report.js";

const SEED_FILES = readdirSync("corpus").filter((name) => name.endsWith(".txt"));

const seeds = SEED_FILES.map((name) => {
  const path = `corpus/${name}`;
  return readText(path, readFileSync(path)).articles[0]!;
});

type Made = CopyInput & { title: string | null; source: string | null };

const BOILERPLATE_TOP = "Sign up for our morning newsletter to get the day's top stories delivered to your inbox.";
const BOILERPLATE_END =
  "Copyright 2025 Example Media Group. All rights reserved. This material may not be published, broadcast, rewritten or redistributed without permission. Follow us on social media for more updates.";

/** The day `days` after a date (YYYY-MM-DD). */
const dayAfter = (date: string, days: number) =>
  new Date(Date.parse(date) + days * 86_400_000).toISOString().slice(0, 10);

/** The copies a newsroom makes of a story: another headline and source, a padded page, a cut version. */
function copiesOf(seed: Made, day = dayAfter(seed.published!, 1)): Made[] {
  return [
    { ...seed, title: "Kremlin cools on summit talk", source: "Wire Desk", published: day },
    { ...seed, source: "Example Media", published: day, body: [BOILERPLATE_TOP, ...seed.body, BOILERPLATE_END] },
    { ...seed, source: "Brief News", published: day, body: seed.body.slice(0, Math.ceil(seed.body.length * 0.4)) },
  ];
}

describe("copies of one story", () => {
  it("are none among the five seeds, five different stories on one topic", () => {
    expect(seeds).toHaveLength(5);
    expect(findCopies(seeds)).toEqual([]);
    const sketches = seeds.map((seed) => sketchOf(seed.body));
    for (let a = 0; a < sketches.length; a++)
      for (let b = a + 1; b < sketches.length; b++)
        expect(containment(sketches[a]!, sketches[b]!)).toBeLessThan(COPY_CONTAINMENT / 2);
  });

  it("group a re-headlined, a padded and a cut copy with their story, the earliest first", () => {
    const dated = seeds.filter((seed) => seed.published !== null);
    const story = dated[0]!;
    const made = copiesOf(story);
    const articles = [...seeds, ...made];
    const at = seeds.indexOf(story);
    expect(findCopies(articles)).toEqual([[at, 5, 6, 7]]);
    const sketches = articles.map((article) => sketchOf(article.body));
    for (const copy of [5, 6, 7])
      expect(containment(sketches[at]!, sketches[copy]!)).toBeGreaterThanOrEqual(COPY_CONTAINMENT);
  });

  it("group each story's copies apart, two stories at once", () => {
    const [first, second] = seeds;
    const articles = [...seeds, ...copiesOf(first!), ...copiesOf(second!)];
    expect(findCopies(articles)).toEqual([
      [0, 5, 6, 7],
      [1, 8, 9, 10],
    ]);
  });

  it("take as canonical the earliest copy, then the longest, then the first, and an undated one last", () => {
    const story = seeds[0]!;
    const [reheadlined, padded, cut] = copiesOf(story, "2025-01-01");
    // The same day: the padded copy is the longest.
    expect(findCopies([{ ...cut! }, { ...reheadlined! }, { ...padded! }])[0]![0]).toBe(2);
    // An earlier day wins over length; an undated copy is never canonical over a dated one.
    expect(findCopies([{ ...padded! }, { ...cut!, published: "2024-12-31" }])[0]![0]).toBe(1);
    expect(findCopies([{ ...padded!, published: null }, { ...cut! }])[0]![0]).toBe(1);
  });

  it(`are published at most COPY_DAYS (${COPY_DAYS}) apart when both are dated: a recurring feature is news again`, () => {
    const story = seeds[0]!;
    const within = copiesOf(story, dayAfter(story.published!, COPY_DAYS));
    expect(findCopies([story, ...within])).toEqual([[0, 1, 2, 3]]);
    const later = copiesOf(story, dayAfter(story.published!, COPY_DAYS + 1));
    // The copies still group together, the padded one (the longest) first; an undated story joins them.
    expect(findCopies([story, ...later])).toEqual([[2, 1, 3]]);
    expect(findCopies([{ ...story, published: null }, ...later])).toEqual([[2, 0, 1, 3]]);
  });

  it("need more text than a line: short texts alike are not called copies", () => {
    const line = "Shares rose on Monday in Tokyo after the figures came out.";
    const sketch = sketchOf([line]);
    expect(sketch.shingles).toBeLessThan(MIN_SHINGLES);
    expect(
      findCopies([
        { body: [line], published: null },
        { body: [line], published: null },
      ]),
    ).toEqual([]);
  });

  it("read words alike whether a text is plain ASCII or accented, hashed as scanned or as strings", () => {
    const body = ["Hello World, it is 2025!", "Zürich café — naïve façade.", "ABC-def x"];
    expect(textWords(body)).toEqual([
      "hello",
      "world",
      "it",
      "is",
      "2025",
      "zurich",
      "cafe",
      "naive",
      "facade",
      "abc",
      "def",
      "x",
    ]);
    const fnv = (word: string) => {
      let hash = 0x811c9dc5;
      for (let i = 0; i < word.length; i++) hash = Math.imul(hash ^ word.charCodeAt(i), 0x01000193);
      return hash >>> 0;
    };
    expect(wordHashes(body)).toEqual(textWords(body).map(fnv));
    expect(wordHashes(body, 7)).toEqual(textWords(body).slice(0, 7).map(fnv));
    // An accented copy and a plain one of a text are the same words.
    expect(sketchOf(["Cafe ".repeat(30)]).values).toEqual(sketchOf(["Café ".repeat(30)]).values);
  });

  it("are grouped however the articles are ordered", () => {
    const articles = [...seeds, ...copiesOf(seeds[2]!)];
    const reversed = [...articles].reverse();
    const sketches = reversed.map((article) => sketchOf(article.body));
    const groups = groupCopies(reversed, sketches).map((group) => group.map((position) => reversed[position]));
    expect(groups).toHaveLength(1);
    expect(new Set(groups[0])).toEqual(new Set([seeds[2], ...articles.slice(5)]));
  });
});

describe("the build report", () => {
  const dir = mkdtempSync(join(tmpdir(), "copies-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("counts the stories run more than once and lists each group by id, the canonical first", () => {
    const corpus = join(dir, "corpus");
    mkdirSync(corpus);
    for (const name of SEED_FILES) copyFileSync(`corpus/${name}`, join(corpus, name));
    const made = copiesOf(seeds[0]!).map((copy, n) => ({
      id: `copy-${n}`,
      title: copy.title,
      body: copy.body.join("\n\n"),
      date: copy.published,
      source: copy.source,
    }));
    writeFileSync(join(corpus, "copies.jsonl"), made.map((item) => JSON.stringify(item)).join("\n"));
    const report = build({ corpus, outDir: join(dir, "index"), cacheDir: null, layout: "sharded", quiet: true });
    expect(report.articlesIndexed).toBe(8);
    const canonical = report.copies.list[0]![0]!;
    expect(report.copies).toEqual({ groups: 1, articles: 4, list: [[canonical, "copy-0", "copy-1", "copy-2"]] });
    expect(canonical).not.toMatch(/^copy-/);
    expect(formatReport(report)).toContain(
      `copies            1 story run more than once, 4 articles in all (a search shows one hit a story)\n    - ${canonical}: also copy-0, copy-1, copy-2`,
    );
    expect(Object.keys(report.phasesMs)).toContain("copies");
  });

  it("finds the same groups when a rebuild takes every article's sketch from the build cache", () => {
    const corpus = join(dir, "corpus");
    const cacheDir = join(dir, "cache");
    const outDir = join(dir, "cached-index");
    const first = build({ corpus, outDir, cacheDir, layout: "sharded", quiet: true });
    const again = build({ corpus, outDir, cacheDir, layout: "sharded", quiet: true });
    expect(first.cached).toBe(0);
    expect(again.cached).toBe(8);
    expect(again.copies).toEqual(first.copies);
    expect(again.copies.groups).toBe(1);
  });
});
