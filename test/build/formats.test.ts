// Corpus formats, ids and titles, and the build report, on small corpora made in the test.
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { build } from "../../build/build.js";
import { deriveTitle, finalizeArticles } from "../../build/finalize.js";
import { formatFor } from "../../build/formats/index.js";
import { readMarkdown } from "../../build/formats/markdown.js";
import { MAX_SOURCE_CHARS } from "../../build/limits.js";
import { parseBuildOptions } from "../../build/options.js";
import { readCorpus } from "../../build/read-corpus.js";
import type { FileResult } from "../../build/types.js";
import { ARTEFACT_MODULE, INDEX_FORMAT_VERSION, REPORT_FILE } from "../../src/index-format.js";

const line = (record: object) => JSON.stringify(record);

/** Reads one corpus file as the build does (through the format registry, without a cache). */
function readFile(name: string, data: string | Buffer) {
  const dir = mkdtempSync(join(tmpdir(), "newsfind-format-"));
  writeFileSync(join(dir, name), data);
  const { articles, skipped, warnings } = readCorpus(dir, dir);
  return {
    articles: articles.map(({ unit, index, bodyHash, bodyChars, cachedRow, ...article }) => article),
    skipped,
    warnings,
  };
}

describe("JSON Lines", () => {
  it("reads the standard fields and their common aliases", () => {
    const data = Buffer.from(
      [
        line({
          id: "a1",
          title: "Standard",
          body: "One.\n\nTwo.",
          date: "2025-10-21",
          source: "Wire",
          url: "https://x.test/a1",
        }),
        line({
          _id: "b2",
          headline: "Aliased",
          text: "Body text.",
          published: "Tue, 21 Oct 2025 08:00:00 GMT",
          publisher: { name: "Desk" },
          link: "https://x.test/b2",
        }),
        line({ content: "No id or title here. More text follows.", publishedAt: 1761033600 }),
      ].join("\n"),
    );
    const { articles, skipped } = readFile("news.jsonl", data);
    expect(skipped).toEqual([]);
    expect(articles.map(({ origin, ...rest }) => rest)).toEqual([
      {
        id: "a1",
        title: "Standard",
        body: ["One.", "Two."],
        published: "2025-10-21",
        source: "Wire",
        url: "https://x.test/a1",
      },
      {
        id: "b2",
        title: "Aliased",
        body: ["Body text."],
        published: "2025-10-21",
        publishedTime: "2025-10-21T08:00:00+00:00",
        source: "Desk",
        url: "https://x.test/b2",
      },
      {
        id: null,
        title: null,
        body: ["No id or title here. More text follows."],
        published: "2025-10-21",
        publishedTime: "2025-10-21T08:00:00+00:00",
        source: null,
        url: null,
      },
    ]);
    expect(articles[2]!.origin).toBe("news.jsonl:3");
  });

  it("reads gzip-compressed files", () => {
    const { articles } = readFile("news.jsonl.gz", gzipSync(line({ id: "z", title: "Zipped", body: "Zipped body." })));
    expect(articles[0]!.title).toBe("Zipped");
  });

  it("reads every JSON Lines ending the registry names, in any case, and passes blank lines over", () => {
    for (const name of ["news.ndjson", "NEWS.JSONL"]) {
      const { articles, skipped } = readFile(
        name,
        [line({ id: "a", body: "A." }), "  ", line({ id: "b", body: "B." }), ""].join("\n"),
      );
      expect({ name, origins: articles.map((a) => a.origin), skipped }).toEqual({
        name,
        origins: [`${name}:1`, `${name}:3`],
        skipped: [],
      });
    }
  });

  it("reports each unusable line with its path, line number and reason, and keeps the rest", () => {
    const data = Buffer.from(
      [
        line({ id: "ok", body: "Fine." }),
        "{not json",
        line({ id: "empty", note: "neither a title nor a body" }),
        "[1,2]",
        line({ id: "d", body: "Text.", date: "someday" }),
      ].join("\n"),
    );
    const { articles, skipped, warnings } = readFile("bad.jsonl", data);
    expect(articles.map((a) => a.id)).toEqual(["ok", "d"]);
    expect(skipped.map((s) => s.path)).toEqual(["bad.jsonl:2", "bad.jsonl:3", "bad.jsonl:4"]);
    expect(skipped[0]!.reason).toMatch(/^invalid JSON/);
    expect(skipped[1]!.reason).toMatch(/^no title and no article text/);
    expect(skipped[2]!.reason).toBe("line is not a JSON object");
    expect(warnings).toEqual([
      {
        path: "bad.jsonl:5",
        kind: "unreadable-date",
        reason: expect.stringMatching(/"someday" is not a date.*indexed without its publication date/),
      },
    ]);
  });
});

