// GET /suggest: completions of a partial query from the titles' phrases that begin with its
// first word, in both layouts, with FlexSearch's tolerance of a misspelt word, ranked by
// closeness then by titles and age; the
// OpenSearch suggestions format; validation; hostile titles stay escaped.
import { describe, expect, it } from "vitest";
import type { Article } from "../../src/index-format.js";
import { appFor, hostileFetch, LAYOUTS, problemOf, seedFetch, type Fetch } from "./helpers.js";

interface Suggestions {
  query: string;
  suggestions: { text: string; articles: number }[];
}

async function suggestionsOf(fetch: Fetch, query: string): Promise<Suggestions> {
  const response = await fetch(`/suggest?${query}`);
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
  return (await response.json()) as Suggestions;
}

const texts = (result: Suggestions) => result.suggestions.map(({ text }) => text);

const article = (id: string, title: string, published: string): Article => ({
  id,
  title,
  published,
  source: "Wire",
  url: null,
  body: [`${title}. More follows.`],
});

describe.each(LAYOUTS)("GET /suggest (%s layout)", (layout) => {
  const fetch = seedFetch(layout);

  it("completes the last word from the seed titles, phrases that begin as typed first", async () => {
    const kremlin = await suggestionsOf(fetch, "q=kreml");
    expect(kremlin.query).toBe("kreml");
    expect(texts(kremlin)[0]).toBe("Kremlin");
    const pair = await suggestionsOf(fetch, `q=${encodeURIComponent("Putin tr")}`);
    expect(texts(pair)[0]).toBe("Putin Trump");
    // "Putin Trump" is in two seed titles.
    expect(pair.suggestions[0]!.articles).toBe(2);
    // Every suggestion begins with the first word typed; those with a word beginning "tr" come
    // first, then those with only "Putin" (when few have both).
    for (const text of texts(pair)) expect(text).toMatch(/^Putin\b/);
    const both = texts(pair).filter((text) => /\bTr/.test(text));
    expect(both.length).toBeGreaterThanOrEqual(2);
    expect(texts(pair).slice(0, both.length)).toEqual(both);
  });

  it("keeps to the limit", async () => {
    const ukraine = await suggestionsOf(fetch, "q=ukr");
    expect(texts(ukraine)).toEqual(["Ukraine", "Ukraine Stance"]);
    expect(texts(await suggestionsOf(fetch, "q=ukr&limit=1"))).toEqual(["Ukraine"]);
  });

  it("suggests nothing before a word has two letters, or for a word no title has", async () => {
    expect((await suggestionsOf(fetch, "q=k")).suggestions).toEqual([]);
    expect((await suggestionsOf(fetch, "q=")).suggestions).toEqual([]);
    expect((await suggestionsOf(fetch, "q=qqzx")).suggestions).toEqual([]);
  });

  it("answers in the OpenSearch suggestions format for browsers", async () => {
    const response = await fetch("/suggest?q=kreml&format=opensearch");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/x-suggestions+json; charset=utf-8");
    const [query, completions] = (await response.json()) as [string, string[]];
    expect(query).toBe("kreml");
    expect(completions[0]).toBe("Kremlin");
  });

  it("refuses a bad limit, a long q and an unknown parameter with a problem naming it", async () => {
    for (const [query, param] of [
      ["q=kreml&limit=0", "limit"],
      ["q=kreml&limit=21", "limit"],
      [`q=${"a".repeat(101)}`, "q"],
      ["q=kreml&format=xml", "format"],
    ] as const) {
      const response = await fetch(`/suggest?${query}`);
      expect(response.status).toBe(400);
      const problem = await problemOf(response);
      expect(problem.errors?.[0]?.param).toBe(param);
    }
    const unknown = await problemOf(await fetch("/suggest?q=kreml&page=2"));
    expect(unknown.detail).toContain('unknown parameter "page"');
  });
});

describe.each(LAYOUTS)("suggestions of a built archive (%s layout)", (layout) => {
  const articles = [
    article("a1", "Goldman Sachs profit rises", "2020-01-01"),
    article("a2", "Goldman Sachs names chief", "2020-02-01"),
    article("a3", "Goldman Sachs cuts jobs", "2020-03-01"),
    article("b1", "Golden Globe winners named", "2024-01-01"),
    article("b2", "Golden Globe hosts chosen", "2024-02-01"),
    article("c1", "Golden Gate bridge closes", "2020-01-01"),
    article("c2", "Golden Gate bridge opens", "2020-02-01"),
  ];
  const app = appFor(articles, layout);
  const fetch: Fetch = async (path, init) => app.request(path, init);

  it("forgives a misspelt word the reader has finished", async () => {
    // A missed vowel: FlexSearch's encoder matches it as it is.
    expect(texts(await suggestionsOf(fetch, `q=${encodeURIComponent("goldmn sa")}`))[0]).toBe("Goldman Sachs");
    // Two letters swapped: corrected to the shard's word one edit away.
    expect(texts(await suggestionsOf(fetch, `q=${encodeURIComponent("goldamn sa")}`))[0]).toBe("Goldman Sachs");
    expect(texts(await suggestionsOf(fetch, `q=${encodeURIComponent("sahcs pr")}`))[0]).toBe("Sachs profit");
    // A word followed by a space is finished too.
    expect(texts(await suggestionsOf(fetch, `q=${encodeURIComponent("goldamn ")}`))[0]).toBe("Goldman");
    // The word being typed is a prefix, not corrected: nothing begins "goldamn".
    expect((await suggestionsOf(fetch, "q=goldamn")).suggestions).toEqual([]);
  });

  it("ranks equal matches by the titles holding them, then the newer first", async () => {
    const golden = texts(await suggestionsOf(fetch, "q=golden&limit=20"));
    expect(golden[0]).toBe("Golden");
    // Two titles each: "Golden Globe" is the newer.
    expect(golden.indexOf("Golden Globe")).toBeLessThan(golden.indexOf("Golden Gate"));
    const gold = texts(await suggestionsOf(fetch, "q=gold&limit=20"));
    // Four titles hold "Golden", three "Goldman Sachs": the more first.
    expect(gold[0]).toBe("Golden");
    // A phrase of this year's two titles outranks one of three titles four years older.
    expect(gold.indexOf("Golden Globe")).toBeLessThan(gold.indexOf("Goldman Sachs"));
  });
});

describe.each(LAYOUTS)("suggestions of hostile titles (%s layout)", (layout) => {
  it("are JSON with no raw markup characters", async () => {
    const fetch = hostileFetch(layout);
    for (const q of ["sc", "tom", "<script>alert(1)</script>"]) {
      const response = await fetch(`/suggest?q=${encodeURIComponent(q)}`);
      expect(response.status).toBe(200);
      const body = await response.text();
      expect(body).not.toMatch(/[<>]/);
      JSON.parse(body);
    }
  });
});
