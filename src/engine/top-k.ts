// The k best of many items without sorting them all: a bounded binary heap whose root is the
// worst item kept. O(n log k); the result comes back best first.

/** The `k` best items by `better(a, b)` (true when a ranks above b), best first. */
export function topK<T>(items: Iterable<T>, k: number, better: (a: T, b: T) => boolean): T[] {
  if (k <= 0) return [];
  const heap: T[] = [];
  const worse = (a: T, b: T) => better(b, a);
  const up = (i: number) => {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!worse(heap[i]!, heap[parent]!)) break;
      [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
      i = parent;
    }
  };
  const down = (i: number) => {
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let worst = i;
      if (left < heap.length && worse(heap[left]!, heap[worst]!)) worst = left;
      if (right < heap.length && worse(heap[right]!, heap[worst]!)) worst = right;
      if (worst === i) return;
      [heap[i], heap[worst]] = [heap[worst]!, heap[i]!];
      i = worst;
    }
  };
  for (const item of items) {
    if (heap.length < k) {
      heap.push(item);
      up(heap.length - 1);
    } else if (better(item, heap[0]!)) {
      heap[0] = item;
      down(0);
    }
  }
  return heap.sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0));
}

/**
 * The `k` ids with the highest scores, best first (ties: lower id first). The hot path of
 * every relevance query, so a typed heap with the comparison inlined instead of `topK`.
 */
export function topByScore(ids: ArrayLike<number>, scores: Float64Array, k: number): number[] {
  const size = Math.min(k, ids.length);
  if (size <= 0) return [];
  const heap = new Int32Array(size);
  let length = 0;
  // a is worse than b: lower score, or equal score and higher id.
  const worse = (a: number, b: number) => scores[a]! < scores[b]! || (scores[a] === scores[b] && a > b);
  for (let n = 0; n < ids.length; n++) {
    const id = ids[n]!;
    let i: number;
    if (length < size) {
      i = length++;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!worse(id, heap[parent]!)) break;
        heap[i] = heap[parent]!;
        i = parent;
      }
      heap[i] = id;
      continue;
    }
    if (!worse(heap[0]!, id)) continue;
    i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= length) break;
      const right = left + 1;
      const child = right < length && worse(heap[right]!, heap[left]!) ? right : left;
      if (!worse(heap[child]!, id)) break;
      heap[i] = heap[child]!;
      i = child;
    }
    heap[i] = id;
  }
  return Array.from(heap.subarray(0, length)).sort((a, b) => (worse(a, b) ? 1 : worse(b, a) ? -1 : 0));
}
