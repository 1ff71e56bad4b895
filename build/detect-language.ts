// Language detection for articles whose source does not declare one: franc's trigram models,
// limited to the languages a news archive is likely to hold (a short list is faster, and keeps
// franc from taking English for Scots), mapped to ISO 639-1. Text too short to tell, or two
// languages too close to call, is left undetected: the build then gives it the corpus's language
// (`--language`, else newsfind.config.json's, else the language most of its articles have).
import { francAll } from "franc";
import { iso6393To1 } from "iso-639-3";
import { DEFAULT_LANGUAGE } from "../src/index-format.js";
import { languageCode } from "./extract/language-tag.js";

/** The languages franc chooses among (ISO 639-3): those the analyzer stems and common others. */
export const CANDIDATES = (
  "eng deu fra spa ita por nld swe dan nob fin pol ces slk hun ron tur rus ukr bul ell hrv srp bos " +
  "slv cat glg est lav lit ind vie arb pes heb hin cmn jpn kor"
).split(" ");

export interface DetectOptions {
  /** Characters of the text read (title first, then the body); default 1,024, plenty for trigrams. */
  maxChars?: number;
  /** Fewest characters of text to detect from; default 100: shorter text is left undetected. */
  minChars?: number;
  /**
   * How far ahead of the runner-up the best language must be, in franc's scores (1 for the
   * best); default 0.005. Closer calls are left undetected.
   */
  margin?: number;
  /**
   * Characters of a first, quick look (franc's time grows with the text); default 256. Its
   * answer stands when its best language leads by `quickMargin` (default 0.03), otherwise the
   * text is read up to `maxChars`.
   */
  quickChars?: number;
  quickMargin?: number;
}

/** franc's best language among the candidates and its lead over the runner-up. */
function best(text: string, minChars: number): { code: string; lead: number } {
  const [first, second] = francAll(text, { only: CANDIDATES, minLength: minChars });
  return { code: first?.[0] ?? "und", lead: second ? first![1] - second[1] : 1 };
}

/** The text's language as ISO 639-1 ("de"), or null when it is too short or too close to call. */
export function detectLanguage(
  text: string,
  { maxChars = 1024, minChars = 100, margin = 0.005, quickChars = 256, quickMargin = 0.03 }: DetectOptions = {},
): string | null {
  if (text.slice(0, maxChars).trim().length < minChars) return null;
  let found = best(text.slice(0, quickChars), minChars);
  if (found.code === "und" || found.lead < quickMargin) found = best(text.slice(0, maxChars), minChars);
  if (found.code === "und" || found.lead < margin) return null;
  return iso6393To1[found.code] ?? null;
}

/** An article's text for detection: its title and the start of its body. */
export function detectionText(title: string | null, body: readonly string[], maxChars = 1024): string {
  let text = title ?? "";
  for (const paragraph of body) {
    if (text.length >= maxChars) break;
    text += `\n${paragraph}`;
  }
  return text;
}

/**
 * Gives every article the language it is analysed in: the one its source declares, else the
 * one detected from its text, else `fallback`, which defaults to the language most articles
 * have (English when none has one). Returns the fallback.
 */
export function settleLanguages(
  articles: { language?: string | null; title: string | null; body: readonly string[] }[],
  fallback?: string,
  options?: DetectOptions,
): string {
  const found = articles.map(
    (article) =>
      languageCode(article.language) ??
      detectLanguage(detectionText(article.title, article.body, options?.maxChars), options),
  );
  const counts = new Map<string, number>();
  for (const language of found) if (language !== null) counts.set(language, (counts.get(language) ?? 0) + 1);
  const settled =
    fallback ?? [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? DEFAULT_LANGUAGE;
  articles.forEach((article, i) => {
    article.language = found[i] ?? settled;
  });
  return settled;
}
