// Folding: lower case without diacritics, so "Türkiye" and "Turkiye", "Erdoğan" and "Erdogan"
// are one word. Unicode decomposition handles accents; the few Latin letters that do not
// decompose (ø, ł, đ, ß, æ, œ, ı, þ) are spelled out.

const UNDECOMPOSED: Record<string, string> = {
  ø: "o",
  ł: "l",
  đ: "d",
  ð: "d",
  ß: "ss",
  æ: "ae",
  œ: "oe",
  ı: "i",
  þ: "th",
};
const UNDECOMPOSED_RE = /[øłđðßæœıþ]/g;

/** Lower-cases and strips diacritics; ASCII text takes the fast path. */
export function fold(text: string): string {
  const lower = text.toLowerCase();
  if (!/[^\x00-\x7f]/.test(lower)) return lower;
  return lower
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .replace(UNDECOMPOSED_RE, (letter) => UNDECOMPOSED[letter]!);
}
