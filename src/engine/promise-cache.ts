// Load-once caches with a memory budget. Each key's load is started once and its promise
// kept, so concurrent requests share one fetch; once loads settle, the least recently used
// entries beyond the budget are dropped (and would be fetched again if asked for). A failed
// load is forgotten, so the next request retries it.

export class PromiseCache<K, V> {
  private readonly entries = new Map<K, { promise: Promise<V>; value?: V }>();

  /**
   * @param budget Bytes the settled values may take together; the newest entry is always kept.
   * @param sizeOf A value's size in bytes (asked again at each eviction: a value may grow).
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
    const entry: { promise: Promise<V>; value?: V } = {
      promise: load().then(
        (value) => {
          entry.value = value;
          this.evict(key);
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
    let total = 0;
    for (const entry of this.entries.values()) if (entry.value !== undefined) total += this.sizeOf(entry.value);
    for (const [key, entry] of this.entries) {
      if (total <= this.budget) break;
      if (key === keep || entry.value === undefined) continue;
      total -= this.sizeOf(entry.value);
      this.entries.delete(key);
    }
  }
}
