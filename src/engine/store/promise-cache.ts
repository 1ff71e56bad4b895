// Load-once caches with a memory budget. Each key's load is started once and its promise
// kept, so concurrent requests share one fetch; once loads settle, the least recently used
// entries beyond the budget are dropped (and would be fetched again if asked for). A failed
// load is forgotten, so the next request retries it.
//
// A request never awaits another request's promise itself, but a promise of its own that
// settles with it (`joined`): in workerd, the continuation of an await runs in the request
// whose I/O settled the awaited promise, so a request that awaited another's load would go on
// in that request, and a Response it then made would belong to the other request (workerd
// refuses to send it: "Cannot perform I/O on behalf of a different request"). A promise made
// by the waiting request is settled in its own context instead.
import { BudgetLru } from "./budget-lru.js";

/** A promise of the caller's own that settles as `shared` does (see the header). */
export function joined<T>(shared: Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => shared.then(resolve, reject));
}

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
    if (found) return joined(found);
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