describe("JSON Lines read in chunks", () => {
  /** The source units the registry's JSON Lines format visits in a file, each read during its visit. */
  const unitsOf = (file: string) => {
    const units: { origin: string; id: string | null; reread: () => FileResult }[] = [];
    formatFor(file)!.eachUnit(file, "f", (unit) =>
      units.push({ origin: unit.origin, id: unit.read().articles[0]?.id ?? null, reread: unit.reread }),
    );
    return units;
  };

  it("visits every line of a file larger than its read buffer, lines across chunk ends and one longer than the buffer", () => {
    const dir = mkdtempSync(join(tmpdir(), "newsfind-lines-"));
    const file = join(dir, "big.jsonl");
    // Lines of odd lengths so that chunk ends fall inside lines, and one line longer than the read buffer.
    const lines = Array.from({ length: 3000 }, (_, n) =>
      line({ id: `n${n}`, body: `Story ${n} ${"é".repeat(n % 977)}` }),
    );
    lines.splice(1500, 0, line({ id: "long", body: "x".repeat(9 << 20) }));
    writeFileSync(file, `${lines.join("\n")}\n`);
    const units = unitsOf(file);
    expect(units.map((u) => u.origin)).toEqual(lines.map((_, n) => `f:${n + 1}`));
    expect(units.map((u) => u.id)).toEqual(lines.map((l) => (JSON.parse(l) as { id: string }).id));
    // A unit can be read again after its visit, from its line's offset in the file.
    for (const n of [0, 777, 2999, 3000]) expect(units[n]!.reread().articles[0]!.id).toBe(units[n]!.id);
    // The long line is read whole (its id parses); its text is read up to the source limit.
    const long = units[1500]!.reread().articles[0]!;
    expect([long.id, long.truncated, long.body.join("")]).toEqual(["long", true, "x".repeat(MAX_SOURCE_CHARS)]);
  });

  it("refuses to read a line again when the file changed under it", () => {
    const dir = mkdtempSync(join(tmpdir(), "newsfind-lines-"));
    const file = join(dir, "n.jsonl");
    writeFileSync(file, [line({ id: "a", body: "A." }), line({ id: "b", body: "B." })].join("\n"));
    const units = unitsOf(file);
    writeFileSync(file, [line({ id: "a", body: "A." }), line({ id: "c", body: "C." })].join("\n"));
    expect(units[0]!.reread().articles[0]!.id).toBe("a");
    expect(() => units[1]!.reread()).toThrow("f:2 changed while the build was reading it; run the build again");
  });

  it("reads the same lines from a gzip file", () => {
    const dir = mkdtempSync(join(tmpdir(), "newsfind-lines-"));
    const lines = [line({ id: "a", body: "A." }), "", line({ id: "b", body: "B." })];
    writeFileSync(join(dir, "n.jsonl.gz"), gzipSync(lines.join("\n")));
    const units = unitsOf(join(dir, "n.jsonl.gz"));
    expect(units.map((u) => [u.origin, u.id])).toEqual([
      ["f:1", "a"],
      ["f:3", "b"],
    ]);
    expect(units[1]!.reread().articles[0]!.id).toBe("b");
  });
});

describe("Markdown with front matter", () => {
  it("reads front matter fields and the body's blocks as paragraphs", () => {
    const md =
      "---\ntitle: From front matter\ndate: 2025-10-21\nsource: Desk\nurl: https://x.test/md\n---\n\nFirst **bold** paragraph.\n\n## A heading\n\n- a list item\n\n```\ncode is left out\n```\n";
    const [article] = readMarkdown("a.md", Buffer.from(md)).articles;
    expect(article).toMatchObject({
      title: "From front matter",
      published: "2025-10-21",
      source: "Desk",
      url: "https://x.test/md",
    });
    expect(article!.body).toEqual(["First bold paragraph.", "A heading", "a list item"]);
  });

  it("takes the first level-one heading as the title when front matter has none", () => {
    const [article] = readMarkdown("b.md", Buffer.from("# Heading title\n\nBody.")).articles;
    expect(article).toMatchObject({ title: "Heading title", body: ["Body."] });
  });
});

describe("ids and titles", () => {
  it("derives a title from the first sentence when an article has none", () => {
    expect(deriveTitle(["Oil prices rose on Monday. Traders were calm."])).toBe("Oil prices rose on Monday.");
    expect(deriveTitle(["one two three four five six seven eight nine ten eleven twelve thirteen fourteen"])).toBe(
      "one two three four five six seven eight nine ten eleven twelve…",
    );
  });

  it("makes stable ids from title and date for articles without one", () => {
    const raw = (published: string | null) => ({
      id: null,
      title: "Putin, Trump Still Open To Meeting: Russia",
      body: [`Talks, ${published}.`],
      published,
      source: null,
      url: null,
      origin: "x",
    });
    const { articles } = finalizeArticles([raw("2025-10-25"), raw(null)]);
    expect(articles.map((a) => a.id)).toEqual([
      "putin-trump-still-open-to-meeting-russia-2025-10-25",
      "putin-trump-still-open-to-meeting-russia",
    ]);
  });

  it("sets aside duplicates, and keeps apart articles that share a title or an id but not their text", () => {
    const raw = (origin: string, body: string, id: string | null = null) => ({
      id,
      title: "Same title here",
      body: [body],
      published: null,
      source: null,
      url: null,
      origin,
    });
    const { articles, duplicates, warnings } = finalizeArticles([
      raw("a", "Text one."),
      raw("b", "Text one."),
      raw("c", "Text two."),
      raw("d", "X", "given"),
      raw("e", "Y", "given"),
      raw("f", "X", "given"),
    ]);
    expect(articles.map((a) => a.id)).toEqual(["same-title-here", "same-title-here-2", "given", "given-2"]);
    expect(duplicates).toEqual([
      { origin: "b", duplicateOf: "a", id: "same-title-here" },
      { origin: "f", duplicateOf: "d", id: "given" },
    ]);
    expect(warnings.filter((w) => w.kind === "duplicate-id")).toEqual([
      {
        path: "e",
        kind: "duplicate-id",
        reason: 'id "given" is also the id of d (another article): indexed as "given-2"',
      },
    ]);
  });
});

