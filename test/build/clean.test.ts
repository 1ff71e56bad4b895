// The cleaning steps on their own: furniture, repeats, glued sentences, dates.
import { describe, expect, it } from "vitest";
import { dedupeParagraphs } from "../../build/clean/dedupe-paragraphs.js";
import { debrisDomain, isFurniture } from "../../build/clean/furniture.js";
import { unglueSentences } from "../../build/clean/text.js";
import { menafnDate, parseDateLine, readDate } from "../../build/extract/dates.js";
import { extractScrape } from "../../build/extract/scrape.js";

const LONG_A = "The first paragraph is long enough to count as a repeat when it shows up again.";
const LONG_B = "The second paragraph is also long enough to count as a repeat of itself later on.";

describe("furniture table", () => {
  it.each([
    "11.9 C",
    "0",
    "Must read",
    "More articles",
    "Latest article",
    "Table of Contents",
    "Translate »",
    "Sponsored Adspot_img",
    "Please enter your comment!",
    "Please enter your name here",
    "Search",
    "Home News Trump ends the war",
    'world-today-news.com">',
    'world-today-news.com/images/placeholder.jpg">',
    "MENAFN08102025000045017169ID1110167755",
  ])("treats %j as furniture", (line) => expect(isFurniture(line)).toBe(true));

  it.each([
    "Trump Expresses Disappointment with Putin",
    "Frequently Asked Questions",
    "The 0.5 C rise worried scientists.",
    "Munich is in Bavaria.",
  ])("keeps the article line %j", (line) => expect(isFurniture(line)).toBe(false));

  it("drops a footer from its first line to the end of the page", () => {
    const article = extractScrape(
      "A headline that is long enough\n\nThe article text.\n\nLegal Disclaimer:\n\nMENAFN provides the information as is.",
    );
    expect(article.body).toEqual(["The article text."]);
  });

  it("reads the publisher's domain from markup debris", () => {
    expect(debrisDomain('world-today-news.com/images/placeholder.jpg">')).toBe("world-today-news.com");
    expect(debrisDomain("An ordinary sentence.")).toBeNull();
  });
});

describe("dedupeParagraphs", () => {
  it("drops exact and truncated repeats", () => {
    expect(dedupeParagraphs([LONG_A, LONG_B, LONG_A, LONG_B.slice(0, 60)])).toEqual([LONG_A, LONG_B]);
  });

  it("strips repeats glued to the end of another paragraph", () => {
    expect(dedupeParagraphs([LONG_A, LONG_B, `The last one ends here.${LONG_A}${LONG_B}`])).toEqual([
      LONG_A,
      LONG_B,
      "The last one ends here.",
    ]);
  });

  it("keeps short paragraphs that happen to repeat inside others", () => {
    expect(dedupeParagraphs(["Yes.", "He said: Yes. And left."])).toEqual(["Yes.", "He said: Yes. And left."]);
  });
});

describe("unglueSentences", () => {
  it("puts back a lost space between sentences but leaves abbreviations and domains", () => {
    expect(unglueSentences("this was not met.He also")).toBe("this was not met. He also");
    expect(unglueSentences("U.S.-Russia and J.D. Vance on world-today-news.com")).toBe(
      "U.S.-Russia and J.D. Vance on world-today-news.com",
    );
  });
});

describe("dates", () => {
  it("reads MENAFN reference dates as day, month, year", () => {
    expect(menafnDate("MENAFN25102025000195011045ID1110245630")).toBe("2025-10-25");
    expect(menafnDate("MENAFN99999999ID1")).toBeNull();
  });

  it("tells a dateline from a capture stamp with a clock time", () => {
    expect(parseDateLine("Tuesday, October 21, 2025")).toEqual({ date: "2025-10-21", hasTime: false });
    expect(parseDateLine("Tuesday, 02 January 2024 12:17 GMT")).toEqual({ date: "2024-01-02", hasTime: true });
    expect(parseDateLine("On Tuesday, October 21, 2025 the talks resumed in Budapest")).toBeNull();
  });

  it("normalises record dates and refuses what is not a date", () => {
    const day = (value: unknown) => readDate(value)?.date ?? null;
    expect(day("2025-10-21T08:00:00Z")).toBe("2025-10-21");
    expect(day("Tue, 21 Oct 2025 08:00:00 GMT")).toBe("2025-10-21");
    expect(day(1761033600)).toBe("2025-10-21");
    expect(day(null)).toBeNull();
    expect(() => readDate("soon")).toThrow(/not a date/);
  });
});

describe("extractScrape", () => {
  it("says null for a date and source the text does not give, and takes a canonical URL line", () => {
    const article = extractScrape(
      "A headline about nothing much\n\nURL: https://news.example/a\n\nOne paragraph of text.",
    );
    expect(article).toEqual({
      title: "A headline about nothing much",
      published: null,
      source: null,
      url: "https://news.example/a",
      body: ["One paragraph of text."],
    });
  });

  it("reads a (Reuters) - credit as the source", () => {
    const article = extractScrape("Oil prices rise on supply fears\n\n(Reuters) - Oil prices rose on Monday.");
    expect(article.source).toBe("Reuters");
    expect(article.body).toEqual(["Oil prices rose on Monday."]);
  });
});
