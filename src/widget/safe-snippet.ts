// The one place server markup enters the widget: a search snippet is HTML-escaped text with
// matches wrapped in <mark>. Rather than hand it to an HTML parser, it is read by a strict
// grammar (text with the server's five entities, and unnested <mark>…</mark> with no
// attributes) and built with createElement/text nodes. Anything else falls back to plain text,
// so no element but <mark> can appear, and no innerHTML is needed (Trusted Types safe).

const ENTITIES: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'" };

function decode(text: string): string {
  return text.replace(/&(?:amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity]!);
}

/** Splits a snippet into text and marked runs, or null when it holds anything but <mark>. */
export function parseSnippet(snippet: string): { text: string; marked: boolean }[] | null {
  const runs: { text: string; marked: boolean }[] = [];
  let marked = false;
  for (const piece of snippet.split(/(<\/?mark>)/)) {
    if (piece === "<mark>" || piece === "</mark>") {
      if (marked === (piece === "<mark>")) return null;
      marked = !marked;
    } else if (/[<>]/.test(piece)) {
      return null;
    } else if (piece) {
      runs.push({ text: decode(piece), marked });
    }
  }
  return marked ? null : runs;
}

/** Fills `target` with the snippet: <mark> elements and text nodes, or the plain text when it fails the check. */
export function renderSnippet(target: HTMLElement, snippet: string): void {
  const runs = parseSnippet(snippet);
  if (!runs) {
    target.textContent = decode(snippet.replace(/<[^>]*>/g, ""));
    return;
  }
  target.replaceChildren(
    ...runs.map(({ text, marked }) => {
      if (!marked) return document.createTextNode(text);
      const mark = document.createElement("mark");
      mark.textContent = text;
      return mark;
    }),
  );
}
