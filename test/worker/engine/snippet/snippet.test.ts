// The snippet's sentence splitting and passage choice (src/engine/snippet/snippet.ts).
import { describe, expect, it } from "vitest";
import { endsShortForm, isSpace, sentences, snippet } from "../../../../src/engine/snippet/snippet.js";
import { seededRandom } from "../../../../src/engine/phrase/seeded-random.js";
import { termMatcher } from "../../../../src/engine/snippet/terms.js";
import { analyzeWord } from "../../../../src/index-format.js";

const texts = (paragraph: string) => sentences(paragraph).map((sentence) => sentence.text);

describe("sentences", () => {
  it("splits at . ! and ? before a capital, keeping the punctuation and closing quotes", () => {
    expect(texts('Prices rose. Markets fell! Why? "Nobody knows." Analysts said so.')).toEqual([
      "Prices rose.",
      "Markets fell!",
      "Why?",
      '"Nobody knows."',
      "Analysts said so.",
    ]);
  });

  it("does not split after initials or common abbreviations", () => {
    const paragraph = "The U.S. President met Mr. Putin and J.D. Vance on Jan. 5 in St. Petersburg. Talks ended.";
    expect(texts(paragraph)).toEqual([
      "The U.S. President met Mr. Putin and J.D. Vance on Jan. 5 in St. Petersburg.",
      "Talks ended.",
    ]);
  });

  it("does not split before a lower-case word, and reports each sentence's offset", () => {
    const paragraph = "Output was 3.5 percent. e.g. this stays.  Then   this.";
    const found = sentences(paragraph);
    expect(found.map((s) => s.text)).toEqual(["Output was 3.5 percent. e.g. this stays.", "Then   this."]);
    for (const { text, start } of found) expect(paragraph.slice(start, start + text.length)).toBe(text);
  });
});

/** The reference splitter, the capital a lookahead of its pattern and short forms a second pattern: what sentences() must give. */
function byLookahead(paragraph: string): { text: string; start: number }[] {
  const end = /[.!?]["”’)]*\s+(?=["“‘(]?\p{Lu})/gu;
  const notAnEnd =
    /(?:[\s.]\p{Lu}\.|\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Gov|Sen|Rep|Lt|Col|Prof|Inc|Corp|Ltd|No|vs|Jan|Feb|Aug|Sept?|Oct|Nov|Dec)\.)$/u;
  const found: { text: string; start: number }[] = [];
  let start = 0;
  for (const match of paragraph.matchAll(end)) {
    const next = match.index + match[0].length;
    let gap = next;
    while (gap > 0 && /\s/.test(paragraph[gap - 1]!)) gap--;
    if (notAnEnd.test(paragraph.slice(Math.max(0, gap - 6), gap))) continue;
    if (gap > start) found.push({ text: paragraph.slice(start, gap), start });
    start = next;
  }
  if (start < paragraph.length) found.push({ text: paragraph.slice(start), start });
  return found;
}

describe("sentences against the lookahead pattern", () => {
  it("splits 2,000 random paragraphs of ends, quotes, spaces, capitals and abbreviations exactly as the reference does", () => {
    const next = seededRandom(17);
    const pieces = [
      ".",
      "!",
      "?",
      '"',
      "”",
      "’",
      ")",
      "(",
      "“",
      "‘",
      " ",
      "  ",
      "\u00a0",
      "\n",
      "A",
      "b",
      "É",
      "é",
      "Ω",
      "𝐀",
      "Mr",
      "Mrs",
      "Jan",
      "Sept",
      "Sep",
      "Prof",
      "U",
      "S",
      "No",
      "3",
      "vs",
      "x",
      "_",
      "\ud835",
      "\udc00",
    ];
    for (let round = 0; round < 2000; round++) {
      const length = 1 + Math.floor(next() * 40);
      const paragraph = Array.from({ length }, () => pieces[Math.floor(next() * pieces.length)]).join("");
      // JSON in the report: a lone surrogate cannot travel to the test runner as it is.
      expect(JSON.stringify({ paragraph, found: sentences(paragraph) })).toBe(
        JSON.stringify({ paragraph, found: byLookahead(paragraph) }),
      );
    }
  });
});

describe("endsShortForm", () => {
  it("is true exactly where the pattern on the six characters before the gap matched, at every full stop of 3,000 random texts (over 3,000 full stops)", () => {
    const notAnEnd =
      /(?:[\s.]\p{Lu}\.|\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Gov|Sen|Rep|Lt|Col|Prof|Inc|Corp|Ltd|No|vs|Jan|Feb|Aug|Sept?|Oct|Nov|Dec)\.)$/u;
    const next = seededRandom(6);
    const pieces = [
      ".",
      ".",
      ".",
      ".",
      ". ",
      " ",
      "\u00a0",
      "\n",
      "A",
      "b",
      "É",
      "é",
      "𝐀",
      "𝐚",
      "\ud835",
      "\udc00",
      "Mr",
      "Mrs",
      "Ms",
      "Dr",
      "St",
      "Gen",
      "Prof",
      "Corp",
      "No",
      "vs",
      "Sep",
      "Sept",
      "Dec",
      "U",
      "S",
      "_",
      "9",
      "x",
      "ve",
      "r",
    ];
    let checked = 0;
    for (let round = 0; round < 3000; round++) {
      const text = Array.from(
        { length: 1 + Math.floor(next() * 16) },
        () => pieces[Math.floor(next() * pieces.length)],
      ).join("");
      for (let gap = 1; gap <= text.length; gap++) {
        if (text[gap - 1] !== ".") continue;
        checked++;
        // The text as JSON in the report: a lone surrogate cannot travel to the test runner as it is.
        const shown = JSON.stringify(text);
        expect({ shown, gap, short: endsShortForm(text, gap) }).toEqual({
          shown,
          gap,
          short: notAnEnd.test(text.slice(Math.max(0, gap - 6), gap)),
        });
      }
    }
    expect(checked).toBeGreaterThan(3000);
  });
});

