// Declared language tags to ISO 639-1 codes.
import { describe, expect, it } from "vitest";
import { languageCode } from "../../../build/extract/language-tag.js";

describe("languageCode", () => {
  it("keeps the primary subtag of a regional tag, lower-cased", () => {
    expect(languageCode("en-GB")).toBe("en");
    expect(languageCode("pt_BR")).toBe("pt");
    expect(languageCode(" DE ")).toBe("de");
  });

  it("maps three-letter codes, terminological and bibliographic, to two letters", () => {
    expect(languageCode("deu")).toBe("de");
    expect(languageCode("ger")).toBe("de");
    expect(languageCode("fre")).toBe("fr");
    expect(languageCode("rus")).toBe("ru");
  });

  it("gives null for an empty tag, or a language without a two-letter code", () => {
    expect(languageCode("")).toBeNull();
    expect(languageCode(null)).toBeNull();
    expect(languageCode("yue")).toBeNull();
    expect(languageCode("x-klingon")).toBeNull();
  });
});
