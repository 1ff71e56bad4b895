// The build's limits on one article, shared by the formats that read text and the steps that
// settle articles.

/**
 * Longest body kept, in characters: more is a scraping accident (a page of comments, a log
 * pasted in), not an article, and would swell the index. A longer body is cut and warned of.
 */
export const MAX_BODY_CHARS = 200_000;

/**
 * Longest text a format examines for one article, in characters: extraction works line by line
 * and would spend its time on text the body limit cuts anyway.
 */
export const MAX_SOURCE_CHARS = 5 * MAX_BODY_CHARS;

/** Body length (`bodyLength`) below which an article is reported as very short. */
export const VERY_SHORT_CHARS = 200;
