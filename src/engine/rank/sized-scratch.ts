// Per-isolate scratch buffers for code that never awaits while it uses them (no two queries
// share them at once): made on first use, and made again only when the size asked for changes.
// And the length a buffer that grows with its queries takes (`grownLength`).

/** Returns a getter of `make(size)`, remade only when `size` differs from the last call's. */
export function sizedScratch<T>(make: (size: number) => T): (size: number) => T {
  let made: { size: number; value: T } | undefined;
  return (size) => {
    if (made?.size !== size) made = { size, value: make(size) };
    return made.value;
  };
}

/**
 * Room for `needed` entries, of at most `most`: the next power of two (at least 1,024), so that
 * an isolate allocates a buffer a few times as its queries need more, and a fresh isolate's
 * first query does not allocate and clear an archive's worth it will not use.
 */
export function grownLength(needed: number, most: number): number {
  return Math.min(most, 2 ** Math.ceil(Math.log2(Math.max(needed, 1024))));
}
