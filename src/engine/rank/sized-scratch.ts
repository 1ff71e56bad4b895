// Per-isolate scratch buffers for code that never awaits while it uses them (no two queries
// share them at once): made on first use, and made again only when the size asked for changes.

/** Returns a getter of `make(size)`, remade only when `size` differs from the last call's. */
export function sizedScratch<T>(make: (size: number) => T): (size: number) => T {
  let made: { size: number; value: T } | undefined;
  return (size) => {
    if (made?.size !== size) made = { size, value: make(size) };
    return made.value;
  };
}
