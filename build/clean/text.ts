// Small text normalisers shared by every corpus format: whitespace, glued sentences, paragraphs.

/** Collapses runs of white space (including non-breaking spaces) and trims. */
export function normalizeSpace(text: string): string {
  return text.replace(/[\s\u00a0\u200b]+/g, " ").trim();
}

/**
 * Puts back the space a scraper lost between two sentences ("was not met.He also").
 * Only a lower-case word of two or more letters before the stop counts, so "U.S." and
 * "world-today-news.com" are left alone.
 */
export function unglueSentences(text: string): string {
  return text.replace(/(\p{Ll}{2}[.!?][”"’)]?)(\p{Lu}\p{Ll})/gu, "$1 $2");
}

/** Splits a text body into paragraphs at blank lines. */
export function splitParagraphs(text: string): string[] {
  return text
    .split(/\r?\n\s*\r?\n/)
    .map(normalizeSpace)
    .filter((p) => p.length > 0);
}
