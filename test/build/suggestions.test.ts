// The suggestions a build makes from titles (build/suggestions.ts): which runs of words count,
// how they are counted and weighed, and the shards they go in, read back through FlexSearch.
import { describe, expect, it } from "vitest";
import {
  SHARED_FROM_ARTICLES,
  SUGGESTION_HALF_LIFE_DAYS,
  suggestionItems,
  suggestionShards,
} from "../../build/suggestions.js";
import { readSuggestionShard, suggestKey, suggestShardOf } from "../../src/index-format.js";

const titled = (title: string, published: string | null = "2024-01-01", language: string | null = "en") => ({
  title,
  published,
  language,
});

describe("suggestionItems", () => {
  it("suggests the named entities too, counted by the articles naming them", () => {
    const articles = [titled("Zelenskiy visits Port"), titled("Port talks resume"), titled("Talks on grain")];
    const entities = { names: ["Volodymyr Zelenskiy", "Port", "J Smith"], byArticle: [[0, 1, 2], [0, 1, 2], [1]] };
    const items = new Map(suggestionItems(articles, entities));
    // A name no title writes whole is suggested; a title run of the same words takes the name's count.
    expect(items.get("Volodymyr Zelenskiy")).toBe(2);
    expect(items.get("Port")).toBe(3);
    expect(new Map(suggestionItems(articles)).get("Port")).toBe(2);
    expect(new Map(suggestionItems(articles)).has("Volodymyr Zelenskiy")).toBe(false);
    // A name opening with an initial has no first-word key to be found by, and is not suggested.
    expect(items.has("J Smith")).toBe(false);
    expect(() => suggestionShards(suggestionItems(articles, entities), 2)).not.toThrow();
  });

  it("takes runs of one to three title words that neither begin nor end with a stop word", () => {
    const texts = suggestionItems([titled("Bank of Japan holds rates")]).map(([text]) => text);
    expect(texts).toEqual(
      expect.arrayContaining(["Bank", "Bank of Japan", "Japan holds", "Japan holds rates", "holds rates", "rates"]),
    );
    expect(texts).not.toContain("of");
    expect(texts).not.toContain("Bank of");
    expect(texts).not.toContain("of Japan");
    // Four words are one too many.
    expect(texts).not.toContain("Bank of Japan holds");
  });

  it("counts a phrase once a title, and writes it as the newest title does", () => {
    const items = suggestionItems([
      titled("IPHONE sales: iPhone sales up", "2010-01-01"),
      titled("iPhone sales fall", "2012-01-01"),
      titled("Undated iPhone sales note", null),
    ]);
    const sales = items.find(([text]) => text.toLowerCase() === "iphone sales")!;
    expect(sales[0]).toBe("iPhone sales");
    expect(sales[1]).toBe(3);
  });

  it("weighs titles by age: a newer phrase outranks an older one in as many titles", () => {
    const items = suggestionItems([titled("Alpha talks", "2020-01-01"), titled("Beta talks", "2024-01-01")]).map(
      ([text]) => text,
    );
    expect(items.indexOf("Beta")).toBeLessThan(items.indexOf("Alpha"));
    // A title nine tenths of a half-life older weighs 0.54 of one at the newest day: two outweigh it.
    const doubled = suggestionItems([
      titled("Gamma", "2024-01-01"),
      titled(
        "Delta",
        new Date(Date.UTC(2024, 0, 1) - SUGGESTION_HALF_LIFE_DAYS * 86_400_000 * 0.9).toISOString().slice(0, 10),
      ),
      titled(
        "Delta again",
        new Date(Date.UTC(2024, 0, 1) - SUGGESTION_HALF_LIFE_DAYS * 86_400_000 * 0.9).toISOString().slice(0, 10),
      ),
    ]).map(([text]) => text);
    expect(doubled.indexOf("Delta")).toBeLessThan(doubled.indexOf("Gamma"));
  });

  it(`keeps only phrases two titles share from ${SHARED_FROM_ARTICLES} articles on`, () => {
    const titles = Array.from({ length: SHARED_FROM_ARTICLES }, (_, n) => titled(`Report number${n} filed`));
    const texts = new Set(suggestionItems(titles).map(([text]) => text));
    expect(texts.has("Report")).toBe(true);
    expect(texts.has("filed")).toBe(true);
    expect(texts.has("number7")).toBe(false);
    expect(texts.has("Report number7")).toBe(false);
    // Below the line, one title is enough.
    expect(suggestionItems(titles.slice(0, 10)).some(([text]) => text === "number7")).toBe(true);
  });
});

describe("suggestionShards", () => {
  it("puts each suggestion in the shard of its first word's key, where FlexSearch finds it by prefix", () => {
    const items = suggestionItems([
      titled("Kremlin talks continue"),
      titled("Putin Trump summit"),
      titled("Trump ends isolation"),
      titled("Ukraine ceasefire"),
    ]);
    const shards = suggestionShards(items, 3).map(readSuggestionShard);
    for (const [text] of items) {
      const key = suggestKey(text)!;
      const { index, items: held } = shards[suggestShardOf(key, 3)]!;
      const found = (index.search(text.slice(0, 4), { limit: 100 }) as number[]).map((id) => held[id]![0]);
      expect(found).toContain(text);
    }
    const total = shards.reduce((sum, shard) => sum + shard.items.length, 0);
    expect(total).toBe(items.length);
  });
});
