// Safe JSON bodies (src/http/json.ts): the bytes are JSON.stringify's text in UTF-8 with < > &
// U+2028 and U+2029 written as \u escapes, whatever the text holds, and parse back to the value.
import { describe, expect, it } from "vitest";
import { seededRandom } from "../../src/engine/phrase/seeded-random.js";
import { safeJsonBytes } from "../../src/http/json.js";

/** The escapes as a string replace writes them: the reference the byte escaper must equal. */
const reference = (value: unknown) => JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
const text = (bytes: Uint8Array) => new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);

/** Characters of every UTF-8 length, the escaped ones, JSON's own escapes, and a lone surrogate. */
const PIECES = ["a", "Z", "7", " ", "<", ">", "&", "<mark>", "&amp;", "\u2028", "\u2029", "\u2027", "\u202a", "é", "’", "中", "😀", '"', "\\", "\n", "\u0000", "\ud800", "\udc00", "\u00e2", "â€"];

function randomString(random: () => number, length: number): string {
  let out = "";
  for (let i = 0; i < length; i++) out += PIECES[Math.floor(random() * PIECES.length)];
  return out;
}

describe("safeJsonBytes", () => {
  it("writes what stringify-then-replace writes, as valid UTF-8 that parses back to the value, on 500 random values", () => {
    const random = seededRandom(2028);
    for (let n = 0; n < 500; n++) {
      const value = { q: randomString(random, Math.floor(random() * 40)), hits: [{ title: randomString(random, 20), snippet: randomString(random, Math.floor(random() * 300)), score: random() }], total: n };
      const written = text(safeJsonBytes(value));
      expect(written).toBe(reference(value));
      expect(written).not.toMatch(/[<>&\u2028\u2029]/);
      expect(JSON.parse(written)).toEqual(JSON.parse(JSON.stringify(value)));
    }
  });

  it("handles bodies larger than its reused buffer, and bodies with nothing to escape", () => {
    const large = { snippet: "<mark>Kyiv</mark> & 中文 ".repeat(20_000) };
    expect(text(safeJsonBytes(large))).toBe(reference(large));
    const plain = { q: "no markup at all", n: 1 };
    expect(text(safeJsonBytes(plain))).toBe(JSON.stringify(plain));
  });

  it("returns bytes of their own: a later body does not overwrite an earlier one", () => {
    const first = safeJsonBytes({ q: "first" });
    const firstEscaped = safeJsonBytes({ q: "<first>" });
    safeJsonBytes({ q: "second, and longer than the first two" });
    safeJsonBytes({ q: "<second, and longer than the first two>" });
    expect(text(first)).toBe('{"q":"first"}');
    expect(text(firstEscaped)).toBe('{"q":"\\u003cfirst\\u003e"}');
  });
});
