// recordToArticle: which records are kept, the aliases and mapped names of each field, the
// shapes their values come in, and the dates read in the record's locale.
import { describe, expect, it } from "vitest";
import { recordToArticle } from "../../../build/formats/record.js";

const read = (record: Record<string, unknown>, options = {}) => recordToArticle(record, "r.jsonl:1", options);

describe("which records are kept", () => {
  it("keeps a headline-only record with an empty body", () => {
    const { article, warnings } = read({ id: "flash", title: "Markets close higher" });
    expect(article.title).toBe("Markets close higher");
    expect(article.body).toEqual([]);
    expect(warnings).toEqual([]);
  });

  it("refuses a record with neither a title nor any text, naming the fields it looked at", () => {
    expect(() => read({ id: "x", body: "  ", title: "" })).toThrow(
      /^no title and no article text: none of the fields title, headline.*body, text.*description/,
    );
  });

  it("takes a summary for the body only when there is no body, and marks the article summary-only", () => {
    expect(read({ title: "T", description: "Just the teaser." }).article).toMatchObject({
      body: ["Just the teaser."],
      summaryOnly: true,
    });
    const full = read({ title: "T", body: "The whole story.", summary: "Teaser." }).article;
    expect(full.body).toEqual(["The whole story."]);
    expect(full.summaryOnly).toBeUndefined();
  });
});

describe("article details", () => {
  it.each([
    [{ author: "Jane Doe" }, "Jane Doe"],
    [{ authors: ["Jane Doe", "John Roe"] }, "Jane Doe and John Roe"],
    [{ byline: [{ name: "A" }, { name: "B" }, { name: "C" }] }, "A, B and C"],
    [{ "dc:creator": { name: "Desk Reporter" } }, "Desk Reporter"],
    [{ creator: "Wire staff" }, "Wire staff"],
    [{ writer: ["Solo"] }, "Solo"],
  ])("reads the byline of %j as %s", (fields, byline) => {
    expect(read({ title: "T", ...fields }).article.byline).toBe(byline);
  });

  it.each([
    [{ section: "Politics" }, "Politics", undefined],
    [{ category: "Sport" }, "Sport", undefined],
    [{ categories: ["Economy", "Europe"] }, "Economy", ["Economy", "Europe"]],
    [{ desk: "Metro", tags: "crime, courts ,crime" }, "Metro", ["crime", "courts"]],
    [{ department: "Arts", keywords: ["film", { name: "cinema" }] }, "Arts", ["film", "cinema"]],
  ])("reads the section and keywords of %j", (fields, section, keywords) => {
    const { article } = read({ title: "T", ...fields });
    expect(article.section).toBe(section);
    expect(article.keywords).toEqual(keywords);
  });

  it.each([
    [{ lang: "de" }, "de"],
    [{ language: "pt-BR" }, "pt"],
    [{ locale: "en_US" }, "en"],
    [{ inLanguage: "FR" }, "fr"],
    [{ lang: "German" }, undefined],
  ])("reads the language of %j as %s", (fields, language) => {
    expect(read({ title: "T", ...fields }).article.language).toBe(language);
  });

  it("takes the archive's language for a record that declares none", () => {
    expect(read({ title: "T" }, { language: "nl" }).article.language).toBe("nl");
    expect(read({ title: "T", lang: "fr" }, { language: "nl" }).article.language).toBe("fr");
  });

  it("keeps the publication instant with the source's offset and the modification day apart", () => {
    const { article } = read({
      title: "T",
      datePublished: "2016-12-22T23:43:37-08:00",
      updated_at: "2016-12-23T09:00:00+01:00",
    });
    expect(article).toMatchObject({
      published: "2016-12-22",
      publishedTime: "2016-12-22T23:43:37-08:00",
      modified: "2016-12-23",
    });
  });

  it("leaves out details the record does not give", () => {
    const { article } = read({ title: "T", body: "B.", date: "2025-10-21" });
    expect(Object.keys(article).sort()).toEqual(["body", "id", "origin", "published", "source", "title", "url"]);
  });
});

describe("dates in the record's locale", () => {
  it("reads a numeric date in the order of the record's own locale", () => {
    expect(read({ title: "T", date: "01/02/2025", lang: "en-US" }).article.published).toBe("2025-01-02");
    expect(read({ title: "T", date: "01/02/2025", lang: "de" }).article.published).toBe("2025-02-01");
  });

  it("takes the corpus's locale when the record's language does not settle the order", () => {
    expect(read({ title: "T", date: "01/02/2025", lang: "en" }, { locale: "en-GB" }).article.published).toBe(
      "2025-02-01",
    );
    expect(read({ title: "T", date: "01/02/2025" }, { locale: "en-US" }).article.published).toBe("2025-01-02");
  });

  it("warns of an ambiguous date and of an unreadable one, and keeps the article without them", () => {
    const ambiguous = read({ title: "T", date: "01/02/2025", lang: "en" });
    expect(ambiguous.article.published).toBeNull();
    expect(ambiguous.warnings).toEqual([
      { kind: "ambiguous-date", reason: expect.stringMatching(/ambiguous.*indexed without its publication date$/) },
    ]);
    const unreadable = read({ title: "T", date: "2025-10-21", modified: "whenever" });
    expect(unreadable.article.published).toBe("2025-10-21");
    expect(unreadable.warnings).toEqual([
      { kind: "unreadable-date", reason: expect.stringMatching(/"whenever".*indexed without its modification date$/) },
    ]);
  });
});

describe("a corpus's field mapping", () => {
  const record = {
    headline: "Alias title",
    meta: { headline: "Mapped title", people: { lead: "Ann Lee" }, when: "2025-03-04" },
    story_text: "Mapped body.",
    body: "Alias body.",
  };

  it("tries the mapped names before the aliases, reaching into nested objects by dotted paths", () => {
    const { article } = read(record, {
      fields: { title: ["meta.headline"], body: ["story_text"], byline: ["meta.people.lead"], date: ["meta.when"] },
    });
    expect(article).toMatchObject({
      title: "Mapped title",
      body: ["Mapped body."],
      byline: "Ann Lee",
      published: "2025-03-04",
    });
  });

  it("falls back to the aliases when no mapped name is present", () => {
    const { article } = read(record, { fields: { title: ["missing.path", "also_missing"] } });
    expect(article.title).toBe("Alias title");
    expect(article.body).toEqual(["Alias body."]);
  });
});
