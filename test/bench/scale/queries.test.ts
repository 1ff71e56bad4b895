// The scale bench's queries: titles from the known-item TSV and two-word queries made from them.
import { describe, expect, it } from "vitest";
import {
  cycle,
  mixedQueries,
  parseTitleQueries,
  searchPath,
  twoWordQuery,
} from "../../../bench/scale/scale-queries.js";

describe("scale queries", () => {
  it("takes the second column and skips the header line", () => {
    expect(parseTitleQueries("query-id\ttext\nki1\tAIG pays Sullivan\nki2\t\n\nki3\tOil slips\n")).toEqual([
      "AIG pays Sullivan",
      "Oil slips",
    ]);
  });

  it("makes a two-word query of the first words of three letters or more", () => {
    expect(twoWordQuery("AIG pays Sullivan $47 million")).toBe("AIG pays");
    expect(twoWordQuery("U.S. oil at $100")).toBe("oil 100");
    expect(twoWordQuery("Up")).toBeNull();
  });

  it("alternates titles and their two-word queries up to the count", () => {
    expect(mixedQueries(["Oil prices rise again", "Fed holds rates"], 3)).toEqual([
      "Oil prices rise again",
      "Oil prices",
      "Fed holds rates",
    ]);
  });

  it("cycles a list to the count asked", () => {
    expect(cycle(["a", "b"], 5)).toEqual(["a", "b", "a", "b", "a"]);
    expect(cycle([], 3)).toEqual([]);
  });

  it("asks for the top 10 with the query encoded", () => {
    expect(searchPath("AT&T deal")).toBe("/search?q=AT%26T%20deal&limit=10");
  });
});
