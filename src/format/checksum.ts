// Shard integrity: the build records a 32-bit checksum of every asset file of a sharded index
// in the manifest, by kind and shard, and the worker checks each file it reads against it. A
// damaged or stale file is then reported, never decoded into a wrong answer. The checksum is
// zlib's CRC-32 (node:zlib, native in Node and in workerd through nodejs_compat): it changes
// with any byte flipped, dropped or added, and costs little even to an isolate whose code is
// not yet optimised, as on the first query of a fresh worker.
import { crc32 } from "node:zlib";

/** The checksum of a file's bytes, an unsigned 32-bit number. */
export function checksum(bytes: Uint8Array): number {
  return crc32(bytes) >>> 0;
}

/** The kinds of shard kept in numbered files, each a folder under the index root. */
export const NUMBERED_KINDS = ["terms", "articles", "cards", "ids", "phonetic", "lexicon", "suggest"] as const;
export type NumberedKind = (typeof NUMBERED_KINDS)[number];

/** The single files, each kept under its own name. */
export const SINGLE_FILES = ["meta", "prefixes", "copies", "entities"] as const;
export type SingleFile = (typeof SINGLE_FILES)[number];

/** Every asset file's checksum: the numbered shards' by kind and number, and the single files'. */
export interface Checksums {
  shards: Record<NumberedKind, number[]>;
  meta: number;
  prefixes: number;
  copies: number;
  entities: number;
}

/** Empty checksums, to fill as files are written. */
export function noChecksums(): Checksums {
  return {
    shards: Object.fromEntries(NUMBERED_KINDS.map((kind) => [kind, [] as number[]])) as Checksums["shards"],
    meta: 0,
    prefixes: 0,
    copies: 0,
    entities: 0,
  };
}

const NUMBERED = /\/(terms|articles|cards|ids|phonetic|lexicon|suggest)\/(\d+)\.[a-z.]+$/;

/**
 * Where a file's checksum is kept, from its path (`shardPaths`): a kind and shard number, or a
 * single file's name; null for a path no shard has.
 */
export function checksumSlot(path: string): { kind: NumberedKind; shard: number } | SingleFile | null {
  const numbered = NUMBERED.exec(path);
  if (numbered) return { kind: numbered[1] as NumberedKind, shard: Number(numbered[2]) };
  if (path.endsWith("/meta.bin")) return "meta";
  if (path.endsWith("/prefixes.txt.gz")) return "prefixes";
  if (path.endsWith("/copies.bin")) return "copies";
  if (path.endsWith("/entities.bin")) return "entities";
  return null;
}

/** Records a file's checksum in its slot. */
export function recordChecksum(checksums: Checksums, path: string, bytes: Uint8Array): void {
  const slot = checksumSlot(path);
  if (slot === null) throw new Error(`no checksum slot for ${path}`);
  const value = checksum(bytes);
  if (typeof slot === "string") checksums[slot] = value;
  else checksums.shards[slot.kind][slot.shard] = value;
}

/** The checksum recorded for a file, or undefined when none is. */
export function expectedChecksum(checksums: Checksums, path: string): number | undefined {
  const slot = checksumSlot(path);
  if (slot === null) return undefined;
  return typeof slot === "string" ? checksums[slot] : checksums.shards[slot.kind][slot.shard];
}
