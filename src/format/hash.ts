// Which shard a key lives in: FNV-1a over the key's UTF-16 code units, modulo the shard count.
// The build places terms, ids and phonetic keys with it, and the worker finds them with it.

export function fnv1a(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/** The shard, 0 to shards − 1, that holds `key`. */
export function shardOf(key: string, shards: number): number {
  return fnv1a(key) % shards;
}
