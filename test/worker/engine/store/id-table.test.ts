// Id tables (src/format/id-table.ts), in workerd: every id is found at its position, in the
// table its hash names; ids that share a hash are told apart by the store.
import { describe, expect, it } from "vitest";
import { compileIndex } from "../../../../build/compile-index.js";
import { indexLoader } from "../../../../src/engine/store/load.js";
import {
  type Article,
  encodeIdTables,
  fnv1a,
  IdTable,
  idTableCount,
  idTableOf,
  IDS_PER_TABLE,
} from "../../../../src/index-format.js";
import { memoryAssets } from "../../helpers.js";
import { inlineTagger } from "../../tagger.js";

const ids = ["a1", "reuters-2010-01-01-1", "1", "11", 'say "hi"\tthere\nnow', "Zürich/東京 ∞", "", "last"];

/** Two ids with one hash, found by the birthday bound among some hundred thousand. */
function collidingIds(): [string, string] {
  const seen = new Map<number, string>();
  for (let n = 0; ; n++) {
    const id = `story-${n}`;
    const other = seen.get(fnv1a(id));
    if (other !== undefined) return [other, id];
    seen.set(fnv1a(id), id);
  }
}

describe("id tables", () => {
  it("takes as many tables as keep each within its size, a power of two", () => {
    expect(idTableCount(0)).toBe(1);
    expect(idTableCount(IDS_PER_TABLE)).toBe(1);
    expect(idTableCount(IDS_PER_TABLE + 1)).toBe(2);
    expect(idTableCount(5 * IDS_PER_TABLE)).toBe(8);
  });

  it("finds every id at its position, in the table its hash names and no other", () => {
    for (const tables of [1, 4]) {
      const files = encodeIdTables(ids, tables).map((file) => new IdTable(file.slice().buffer));
      expect(files).toHaveLength(tables);
      ids.forEach((id, position) => {
        const table = idTableOf(fnv1a(id), tables);
        files.forEach((file, n) => {
          if (n === table) expect(file.candidates(id), id).toEqual([position]);
          else expect(file.candidates(id), id).toEqual([]);
        });
      });
      for (const absent of ["a", "reuters-2010-01-01", "say", "Zürich", "x"])
        expect(files[idTableOf(fnv1a(absent), tables)]!.candidates(absent), absent).toEqual([]);
    }
  });

  it("names every id that shares a hash as a candidate", () => {
    const [first, second] = collidingIds();
    const [file] = encodeIdTables(["other", second, first], 1);
    expect(new IdTable(file!.slice().buffer).candidates(first)).toEqual([1, 2]);
  });

  it("refuses a file that is not whole pairs or whose hashes are out of order", () => {
    const [file] = encodeIdTables(ids, 1);
    expect(() => new IdTable(file!.slice(0, 12).buffer)).toThrow(/whole pairs/);
    const words = new Uint32Array(file!.slice().buffer);
    words.subarray(0, ids.length).reverse();
    expect(() => new IdTable(words.buffer)).toThrow(/out of order/);
  });

  it("gives each of two ids that share a hash its own article, in a sharded index", async () => {
    const colliding = collidingIds();
    const articles: Article[] = [...colliding, "third"].map((id, n) => ({
      id,
      title: `Story ${n}`,
      source: null,
      published: null,
      url: null,
      body: [`Story number ${n} of three.`],
    }));
    const { artefacts, files } = compileIndex(articles, {
      tagger: inlineTagger(),
      builtAt: "2025-01-01T00:00:00Z",
      layout: "sharded",
    });
    const store = await indexLoader(artefacts, memoryAssets(files))();
    for (const [position, article] of articles.entries()) expect(await store.position(article.id)).toBe(position);
    expect(await store.position("story-absent")).toBeUndefined();
  });
});
