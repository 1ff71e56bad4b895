// The ranking constants of the index format: field weights, BM25's k1 and b, the number of
// impact levels and the lede bonus: the defaults every build uses (see ranking-config.ts for
// builds with others, and what the worker checks of them).

/** The fields an index can be built from, and their weight in BM25F (a title word counts thrice). */
export const FIELD_WEIGHTS = { title: 3, body: 1 } as const;
export type IndexedField = keyof typeof FIELD_WEIGHTS;
export const INDEXED_FIELDS = Object.keys(FIELD_WEIGHTS) as IndexedField[];

/**
 * BM25 constants: k1 saturates term frequency, b normalises by article length; chosen by
 * leave-one-collection-out cross-validation over the seven public judged sets (`npm run
 * eval:tune`, docs/ranking.md), as the field weights and the lede bonus were kept by it. The
 * term-frequency part of BM25F is quantised to `levels` impact levels, stored as FlexSearch
 * resolution slots (slot 0 holds the highest impact); IDF is applied at query time. At most
 * 255 levels: the ranking keeps a slot in a byte, beside the mark of an absent term.
 */
export const BM25 = { k1: 1.2, b: 0.6, levels: 32 } as const;

/**
 * The lede bonus: a word of the body's first paragraph counts this much more than the rest of
 * the body, because news puts the story's gist there. Only for bodies of two paragraphs or more.
 */
export const LEAD_BONUS = 2;
