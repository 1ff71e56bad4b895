// Words of a text with their offsets. A word is a run of letters and digits; an apostrophe
// inside a word keeps it whole ("don't", "O'Brien"), a possessive "'s" is dropped later.

export const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

export interface Token {
  word: string;
  start: number;
  end: number;
}

/** Every word of the text, in order, with its offsets into the text. */
export function* tokens(text: string): Generator<Token> {
  for (const match of text.matchAll(WORD))
    yield { word: match[0], start: match.index, end: match.index + match[0].length };
}

/** The words of a text, without offsets. */
export function words(text: string): string[] {
  return text.match(WORD) ?? [];
}
