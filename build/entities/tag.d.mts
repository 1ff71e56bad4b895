// Types of tag.mjs.
import type { Mentions } from "./extract.js";

/** [people, organisations, places] of each text, as written. */
export function mentionsOf(texts: readonly string[]): Mentions[];
