// Damaged and hostile corpus files: each is reported with its path and reason or indexed with
// a warning, none stops the others, and a build that fails leaves the previous index in place.
import { randomBytes } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { build } from "../../build/build.js";
import { MAX_BODY_CHARS } from "../../build/limits.js";
import { readCorpus } from "../../build/read-corpus.js";
import { formatReport, LISTED_LINES, StrictBuildError } from "../../build/report.js";
import { ARTEFACT_MODULE } from "../../src/index-format.js";

const line = (record: object) => JSON.stringify(record);
const STORY =
  "Dockers unloaded containers at the harbour on Monday. The authority said traffic rose again after a " +
  "strike that had kept cranes idle for a week. Shipping lines said the backlog would clear by the end " +
  "of the month, and the port expects record volumes this year.";

function corpus(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), "newsfind-hostile-"));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

/** A fresh output folder, outside the corpus. */
const outside = () => join(mkdtempSync(join(tmpdir(), "newsfind-hostile-out-")), "index");

/** Report paths (relative to the working folder) made relative to the corpus folder. */
function within<T extends { path: string }>(dir: string, items: T[]): T[] {
  return items.map((item) => ({ ...item, path: relative(dir, resolve(item.path)) }));
}

/** Every file under a folder with its bytes, by path relative to it. */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) walk(path);
      else out.set(path.slice(dir.length), readFileSync(path).toString("base64"));
    }
  };
  if (existsSync(dir)) walk(dir);
  return out;
}

describe("files that cannot be used", () => {
  it("skips empty files of every format with their path and reason", () => {
    const dir = corpus({
      "a.txt": "",
      "b.jsonl": "",
      "c.md": "",
      "d.jsonl": "\n  \n",
      "ok.jsonl": line({ title: "Kept", body: STORY }),
    });
    const { articles, skipped } = readCorpus(dir, dir);
    expect(articles.map((a) => a.title)).toEqual(["Kept"]);
    expect(skipped.map((s) => s.path).sort()).toEqual(["a.txt", "b.jsonl", "c.md", "d.jsonl"]);
    expect(skipped.find((s) => s.path === "a.txt")!.reason).toBe("empty file (0 bytes)");
    expect(skipped.find((s) => s.path === "d.jsonl")!.reason).toMatch(/no articles in the file/);
  });

  it("skips binary content under a text name instead of indexing garbage", () => {
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
      randomBytes(4000),
    ]);
    const dir = corpus({ "random.txt": randomBytes(8192), "image.md": png, "data.jsonl": randomBytes(8192) });
    const { articles, skipped } = readCorpus(dir, dir);
    expect(articles).toEqual([]);
    expect(skipped).toEqual([
      { path: "data.jsonl", reason: "binary content, not JSON Lines text" },
      { path: "image.md", reason: "binary content, not text" },
      { path: "random.txt", reason: "binary content, not text" },
    ]);
  });

  it("reports a file that disappears between listing and reading, and reads the rest", () => {
    const dir = corpus({
      "a.jsonl": line({ title: "First", body: STORY }),
      "b.txt": `Second story headline here\n\n${STORY}`,
      "c.jsonl": line({ title: "Third", body: STORY }),
    });
    const { articles, skipped } = readCorpus(dir, dir, undefined, {
      onFile: (_done, _total, file) => {
        if (file.endsWith("a.jsonl")) rmSync(join(dir, "b.txt"));
      },
    });
    expect(articles.map((a) => a.title)).toEqual(["First", "Third"]);
    expect(skipped).toEqual([{ path: "b.txt", reason: "the file disappeared before the build could read it" }]);
  });

  it("reports a dangling link as a file it could not read, not as a missing corpus", () => {
    const dir = corpus({ "a.jsonl": line({ title: "First", body: STORY }) });
    symlinkSync(join(dir, "gone.txt"), join(dir, "link.txt"));
    const { articles, skipped } = readCorpus(dir, dir);
    expect(articles).toHaveLength(1);
    expect(skipped).toEqual([{ path: "link.txt", reason: "the file disappeared before the build could read it" }]);
  });
});

