// Phonetic keys (Double Metaphone) for the fallback that finds names spelled by ear:
// "Kadafi" and "Gaddafi" share the key KTF. Only words of four letters or more get a key;
// shorter keys would match too much.
import { doubleMetaphone } from "double-metaphone";

export const MIN_PHONETIC_LENGTH = 4;

/** The primary Double Metaphone key of an index term, or null for short or non-alphabetic terms. */
export function phoneticKey(term: string): string | null {
  if (term.length < MIN_PHONETIC_LENGTH || !/^[a-z]+$/.test(term)) return null;
  const [primary] = doubleMetaphone(term);
  return primary.length >= 2 ? primary : null;
}
