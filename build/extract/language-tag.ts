// Language tags as sources declare them ("en-GB", "pt_BR", "deu", "ger") to the lower-case
// ISO 639-1 code an article carries ("en", "pt", "de").
import { iso6393To1 } from "iso-639-3/iso6393-to-1.js";
import { iso6393To2B } from "iso-639-3/iso6393-to-2b.js";

let threeLetter: Map<string, string> | undefined;

/** Three-letter codes (ISO 639-3, and ISO 639-2/B where it differs: "ger", "fre") to ISO 639-1. */
function threeLetterCodes(): Map<string, string> {
  if (threeLetter) return threeLetter;
  threeLetter = new Map(Object.entries(iso6393To1));
  for (const [code, bibliographic] of Object.entries(iso6393To2B)) {
    const two = iso6393To1[code];
    if (two && !threeLetter.has(bibliographic)) threeLetter.set(bibliographic, two);
  }
  return threeLetter;
}

/**
 * The ISO 639-1 code of a language tag: its primary subtag, lower-cased, with three-letter
 * codes mapped to two letters. Null for an empty tag or a language without a two-letter code.
 */
export function languageCode(tag: string | null | undefined): string | null {
  const primary =
    tag
      ?.trim()
      .split(/[-_\s]/)[0]
      ?.toLowerCase() ?? "";
  if (/^[a-z]{2}$/.test(primary)) return primary;
  if (/^[a-z]{3}$/.test(primary)) return threeLetterCodes().get(primary) ?? null;
  return null;
}