describe("damaged text", () => {
  it("repairs invalid UTF-8 with a warning and keeps the readable text", () => {
    const broken = Buffer.concat([
      Buffer.from("Harbour traffic rose in Zürich\n\nDockers said the "),
      Buffer.from([0xff, 0xfe]),
      Buffer.from(" cranes were back at work on Monday after a long strike at the port."),
    ]);
    const jsonl = Buffer.concat([
      Buffer.from('{"title": "Caf'),
      Buffer.from([0xe9]),
      Buffer.from(`", "body": "${STORY}"}`),
    ]);
    const dir = corpus({ "scrape.txt": broken, "wire.jsonl": jsonl });
    const { articles, warnings, skipped } = readCorpus(dir, dir);
    expect(skipped).toEqual([]);
    expect(articles.map((a) => a.title)).toEqual(["Harbour traffic rose in Zürich", "Caf\uFFFD"]);
    expect(articles[0]!.body.join(" ")).toMatch(/^Dockers said the \uFFFD+ cranes were back/);
    expect(warnings).toEqual([
      { path: "scrape.txt", kind: "repaired-encoding", reason: expect.stringMatching(/^invalid UTF-8/) },
      {
        path: "wire.jsonl:1",
        kind: "repaired-encoding",
        reason: expect.stringMatching(/^invalid UTF-8 \(1 byte sequence/),
      },
    ]);
  });

  it("reads undeclared Latin-1 text as Latin-1, with a warning", () => {
    const dir = corpus({
      "latin1.txt": Buffer.from(
        `Grève générale à Genève aujourd'hui\n\n${"Les employés de la fonction publique ont cessé le travail. ".repeat(3)}`,
        "latin1",
      ),
    });
    const { articles, warnings } = readCorpus(dir, dir);
    expect(articles[0]!.title).toBe("Grève générale à Genève aujourd'hui");
    expect(warnings).toEqual([
      {
        path: "latin1.txt",
        kind: "repaired-encoding",
        reason: expect.stringMatching(/not valid UTF-8 and no encoding declared; read as windows-1252/),
      },
    ]);
  });
});

describe("articles the build warns of", () => {
  it("indexes a 20 MB article cut at the body limit, at a word, and warns that it was cut", () => {
    const huge = `${"word ".repeat(4_000_000)}`;
    const dir = corpus({
      "huge.jsonl": line({ id: "huge", title: "A very long article", body: huge }),
      "huge.txt": `A very long scraped page\n\n${"A long line of scraped text here. ".repeat(600_000)}`,
    });
    const report = build({ corpus: dir, outDir: outside(), cacheDir: null, layout: "bundle" });
    expect(report.articlesIndexed).toBe(2);
    expect(
      within(dir, report.warnings)
        .filter((w) => w.kind === "truncated")
        .map((w) => w.path)
        .sort(),
    ).toEqual(["huge.jsonl:1", "huge.txt"]);
    const store = readFileSync(join(report.outDir, ARTEFACT_MODULE), "utf8");
    const articles = JSON.parse(JSON.parse(/export const articles = (.*);/.exec(store)![1]!)) as {
      id: string;
      body: string[];
      truncated?: boolean;
    }[];
    for (const article of articles) {
      const chars = article.body.reduce((sum, p) => sum + p.length + 1, 0);
      expect(chars).toBeLessThanOrEqual(MAX_BODY_CHARS + 1);
      expect(chars).toBeGreaterThan(MAX_BODY_CHARS / 2);
      expect(article.body.at(-1)).toMatch(/\S$/);
      expect(article.truncated).toBe(true);
    }
  }, 60_000);

  it("indexes headline-only briefs and reports them, and skips a record with neither title nor text", () => {
    const dir = corpus({
      "wire.jsonl": [
        line({ id: "flash", title: "FLASH: Central bank raises rates by half a point", date: "2025-10-21" }),
        line({ id: "empty", date: "2025-10-21" }),
        line({ id: "full", title: "Rates rise", body: STORY, date: "2025-10-21" }),
      ].join("\n"),
    });
    const report = build({ corpus: dir, outDir: outside(), cacheDir: null });
    expect(report.articlesIndexed).toBe(2);
    expect(within(dir, report.skipped)).toEqual([
      { path: "wire.jsonl:2", reason: expect.stringMatching(/no title and no article text/) },
    ]);
    expect(within(dir, report.warnings).filter((w) => w.kind === "headline-only")).toEqual([
      { path: "wire.jsonl:1", kind: "headline-only", reason: expect.stringMatching(/headline only/) },
    ]);
  });

  it("keeps both articles when two files give the same id to different articles, and warns", () => {
    const dir = corpus({
      "a.jsonl": line({ id: "story-1", title: "Harbour reopens", body: STORY }),
      "b.jsonl": line({
        id: "story-1",
        title: "Election called",
        body: "The prime minister called an early election for March, citing the budget.",
      }),
      "c.jsonl": line({ id: "story-1", title: "Harbour reopens", body: STORY }),
    });
    const report = build({ corpus: dir, outDir: outside(), cacheDir: null });
    expect(report.articlesIndexed).toBe(2);
    const [duplicate] = report.duplicates;
    expect([
      relative(dir, resolve(duplicate!.origin)),
      relative(dir, resolve(duplicate!.duplicateOf)),
      duplicate!.id,
    ]).toEqual(["c.jsonl:1", "a.jsonl:1", "story-1"]);
    expect(within(dir, report.warnings).filter((w) => w.kind === "duplicate-id")).toEqual([
      {
        path: "b.jsonl:1",
        kind: "duplicate-id",
        reason: expect.stringMatching(
          /^id "story-1" is also the id of \S*a\.jsonl:1 \(another article\): indexed as "story-1-2"$/,
        ),
      },
    ]);
  });

  it("warns of articles without a date or a title, and of very short ones", () => {
    const dir = corpus({
      "a.jsonl": [
        line({ id: "x", body: STORY, date: "2025-01-01" }),
        line({ id: "y", title: "Short", body: "Too short." }),
      ].join("\n"),
    });
    const report = build({ corpus: dir, outDir: outside(), cacheDir: null });
    const kinds = within(dir, report.warnings).map((w) => `${w.path} ${w.kind}`);
    expect(kinds).toEqual(["a.jsonl:1 no-title", "a.jsonl:2 very-short", "a.jsonl:2 no-date"]);
  });
});

describe("isolation and atomic builds", () => {
  it("indexes every good file when others in the folder are broken", () => {
    const dir = corpus({
      "good.jsonl": line({ id: "g", title: "Good", body: STORY }),
      "broken.jsonl": '{"title": "unterminated',
      "binary.txt": randomBytes(4096),
      "empty.md": "",
      "bad.json.gz": randomBytes(100),
      "nested/good.md": `# Also good\n\n${STORY}`,
    });
    const report = build({ corpus: dir, outDir: outside(), cacheDir: null });
    expect(report.articlesIndexed).toBe(2);
    expect(
      within(dir, report.skipped)
        .map((s) => s.path)
        .sort(),
    ).toEqual(["bad.json.gz", "binary.txt", "broken.jsonl:1", "empty.md"]);
  });

  it("fails a --strict build with the list of problems and leaves the previous index untouched", () => {
    const dir = corpus({ "a.jsonl": line({ id: "a", title: "Good", body: STORY, date: "2025-01-01" }) });
    const out = outside();
    build({ corpus: dir, outDir: out, cacheDir: null, layout: "sharded" });
    const before = snapshot(out);
    expect(before.size).toBeGreaterThan(3);
    writeFileSync(join(dir, "b.txt"), randomBytes(4096));
    writeFileSync(join(dir, "c.jsonl"), line({ id: "c", title: "Undated", body: STORY }));
    let error: unknown;
    try {
      build({ corpus: dir, outDir: out, cacheDir: null, layout: "sharded", strict: true });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(StrictBuildError);
    const { report } = error as StrictBuildError;
    expect(within(dir, report.skipped)).toEqual([{ path: "b.txt", reason: "binary content, not text" }]);
    expect(report.warnings.map((w) => w.kind)).toEqual(["no-date"]);
    expect(snapshot(out)).toEqual(before);
    expect(readdirSync(dir).filter((name) => name.includes("staging"))).toEqual([]);
    expect(readdirSync(out).filter((name) => name.includes("staging"))).toEqual([]);
  });

  it("replaces the previous index whole: files the new build does not make are gone", () => {
    const dir = corpus({
      "a.jsonl": Array.from({ length: 60 }, (_, n) =>
        line({ id: `a${n}`, title: `Story ${n}`, body: `${STORY} ${n}` }),
      ).join("\n"),
    });
    const out = outside();
    build({ corpus: dir, outDir: out, cacheDir: null, layout: "sharded" });
    writeFileSync(join(dir, "a.jsonl"), line({ id: "only", title: "Only story", body: STORY }));
    const report = build({ corpus: dir, outDir: out, cacheDir: null, layout: "sharded" });
    const files = [...snapshot(join(out, "assets")).keys()];
    expect(files).toHaveLength(report.assets.files);
    expect(files.filter((path) => path.includes("/articles/"))).toEqual(["/index/articles/0.bin"]);
  });
});

describe("the report in the terminal", () => {
  it("lists at most LISTED_LINES problems of a kind and points to the JSON report for the rest", () => {
    const dir = corpus({
      "a.jsonl": Array.from({ length: 14 }, (_, n) => line({ id: `u${n}`, title: `Undated ${n}`, body: STORY })).join(
        "\n",
      ),
    });
    const report = build({ corpus: dir, outDir: outside(), cacheDir: null });
    const text = formatReport(report);
    expect(text).toContain(`warnings          14 (no-date 14)`);
    expect(text.match(/: no publication date/g)).toHaveLength(LISTED_LINES);
    expect(text).toContain(`… and ${14 - LISTED_LINES} more in build-report.json`);
    expect(report.warnings).toHaveLength(14);
  });
});
