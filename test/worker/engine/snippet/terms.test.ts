// Finding a query's words in a text (src/engine/snippet/terms.ts): exactly the words the analyzer's
// tokenizer reads and gives one of the query's terms (what the ranking matched), on random texts
// of look-alike words, cases, apostrophes, digits and punctuation; texts with letters beyond
// ASCII take the path that looks at every word.
import { describe, expect, it } from "vitest";
import { termMatcher, type WordMatch } from "../../../../src/engine/snippet/terms.js";
import { tokens } from "../../../../src/analysis/tokenize.js";
import { analyzeWord } from "../../../../src/index-format.js";
import { seededRandom } from "../../../../src/engine/phrase/seeded-random.js";

/** What the ranking matched: every word of the analyzer's tokenizer whose index term is one of the terms. */
function byTokenizer(terms: string[], text: string): WordMatch[] {
  const numbers = new Map<string, number>();
  for (const term of terms) if (!numbers.has(term)) numbers.set(term, numbers.size);
  const found: WordMatch[] = [];
  for (const { word, start, end } of tokens(text)) {
    const term = analyzeWord(word);
    if (term !== null && numbers.has(term)) found.push({ term, index: numbers.get(term)!, start, end });
  }
  return found;
}

const WORDS = [
  "bank",
  "Banks",
  "BANKING",
  "embankment",
  "bankrupt",
  "bank's",
  "banks’",
  "credit",
  "Credited",
  "discredit",
  "g20",
  "G20s",
  "G-20",
  "47",
  "1947",
  "price",
  "prices",
  "priced",
  "surprise",
  "Kiev",
  "Kyiv",
  "kiev's",
  "new",
  "News",
  "renew",
  "anew",
  "s",
  "the",
  "and",
  "U.S.",
  "x2bank",
  "_bank",
  "bank_",
  "bank'S",
  "o'bank",
  "bank'2",
  "bankµ",
  "ªbank",
  "bank²",
  "credit’s’s",
  "g20'x",
  "BANK’SS",
  "bank’µ",
  "new'ª",
  "don't47",
  "o'k1947",
  "x47",
  "4747",
  "pay",
  "Paying",
  "days",
  "O'Brien",
  "o’brien's",
  "we've",
  "d'Ivoire",
  "rock'n'roll",
];
const GAPS = [
  " ",
  " ",
  " ",
  ", ",
  ". ",
  "; ",
  "'",
  "’",
  "-",
  " (",
  ") ",
  "\n",
  "—",
  "“",
  "” ",
  "/",
  "2",
  "µ",
  "º",
  "²",
  "’’",
  "''",
  "' ",
];
const TERMS = ["bank", "credit", "g20", "47", "price", "kyiv", "new", "pay", "day", "O'Brien", "rock'n'roll"].map(
  (word) => analyzeWord(word)!,
);

/** 1 to `most` random words, each followed by a random gap. */
function randomText(next: () => number, most: number): string {
  let text = "";
  const length = 1 + Math.floor(next() * most);
  for (let w = 0; w < length; w++)
    text += WORDS[Math.floor(next() * WORDS.length)]! + GAPS[Math.floor(next() * GAPS.length)]!;
  return text;
}

