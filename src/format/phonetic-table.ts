// The phonetic fallback table's text: one line a Double Metaphone key, `KEY term term ...`,
// the terms most frequent first. The bundle holds it whole; the sharded layout splits its
// lines by key.

export function parsePhoneticTable(text: string): Map<string, string[]> {
  const table = new Map<string, string[]>();
  for (const line of text.split("\n")) {
    if (!line) continue;
    const [key, ...terms] = line.split(" ");
    table.set(key!, terms);
  }
  return table;
}
