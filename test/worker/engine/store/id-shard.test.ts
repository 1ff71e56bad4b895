// Id shards (src/format/id-shard.ts), in workerd: every id is found at its position, whatever
// it holds, and no id is found inside another's line.
import { describe, expect, it } from "vitest";
import { encodeIdShard, positionIn } from "../../../../src/format/id-shard.js";

describe("id shards", () => {
  const entries: [string, number][] = [
    ["a1", 0],
    ["reuters-2010-01-01-1", 7],
    ["1", 12],
    ["11", 13],
    ['say "hi"\tthere\nnow', 99_999],
    ["Zürich/東京 ∞", 101_399],
    ['a"x', 3],
    ["last", 5],
  ];
  const text = encodeIdShard(entries);

  it("finds every id at its position, the first and last lines too", () => {
    for (const [id, position] of entries) expect(positionIn(text, id), id).toBe(position);
    expect(positionIn(text.trimEnd(), "last")).toBe(5);
  });

  it("gives NaN, never another article, for a line without a position", () => {
    for (const line of ['"a"\t\n', '"a"\t \n', '"a"\t1e3\n', '"a"\t-1\n'])
      expect(positionIn(line, "a"), line).toBeNaN();
  });

  it("finds no id that is only part of another, or that the shard lacks", () => {
    // "x" ends the JSON of a"x: "a\"x" then the tab.
    for (const absent of ["a", "reuters-2010-01-01", "", "say", "hi", "\t", '"1"', "ast", "Zürich", "x"])
      expect(positionIn(text, absent), absent).toBeUndefined();
    expect(positionIn("", "a1")).toBeUndefined();
  });
});
