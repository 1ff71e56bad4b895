// The index format's ranking constants with 64 impact levels instead of the default: what
// the levels project (vitest.config.ts) resolves src/format/ranking.ts to. Every other
// constant matches src/format/ranking.ts.
export const FIELD_WEIGHTS = { title: 3, body: 1 } as const;
export type IndexedField = keyof typeof FIELD_WEIGHTS;
export const INDEXED_FIELDS = Object.keys(FIELD_WEIGHTS) as IndexedField[];
export const BM25 = { k1: 1.2, b: 0.6, levels: 64 } as const;
export const LEAD_BONUS = 2;
