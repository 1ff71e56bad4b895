// The partial queries the /suggest bench sends for a headline: what a search box sends while
// the headline is typed.
import { describe, expect, it } from "vitest";
import { partialQueries, suggestPath } from "../../../bench/scale/suggest-stream.js";

describe("partialQueries", () => {
  it("types the first word to two, three and four letters, then starts the second", () => {
    expect(partialQueries("Exxon Mobil offers plan to end Alaska dispute")).toEqual(["Ex", "Exx", "Exxo", "Exxon Mo"]);
  });

  it("stops at a short first word, and leaves out the quotes around words", () => {
    expect(partialQueries("GM says Chrysler deal")).toEqual(["GM sa"]);
    expect(partialQueries('"Close call" on Fed')).toEqual(["Cl", "Clo", "Clos", "Close ca"]);
    expect(partialQueries("Fed")).toEqual(["Fe"]);
  });

  it("sends each as a /suggest query, encoded", () => {
    expect(suggestPath("Exxon Mo")).toBe("/suggest?q=Exxon%20Mo");
  });
});
