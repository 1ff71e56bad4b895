// The ranking variants measured by `npm run eval:variants`: per-field normalisation's
// pseudo-frequencies, the proximity re-ranking, and the verdict on a family.
import { describe, expect, it } from "vitest";
import type { FieldTerms } from "../../../build/analyze-articles.js";
import { meanLengths, pseudoFrequencies } from "../../../bench/variants/field-norm.js";
import { reranked, Sequences } from "../../../bench/variants/proximity.js";
import { kept } from "../../../bench/variants/table.js";
import { RANKING } from "../../../src/index-format.js";

const fields = (title: string, body: string): FieldTerms => ({
  fields: ["title", "body"],
  title: title.split(" "),
  body: body.split(" "),
  lede: null,
});

describe("per-field length normalisation", () => {
  const short = fields("czech envoy", "envoy");
  const long = fields("czech envoy", "envoy met the envoy again later");
  const means = meanLengths([short, long]);

  it("without normalisation, weighs each field's occurrences by the field's weight", () => {
    const tf = pseudoFrequencies(long, means, { title: 0, body: 0, lede: 0, k1: 1.2 });
    expect(tf.get("envoy")).toBeCloseTo(RANKING.weights.title + 2 * RANKING.weights.body);
    expect(tf.get("czech")).toBeCloseTo(RANKING.weights.title);
  });

  it("normalises each field by its own length: a longer body weighs its words less, the title alike in both", () => {
    const norm = { title: 0.5, body: 1, lede: 0, k1: 1.2 };
    expect(means.body).toBe(3.5);
    expect(pseudoFrequencies(short, means, norm).get("czech")).toBeCloseTo(
      pseudoFrequencies(long, means, norm).get("czech")!,
    );
    const body = (terms: FieldTerms) => pseudoFrequencies(terms, means, norm).get("envoy")! - RANKING.weights.title;
    expect(body(short)).toBeCloseTo(1 / (1 / 3.5));
    expect(body(long)).toBeCloseTo(2 / (6 / 3.5));
  });
});

describe("the proximity re-ranking", () => {
  const articles = [
    fields("report", "the czech foreign ministry said the envoy left"),
    fields("report", "czech officials said a foreign envoy left the ministry"),
  ];
  const sequences = new Sequences(articles);

  it("counts a pair within the window, in either order", () => {
    expect(sequences.near(0, "foreign", "ministry", 1)).toBe(1);
    expect(sequences.near(1, "foreign", "ministry", 1)).toBe(0);
    expect(sequences.near(1, "ministry", "foreign", 5)).toBe(1);
  });

  it("moves an article holding the query's words side by side above an equal one holding them apart", () => {
    const page = [
      { position: 1, score: 2 },
      { position: 0, score: 2 },
    ];
    expect(reranked(page, ["foreign", "ministry"], sequences, { window: 1, lambda: 0.5 })).toEqual([0, 1]);
    expect(reranked(page, ["foreign", "ministry"], sequences, { window: 1, lambda: 0 })).toEqual([1, 0]);
  });
});

describe("the verdict on a family", () => {
  const family = (held: number[]) => ({
    name: "f",
    description: "",
    variants: [
      { label: "baseline", scores: [0.5, 0.5] },
      { label: "v", scores: [0.6, 0.6] },
    ],
    chosen: 1,
    folds: held.map((score, heldOut) => ({ heldOut, chosen: 1, score })),
  });

  it("keeps a variant that gains held out on average and loses on no set", () => {
    expect(kept(family([0.52, 0.5]))).toBe(true);
  });

  it("does not keep one that loses on a set held out, or gains nothing", () => {
    expect(kept(family([0.6, 0.49]))).toBe(false);
    expect(kept(family([0.5, 0.5]))).toBe(false);
  });
});
