// The k best of many article positions without sorting them all: a bounded binary heap in a
// typed array whose root is the worst position kept. O(n log k); the result comes back best first.

/**
 * The `k` best positions by `better(a, b)` (true when a ranks above b; a strict order), best first.
 * @param key When the order is by this key, highest first (ties by `better`), candidates below the
 *   worst kept are skipped without calling `better`: most of a large result set.
 */
export function topK(
  ids: ArrayLike<number>,
  k: number,
  better: (a: number, b: number) => boolean,
  key?: Float64Array,
): number[] {
  const size = Math.min(k, ids.length);
  if (size <= 0) return [];
  const heap = new Int32Array(size);
  let length = 0;
  /** The key of the worst kept (the root), once the heap is full. */
  let floor = -Infinity;
  for (let n = 0; n < ids.length; n++) {
    const id = ids[n]!;
    let i: number;
    if (length < size) {
      // Sift up: move worse-than-id parents down.
      for (i = length++; i > 0; ) {
        const parent = (i - 1) >> 1;
        if (!better(heap[parent]!, id)) break;
        heap[i] = heap[parent]!;
        i = parent;
      }
      heap[i] = id;
      if (length === size && key !== undefined) floor = key[heap[0]!]!;
      continue;
    }
    if (key !== undefined && key[id]! < floor) continue;
    if (!better(id, heap[0]!)) continue;
    // Replace the root and sift down: move better children up.
    for (i = 0; ; ) {
      const left = 2 * i + 1;
      if (left >= length) break;
      const right = left + 1;
      const child = right < length && better(heap[left]!, heap[right]!) ? right : left;
      if (!better(id, heap[child]!)) break;
      heap[i] = heap[child]!;
      i = child;
    }
    heap[i] = id;
    if (key !== undefined) floor = key[heap[0]!]!;
  }
  return Array.from(heap).sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0));
}

/**
 * Offers an article to a heap of at most `capacity` positions with the highest `scores` (root:
 * the lowest kept): it is added while there is room, else it replaces the root when it scores
 * higher. Returns the heap's new size. Ties keep the one already held.
 */
export function keepHighest(
  heap: Int32Array,
  size: number,
  capacity: number,
  id: number,
  scores: Float64Array,
): number {
  const score = scores[id]!;
  if (size < capacity) {
    let i = size;
    for (; i > 0 && scores[heap[(i - 1) >> 1]!]! > score; i = (i - 1) >> 1) heap[i] = heap[(i - 1) >> 1]!;
    heap[i] = id;
    return size + 1;
  }
  if (capacity === 0 || !(score > scores[heap[0]!]!)) return size;
  let i = 0;
  for (;;) {
    let child = 2 * i + 1;
    if (child >= size) break;
    if (child + 1 < size && scores[heap[child + 1]!]! < scores[heap[child]!]!) child++;
    if (scores[heap[child]!]! >= score) break;
    heap[i] = heap[child]!;
    i = child;
  }
  heap[i] = id;
  return size;
}

/**
 * The k-th largest of `values[0, count)` (1 ≤ k ≤ count), by selection in place: the values are
 * reordered. O(count) on average, where sorting a typed array of a few hundred cost more than
 * the lookups that filled it.
 */
export function kthLargest(values: Float64Array, count: number, k: number): number {
  // The (count - k)-th smallest, zero-based: Hoare's selection with a middle pivot.
  const target = count - k;
  let low = 0;
  let high = count - 1;
  while (low < high) {
    const pivot = values[(low + high) >>> 1]!;
    let i = low;
    let j = high;
    while (i <= j) {
      while (values[i]! < pivot) i++;
      while (values[j]! > pivot) j--;
      if (i <= j) {
        const swap = values[i]!;
        values[i++] = values[j]!;
        values[j--] = swap;
      }
    }
    if (target <= j) high = j;
    else if (target >= i) low = i;
    else break;
  }
  return values[target]!;
}

/**
 * The positions that pass, in order, in a new typed array: one loop, where a typed array's own
 * filter and `Array.from(...).filter` cost several times more over the tens of thousands of
 * candidates a query with frequent words has.
 */
export function filtered(ids: ArrayLike<number>, pass: (id: number) => boolean): Int32Array {
  const kept = new Int32Array(ids.length);
  let count = 0;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    if (pass(id)) kept[count++] = id;
  }
  return kept.subarray(0, count);
}
