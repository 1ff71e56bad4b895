// Article bodies read on demand (from the build's scratch file, or again from a cached unit's
// file) behind one shared accessor. Every article object gets the same `body` getter and keeps
// its reader in a hidden property, so V8 gives them all one shape; a getter closure of their
// own would give each object a shape of its own, several times the memory of the object.

const READER = Symbol("body reader");

type WithReader = { [READER]?: () => string[] };

/** The shared accessor: reads the body through the object's own reader. */
const BODY: PropertyDescriptor = {
  enumerable: true,
  configurable: true,
  get(this: WithReader) {
    return this[READER]!();
  },
};

/** Gives `target` a body read by `read` whenever it is asked for; returns `target`. */
export function lazyBody<T extends object>(target: T, read: () => string[]): T & { body: string[] } {
  Object.defineProperty(target, READER, { value: read, enumerable: false, writable: false, configurable: false });
  return Object.defineProperty(target, "body", BODY) as T & { body: string[] };
}

/** Gives `target` the body of `source` as `source` holds it: read on demand or as it is. */
export function copyBody<T extends object>(target: T, source: { body: string[] }): T & { body: string[] } {
  const read = (source as WithReader)[READER];
  if (read) return lazyBody(target, read);
  return Object.assign(target, { body: source.body });
}
