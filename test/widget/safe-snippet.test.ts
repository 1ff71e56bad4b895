// The snippet allowlist, without a browser: only bare, unnested <mark> pairs pass.
import { describe, expect, it } from "vitest";
import { parseSnippet } from "../../src/widget/safe-snippet.js";

describe("parseSnippet", () => {
  it("splits a server snippet into text and marked runs, decoding the server's entities", () => {
    expect(parseSnippet("a &lt;b&gt; &amp; <mark>Kiev</mark> &quot;x&quot; &#39;y&#39;")).toEqual([
      { text: "a <b> & ", marked: false },
      { text: "Kiev", marked: true },
      { text: ` "x" 'y'`, marked: false },
    ]);
  });

  it.each([
    ["any other element", "a <img src=x onerror=alert(1)> b"],
    ["a mark with attributes", '<mark onclick="x">a</mark>'],
    ["a nested mark", "<mark><mark>a</mark></mark>"],
    ["an unclosed mark", "<mark>a"],
    ["a stray closing tag", "a</mark>"],
    ["a lone angle bracket", "a > b"],
  ])("refuses a snippet with %s", (_, snippet) => {
    expect(parseSnippet(snippet)).toBeNull();
  });
});
