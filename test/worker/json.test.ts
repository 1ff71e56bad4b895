// Safe JSON bodies (src/http/json.ts): the bytes are JSON.stringify's text in UTF-8 with < > &
// U+2028 and U+2029 written as \u escapes, whatever the text holds, and parse back to the value.
import { describe, expect, it } from "vitest";
import { seededRandom } from "../../src/engine/phrase/seeded-random.js";
import { jsonResponse } from "../../src/http/json.js";

/** The escapes written one by one, as the reference the body must equal. */
const reference = (value: unknown) => {
  let out = "";
  for (const char of JSON.stringify(value))
    out += "<>&\u2028\u2029".includes(char) ? `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}` : char;
  return out;
};
const text = (bytes: Uint8Array | ArrayBuffer) =>
  new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
/** The body jsonResponse writes for the value. */
const written = async (value: unknown) => text(await jsonResponse(value).arrayBuffer());

/** Characters of every UTF-8 length, the escaped ones, JSON's own escapes, and a lone surrogate. */
const PIECES = [
  "a",
  "Z",
  "7",
  " ",
  "<",
  ">",
  "&",
  "<mark>",
  "&amp;",
  "\u2028",
  "\u2029",
  "\u2027",
  "\u202a",
  "é",
  "’",
  "中",
  "😀",
  '"',
  "\\",
  "\n",
  "\u0000",
  "\ud800",
  "\udc00",
  "\u00e2",
  "â€",
];

function randomString(random: () => number, length: number): string {
  let out = "";
  for (let i = 0; i < length; i++) out += PIECES[Math.floor(random() * PIECES.length)];
  return out;
}

describe("jsonResponse bodies", () => {
  it("are what stringify-then-replace writes, as valid UTF-8 that parses back to the value, on 500 random values", async () => {
    const random = seededRandom(2028);
    for (let n = 0; n < 500; n++) {
      const value = {
        q: randomString(random, Math.floor(random() * 40)),
        hits: [
          {
            title: randomString(random, 20),
            snippet: randomString(random, Math.floor(random() * 300)),
            score: random(),
          },
        ],
        total: n,
      };
      const body = await written(value);
      expect(body).toBe(reference(value));
      expect(body).not.toMatch(/[<>&\u2028\u2029]/);
      expect(JSON.parse(body)).toEqual(JSON.parse(JSON.stringify(value)));
    }
  });

  it("hold large bodies, and bodies with nothing to escape", async () => {
    const large = { snippet: "<mark>Kyiv</mark> & 中文 ".repeat(20_000) };
    expect(await written(large)).toBe(reference(large));
    const plain = { q: "no markup at all", n: 1 };
    expect(await written(plain)).toBe(JSON.stringify(plain));
  });

  it("are bytes of their own: a later response does not overwrite an earlier one's body", async () => {
    const first = jsonResponse({ q: "first" });
    const firstEscaped = jsonResponse({ q: "<first>" });
    jsonResponse({ q: "second, and longer than the first two" });
    jsonResponse({ q: "<second, and longer than the first two>" });
    expect(text(await first.arrayBuffer())).toBe('{"q":"first"}');
    expect(text(await firstEscaped.arrayBuffer())).toBe('{"q":"\\u003cfirst\\u003e"}');
  });
});