describe("the build", () => {
  function corpus(files: Record<string, string | Buffer>): string {
    const dir = mkdtempSync(join(tmpdir(), "newsfind-corpus-"));
    for (const [name, content] of Object.entries(files)) {
      mkdirSync(join(dir, name, ".."), { recursive: true });
      writeFileSync(join(dir, name), content);
    }
    return dir;
  }

  it("reads a folder recursively and lists every file it could not use with the reason", () => {
    const dir = corpus({
      "a.jsonl": line({ id: "a", title: "A", body: "Alpha text." }),
      "nested/b.md": "# Bravo\n\nBravo text.",
      "c.pdf": "%PDF",
      "d.txt": "Must read\n\nSponsored Adspot_img",
    });
    const result = readCorpus(dir, dir);
    expect(result.articles.map((a) => a.title)).toEqual(["A", "Bravo"]);
    expect(result.skipped).toEqual([
      { path: "c.pdf", reason: expect.stringMatching(/^unsupported file type/) },
      { path: "d.txt", reason: "no headline and no article text left after removing page furniture" },
    ]);
  });

  it("reads a single file as the corpus and says clearly when the path does not exist", () => {
    const dir = corpus({ "only.jsonl": line({ id: "x", body: "X." }) });
    expect(readCorpus(join(dir, "only.jsonl")).articles).toHaveLength(1);
    expect(() => readCorpus(join(dir, "missing"))).toThrow(/corpus not found: .*missing/);
  });

  it("writes the artefact module and a JSON report with sizes, skips and duplicates", () => {
    const dir = corpus({
      "a.jsonl": [
        line({ id: "a", title: "A", body: "Alpha." }),
        line({ id: "a", title: "A", body: "Alpha." }),
        "oops",
      ].join("\n"),
    });
    const outDir = join(dir, "out");
    const report = build({ corpus: dir, outDir });
    expect(report).toMatchObject({
      filesRead: 1,
      articlesIndexed: 1,
      duplicates: [{ id: "a" }],
      skipped: [{ reason: expect.stringMatching(/invalid JSON/) }],
    });
    expect(report.indexBytes.raw).toBeGreaterThan(report.indexBytes.gzip);
    expect(JSON.parse(readFileSync(join(outDir, REPORT_FILE), "utf8"))).toEqual(report);
    const module = readFileSync(join(outDir, ARTEFACT_MODULE), "utf8");
    expect(module).toContain(`"formatVersion":${INDEX_FORMAT_VERSION}`);
    expect(existsSync(join(outDir, "artefacts.d.ts"))).toBe(true);
  });
});

describe("build options", () => {
  it("takes the corpus from --corpus, else NEWSFIND_CORPUS, else corpus/", () => {
    expect(parseBuildOptions(["--corpus", "x"], { NEWSFIND_CORPUS: "y" }).corpus).toBe("x");
    expect(parseBuildOptions([], { NEWSFIND_CORPUS: "y" }).corpus).toBe("y");
    expect(parseBuildOptions([], {})).toEqual({
      corpus: "corpus",
      outDir: "dist/index",
      json: false,
      fields: ["title", "body"],
      assetsDir: "dist/assets",
      layout: "auto",
      cacheDir: "node_modules/.cache/newsfind",
      quiet: false,
      strict: false,
    });
  });

  it("keeps a build elsewhere away from the worker's assets, and refuses an unknown layout", () => {
    expect(parseBuildOptions(["--out", "/tmp/x/index"], {}).assetsDir).toBe("/tmp/x/index/assets");
    expect(parseBuildOptions(["--out", "/tmp/x/index", "--assets", "/tmp/a"], {}).assetsDir).toBe("/tmp/a");
    expect(() => parseBuildOptions(["--layout", "tiles"], {})).toThrow(
      "--layout must be one of auto, bundle, sharded (got tiles)",
    );
  });

  it("refuses an unknown option", () => {
    expect(() => parseBuildOptions(["--corpsu", "x"], {})).toThrow();
  });
});
