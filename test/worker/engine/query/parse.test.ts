// The query parser: words, "phrases", -exclusions and OR; no input makes it throw.
import { describe, expect, it } from "vitest";
import { PLAIN_TEXT_WORDS, parseQuery, type ParsedQuery } from "../../../../src/engine/query/parse.js";

/** The distinct index terms of a query's groups, in query order. */
const indexTerms = (query: ParsedQuery) => [
  ...new Set(
    query.groups.flatMap((group) =>
      group.clauses.flatMap((clause) => (clause.kind === "word" ? clause.terms : clause.terms.flat())),
    ),
  ),
];

describe("query parser", () => {
  it("reads plain words as optional ranked terms", () => {
    const query = parseQuery("Putin Trump summit");
    expect(indexTerms(query)).toEqual(["putin", "trump", "summit"]);
    expect(query.groups.every((group) => !group.required)).toBe(true);
  });

  it("reads a quoted phrase as one required clause, curly quotes too", () => {
    for (const q of ['"peace talks" Kremlin', "“peace talks” Kremlin"]) {
      const query = parseQuery(q);
      expect(query.groups[0]).toMatchObject({
        required: true,
        clauses: [{ kind: "phrase", words: ["peace", "talks"], terms: [["peac"], ["talk"]] }],
      });
      expect(query.groups[1]!.required).toBe(false);
    }
  });

  it('reads -word and -"phrase" as exclusions, but not a hyphen inside a word', () => {
    const query = parseQuery('summit -Tomahawk -"peace talks" al-Qaeda');
    expect(query.excluded.map((clause) => clause.kind)).toEqual(["word", "phrase"]);
    expect(indexTerms(query)).toEqual(["summit", "al", "qaeda"]);
  });

  it('reads a quoted single word as a required word, and -"word" as an excluded word, not as phrases', () => {
    const query = parseQuery('bonds a "buy" -"sell"');
    expect(query.groups.map((group) => group.required)).toEqual([false, true]);
    expect(query.groups[1]!.clauses).toMatchObject([{ kind: "word", word: "buy", required: true }]);
    expect(query.excluded).toMatchObject([{ kind: "word", word: "sell" }]);
  });

  it("reads a pasted paragraph of more than PLAIN_TEXT_WORDS words as plain words, without operators", () => {
    const paragraph =
      'ANCHORAGE, Alaska (Reuters) - Exxon Mobil offered to pay a "substantial" fine OR surrender leases -cited a letter made public on Friday by state officials in Juneau';
    expect(paragraph.split(" ").length).toBeGreaterThan(PLAIN_TEXT_WORDS);
    const query = parseQuery(paragraph);
    expect(query.excluded).toEqual([]);
    expect(query.groups.every((group) => !group.required && group.clauses.length === 1)).toBe(true);
    expect(indexTerms(query)).toContain("substanti");
    expect(indexTerms(query)).toContain("letter");
    expect(indexTerms(query)).toContain("cite");
    const short = parseQuery('Exxon "substantial fine" -cited');
    expect(short.excluded).toHaveLength(1);
    expect(short.groups[1]!.required).toBe(true);
  });

  it("joins clauses around OR into one group", () => {
    const query = parseQuery('"Kremlin said" OR "Moscow said" summit');
    expect(query.groups).toHaveLength(2);
    expect(query.groups[0]!.clauses).toHaveLength(2);
    expect(query.groups[0]!.required).toBe(true);
  });

  it.each([
    '"',
    '"unclosed phrase',
    "OR",
    "OR OR",
    "- -- ---",
    '-""',
    "the of and",
    "a OR",
    '"" OR ""',
    "-",
    "()[]{}*:^~",
  ])("parses %j without throwing", (q) => {
    expect(() => parseQuery(q)).not.toThrow();
  });

  it("marks the last plain word of a query being typed as a prefix, a stop word too, and nothing once a space or mark follows", () => {
    const last = (query: string) => {
      const clauses = parseQuery(query, ["en"], { prefixLast: true }).groups.flatMap((group) => group.clauses);
      return clauses.map((clause) =>
        clause.kind === "phrase" ? "phrase" : clause.prefix ? `${clause.word}*` : "word",
      );
    };
    expect(last("Putin Zelen")).toEqual(["word", "Zelen*"]);
    expect(last("Putin the")).toEqual(["word", "the*"]);
    expect(last("Putin-Zel")).toEqual(["word", "Zel*"]);
    expect(last("Putin Zelen ")).toEqual(["word", "word"]);
    expect(last("Putin Zelen,")).toEqual(["word", "word"]);
    expect(last('Putin "peace talks"')).toEqual(["word", "phrase"]);
    expect(last("Putin -Zelen")).toEqual(["word"]);
    // Without it, a stop word is no clause and no word is a prefix.
    expect(parseQuery("Putin the").groups).toHaveLength(1);
    expect(JSON.stringify(parseQuery("Putin Zelen"))).not.toContain("prefix");
  });

  it("never throws on random input", () => {
    const alphabet = ['"', "-", " ", "OR", "a", "é", "Kyiv", "the", "<", "'", "’", "“", "\u0000", "🙂", "\\", "|"];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    for (let n = 0; n < 2000; n++) {
      const q = Array.from(
        { length: Math.floor(next() * 12) },
        () => alphabet[Math.floor(next() * alphabet.length)],
      ).join("");
      expect(() => parseQuery(q), q).not.toThrow();
    }
  });
});
