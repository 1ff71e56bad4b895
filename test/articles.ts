// Articles for tests: the fewest fields a test cares about, the rest empty.
import type { Article } from "../src/index-format.js";

/** An undated article without source or URL, its body one paragraph. */
export const story = (id: string, title: string, body: string): Article => ({
  id,
  title,
  source: null,
  published: null,
  url: null,
  body: [body],
});
