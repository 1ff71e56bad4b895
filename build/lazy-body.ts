// Article bodies read on demand (from the build's scratch file, or again from a cached unit's
// file). Such an article is an instance of one class whose prototype reads the body through the
// article's own reader, so a hundred thousand of them share V8's hidden shapes; an accessor
// defined on each object would give every object a shape of its own, several times its size.
// `toJSON` writes the body in, last, as a plain article would have it.

const READER = Symbol("body reader");

class LazyBodyArticle {
  [READER]: () => string[];

  constructor(fields: object, read: () => string[]) {
    Object.assign(this, fields);
    this[READER] = read;
  }

  get body(): string[] {
    return this[READER]();
  }

  toJSON(): object {
    return { ...this, body: this.body };
  }
}

/** `fields` as an article whose body `read` gives whenever it is asked for. */
export function lazyBody<T extends object>(fields: T, read: () => string[]): T & { body: string[] } {
  return new LazyBodyArticle(fields, read) as unknown as T & { body: string[] };
}

/** `fields` with the body of `source` as `source` holds it: read on demand or as it is. */
export function copyBody<T extends object>(fields: T, source: { body: string[] }): T & { body: string[] } {
  if (source instanceof LazyBodyArticle) return lazyBody(fields, source[READER]);
  return Object.assign(fields, { body: source.body });
}
