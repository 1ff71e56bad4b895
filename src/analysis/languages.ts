// The languages the analyzer knows: for each, by its ISO 639-1 code, the Snowball stemmer and
// the stop words (`stopword`'s list). English keeps the Porter stemmer (`stemmer`) the index
// has always used. A language missing here is analysed as unknown: folded, never stemmed.
import { stemmer as porter } from "stemmer";
import { stemmer as danish } from "@orama/stemmers/danish";
import { stemmer as dutch } from "@orama/stemmers/dutch";
import { stemmer as finnish } from "@orama/stemmers/finnish";
import { stemmer as french } from "@orama/stemmers/french";
import { stemmer as german } from "@orama/stemmers/german";
import { stemmer as italian } from "@orama/stemmers/italian";
import { stemmer as norwegian } from "@orama/stemmers/norwegian";
import { stemmer as portuguese } from "@orama/stemmers/portuguese";
import { stemmer as spanish } from "@orama/stemmers/spanish";
import { stemmer as swedish } from "@orama/stemmers/swedish";
import { dan, deu, eng, fin, fra, ita, nld, nob, por, spa, swe } from "stopword";

export interface LanguageRules {
  /** Reduces a lower-case word (diacritics kept: Snowball reads them) to its stem. */
  stem: (word: string) => string;
  /** True when the stemmer reads folded words (Porter's rules are ASCII): fold, then stem. */
  foldFirst?: boolean;
  /** Lower-case stop words, diacritics kept, as the language spells them. */
  stopWords: ReadonlySet<string>;
  /** Elided articles and pronouns before an apostrophe ("l'", "dell'"), dropped from the word. */
  elision?: RegExp;
}

/** The language of articles that neither declare nor show one, and of queries by default. */
export const DEFAULT_LANGUAGE = "en";

const rules = (stem: (word: string) => string, stopWords: readonly string[], elision?: RegExp): LanguageRules => ({
  stem,
  stopWords: new Set(stopWords),
  ...(elision ? { elision } : {}),
});

const ENGLISH: LanguageRules = { stem: porter, foldFirst: true, stopWords: new Set(eng) };

const NORWEGIAN = rules(norwegian, nob);

/** Analysed languages by ISO 639-1 code (Norwegian as "no" and as Bokmål, "nb"). */
export const LANGUAGES: ReadonlyMap<string, LanguageRules> = new Map([
  ["en", ENGLISH],
  ["de", rules(german, deu)],
  ["fr", rules(french, fra, /^(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu|quoiqu)['’]/)],
  ["es", rules(spanish, spa)],
  ["it", rules(italian, ita, /^(?:[cdlmnst]|un|dell|dall|nell|sull|all|coll|quell|quest|tutt)['’]/)],
  ["pt", rules(portuguese, por)],
  ["nl", rules(dutch, nld)],
  ["sv", rules(swedish, swe)],
  ["da", rules(danish, dan)],
  ["no", NORWEGIAN],
  ["nb", NORWEGIAN],
  ["fi", rules(finnish, fin)],
]);

/** The rules of a language, or undefined for an unknown or unsupported one (null, "pl"). */
export function languageRules(language: string | null | undefined): LanguageRules | undefined {
  return language ? LANGUAGES.get(language) : undefined;
}
