import { afterEach, describe, expect, it } from "vitest";
import { ArticleStore, withBodyOf } from "../../build/article-store.js";
import { lazyBody } from "../../build/lazy-body.js";

const made: ArticleStore[] = [];
const store = () => {
  const created = new ArticleStore();
  made.push(created);
  return created;
};
afterEach(() => {
  for (const created of made.splice(0)) created.close();
});

const article = (n: number) => ({
  id: `story-${n}`,
  title: `Story ${n}: ${"ü".repeat(n % 7)}`,
  source: n % 2 ? "Reuters" : null,
  published: `2025-01-${String((n % 28) + 1).padStart(2, "0")}`,
  url: null,
  keywords: [`k${n}`],
});
const bodyOf = (n: number) => [`First paragraph of ${n}.`, "x".repeat((n % 50) * 37)];

describe("ArticleStore", () => {
  it("gives back every article's fields and body, in order and out of order", () => {
    const articles = store();
    // Enough text that reading the articles back spans many of the store's read windows.
    const handles = Array.from({ length: 3000 }, (_, n) => articles.add(article(n), bodyOf(n)));
    handles.forEach((handle, n) => {
      expect(handle.title).toBe(article(n).title);
      expect(handle.body).toEqual(bodyOf(n));
    });
    for (const n of [2999, 0, 1500, 7, 2998, 1]) {
      expect(handle(handles, n)).toEqual({ ...article(n), body: bodyOf(n) });
    }
  });

  it("serializes a handle as the plain article, with fields set after storing it", () => {
    const articles = store();
    const stored = articles.add({ ...article(3) }, bodyOf(3)) as ReturnType<typeof article> & {
      body: string[];
      language?: string;
    };
    stored.language = "de";
    expect(stored.language).toBe("de");
    expect(JSON.stringify(stored)).toBe(JSON.stringify({ ...article(3), language: "de", body: bodyOf(3) }));
  });

  it("reads a body given as a reader only when asked for", () => {
    const articles = store();
    let reads = 0;
    const stored = articles.add(article(1), () => {
      reads++;
      return ["Read on demand."];
    });
    expect(stored.title).toBe(article(1).title);
    expect(reads).toBe(0);
    expect(stored.body).toEqual(["Read on demand."]);
    expect(reads).toBe(1);
  });

  it("gives an article made from a stored one the same body without reading it", () => {
    const articles = store();
    const source = articles.add(article(4), bodyOf(4));
    const clean = withBodyOf({ id: "clean-4", title: "Clean" }, source);
    expect(clean).toMatchObject({ id: "clean-4", title: "Clean" });
    expect(clean.body).toEqual(bodyOf(4));
    const cached = withBodyOf(
      { id: "cached" },
      lazyBody({ id: "raw" }, () => ["From the cache."]),
    );
    expect(cached.body).toEqual(["From the cache."]);
  });

  it("cannot be read after it is closed", () => {
    const articles = store();
    const stored = articles.add(article(5), bodyOf(5));
    articles.close();
    expect(() => stored.body).toThrow();
  });
});

function handle(handles: object[], n: number): unknown {
  return JSON.parse(JSON.stringify(handles[n]));
}