describe("finding the query's words in a text", () => {
  it("finds exactly the words the tokenizer gives the query's terms, on 2,000 random texts of look-alike words, apostrophes, digits and signs", () => {
    const next = seededRandom(11);
    for (let n = 0; n < 2000; n++) {
      const text = randomText(next, 40);
      const terms = TERMS.filter(() => next() < 0.6);
      if (terms.length === 0) continue;
      expect({ n, text, found: termMatcher(terms).find(text) }).toEqual({ n, text, found: byTokenizer(terms, text) });
    }
  });

  it("findAtLeast gives find's words, or null only when the text holds words of fewer distinct terms than asked, on 2,000 random texts", () => {
    const next = seededRandom(23);
    let skipped = 0;
    for (let n = 0; n < 2000; n++) {
      const text = randomText(next, 12);
      const terms = TERMS.filter(() => next() < 0.6);
      if (terms.length === 0) continue;
      const matcher = termMatcher(terms);
      const atLeast = Math.floor(next() * 5);
      const found = matcher.find(text);
      const distinct = new Set(found.map((match) => match.index)).size;
      const result = matcher.findAtLeast(text, atLeast);
      if (result === null) skipped++;
      expect({ n, text, atLeast, result }).toEqual({
        n,
        text,
        atLeast,
        result: result === null && distinct < atLeast ? null : found,
      });
    }
    // The shortcut is taken, and not only where nothing matches.
    expect(skipped).toBeGreaterThan(200);
  });

  it("finds every word of a text with more places to look at than its first buffer holds, and of short texts after it", () => {
    const long = Array.from(
      { length: 700 },
      (_, i) => ["Bank", "banks", "embankment", "O'Brien's", "credit"][i % 5],
    ).join(" ");
    const terms = [analyzeWord("bank")!, analyzeWord("O'Brien")!, analyzeWord("credit")!];
    expect(termMatcher(terms).find(long)).toEqual(byTokenizer(terms, long));
    expect(termMatcher(terms).find(long).length).toBe(560);
    expect(termMatcher(terms).find("A bank, then credit.")).toEqual(byTokenizer(terms, "A bank, then credit."));
  });

  it("finds every word by its own term: stems of y (pay, days), apostrophes inside (O'Brien, we've), possessives", () => {
    const words = [
      "pay",
      "paying",
      "Pays",
      "day",
      "DAYS",
      "say",
      "says",
      "buy",
      "buying",
      "key",
      "toys",
      "guy",
      "way",
      "economy",
      "economy's",
      "policies",
      "O'Brien",
      "O’Neill's",
      "O'Sullivan",
      "d'Ivoire",
      "rock'n'roll",
      "ma'am",
      "I'm",
      "we've",
      "f'casts",
      "Obama's",
      "G20's",
      "1947",
      "hoping",
      "troubled",
      "relational",
      "generalizations",
      "Kyiv",
      "Kiev's",
    ];
    const missed: string[] = [];
    for (const word of words) {
      const term = analyzeWord(word);
      if (term === null) continue;
      const text = `Before, ${word} after.`;
      const found = termMatcher([term])
        .find(text)
        .map((match) => text.slice(match.start, match.end));
      if (found.join() !== word) missed.push(`${word} (${term}): ${found.join()}`);
    }
    expect(missed).toEqual([]);
  });

  it("looks at every word of a text with letters beyond ASCII, whose folding may move offsets", () => {
    const text = "Ein Café in Kyiv: naïve Banken, bank’s Preise, O’Brien paying.";
    const found = termMatcher(TERMS).find(text);
    expect(found.map((match) => text.slice(match.start, match.end))).toEqual(["Kyiv", "bank’s", "O’Brien", "paying"]);
    expect(found).toEqual(byTokenizer(TERMS, text));
    const only = "Un café avec O’Brien.";
    expect(
      termMatcher([analyzeWord("O'Brien")!])
        .find(only)
        .map((match) => only.slice(match.start, match.end)),
    ).toEqual(["O’Brien"]);
  });

  it("looks only for some terms through only(), in a text holding no other, keeping the numbers and size of the whole matcher", () => {
    const whole = termMatcher(TERMS);
    const text = "Banks priced it; O'Neill's bank, at any price, embanked.";
    const bank = TERMS.indexOf(analyzeWord("bank")!);
    const price = TERMS.indexOf(analyzeWord("price")!);
    const some = whole.only([bank, price]);
    expect(some.size).toBe(whole.size);
    expect(some.find(text)).toEqual(whole.find(text));
    expect(some.find(text).map((match) => match.index)).toEqual([bank, price, bank, price]);
    expect(whole.only([bank, price])).toBe(some);
    // It scans for the chosen terms' prefixes only: another term's word goes unread.
    expect(some.find("credit and bank").map((match) => match.term)).toEqual([analyzeWord("bank")]);
  });
});
