// Markdown articles whose text is missing or only a summary, and a front matter date's offset.
import { describe, expect, it } from "vitest";
import { readMarkdown } from "../../../build/formats/markdown.js";

const read = (text: string) => readMarkdown("a.md", Buffer.from(text));

describe("Markdown records", () => {
  it("keeps a file with only a heading as a headline-only article", () => {
    const { articles, skipped } = read("# Parliament dissolved\n");
    expect(skipped).toEqual([]);
    expect(articles).toMatchObject([{ title: "Parliament dissolved", body: [] }]);
  });

  it("takes the front matter's description as the body of a file with no text, and marks it summary-only", () => {
    const { articles } = read("---\ntitle: T\ndescription: The teaser only.\n---\n");
    expect(articles).toMatchObject([{ body: ["The teaser only."], summaryOnly: true }]);
  });

  it("keeps the day and offset of a quoted front matter date", () => {
    const quoted = read('---\ntitle: T\ndate: "2016-12-22T23:43:37-08:00"\n---\nText.\n').articles[0]!;
    expect(quoted).toMatchObject({ published: "2016-12-22", publishedTime: "2016-12-22T23:43:37-08:00" });
  });
});
