// Load-once caches with a memory budget. Each key's load is started once and its promise
// kept, so concurrent requests share one fetch; once loads settle, the least recently used
// entries beyond the budget are dropped (and would be fetched again if asked for). A failed
// load is forgotten, so the next request retries it.
import { BudgetLru } from "./budget-lru.js";

export class PromiseCache<K, V> {
  private readonly entries: BudgetLru<K, Promise<V>>;

  /**
   * @param budget Bytes the settled values may take together; the newest entry is always kept.
   * @param sizeOf A value's size in bytes, taken once when it settles.
   */
  constructor(
    budget: number,
    private readonly sizeOf: (value: V) => number,
  ) {
    this.entries = new BudgetLru(budget);
  }

  get(key: K, load: () => Promise<V>): Promise<V> {
    const found = this.entries.get(key);
    if (found) return found;
    const promise: Promise<V> = load().then(
      (value) => {
        this.entries.sized(key, promise, this.sizeOf(value));
        return value;
      },
      (error: unknown) => {
        if (this.entries.peek(key) === promise) this.entries.delete(key);
        throw error;
      },
    );
    this.entries.add(key, promise);
    return promise;
  }

  /** Entries held (loading or loaded). */
  get size(): number {
    return this.entries.size.count;
  }
}
