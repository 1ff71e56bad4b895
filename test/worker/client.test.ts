// The app's type through hono/client: typed calls compile and answer in workerd, and a wrong
// parameter does not compile (each @ts-expect-error in wrongCalls fails `npm run check` if the
// types let it pass).
import { exports } from "cloudflare:workers";
import { hc } from "hono/client";
import { describe, expect, it } from "vitest";
import type { NewsfindApp } from "../../src/app.js";

const client = hc<NewsfindApp>("http://newsfind.test", {
  fetch: (input: RequestInfo | URL, init?: RequestInit) => exports.default.fetch(input, init),
});

describe("hono/client with NewsfindApp", () => {
  it("calls /search, /suggest and /articles/:id with typed parameters", async () => {
    const search = await client.search.$get({ query: { q: "Putin", limit: "1" } });
    expect(search.status).toBe(200);
    const page = (await search.json()) as { hits: { id: string }[] };
    expect(page.hits).toHaveLength(1);
    const suggest = await client.suggest.$get({ query: { q: "kreml" } });
    expect(((await suggest.json()) as { suggestions: { text: string }[] }).suggestions[0]!.text).toBe("Kremlin");
    const article = await client.articles[":id"].$get({ param: { id: page.hits[0]!.id }, query: {} });
    expect(article.status).toBe(200);
  }, 30_000); // the file's first request may load the index
});

/**
 * Never called: each call is a compile error its directive expects, so `npm run check` (tsc on
 * test/tsconfig.json) fails the day the types let a wrong parameter through.
 */
export function wrongCalls() {
  return [
    // @ts-expect-error: /search has no parameter "page"
    client.search.$get({ query: { q: "Putin", page: "2" } }),
    // @ts-expect-error: limit is a query string value, not a number
    client.search.$get({ query: { limit: 10 } }),
    // @ts-expect-error: there is no endpoint /searches
    client.searches.$get(),
  ];
}
