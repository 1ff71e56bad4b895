// The app's type through hono/client: typed calls compile and answer in workerd. That wrong
// calls do not compile is checked by the type check of client-types.ts.
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
