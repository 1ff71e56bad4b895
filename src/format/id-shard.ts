// An id shard: the positions of the articles whose ids hash to it, as text (gzip-compressed in
// its file, see `shardPaths`): a line `"id"\tposition` an article, the id as a JSON string, so
// that no id can break a line or hold the tab. An isolate opens an id shard for one article
// (the article page, related stories) far more often than it looks up two in one shard, so
// opening one builds nothing: the id's line is found by a search of the text.

/** The id shard of these articles, as text. */
export function encodeIdShard(entries: Iterable<readonly [string, number]>): string {
  let text = "";
  for (const [id, position] of entries) text += `${JSON.stringify(id)}\t${position}\n`;
  return text;
}

/** The position of the article with this id in the shard's text (NaN when its line is malformed), or undefined. */
export function positionIn(text: string, id: string): number | undefined {
  const key = `${JSON.stringify(id)}\t`;
  let start: number;
  if (text.startsWith(key)) start = key.length;
  else {
    // Any other line follows a line break.
    const line = text.indexOf(`\n${key}`);
    if (line < 0) return undefined;
    start = line + 1 + key.length;
  }
  const end = text.indexOf("\n", start);
  const number = text.slice(start, end < 0 ? text.length : end);
  // NaN for a line that holds no position: the caller reports the shard as damaged.
  return /^\d+$/.test(number) ? Number(number) : Number.NaN;
}
