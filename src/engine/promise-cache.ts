// Load-once caches with a memory budget. Each key's load is started once and its promise
// kept, so concurrent requests share one fetch; once loads settle, the least recently used
// entries beyond the budget are dropped (and would be fetched again if asked for). A failed
// load is forgotten, so the next request retries it.

interface Entry<V> {
  promise: Promise<V>;
  /** The settled value's size in bytes; 0 while loading. */
  bytes: number;
}

export class PromiseCache<K, V> {
  private readonly entries = new Map<K, Entry<V>>();
  /** Bytes of the settled values held: kept as values settle and go, never re-summed. */
  private total = 0;

  /**
   * @param budget Bytes the settled values may take together; the newest entry is always kept.
   * @param sizeOf A value's size in bytes, taken once when it settles.
   */
  constructor(
    private readonly budget: number,
    private readonly sizeOf: (value: V) => number,
  ) {}

  get(key: K, load: () => Promise<V>): Promise<V> {
    const found = this.entries.get(key);
    if (found) {
      this.entries.delete(key);
      this.entries.set(key, found);
      return found.promise;
    }
    const entry: Entry<V> = {
      bytes: 0,
      promise: load().then(
        (value) => {
          if (this.entries.get(key) === entry) {
            entry.bytes = this.sizeOf(value);
            this.total += entry.bytes;
            this.evict(key);
          }
          return value;
        },
        (error: unknown) => {
          if (this.entries.get(key) === entry) this.entries.delete(key);
          throw error;
        },
      ),
    };
    this.entries.set(key, entry);
    return entry.promise;
  }

  /** Entries held (loading or loaded). */
  get size(): number {
    return this.entries.size;
  }

  private evict(keep: K): void {
    for (const [key, entry] of this.entries) {
      if (this.total <= this.budget) break;
      if (key === keep || entry.bytes === 0) continue;
      this.total -= entry.bytes;
      this.entries.delete(key);
    }
  }
}
