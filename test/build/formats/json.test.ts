// JSON exports: where the articles are found in the document, how unusable elements and files
// are reported, a large export, and its skips when they come from the build cache.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { build } from "../../../build/build.js";
import { CONFIG_FILE } from "../../../build/corpus-config.js";
import { readCorpus } from "../../../build/read-corpus.js";

function corpus(files: Record<string, string>): { root: string; dir: string } {
  const root = mkdtempSync(join(tmpdir(), "newsfind-json-"));
  const dir = join(root, "corpus");
  mkdirSync(dir);
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return { root, dir };
}

/** Reads a corpus of one JSON file (plus any other files given) as the build does. */
function readJsonFile(document: unknown, others: Record<string, string> = {}) {
  const { dir } = corpus({ "export.json": JSON.stringify(document), ...others });
  return readCorpus(dir, dir);
}

const item = (n: number) => ({ id: `a${n}`, title: `Title ${n}`, body: `Body ${n}.` });

describe("JSON exports", () => {
  it("reads an array of article objects", () => {
    const { articles, skipped } = readJsonFile([item(1), item(2)]);
    expect(skipped).toEqual([]);
    expect(articles.map((a) => [a.id, a.title, a.body, a.origin])).toEqual([
      ["a1", "Title 1", ["Body 1."], "export.json#1"],
      ["a2", "Title 2", ["Body 2."], "export.json#2"],
    ]);
  });

  it.each(["articles", "items", "data", "results", "docs", "posts", "entries", "records"])(
    "finds the articles under %s",
    (key) => {
      const { articles } = readJsonFile({ total: 2, meta: { page: 1 }, [key]: [item(1), item(2)] });
      expect(articles.map((a) => a.id)).toEqual(["a1", "a2"]);
    },
  );

  it("finds the articles in the only array of objects under another key", () => {
    const { articles } = readJsonFile({ count: 1, labels: ["x", "y"], stories: [item(7)] });
    expect(articles.map((a) => a.id)).toEqual(["a7"]);
  });

  it("reads a single article object, named by the file's path alone", () => {
    const { articles } = readJsonFile(item(3));
    expect(articles.map((a) => [a.id, a.origin])).toEqual([["a3", "export.json"]]);
    expect(readJsonFile({ note: "not an article" }).skipped).toEqual([
      { path: "export.json", reason: expect.stringMatching(/^no title and no article text/) },
    ]);
  });

  it("takes the articles from the path newsfind.config.json names in records", () => {
    const { articles } = readJsonFile(
      { response: { docs: [item(1)] }, related: [item(9)], items: [item(8)] },
      { [CONFIG_FILE]: JSON.stringify({ records: "response.docs" }) },
    );
    expect(articles.map((a) => a.id)).toEqual(["a1"]);
  });

  it("skips the file with the reason when records names no array", () => {
    const { articles, skipped } = readJsonFile(
      { response: { docs: 3 } },
      { [CONFIG_FILE]: JSON.stringify({ records: "response.docs" }) },
    );
    expect(articles).toEqual([]);
    expect(skipped).toEqual([
      { path: "export.json", reason: expect.stringMatching(/records "response\.docs" names no array/) },
    ]);
  });

  it("asks for records when several arrays could hold the articles", () => {
    const { skipped } = readJsonFile({ news: [item(1)], blogs: [item(2)] });
    expect(skipped).toEqual([
      { path: "export.json", reason: expect.stringMatching(/several arrays.*news, blogs.*"records"/) },
    ]);
  });

  it("skips a bad element with its 1-based position and reason, and keeps the rest", () => {
    const { articles, skipped, warnings } = readJsonFile([
      item(1),
      "a string",
      { id: "empty" },
      { ...item(4), date: "someday" },
    ]);
    expect(articles.map((a) => a.id)).toEqual(["a1", "a4"]);
    expect(skipped).toEqual([
      { path: "export.json#2", reason: "element is not a JSON object" },
      { path: "export.json#3", reason: expect.stringMatching(/^no title and no article text/) },
    ]);
    expect(warnings).toEqual([
      { path: "export.json#4", kind: "unreadable-date", reason: expect.stringMatching(/"someday"/) },
    ]);
  });

  it("skips a file that is not valid JSON with the parser's message", () => {
    const { dir } = corpus({ "broken.json": '[{"id": 1,' });
    const { articles, skipped } = readCorpus(dir, dir);
    expect(articles).toEqual([]);
    expect(skipped).toEqual([{ path: "broken.json", reason: expect.stringMatching(/^invalid JSON \(.+\)$/) }]);
  });

  it("reads a 10,000-article export in full", () => {
    const items = Array.from({ length: 10_000 }, (_, n) => ({
      id: `n${n}`,
      headline: `Story ${n}`,
      text: `Paragraph one of ${n}.\n\nParagraph two.`,
      published: `2024-${String((n % 12) + 1).padStart(2, "0")}-01`,
    }));
    const { articles, skipped } = readJsonFile({ total: items.length, articles: items });
    expect(skipped).toEqual([]);
    expect(articles).toHaveLength(10_000);
    expect(articles[9_999]).toMatchObject({
      id: "n9999",
      title: "Story 9999",
      body: ["Paragraph one of 9999.", "Paragraph two."],
      published: "2024-04-01",
      origin: "export.json#10000",
    });
  });

  it("reports an element's skip at its position when the file comes from the build cache", () => {
    const { root, dir } = corpus({ "export.json": JSON.stringify([item(1), 5, item(3)]) });
    const options = { corpus: dir, outDir: join(root, "out"), cacheDir: join(root, "cache") };
    build(options);
    const cached = build(options);
    expect(cached.cached).toBe(2);
    expect(cached.skipped).toEqual([
      { path: expect.stringMatching(/export\.json#2$/), reason: "element is not a JSON object" },
    ]);
  });
});
