// The named entities of an archive (build/entities/extract.ts): people, organisations and places,
// each with its name, and the entities of each article. The sharded layout stores them as one
// binary file, read only by a search that filters or counts by entity and by /filters; the
// bundle keeps the same bytes, base64, in its artefact module.
//
//   u32 E, u32 N         entities, articles
//   E × u8               each entity's kind (ENTITY_KINDS index)
//   u32 B, B bytes       the names, UTF-8, one a line, in entity order
//   (N + 1) × u32        article n's entities are ids[offsets[n]] to ids[offsets[n + 1]]
//   ids × u32            entity numbers
import { fold } from "../analysis/fold.js";
import { ALIASES } from "../analysis/aliases.js";

export const ENTITY_KINDS = ["person", "org", "place"] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

/** The entities of an archive, as the build makes them. */
export interface EntityTable {
  /** Each entity's kind, by entity number. */
  kinds: readonly EntityKind[];
  /** Each entity's name, as the archive writes it most often. */
  names: readonly string[];
  /** Each article's entity numbers, by position. */
  byArticle: readonly (readonly number[])[];
}

/**
 * What makes two names one entity: folded (lower case, no diacritics), each word through the
 * alias table, dots, possessives and company endings dropped. "Zelenskiy" and "Zelenskyy",
 * "U.S." and "US", "Google Inc" and "Google" are one.
 */
/** Words that end a company's name but do not tell companies apart: "Ford Motor Co" is Ford Motor. */
const COMPANY_ENDINGS = new Set([
  "inc",
  "corp",
  "corporation",
  "co",
  "ltd",
  "plc",
  "llc",
  "sa",
  "ag",
  "nv",
  "se",
  "group",
  "holdings",
]);

export function entityKey(name: string): string {
  const words = fold(name)
    .replace(/['’]s\b/g, "")
    .replace(/\./g, "")
    .split(/[^\p{L}\p{N}&]+/u)
    .filter((word) => word !== "")
    .map((word) => ALIASES.get(word)?.replace(/'/g, "") ?? word);
  while (words.length > 0 && COMPANY_ENDINGS.has(words.at(-1)!)) words.pop();
  return words.join(" ");
}

export function encodeEntities(table: EntityTable): Uint8Array {
  const names = new TextEncoder().encode(table.names.join("\n"));
  const total = table.byArticle.reduce((sum, ids) => sum + ids.length, 0);
  const entities = table.names.length;
  const articles = table.byArticle.length;
  const kindsAt = 8;
  const namesAt = kindsAt + entities;
  const offsetsAt = Math.ceil((namesAt + 4 + names.length) / 4) * 4;
  const out = new Uint8Array(offsetsAt + 4 * (articles + 1) + 4 * total);
  const view = new DataView(out.buffer);
  view.setUint32(0, entities, true);
  view.setUint32(4, articles, true);
  table.kinds.forEach((kind, id) => {
    out[kindsAt + id] = ENTITY_KINDS.indexOf(kind);
  });
  view.setUint32(namesAt, names.length, true);
  out.set(names, namesAt + 4);
  let at = offsetsAt;
  let offset = 0;
  view.setUint32(at, 0, true);
  for (const ids of table.byArticle) view.setUint32((at += 4), (offset += ids.length), true);
  for (const ids of table.byArticle) for (const id of ids) view.setUint32((at += 4), id, true);
  return out;
}

/** An entity and how many articles name it. */
export interface EntityCount {
  name: string;
  count: number;
}

/** The decoded entities, for filters and counts. */
export interface EntityIndex {
  /** Entities in all. */
  readonly size: number;
  readonly kinds: Uint8Array;
  readonly names: readonly string[];
  /** Article n's entities are ids[offsets[n]] to ids[offsets[n + 1]]. */
  readonly offsets: Uint32Array;
  readonly ids: Uint32Array;
  /** The entity of this kind with this name (any spelling the build merged, or a lone first or last name only it has), or -1. */
  find(kind: EntityKind, name: string): number;
  /** Whether the article at `position` names the entity. */
  holds(position: number, entity: number): boolean;
  /** Articles naming each entity, by entity number. */
  readonly counts: Uint32Array;
}

/** Decodes the table; throws when it is damaged, or holds another number of articles than `articles` (when given). */
export function decodeEntities(buffer: ArrayBuffer | Uint8Array, articles?: number): EntityIndex {
  const bytes = buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const size = view.getUint32(0, true);
  const held = view.getUint32(4, true);
  if (articles !== undefined && held !== articles)
    throw new Error(`the entity table holds ${held} articles, the index ${articles}`);
  const kinds = bytes.slice(8, 8 + size);
  const namesAt = 8 + size;
  const namesLength = view.getUint32(namesAt, true);
  const text = new TextDecoder().decode(bytes.subarray(namesAt + 4, namesAt + 4 + namesLength));
  const names = size === 0 ? [] : text.split("\n");
  if (names.length !== size || kinds.some((kind) => kind >= ENTITY_KINDS.length))
    throw new Error("the entity table does not match its header");
  const offsetsAt = Math.ceil((namesAt + 4 + namesLength) / 4) * 4;
  if (offsetsAt + 4 * (held + 1) > bytes.byteLength) throw new Error("the entity lists are cut short");
  const offsets = new Uint32Array(held + 1);
  for (let n = 0; n <= held; n++) {
    offsets[n] = view.getUint32(offsetsAt + 4 * n, true);
    if (n > 0 && offsets[n]! < offsets[n - 1]!) throw new Error("the entity lists' offsets go back");
  }
  const idsAt = offsetsAt + 4 * (held + 1);
  const total = offsets[held]!;
  if (idsAt + 4 * total !== bytes.byteLength) throw new Error("the entity lists do not match their offsets");
  const ids = new Uint32Array(total);
  const counts = new Uint32Array(size);
  for (let i = 0; i < total; i++) {
    const id = view.getUint32(idsAt + 4 * i, true);
    if (id >= size) throw new Error(`entity ${id} is not in the table`);
    ids[i] = id;
    counts[id]!++;
  }
  // Found by kind and key, so that a filter may name an entity in any spelling merged into it.
  let byKey: Map<string, number> | undefined;
  return {
    size,
    kinds,
    names,
    offsets,
    ids,
    counts,
    find(kind, name) {
      if (!byKey) {
        byKey = new Map();
        // A lone first or last name finds the one entity of its kind whose name begins or ends with it.
        const lone = new Map<string, number>();
        for (let id = 0; id < size; id++) {
          const key = entityKey(names[id]!);
          byKey.set(`${kinds[id]} ${key}`, id);
          const words = key.split(" ");
          if (words.length < 2) continue;
          for (const word of new Set([words[0]!, words.at(-1)!])) {
            const at = `${kinds[id]} ${word}`;
            lone.set(at, lone.has(at) ? -1 : id);
          }
        }
        for (const [at, id] of lone) if (!byKey.has(at) && id >= 0) byKey.set(at, id);
      }
      return byKey.get(`${ENTITY_KINDS.indexOf(kind)} ${entityKey(name)}`) ?? -1;
    },
    holds(position, entity) {
      for (let i = offsets[position]!; i < offsets[position + 1]!; i++) if (ids[i] === entity) return true;
      return false;
    },
  };
}
