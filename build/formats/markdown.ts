// Markdown articles (.md) with YAML front matter; the first level-one heading is the title
// when the front matter has none.
import matter from "gray-matter";
import { fromMarkdown } from "mdast-util-from-markdown";
import { toString as mdastText } from "mdast-util-to-string";
import type { Nodes } from "mdast";
import { normalizeSpace } from "../clean/text.js";
import { decodeText } from "../extract/decode.js";
import type { ReadContext } from "../corpus-config.js";
import type { FileResult } from "../types.js";
import { recordToArticle } from "./record.js";

/** Text blocks (paragraphs, headings, list items, quotes) as paragraphs; code and HTML are left out. */
function blocks(nodes: readonly Nodes[]): string[] {
  return nodes
    .flatMap((node): string[] => {
      switch (node.type) {
        case "list":
        case "listItem":
        case "blockquote":
          return blocks(node.children);
        case "code":
        case "html":
        case "thematicBreak":
        case "definition":
          return [];
        default:
          return [normalizeSpace(mdastText(node))];
      }
    })
    .filter(Boolean);
}

/** A Markdown file's article; the corpus's field mapping applies to its front matter. */
export function readMarkdown(path: string, data: Buffer, context?: ReadContext): FileResult {
  const { text, repaired } = decodeText(data, null);
  const { data: frontMatter, content } = matter(text);
  const tree = fromMarkdown(content);
  const record: Record<string, unknown> = { ...frontMatter };
  const children = [...tree.children];
  const h1 = children.findIndex((node) => node.type === "heading" && node.depth === 1);
  if (h1 >= 0) {
    const [heading] = children.splice(h1, 1);
    record.title ??= mdastText(heading!);
  }
  const { article, warnings } = recordToArticle(record, path, { ...context?.config, body: blocks(children) });
  return {
    articles: [article],
    skipped: [],
    warnings: [
      ...(repaired ? [{ path, kind: "repaired-encoding" as const, reason: repaired }] : []),
      ...warnings.map((warning) => ({ path, ...warning })),
    ],
  };
}
