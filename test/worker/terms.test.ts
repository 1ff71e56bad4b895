// Finding a query's words in a text (src/engine/terms.ts): the indexOf scan gives exactly the
// matches of the prefix pattern it replaced, on random texts of look-alike words, cases,
// apostrophes, digits and punctuation, and the texts with letters beyond ASCII take the path
// that looks at every word.
import { describe, expect, it } from "vitest";
import { spellings } from "../../src/analysis/aliases.js";
import { termMatcher, type WordMatch } from "../../src/engine/terms.js";
import { WORD } from "../../src/analysis/tokenize.js";
import { analyzeWord } from "../../src/index-format.js";
import { seededRandom } from "../../src/engine/seeded-random.js";

/** The prefix pattern over the lower-cased text, as terms.ts found words before the indexOf scan (ASCII texts). */
function byPattern(terms: string[], text: string): WordMatch[] {
  const numbers = new Map<string, number>();
  for (const term of terms) if (!numbers.has(term)) numbers.set(term, numbers.size);
  const prefixes = [...new Set(terms.flatMap((term) => (spellings(term).length > 1 ? spellings(term).map((s) => s.replace(/'/g, "")) : [term.length > 4 ? term.slice(0, -2) : term.slice(0, 3)])))];
  const pattern = new RegExp(`(?<![a-z0-9])(?:${prefixes.join("|")})`, "g");
  const wordAt = new RegExp(WORD.source, "uy");
  const lower = text.toLowerCase();
  const found: WordMatch[] = [];
  while (pattern.test(lower)) {
    let start = pattern.lastIndex;
    while (start > 0 && /[a-z0-9]/.test(lower[start - 1]!)) start--;
    wordAt.lastIndex = start;
    if (!wordAt.test(text)) continue;
    const end = wordAt.lastIndex;
    const term = analyzeWord(text.slice(start, end));
    if (term !== null && numbers.has(term)) found.push({ term, index: numbers.get(term)!, start, end });
    pattern.lastIndex = end;
  }
  return found;
}


const WORDS = ["bank", "Banks", "BANKING", "embankment", "bankrupt", "bank's", "banks’", "credit", "Credited", "discredit", "g20", "G20s", "G-20", "47", "1947", "price", "prices", "priced", "surprise", "Kiev", "Kyiv", "kiev's", "new", "News", "renew", "anew", "s", "the", "and", "U.S.", "x2bank", "_bank", "bank_", "bank'S", "o'bank", "bank'2", "bankµ", "ªbank", "bank²", "credit’s’s", "g20'x", "BANK’SS", "bank’µ", "new'ª"];
const GAPS = [" ", " ", " ", ", ", ". ", "; ", "'", "’", "-", " (", ") ", "\n", "—", "“", "” ", "/", "2", "µ", "º", "²", "’’", "''", "' "];
const TERMS = ["bank", "credit", "g20", "47", "price", "kyiv", "new"].map((word) => analyzeWord(word)!);

describe("finding the query's words in a text", () => {
  it("finds exactly what the prefix pattern found, on 2,000 random texts of ASCII letters (and Latin-1 signs such as µ, ª and ²)", () => {
    const next = seededRandom(11);
    for (let n = 0; n < 2000; n++) {
      let text = "";
      const length = 1 + Math.floor(next() * 40);
      for (let w = 0; w < length; w++) text += WORDS[Math.floor(next() * WORDS.length)]! + GAPS[Math.floor(next() * GAPS.length)]!;
      const terms = TERMS.filter(() => next() < 0.6);
      if (terms.length === 0) continue;
      expect({ n, text, found: termMatcher(terms).find(text) }).toEqual({ n, text, found: byPattern(terms, text) });
    }
  });

  it("looks at every word of a text with letters beyond ASCII, whose folding may move offsets", () => {
    const text = "Ein Café in Kyiv: naïve Banken, bank’s Preise.";
    const found = termMatcher(TERMS).find(text);
    expect(found.map((match) => text.slice(match.start, match.end))).toEqual(["Kyiv", "bank’s"]);
  });
});