describe("isSpace", () => {
  it("is true for exactly the characters \\s matches", () => {
    const differ: number[] = [];
    for (let code = 0; code <= 0xffff; code++)
      if (isSpace(code) !== /\s/.test(String.fromCharCode(code))) differ.push(code);
    expect(differ).toEqual([]);
  });

  it("ends a sentence before any of them, as it ends one before a space", () => {
    expect(texts("Prices rose.\u2003Markets fell.\u00a0Then\u3000rose.")).toEqual([
      "Prices rose.",
      "Markets fell.",
      "Then\u3000rose.",
    ]);
  });
});

describe("snippet", () => {
  it("picks the sentence window holding the most query terms, marked and escaped", () => {
    const body = [
      "An opening paragraph about oil.",
      "Oil <b>prices</b> fell. Then they rose again in Asia. Unrelated text.",
    ];
    expect(snippet(body, ["oil", "price", "asia"])).toBe(
      "<mark>Oil</mark> &lt;b&gt;<mark>prices</mark>&lt;/b&gt; fell. Then they rose again in <mark>Asia</mark>. Unrelated text.",
    );
  });

  it("falls back to the first paragraph when nothing matches", () => {
    expect(snippet(["First & only.", "Second."], ["absent"])).toBe("First &amp; only.");
  });

  it("marks words with letters beyond ASCII, the same the first time an article is shown and after", () => {
    const body = [
      "Plain opening words about nothing.",
      "Le café de Zürich a fermé. Zurich banks said so.",
      "A café in plain text.",
    ];
    const first = snippet(body, ["cafe", "zurich"]);
    expect(first).toBe("Le <mark>café</mark> de <mark>Zürich</mark> a fermé. <mark>Zurich</mark> banks said so.");
    expect(snippet(body, ["cafe", "zurich"])).toBe(first);
    expect(snippet(body, ["plain", "cafe"])).toBe("A <mark>café</mark> in <mark>plain</mark> text.");
  });
});

/** A snippet's plain text and the offsets of its marked words in it. */
function unmark(html: string): { text: string; marked: [number, number][] } {
  const entities: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'" };
  let text = "";
  let open = -1;
  const marked: [number, number][] = [];
  for (const piece of html.split(/(<\/?mark>|&(?:amp|lt|gt|quot|#39);)/)) {
    if (piece === "<mark>") open = text.length;
    else if (piece === "</mark>") marked.push([open, text.length]);
    else text += entities[piece] ?? piece;
  }
  return { text, marked };
}

describe("snippet marks", () => {
  it("mark exactly the words of the snippet's own text that match, on 1,000 random articles (long and short passages, cut between words or inside a run without spaces)", () => {
    const next = seededRandom(5);
    const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
    const WORDS = [
      "Bank",
      "banks",
      "bank's",
      "credit",
      "prices",
      "priced",
      "the",
      "and",
      "of",
      "Oil",
      "oil",
      "U.S.",
      "Mr.",
      "Kyiv",
      "café",
      "O'Brien",
      "<b>",
      "&",
      "47",
      "said",
      "markets",
      "fell",
      "rose",
      "in",
      "Asia",
    ];
    const ENDS = [" ", " ", " ", ", ", ". ", "! ", "? ", '." ', "; "];
    const TERMS = ["bank", "credit", "price", "oil", "asia", "kyiv", "cafe", "o'brien", "47", "u"].map(
      (word) => analyzeWord(word)!,
    );
    const differ: string[] = [];
    for (let n = 0; n < 1000; n++) {
      const body: string[] = [];
      const paragraphs = 1 + Math.floor(next() * 4);
      for (let p = 0; p < paragraphs; p++) {
        let paragraph = "";
        const words = 3 + Math.floor(next() * 90);
        for (let w = 0; w < words; w++) paragraph += pick(WORDS) + (next() < 0.03 ? "x".repeat(250) : "") + pick(ENDS);
        body.push(paragraph.trim());
      }
      const terms = TERMS.filter(() => next() < 0.4);
      if (terms.length === 0) continue;
      const { text, marked } = unmark(snippet(body, terms));
      const found = termMatcher(terms)
        .find(text)
        .map(({ start, end }): [number, number] => [start, end]);
      if (JSON.stringify(marked) !== JSON.stringify(found)) differ.push(`${n}: ${text}`);
    }
    expect(differ).toEqual([]);
  });
});
