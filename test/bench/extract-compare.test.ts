// The HTML extraction check's comparison (bench/extract/compare.ts): which spellings of a value
// count as the same, and which nulls count against extraction.
import { describe, expect, it } from "vitest";
import { agrees, type FieldValues, score, textOverlap } from "../../bench/extract/compare.js";

const values = (overrides: Partial<FieldValues>): FieldValues => ({
  title: "Headline",
  byline: null,
  published: null,
  siteName: null,
  language: null,
  ...overrides,
});

describe("extraction comparison", () => {
  it("takes a title with or without a trailing site name as the same title", () => {
    expect(agrees("title", "Bridge  to close", "bridge to close | The Gazette")).toBe(true);
    expect(agrees("title", "新台阶_科技_腾讯网", "新台阶_科技")).toBe(true);
    expect(agrees("title", "Bridge to close", "Bridge to open")).toBe(false);
  });

  it("compares bylines as sets of names, without a leading By", () => {
    expect(agrees("byline", "Ann Smith and Bob Jones", "By Bob Jones, Ann  Smith")).toBe(true);
    expect(agrees("byline", "Ann Smith", "Ann Smith and Bob Jones")).toBe(false);
  });

  it("compares a published time by its calendar date in the source's zone", () => {
    expect(agrees("published", "2015-07-24", "2015-07-24T05:36:09+01:00")).toBe(true);
    expect(agrees("published", "2015-07-23", "2015-07-24T00:30:00+01:00")).toBe(false);
  });

  it("compares site names without The and languages by their primary subtag", () => {
    expect(agrees("siteName", "The Guardian", "the guardian")).toBe(true);
    expect(agrees("language", "pt", "pt-BR")).toBe(true);
  });

  it("counts an extra byline against extraction but skips dates the expectation lacks", () => {
    const { fields, mismatches } = score([
      {
        page: "a",
        extracted: values({ byline: "Ann", published: "2024-01-01" }),
        expected: values({ byline: null, published: null }),
      },
      {
        page: "b",
        extracted: values({ published: "2024-01-02" }),
        expected: values({ published: "2024-01-02T23:00:00-05:00" }),
      },
    ]);
    expect(fields.byline).toEqual({ compared: 2, agreed: 1, accuracy: 0.5 });
    expect(fields.published).toEqual({ compared: 1, agreed: 1, accuracy: 1 });
    expect(fields.language).toEqual({ compared: 0, agreed: 0, accuracy: 0 });
    expect(mismatches).toEqual([{ page: "a", field: "byline", extracted: "Ann", expected: null }]);
  });

  it("scores a body's words against the expected text, counting repeats once each", () => {
    const overlap = textOverlap("The bridge closes. Share this!", "the bridge closes");
    expect(overlap.precision).toBeCloseTo(3 / 5);
    expect(overlap.recall).toBe(1);
    expect(overlap.f1).toBeCloseTo(0.75);
    expect(textOverlap("bridge bridge", "bridge").precision).toBe(0.5);
    expect(textOverlap("人工智能", "人工").recall).toBe(1);
    expect(textOverlap("", "text")).toEqual({ precision: 0, recall: 0, f1: 0 });
  });
});
