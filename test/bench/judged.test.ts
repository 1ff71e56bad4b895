// A judged query is sent as /search accepts it: cut to its characters, then its words.
import { describe, expect, it } from "vitest";
import { asSearched } from "../../bench/judged.js";
import { MAX_QUERY_LENGTH, MAX_QUERY_WORDS } from "../../src/routes/search.js";

describe("asSearched", () => {
  it("keeps a query within the limits as it is", () => {
    expect(asSearched("  Parallel   algorithms ")).toBe("  Parallel   algorithms ");
  });

  it("keeps the first MAX_QUERY_WORDS words of a longer query", () => {
    const words = Array.from({ length: MAX_QUERY_WORDS + 9 }, (_, n) => `w${n}`);
    const sent = asSearched(words.join("\t "));
    expect(sent.split(" ")).toEqual(words.slice(0, MAX_QUERY_WORDS));
  });

  it("cuts to MAX_QUERY_LENGTH characters before counting words", () => {
    const sent = asSearched("x".repeat(MAX_QUERY_LENGTH + 50));
    expect(sent).toHaveLength(MAX_QUERY_LENGTH);
  });
});
