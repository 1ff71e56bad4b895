// Entries by key within a memory budget, the least recently used dropped first: what the
// index's load-once caches (promise-cache.ts) and the dense term views (rank/term-views.ts) keep.

interface Entry<V> {
  value: V;
  /** Bytes the entry takes; 0 while not known yet (a load in flight), and then never dropped. */
  bytes: number;
}

export class BudgetLru<K, V> {
  private readonly entries = new Map<K, Entry<V>>();
  /** Bytes of the entries held: kept as entries come and go, never re-summed. */
  private total = 0;

  /** @param budget Bytes the entries may take together; the entry just sized is always kept. */
  constructor(private readonly budget: number) {}

  /** The entry's value, now the most recently used; undefined when it is not held. */
  get(key: K): V | undefined {
    const found = this.entries.get(key);
    if (!found) return undefined;
    this.entries.delete(key);
    this.entries.set(key, found);
    return found.value;
  }

  /** Holds a value as the most recently used, its size not known yet (see `sized`). */
  add(key: K, value: V): void {
    this.delete(key);
    this.entries.set(key, { value, bytes: 0 });
  }

  /** Gives a held value its size, then drops the least recently used sized entries beyond the budget (never this one). */
  sized(key: K, value: V, bytes: number): void {
    const entry = this.entries.get(key);
    if (!entry || entry.value !== value) return;
    this.total += bytes - entry.bytes;
    entry.bytes = bytes;
    for (const [other, { bytes: size }] of this.entries) {
      if (this.total <= this.budget) break;
      if (other === key || size === 0) continue;
      this.delete(other);
    }
  }

  /** Drops the entry if held. */
  delete(key: K): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.total -= entry.bytes;
    this.entries.delete(key);
  }

  /** The value held for the key, without making it the most recently used. */
  peek(key: K): V | undefined {
    return this.entries.get(key)?.value;
  }

  /** Entries held, and the bytes of those sized. */
  get size(): { count: number; bytes: number } {
    return { count: this.entries.size, bytes: this.total };
  }
}
