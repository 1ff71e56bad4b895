// Articles kept in a scratch file while the build runs, so the build's memory does not grow with
// the archive. Each article is written out once, its fields as one JSON record and its body as
// another, and is held in memory as a small handle (its store and position) whose fields and
// body are read back from the file whenever something asks for them. A hundred thousand
// handles share one class, so they take a few megabytes where the articles would take hundreds.
// Fields set after an article is stored (its settled language) are kept beside the file, in
// columns by position. Handles serialize (`toJSON`) as the plain article would.
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DETAIL_KEYS } from "../src/index-format.js";
import { FileWindows } from "./file-windows.js";
import { copyBody } from "./lazy-body.js";

/** Every field a stored article may have (a raw, sourced or clean article's). */
const FIELDS = [
  "id",
  "title",
  "source",
  "published",
  "url",
  "origin",
  ...DETAIL_KEYS,
  "unit",
  "index",
  "bodyHash",
  "bodyChars",
  "cachedRow",
] as const;

class StoredArticle {
  readonly #store: ArticleStore;
  readonly #position: number;

  constructor(store: ArticleStore, position: number) {
    this.#store = store;
    this.#position = position;
  }

  static where(article: StoredArticle): [ArticleStore, number] {
    return [article.#store, article.#position];
  }

  get body(): string[] {
    return this.#store.body(this.#position);
  }

  toJSON(): object {
    return { ...this.#store.fields(this.#position), body: this.body };
  }
}

for (const name of FIELDS) {
  Object.defineProperty(StoredArticle.prototype, name, {
    get(this: StoredArticle) {
      const [store, position] = StoredArticle.where(this);
      return store.field(position, name);
    },
    set(this: StoredArticle, value: unknown) {
      const [store, position] = StoredArticle.where(this);
      store.set(position, name, value);
    },
  });
}

/**
 * `fields` with the body of `source`, kept where `source` keeps it: a stored article's in its
 * store (neither read nor copied), another's read on demand or as it is.
 */
export function withBodyOf<T extends object>(fields: T, source: { body: string[] }): T & { body: string[] } {
  if (source instanceof StoredArticle) return StoredArticle.where(source)[0].add(fields, source);
  return copyBody(fields, source);
}

/** Where an article's body is: at bytes of the scratch file, or with a reader of its own. */
type Body = { at: number; length: number } | { read: () => string[] };

export class ArticleStore {
  private readonly dir: string;
  private readonly fd: number;
  private size = 0;
  private count = 0;
  private recordAt = new Float64Array(1024);
  private recordLength = new Int32Array(1024);
  /** A body's bytes, or -1 when it has a reader in `readers`. */
  private bodyAt = new Float64Array(1024);
  private bodyLength = new Int32Array(1024);
  private readonly readers = new Map<number, () => string[]>();
  /** Fields set after storing, by name, then position. */
  private readonly later = new Map<string, unknown[]>();
  private readonly windows: FileWindows;
  private last: { position: number; record: Record<string, unknown> } = { position: -1, record: {} };
  private closed = false;

  /** @param parent where the scratch folder goes; default: the system's temporary folder. */
  constructor(parent = tmpdir()) {
    this.dir = mkdtempSync(join(parent, "newsfind-articles-"));
    this.fd = openSync(join(this.dir, "articles.json"), "w+");
    this.windows = new FileWindows(this.fd, "the build's scratch file of articles");
  }

  /**
   * Stores an article: `fields` (all but the body), and its body as text, as a reader that gives
   * it on demand, or as the body of another article (a stored one's is not read or copied).
   * Returns its handle.
   */
  add<T extends object>(
    fields: T,
    body: readonly string[] | (() => string[]) | { body: string[] },
  ): T & { body: string[] } {
    const position = this.count++;
    this.grow();
    const record = Buffer.from(JSON.stringify(fields));
    this.recordAt[position] = this.size;
    this.recordLength[position] = record.length;
    this.size += this.write(record, this.size);
    const where = this.locate(body);
    if ("read" in where) {
      this.bodyAt[position] = -1;
      this.readers.set(position, where.read);
    } else {
      this.bodyAt[position] = where.at;
      this.bodyLength[position] = where.length;
    }
    return new StoredArticle(this, position) as unknown as T & { body: string[] };
  }

  /** The article's fields as stored, with those set since. */
  fields(position: number): Record<string, unknown> {
    const record = { ...this.record(position) };
    for (const [name, values] of this.later) if (values[position] !== undefined) record[name] = values[position];
    return record;
  }

  field(position: number, name: string): unknown {
    const set = this.later.get(name)?.[position];
    return set !== undefined ? set : this.record(position)[name];
  }

  set(position: number, name: string, value: unknown): void {
    let values = this.later.get(name);
    if (!values) this.later.set(name, (values = []));
    values[position] = value;
  }

  body(position: number): string[] {
    const at = this.bodyAt[position]!;
    if (at < 0) return this.readers.get(position)!();
    return JSON.parse(this.windows.read(at, this.bodyLength[position]!).toString("utf8")) as string[];
  }

  /** Removes the scratch file; articles stored here cannot be read after. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    closeSync(this.fd);
    rmSync(this.dir, { recursive: true, force: true });
  }

  private locate(body: readonly string[] | (() => string[]) | { body: string[] }): Body {
    if (typeof body === "function") return { read: body };
    if (body instanceof StoredArticle) {
      const [store, position] = StoredArticle.where(body);
      if (store !== this) return { read: () => body.body };
      const at = this.bodyAt[position]!;
      return at < 0 ? { read: this.readers.get(position)! } : { at, length: this.bodyLength[position]! };
    }
    if (!Array.isArray(body)) {
      // Another kind of article (a cached one whose body is read on demand): read it the same way.
      const lazy = copyBody({}, body as { body: string[] });
      return { read: () => lazy.body };
    }
    const bytes = Buffer.from(JSON.stringify(body));
    const at = this.size;
    this.size += this.write(bytes, at);
    return { at, length: bytes.length };
  }

  private record(position: number): Record<string, unknown> {
    if (this.last.position !== position) {
      const bytes = this.windows.read(this.recordAt[position]!, this.recordLength[position]!);
      this.last = { position, record: JSON.parse(bytes.toString("utf8")) as Record<string, unknown> };
    }
    return this.last.record;
  }

  private write(bytes: Buffer, offset: number): number {
    for (let done = 0; done < bytes.length; )
      done += writeSync(this.fd, bytes, done, bytes.length - done, offset + done);
    return bytes.length;
  }

  private grow(): void {
    if (this.count <= this.recordAt.length) return;
    const more = <T extends Float64Array | Int32Array>(old: T, make: (n: number) => T): T => {
      const next = make(old.length * 2);
      next.set(old);
      return next;
    };
    this.recordAt = more(this.recordAt, (n) => new Float64Array(n));
    this.recordLength = more(this.recordLength, (n) => new Int32Array(n));
    this.bodyAt = more(this.bodyAt, (n) => new Float64Array(n));
    this.bodyLength = more(this.bodyLength, (n) => new Int32Array(n));
  }
}
