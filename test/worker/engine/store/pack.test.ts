// Packs: the members come back byte for byte, in order, and a pack that does not hold a
// member (a damaged or truncated file) is refused, never read past its end.
import { describe, expect, it } from "vitest";
import { lineOf } from "../../../../src/engine/store/unpack.js";
import { packMember, encodePack } from "../../../../src/index-format.js";

const bytes = (...values: number[]) => new Uint8Array(values);

describe("packs", () => {
  const members = [bytes(1, 2, 3), bytes(), bytes(9), bytes(...Array.from({ length: 300 }, (_, n) => n % 256))];
  const pack = encodePack(members);

  it("gives back each member as it was joined", () => {
    members.forEach((member, n) => {
      expect([...packMember(pack, n)]).toEqual([...member]);
    });
  });

  it("reads a pack that is a view into a larger buffer", () => {
    const larger = new Uint8Array(pack.length + 11);
    larger.set(pack, 7);
    expect([...packMember(larger.subarray(7, 7 + pack.length), 3)]).toEqual([...members[3]!]);
  });

  it.each([-1, 4, 1.5])("refuses member %s, which the pack does not hold", (n) => {
    expect(() => packMember(pack, n)).toThrow(RangeError);
  });

  it("refuses a truncated pack instead of reading past its end", () => {
    expect(() => packMember(pack.subarray(0, pack.length - 1), 3)).toThrow(/lies outside it/);
    expect(() => packMember(pack.subarray(0, 6), 0)).toThrow(RangeError);
    expect(() => packMember(new Uint8Array(0), 0)).toThrow(RangeError);
  });
});

describe("lineOf", () => {
  const text = new TextEncoder().encode('{"a":1}\n{"b":"Zürich — “quoted”"}\n\n{"c":3}');

  it("decodes the one line asked for, multi-byte characters whole", () => {
    expect(lineOf(text, 0)).toBe('{"a":1}');
    expect(JSON.parse(lineOf(text, 1)!)).toEqual({ b: "Zürich — “quoted”" });
    expect(lineOf(text, 2)).toBe("");
    expect(lineOf(text, 3)).toBe('{"c":3}');
  });

  it("says there is no line past the last", () => {
    expect(lineOf(text, 4)).toBeUndefined();
    expect(lineOf(new Uint8Array(0), 0)).toBe("");
    expect(lineOf(new Uint8Array(0), 1)).toBeUndefined();
  });
});
