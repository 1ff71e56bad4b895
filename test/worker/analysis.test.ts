// The text analyzer shared by the build and the worker: folding, aliases, stop words, stems.
import { describe, expect, it } from "vitest";
import { ALIAS_GROUPS, ALIASES } from "../../src/analysis/aliases.js";
import { fold } from "../../src/analysis/fold.js";
import { phoneticKey } from "../../src/analysis/phonetic.js";
import { LANGUAGES } from "../../src/analysis/languages.js";
import { editsOf } from "../../src/engine/query/edits.js";
import { analyze, analyzeLetters, analyzeWord } from "../../src/index-format.js";

describe("analyzer", () => {
  it.each([
    ["Türkiye", "Turkiye"],
    ["Erdoğan", "Erdogan"],
    ["Łódź", "Lodz"],
    ["Øresund", "Oresund"],
    ["Straße", "Strasse"],
    ["Đoković", "Dokovic"],
  ])("folds %s and %s to one term", (a, b) => {
    expect(analyzeWord(a)).toBe(analyzeWord(b));
    expect(analyzeWord(a)).not.toBeNull();
  });

  it("reduces inflections to one stem and drops possessives", () => {
    expect(new Set(["elections", "election", "elected", "elect"].map((word) => analyzeWord(word)))).toEqual(
      new Set(["elect"]),
    );
    expect(analyzeWord("Putin's")).toBe(analyzeWord("Putin"));
    expect(analyzeWord("Putin’s")).toBe(analyzeWord("Putin"));
  });

  it("drops English stop words and keeps numbers whole", () => {
    expect(analyze("The talks and the summit in 2025")).toEqual(["talk", "summit", "2025"]);
  });

  it.each([
    ["Zelenskyy", "Zelensky", "Zelenskiy"],
    ["Kyiv", "Kiev", "Kyiv"],
    ["Gaddafi", "Qaddafi", "Kadhafi"],
    ["Myanmar", "Burma", "Myanmar"],
  ])("maps the spellings %s, %s and %s to one term", (...spellings) => {
    expect(new Set(spellings.map((word) => analyzeWord(word))).size).toBe(1);
  });

  it("keeps the alias table well-formed: folded single words, each in one group", () => {
    const seen = new Set<string>();
    for (const group of ALIAS_GROUPS) {
      expect(group.length).toBeGreaterThan(1);
      for (const spelling of group) {
        expect(fold(spelling)).toBe(spelling);
        expect(spelling).toMatch(/^[a-z']+$/);
        expect(seen.has(spelling), `${spelling} is in two groups`).toBe(false);
        seen.add(spelling);
      }
    }
    expect(ALIASES.size).toBe(seen.size);
  });

  it("gives names that sound alike one phonetic key, and short words none", () => {
    expect(phoneticKey("kadafi")).toBe(phoneticKey("gaddafi"));
    expect(phoneticKey("zelenski")).toBe(phoneticKey("zelenskyy"));
    expect(phoneticKey("kadafi")).not.toBe(phoneticKey("kremlin"));
    expect(phoneticKey("us")).toBeNull();
    expect(phoneticKey("2025")).toBeNull();
  });

  it("analyses a word of lower-case letters as analyzeWord does, in every language", () => {
    // Typo candidates of words of several languages, the aliases and stop words spelt in
    // letters only, and a word past the longest kept.
    const letters = /^[a-z]+$/;
    const words = new Set(
      [
        ...["govermnent", "elecions", "regierng", "journee", "gobierno", "sweeden", "running"].flatMap((word) => [
          word,
          ...editsOf(word),
        ]),
        ...[...ALIASES.keys()].filter((word) => letters.test(word)),
        ...[...LANGUAGES.values()].flatMap((rules) => [...rules.stopWords].filter((word) => letters.test(word))),
        "a".repeat(41),
      ].filter((word) => letters.test(word)),
    );
    expect(words.size).toBeGreaterThan(3000);
    for (const language of [...LANGUAGES.keys(), "pl", null])
      for (const word of words)
        expect([language, word, analyzeLetters(word, language)]).toEqual([language, word, analyzeWord(word, language)]);
  });
});
