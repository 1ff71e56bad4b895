// Removes paragraphs a scraper repeated: exact repeats, truncated repeats, and repeats glued
// without a break onto the end of another paragraph.

/** Shorter paragraphs are too common to treat as repeats ("Yes.", a heading). */
const MIN_REPEAT_LENGTH = 40;

export function dedupeParagraphs(paragraphs: string[]): string[] {
  const kept: string[] = [];
  for (const original of paragraphs) {
    const paragraph = stripGluedRepeats(original, kept);
    if (paragraph.length === 0) continue;
    if (isRepeat(paragraph, kept)) continue;
    kept.push(paragraph);
  }
  return kept;
}

function stripGluedRepeats(paragraph: string, kept: string[]): string {
  let text = paragraph;
  let stripped = true;
  while (stripped) {
    stripped = false;
    for (const earlier of kept) {
      if (earlier.length >= MIN_REPEAT_LENGTH && text.length > earlier.length && text.endsWith(earlier)) {
        text = text.slice(0, -earlier.length).trim();
        stripped = true;
      }
    }
  }
  return text;
}

function isRepeat(paragraph: string, kept: string[]): boolean {
  if (kept.includes(paragraph)) return true;
  if (paragraph.length < MIN_REPEAT_LENGTH) return false;
  return kept.some((earlier) => earlier.includes(paragraph));
}
