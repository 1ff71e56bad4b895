// The word-for-word check for "exact phrases": the phrase's folded words must follow each
// other in the article's indexed text, separated by nothing but spaces and punctuation.
import { fold } from "../../analysis/fold.js";
import type { Article, IndexedField } from "../../index-format.js";

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A tester for one phrase, given its folded words. */
export function phraseMatcher(
  words: readonly string[],
  fields: readonly IndexedField[],
): (article: Pick<Article, "title" | "body">) => boolean {
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}])${words.map((word) => escapeRegExp(word.replace(/’/g, "'"))).join("[^\\p{L}\\p{N}]+")}(?![\\p{L}\\p{N}])`,
    "u",
  );
  return (article) =>
    fields.some((field) => {
      const text = field === "title" ? article.title : article.body.join("\n");
      return pattern.test(fold(text).replace(/’/g, "'"));
    });
}
