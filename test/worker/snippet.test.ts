// The snippet's sentence splitting and passage choice (src/engine/snippet.ts).
import { describe, expect, it } from "vitest";
import { isSpace, sentences, snippet } from "../../src/engine/snippet.js";

const texts = (paragraph: string) => sentences(paragraph).map((sentence) => sentence.text);

describe("sentences", () => {
  it("splits at . ! and ? before a capital, keeping the punctuation and closing quotes", () => {
    expect(texts('Prices rose. Markets fell! Why? "Nobody knows." Analysts said so.')).toEqual(["Prices rose.", "Markets fell!", "Why?", '"Nobody knows."', "Analysts said so."]);
  });

  it("does not split after initials or common abbreviations", () => {
    const paragraph = "The U.S. President met Mr. Putin and J.D. Vance on Jan. 5 in St. Petersburg. Talks ended.";
    expect(texts(paragraph)).toEqual(["The U.S. President met Mr. Putin and J.D. Vance on Jan. 5 in St. Petersburg.", "Talks ended."]);
  });

  it("does not split before a lower-case word, and reports each sentence's offset", () => {
    const paragraph = "Output was 3.5 percent. e.g. this stays.  Then   this.";
    const found = sentences(paragraph);
    expect(found.map((s) => s.text)).toEqual(["Output was 3.5 percent. e.g. this stays.", "Then   this."]);
    for (const { text, start } of found) expect(paragraph.slice(start, start + text.length)).toBe(text);
  });
});

describe("isSpace", () => {
  it("is true for exactly the characters \\s matches", () => {
    const differ: number[] = [];
    for (let code = 0; code <= 0xffff; code++) if (isSpace(code) !== /\s/.test(String.fromCharCode(code))) differ.push(code);
    expect(differ).toEqual([]);
  });

  it("ends a sentence before any of them, as it ends one before a space", () => {
    expect(texts("Prices rose.\u2003Markets fell.\u00a0Then\u3000rose.")).toEqual(["Prices rose.", "Markets fell.", "Then\u3000rose."]);
  });
});

describe("snippet", () => {
  it("picks the sentence window holding the most query terms, marked and escaped", () => {
    const body = ["An opening paragraph about oil.", "Oil <b>prices</b> fell. Then they rose again in Asia. Unrelated text."];
    expect(snippet(body, ["oil", "price", "asia"])).toBe("<mark>Oil</mark> &lt;b&gt;<mark>prices</mark>&lt;/b&gt; fell. Then they rose again in <mark>Asia</mark>. Unrelated text.");
  });

  it("falls back to the first paragraph when nothing matches", () => {
    expect(snippet(["First & only.", "Second."], ["absent"])).toBe("First &amp; only.");
  });

  it("marks words with letters beyond ASCII, the same the first time an article is shown and after", () => {
    const body = ["Plain opening words about nothing.", "Le café de Zürich a fermé. Zurich banks said so.", "A café in plain text."];
    const first = snippet(body, ["cafe", "zurich"]);
    expect(first).toBe("Le <mark>café</mark> de <mark>Zürich</mark> a fermé. <mark>Zurich</mark> banks said so.");
    expect(snippet(body, ["cafe", "zurich"])).toBe(first);
    expect(snippet(body, ["plain", "cafe"])).toBe("A <mark>café</mark> in <mark>plain</mark> text.");
  });
});
