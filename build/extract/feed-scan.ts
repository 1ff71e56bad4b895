// A light scan of a feed's raw XML for what the feed parser (feedsmith) does not report: where
// each item element sits, which items are empty (feedsmith leaves those out of its list, so
// item numbers would shift), and the text of elements it does not read (yandex:full-text).
// The parser still reads the feed; this only lines its items up with the file's.

/** One item (RSS, RDF) or entry (Atom) element of the raw text. */
export interface RawItem {
  /** Its content: the text between the start and end tags ("" for a self-closing one). */
  content: string;
  /** True when it holds no text and no attributes: nothing a parser could read. */
  empty: boolean;
}

/** CDATA sections and comments (skipped, so markup inside them is not taken for elements), and item tags. */
const TOKENS =
  /<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->|<(\/?)(?:[\w.-]+:)?(item|entry)(?=[\s/>])((?:[^>"']|"[^"]*"|'[^']*')*)>/gi;

/** Attributes other than namespace declarations. */
function hasAttributes(attributes: string): boolean {
  return /\S/.test(attributes.replace(/\/\s*$/, "").replace(/\bxmlns(?::[\w.-]+)?\s*=\s*("[^"]*"|'[^']*')/g, ""));
}

function isEmpty(content: string): boolean {
  const text = content
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, (_, inner: string) => (/\S/.test(inner) ? "x" : ""))
    .replace(/<!--[\s\S]*?-->/g, "");
  if (/<[^>]*=/.test(text)) return false;
  return !/\S/.test(text.replace(/<[^>]*>/g, ""));
}

/** The `element` elements ("item" or "entry", any namespace prefix) of a feed, in order. */
export function scanItems(xml: string, element: "item" | "entry"): RawItem[] {
  const items: RawItem[] = [];
  let open: { start: number; attributes: string } | null = null;
  for (const match of xml.matchAll(TOKENS)) {
    const [tag, closing, name, attributes = ""] = match;
    if (!name || name.toLowerCase() !== element) continue;
    const at = match.index;
    if (closing) {
      if (!open) continue;
      const content = xml.slice(open.start, at);
      items.push({ content, empty: !hasAttributes(open.attributes) && isEmpty(content) });
      open = null;
    } else if (attributes.trimEnd().endsWith("/")) {
      items.push({ content: "", empty: !hasAttributes(attributes) });
    } else {
      open = { start: at + tag.length, attributes };
    }
  }
  return items;
}

const XML_ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** Character data of raw XML content: CDATA sections as they stand, entities and references decoded. */
function characterData(raw: string): string {
  return raw.replace(
    /<!\[CDATA\[([\s\S]*?)\]\]>|&(#x[\da-f]+|#\d+|\w+);/gi,
    (whole, cdata?: string, entity?: string) => {
      if (cdata !== undefined) return cdata;
      if (entity!.startsWith("#")) {
        const code =
          entity!.startsWith("#x") || entity!.startsWith("#X")
            ? Number.parseInt(entity!.slice(2), 16)
            : Number(entity!.slice(1));
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
      }
      return XML_ENTITIES[entity!] ?? whole;
    },
  );
}

/** The prefix the feed binds to a namespace URI (`xmlns:yandex="http://news.yandex.ru"`), or null. */
export function namespacePrefix(xml: string, uri: string): string | null {
  const escaped = uri.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`xmlns:([\\w.-]+)\\s*=\\s*["']${escaped}/?["']`, "i").exec(xml)?.[1] ?? null;
}

/** The character data of the first `name` element (a qualified name, "yandex:full-text") in an item, or null. */
export function childText(item: RawItem, name: string): string | null {
  const escaped = name.replace(/[.-]/g, "\\$&");
  const match = new RegExp(`<${escaped}(?:\\s[^>]*)?>([\\s\\S]*?)</${escaped}\\s*>`, "i").exec(item.content);
  return match ? characterData(match[1]!) : null;
}
