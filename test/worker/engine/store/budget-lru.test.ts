// The byte-budget LRU behind the index's caches and the dense term views (src/engine/store/budget-lru.ts).
import { describe, expect, it } from "vitest";
import { BudgetLru } from "../../../../src/engine/store/budget-lru.js";

function lru(budget: number, sizes: Record<string, number>) {
  const cache = new BudgetLru<string, string>(budget);
  for (const [key, bytes] of Object.entries(sizes)) {
    cache.add(key, key);
    cache.sized(key, key, bytes);
  }
  return cache;
}

describe("BudgetLru", () => {
  it("drops the least recently used beyond its budget, a get counting as a use", () => {
    const cache = lru(10, { a: 4, b: 4 });
    expect(cache.get("a")).toBe("a");
    cache.add("c", "c");
    cache.sized("c", "c", 4);
    expect([cache.peek("a"), cache.peek("b"), cache.peek("c")]).toEqual(["a", undefined, "c"]);
    expect(cache.size).toEqual({ count: 2, bytes: 8 });
  });

  it("keeps the entry just sized even when it alone is over the budget", () => {
    const cache = lru(10, { a: 4, big: 30 });
    expect([cache.peek("a"), cache.peek("big")]).toEqual([undefined, "big"]);
    expect(cache.size).toEqual({ count: 1, bytes: 30 });
  });

  it("never drops an entry whose size is not known yet, and ignores the size of a value replaced since", () => {
    const cache = new BudgetLru<string, string>(5);
    cache.add("loading", "first");
    cache.add("done", "done");
    cache.sized("done", "done", 20);
    expect(cache.peek("loading")).toBe("first");
    cache.add("loading", "second");
    cache.sized("loading", "first", 100);
    expect(cache.size).toEqual({ count: 2, bytes: 20 });
    cache.delete("done");
    expect(cache.size).toEqual({ count: 1, bytes: 0 });
  });
});
