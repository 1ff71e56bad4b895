// The analyzer by language: each supported language stems with its Snowball stemmer and drops
// its own stop words; English is analysed as it always was; an unknown language keeps words.
import { describe, expect, it } from "vitest";
import { LANGUAGES } from "../../../src/analysis/languages.js";
import { analyze, analyzeWord } from "../../../src/index-format.js";

const same = (language: string, ...words: string[]) =>
  expect(new Set(words.map((word) => analyzeWord(word, language))).size).toBe(1);

describe("analysis by language", () => {
  it("gives German inflected forms one stem: Regierungen and Regierung, Häuser and Haus", () => {
    same("de", "Regierungen", "Regierung", "regierung");
    same("de", "Häuser", "Haus", "Hauser");
    same("de", "Wahlen", "Wahl");
    expect(analyzeWord("Regierungen", "de")).toBe("regier");
  });

  it("stems before folding, so umlauts and ß reach the German stemmer and the stem is folded", () => {
    expect(analyzeWord("Straße", "de")).toBe("strass");
    same("de", "Straße", "Strassen");
    expect(analyzeWord("Flüchtlinge", "de")).toMatch(/^[a-z]+$/);
    same("de", "Flüchtlinge", "Flüchtling", "Fluchtling");
  });

  it("drops the stop words of the text's language only", () => {
    expect(analyze("der die das und mit", "de")).toEqual([]);
    expect(analyzeWord("die", "en")).toBe("die");
    expect(analyze("the of and", "de")).toEqual(["the", "of", "and"]);
    expect(analyze("the of and", "en")).toEqual([]);
  });

  it("analyses English exactly as before: Porter stems of folded words, English stop words", () => {
    expect(analyze("The talks and the summit in 2025")).toEqual(["talk", "summit", "2025"]);
    expect(analyze("The talks and the summit in 2025", "en")).toEqual(["talk", "summit", "2025"]);
    expect(analyzeWord("café", "en")).toBe("cafe");
    expect(analyzeWord("elections", "en")).toBe("elect");
  });

  it("stems each supported language with its own rules", () => {
    same("fr", "gouvernements", "gouvernement");
    same("es", "presidentes", "presidente");
    same("it", "governi", "governo");
    same("pt", "governos", "governo");
    same("nl", "regeringen", "regering");
    same("sv", "regeringar", "regeringen");
  });

  it("drops French and Italian elided articles: l'État is État, dell'Italia is Italia", () => {
    expect(analyzeWord("l'État", "fr")).toBe(analyzeWord("État", "fr"));
    expect(analyzeWord("l’élection", "fr")).toBe(analyzeWord("élection", "fr"));
    expect(analyzeWord("dell'Italia", "it")).toBe(analyzeWord("Italia", "it"));
  });

  it("keeps a word of an unknown or unsupported language, folded and whole", () => {
    expect(analyzeWord("Rządu", null)).toBe("rzadu");
    expect(analyzeWord("Rządu", "pl")).toBe("rzadu");
    expect(analyze("i w na", "pl")).toEqual(["i", "w", "na"]);
  });

  it("applies the alias table in every language", () => {
    for (const language of [...LANGUAGES.keys(), null]) expect(analyzeWord("Kiew", language)).toBe("kyiv");
  });

  it("supports at least English, German, French, Spanish, Italian, Portuguese and Dutch", () => {
    for (const code of ["en", "de", "fr", "es", "it", "pt", "nl"]) expect(LANGUAGES.has(code)).toBe(true);
  });
});
