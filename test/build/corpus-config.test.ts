// newsfind.config.json: how it is validated, how its field mapping reaches the formats, that it
// is not indexed, and that changing it makes the build read the corpus afresh.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildArtefacts } from "../../build/build.js";
import { CONFIG_FILE, parseCorpusConfig } from "../../build/corpus-config.js";
import { readCorpus } from "../../build/read-corpus.js";

/** A corpus folder with the given files (name to content), inside a scratch folder for outputs. */
function corpus(files: Record<string, string>): { root: string; dir: string } {
  const root = mkdtempSync(join(tmpdir(), "newsfind-config-"));
  const dir = join(root, "corpus");
  mkdirSync(dir);
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return { root, dir };
}

const config = (value: object) => JSON.stringify(value);

describe("parseCorpusConfig", () => {
  it("takes a name or a list of names for each field, and normalises the language", () => {
    expect(
      parseCorpusConfig(
        config({
          fields: { title: "meta.headline", byline: ["writer", "meta.author"] },
          records: "response.docs",
          language: "DE",
          locale: "de-AT",
        }),
      ),
    ).toEqual({
      fields: { title: ["meta.headline"], byline: ["writer", "meta.author"] },
      records: "response.docs",
      language: "de",
      locale: "de-AT",
    });
    expect(parseCorpusConfig("{}")).toEqual({ fields: {} });
  });

  it.each([
    [{ fields: { title: 3 } }, "fields.title must be a field name string or a list of them (got 3)"],
    [{ fields: { title: [] } }, "fields.title must be a field name string or a list of them (got [])"],
    [{ fields: { body: ["text", 2] } }, 'fields.body must be a field name string or a list of them (got ["text",2])'],
    [{ fields: { titel: "x" } }, /^fields\.titel is not an option \(the options are fields\.id, fields\.title/],
    [{ field: {} }, /^field is not an option \(the options are fields, records, language, locale\)/],
    [{ fields: 3 }, "fields must be a JSON object (got 3)"],
    [{ records: 5 }, /^records must be the dotted path to the articles array/],
    [{ language: "German" }, 'language must be an ISO 639-1 code such as "de" (got "German")'],
    [{ locale: "" }, /^locale must be a locale such as "en-US"/],
    [[1], "the file must be a JSON object (got an array)"],
  ])("refuses %j, naming the key and the fix", (value, message) => {
    const parse = () => parseCorpusConfig(JSON.stringify(value));
    if (typeof message === "string") expect(parse).toThrow(`newsfind.config.json: ${message}`);
    else expect(parse).toThrow(new RegExp(`^newsfind\\.config\\.json: ${message.source.slice(1)}`));
  });

  it("refuses a file that is not JSON", () => {
    expect(() => parseCorpusConfig("{fields", "corpus/newsfind.config.json")).toThrow(
      /^corpus\/newsfind\.config\.json: not valid JSON/,
    );
  });
});

describe("a corpus with newsfind.config.json", () => {
  const nested = (n: number) =>
    JSON.stringify({ id: `n${n}`, meta: { headline: `Mapped ${n}`, writer: "Ann Lee" }, story: `Story ${n}.` });

  it("applies the mapping to JSON Lines and Markdown front matter, and does not index the file", () => {
    const { dir } = corpus({
      [CONFIG_FILE]: config({ fields: { title: "meta.headline", body: "story", byline: "meta.writer" } }),
      "news.jsonl": [nested(1), nested(2)].join("\n"),
      "page.md": "---\nmeta:\n  headline: Front matter title\n  writer: Bo Ek\n---\n\nThe page's text.\n",
    });
    const { articles, skipped, filesRead } = readCorpus(dir, dir);
    expect(skipped).toEqual([]);
    expect(filesRead).toBe(2);
    expect(articles.map(({ title, body, byline }) => ({ title, body, byline }))).toEqual([
      { title: "Mapped 1", body: ["Story 1."], byline: "Ann Lee" },
      { title: "Mapped 2", body: ["Story 2."], byline: "Ann Lee" },
      { title: "Front matter title", body: ["The page's text."], byline: "Bo Ek" },
    ]);
  });

  it("settles ambiguous dates with the configured locale and gives records the archive's language", () => {
    const { dir } = corpus({
      [CONFIG_FILE]: config({ locale: "en-US", language: "en" }),
      "news.jsonl": JSON.stringify({ title: "T", body: "B.", date: "03/04/2025" }),
    });
    expect(readCorpus(dir, dir).articles[0]).toMatchObject({ published: "2025-03-04", language: "en" });
  });

  it("reads the configuration at the corpus root only: one in a subfolder is a corpus file like any other", () => {
    const { dir } = corpus({ "news.jsonl": nested(1) });
    mkdirSync(join(dir, "sub"));
    writeFileSync(join(dir, "sub", CONFIG_FILE), config({ fields: { title: "meta.headline" } }));
    const { articles, skipped } = readCorpus(dir, dir);
    expect(articles.map((a) => a.title)).toEqual([null]);
    expect(skipped.map((s) => s.path)).toEqual([join("sub", CONFIG_FILE)]);
  });

  it("fails the build with the file's path and the fix when the configuration is invalid", () => {
    const { root, dir } = corpus({ [CONFIG_FILE]: config({ fields: { title: 3 } }), "news.jsonl": nested(1) });
    expect(() => buildArtefacts({ corpus: dir, outDir: join(root, "out") })).toThrow(
      `${join(dir, CONFIG_FILE)}: fields.title must be a field name string or a list of them (got 3)`,
    );
  });

  it("reads the corpus afresh, not from the build cache, when the mapping changes", () => {
    const { root, dir } = corpus({ "news.jsonl": [nested(1), nested(2)].join("\n") });
    const options = { corpus: dir, outDir: join(root, "out"), cacheDir: join(root, "cache"), spill: false as const };
    const first = buildArtefacts(options);
    expect(first.articles.map((a) => a.body)).toEqual([["Story 1."], ["Story 2."]]);
    expect(buildArtefacts(options).report.cached).toBe(2);
    writeFileSync(join(dir, CONFIG_FILE), config({ fields: { title: "meta.headline" } }));
    const mapped = buildArtefacts(options);
    expect(mapped.report.cached).toBe(0);
    expect(mapped.articles.map((a) => a.title)).toEqual(["Mapped 1", "Mapped 2"]);
    expect(buildArtefacts(options).report.cached).toBe(2);
  });
});
