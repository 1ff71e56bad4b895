// Language detection at build time: the declared language wins, franc tells the rest, text too
// short to tell takes the corpus's language, and the build keeps what it settled on.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildArtefacts } from "../../build/build.js";
import { detectLanguage, settleLanguages } from "../../build/detect-language.js";
import { parseBuildOptions } from "../../build/options.js";

const GERMAN =
  "Die Bundesregierung hat am Montag in Berlin ein neues Gesetz beschlossen. Nach langen Verhandlungen " +
  "einigten sich die Koalitionsparteien auf einen Kompromiss, der die Steuern für Familien senken soll.";
const ENGLISH =
  "The government approved a new law in London on Monday. After long negotiations the coalition parties " +
  "agreed on a compromise that is meant to lower taxes for families with children.";
const FRENCH =
  "Le gouvernement a adopté lundi à Paris une nouvelle loi. Après de longues négociations, les partis de " +
  "la coalition se sont mis d'accord sur un compromis qui doit baisser les impôts des familles.";

describe("language detection", () => {
  it("tells German, English and French news text apart, as ISO 639-1 codes", () => {
    expect(detectLanguage(GERMAN)).toBe("de");
    expect(detectLanguage(ENGLISH)).toBe("en");
    expect(detectLanguage(FRENCH)).toBe("fr");
  });

  it("leaves text too short to tell undetected", () => {
    expect(detectLanguage("Regierung tagt")).toBeNull();
    expect(detectLanguage("")).toBeNull();
  });

  it("keeps a declared language, as its primary subtag, over what the text looks like", () => {
    const articles = [{ title: null, body: [ENGLISH], language: "de-AT" }];
    settleLanguages(articles);
    expect(articles[0]!.language).toBe("de");
  });

  it("gives short text the language most articles have, or the one it is told", () => {
    const articles = () => [
      { title: null, body: [GERMAN] },
      { title: null, body: [GERMAN.replace("Montag", "Dienstag")] },
      { title: "Kurz", body: [] as string[] },
    ];
    const majority = articles();
    expect(settleLanguages(majority)).toBe("de");
    expect(majority.map((article) => (article as { language?: string }).language)).toEqual(["de", "de", "de"]);
    const told = articles();
    settleLanguages(told, "fr");
    expect(told.map((article) => (article as { language?: string }).language)).toEqual(["de", "de", "fr"]);
  });

  it("defaults to English when no article shows a language", () => {
    expect(settleLanguages([{ title: "Kurz", body: [] }])).toBe("en");
  });

  it("stores each article's language and lists the corpus's languages in the manifest", () => {
    const dir = mkdtempSync(join(tmpdir(), "newsfind-languages-"));
    const lines = [
      { id: "a", title: "Gesetz", body: GERMAN, date: "2025-01-01" },
      { id: "b", title: "Gesetz II", body: GERMAN.replace("Berlin", "Wien"), date: "2025-01-02" },
      { id: "c", title: "Law", body: ENGLISH, date: "2025-01-03" },
    ];
    writeFileSync(join(dir, "news.jsonl"), lines.map((line) => JSON.stringify(line)).join("\n"));
    const { artefacts, articles } = buildArtefacts({
      corpus: join(dir, "news.jsonl"),
      outDir: join(dir, "out"),
      spill: false,
    });
    expect(artefacts.manifest.languages).toEqual(["de", "en"]);
    expect(Object.fromEntries(articles.map((article) => [article.id, article.language]))).toEqual({
      a: "de",
      b: "de",
      c: "en",
    });
    expect(JSON.parse(artefacts.articles!).map((article: { language: string }) => article.language)).toEqual([
      "de",
      "de",
      "en",
    ]);
  });

  it("takes the corpus's language from --language, else NEWSFIND_LANGUAGE, and refuses a code that is not ISO 639-1", () => {
    expect(parseBuildOptions(["--language", "DE"], { NEWSFIND_LANGUAGE: "fr" }).language).toBe("de");
    expect(parseBuildOptions([], { NEWSFIND_LANGUAGE: "fr" }).language).toBe("fr");
    expect(parseBuildOptions([], {}).language).toBeUndefined();
    expect(() => parseBuildOptions(["--language", "german"], {})).toThrow(
      "--language must be a two-letter ISO 639-1 code such as en or de (got german)",
    );
  });
});
