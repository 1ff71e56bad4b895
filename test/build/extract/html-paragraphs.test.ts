// HTML fragments to plain-text paragraphs, and headlines to one line.
import { describe, expect, it } from "vitest";
import { htmlLine, htmlParagraphs } from "../../../build/extract/html-paragraphs.js";

describe("htmlParagraphs", () => {
  it("makes one paragraph of each block element and keeps inline markup's text in place", () => {
    expect(
      htmlParagraphs(
        "<h2>Budget</h2><p>The <b>council</b> met.</p><ul><li>One</li><li>Two</li></ul><blockquote>Quote</blockquote>",
      ),
    ).toEqual(["Budget", "The council met.", "One", "Two", "Quote"]);
  });

  it("breaks paragraphs at br and at blank lines in the text", () => {
    expect(htmlParagraphs("First line<br/>Second line\n\nThird &amp; last")).toEqual([
      "First line",
      "Second line",
      "Third & last",
    ]);
  });

  it("drops scripts, styles, embedded frames and media with their content", () => {
    expect(
      htmlParagraphs(
        '<p>Kept</p><script>alert(1)</script><style>p{}</style><iframe>frame</iframe><video>no video</video><noscript>enable js</noscript><img src="x" onerror="alert(2)">',
      ),
    ).toEqual(["Kept"]);
  });

  it("keeps text that comes after a stray closing html tag", () => {
    expect(htmlParagraphs("<p>Before</p></body></html><p>After</p>")).toEqual(["Before", "After"]);
  });

  it("splits text without markup at blank lines, normalising white space", () => {
    expect(htmlParagraphs("  One\u00a0two \n\n  Three\r\n\r\nFour  ")).toEqual(["One two", "Three", "Four"]);
  });
});

describe("htmlLine", () => {
  it("decodes entities and strips tags from a headline", () => {
    expect(htmlLine("Rates &amp; <em>bonds</em>: &#8220;calm&#8221;")).toBe("Rates & bonds: “calm”");
  });
});
