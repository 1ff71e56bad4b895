// The scale bench's field stream: distinct queries of four kinds from the known-item headlines
// and the titles and ledes of a corpus subset, the same for the same seed.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  type FieldArticle,
  type FieldQuery,
  fieldStream,
  lede,
  readFieldArticles,
} from "../../../bench/scale/field-stream.js";
import { twoWordQuery } from "../../../bench/scale/scale-queries.js";

const words = (count: number, from: number) => Array.from({ length: count }, (_, n) => `word${from + n}`).join(" ");

/** Titles of their own, but some with the same first two words (in either case) and some without a word a typo changes. */
const title = (i: number) =>
  i % 8 === 3
    ? `${i % 16 === 3 ? "WALL STREET" : "Wall Street"} closes ${i}`
    : i % 8 === 6
      ? `Fed ${i} cut rate`
      : `Company${i} reports quarterly results`;

/** Article i: its title, and an opening of 12 to 80 words in one or two paragraphs. */
const article = (i: number): FieldArticle => ({
  title: title(i),
  body: [words(12 + (i % 5) * 17, i), words(20, i + 1000), words(300, 0)].join("\n\n"),
});
const ARTICLES = Array.from({ length: 2500 }, (_, i) => article(i));
// Known items: 40 titles of the subset (in capitals: the match ignores case) and 960 others.
const KNOWN = [
  ...ARTICLES.slice(0, 400)
    .filter((_, i) => i % 10 === 0)
    .map((a) => a.title.toUpperCase()),
  ...Array.from({ length: 960 }, (_, i) => `Known headline ${i} about the markets`),
];
// The subset also holds 200 titles twice, the second time in other case.
const SUBSET = [...ARTICLES, ...ARTICLES.slice(1000, 1200).map((a) => ({ ...a, title: a.title.toLowerCase() }))];

const stream = fieldStream(KNOWN, SUBSET);
const ofKind = (queries: FieldQuery[], kind: FieldQuery["kind"]) => queries.filter((q) => q.kind === kind);
const wordCount = (text: string) => text.split(/\s+/).length;

describe("fieldStream", () => {
  it("makes 1,000 headline, 1,000 two-word, 300 typo and 50 long queries, and 200 warm-up ones", () => {
    expect(ofKind(stream.measured, "headline")).toHaveLength(1000);
    expect(ofKind(stream.measured, "two-word")).toHaveLength(1000);
    expect(ofKind(stream.measured, "typo")).toHaveLength(300);
    expect(ofKind(stream.measured, "long")).toHaveLength(50);
    expect(stream.measured).toHaveLength(2350);
    expect(stream.warmup).toHaveLength(200);
  });

  it("sends the known-item headlines as they are", () => {
    expect(ofKind(stream.measured, "headline").map((q) => q.text)).toEqual(expect.arrayContaining(KNOWN));
  });

  it("never repeats a query, ignoring case, across the warm-up and the measured stream", () => {
    const all = [...stream.warmup, ...stream.measured].map((q) => q.text.toLowerCase());
    expect(new Set(all).size).toBe(all.length);
  });

  it("warms up with queries of every kind", () => {
    expect(new Set(stream.warmup.map((q) => q.kind))).toEqual(new Set(["headline", "two-word", "typo", "long"]));
  });

  it("makes no query from an article whose title is a known-item headline, whatever its case", () => {
    const known = new Set(KNOWN.map((title) => title.toLowerCase()));
    const made = [...stream.warmup, ...stream.measured.filter((q) => q.kind !== "headline")];
    expect(made.filter((q) => known.has(q.source.toLowerCase()))).toEqual([]);
    expect(ofKind(stream.measured, "two-word").length).toBeGreaterThan(0);
  });

  it("makes two-word queries of the first two words of other titles", () => {
    for (const q of ofKind(stream.measured, "two-word")) expect(q.text).toBe(twoWordQuery(q.source));
  });

  it("puts a typo in every typo query: it differs from its title's two-word query", () => {
    for (const q of ofKind(stream.measured, "typo")) {
      expect(q.text.toLowerCase()).not.toBe(twoWordQuery(q.source)?.toLowerCase());
      expect(wordCount(q.text)).toBe(2);
    }
  });

  it("cuts long queries at a word boundary to 30 to 60 words of the article's opening", () => {
    const bodies = new Map(SUBSET.map((a) => [a.title, a.body.split(/\s+/)]));
    for (const q of ofKind(stream.measured, "long")) {
      expect(wordCount(q.text)).toBeGreaterThanOrEqual(30);
      expect(wordCount(q.text)).toBeLessThanOrEqual(60);
      expect(q.text.split(" ")).toEqual(bodies.get(q.source)!.slice(0, wordCount(q.text)));
    }
  });

  it("spreads each made kind over the whole subset", () => {
    const position = new Map(SUBSET.map((a, i) => [a.title, i]));
    for (const kind of ["two-word", "typo", "long"] as const) {
      const at = ofKind(stream.measured, kind).map((q) => position.get(q.source)!);
      expect(Math.min(...at)).toBeLessThan(SUBSET.length * 0.1);
      expect(Math.max(...at)).toBeGreaterThan(SUBSET.length * 0.8);
    }
  });

  it("interleaves the kinds", () => {
    expect(new Set(stream.measured.slice(0, 100).map((q) => q.kind)).size).toBeGreaterThanOrEqual(3);
  });

  it("draws the same stream from the same seed, and another from another seed", () => {
    expect(fieldStream(KNOWN, SUBSET)).toEqual(stream);
    const other = fieldStream(KNOWN, SUBSET, { seed: 2 });
    expect(other.measured.map((q) => q.text)).not.toEqual(stream.measured.map((q) => q.text));
  });

  it("makes fewer queries, never the same article twice, when the subset is too small for every quota", () => {
    const small = fieldStream(KNOWN, ARTICLES.slice(0, 600));
    const made = [...small.warmup, ...small.measured.filter((q) => q.kind !== "headline")];
    expect(made.length).toBeLessThanOrEqual(600);
    expect(new Set(made.map((q) => q.source)).size).toBe(made.length);
  });
});

describe("lede", () => {
  const range = { min: 30, max: 60 };

  it("takes opening paragraphs until 30 words, cut at 60", () => {
    expect(lede(`${words(20, 0)}\n\n${words(20, 20)}`, range, 500)).toBe(words(40, 0));
    expect(lede(words(100, 0), range, 1000)).toBe(words(60, 0));
  });

  it("drops words to stay within the characters allowed, and gives none below 30 words", () => {
    expect(lede(words(60, 0), range, 300)!.length).toBeLessThanOrEqual(300);
    expect(lede(words(29, 0), range, 500)).toBeNull();
    expect(lede(words(60, 100000), range, 100)).toBeNull();
  });
});

describe("readFieldArticles", () => {
  it("reads each record's title and opening paragraphs, skipping records without a title", async () => {
    const dir = mkdtempSync(join(tmpdir(), "field-stream-"));
    try {
      const path = join(dir, "corpus-3.jsonl");
      const lines = [
        { id: "a", title: "Oil rises", body: `${words(70, 0)}\n\nSecond paragraph.` },
        { id: "b", body: "no title" },
        { id: "c", title: "Fed holds", body: "Short.\n\nThen more." },
      ];
      writeFileSync(path, `${lines.map((line) => JSON.stringify(line)).join("\n")}\n`);
      expect(await readFieldArticles(path)).toEqual([
        { title: "Oil rises", body: words(70, 0) },
        { title: "Fed holds", body: "Short.\n\nThen more." },
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
