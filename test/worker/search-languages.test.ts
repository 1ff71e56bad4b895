// Search over an archive of several languages: each article is indexed in its own language and
// a query word matches the terms it has in any of them. Fixture indexes are compiled in the test.
import { describe, expect, it } from "vitest";
import type { Article } from "../../src/index-format.js";
import { appFor, LAYOUTS } from "./helpers.js";

interface Body {
  total: number;
  hits: { id: string; snippet: string }[];
}

function article(id: string, language: string, title: string, body: string): Article {
  return { id, title, source: "Test", published: "2025-01-01", url: null, body: [body], language };
}

const GERMAN = [
  article("de-1", "de", "Die Regierung tagt", "Die Regierung hat am Montag über das neue Gesetz beraten."),
  article("de-2", "de", "Neue Regierungen in Europa", "Mehrere Regierungen wurden nach den Wahlen gebildet."),
  article("de-3", "de", "Häuser am See", "Die Häuser am Ufer sind teuer geworden."),
  article("de-4", "de", "Wetter", "Morgen regnet es in der ganzen Stadt und auf dem Land."),
];
const ENGLISH = [
  article("en-1", "en", "Leaders meet", "The governments met to discuss how many die in road crashes."),
  article("en-2", "en", "Market report", "Shares rose as traders watched the central bank."),
];
const POLISH = [article("pl-1", "pl", "Wiadomości", "Posiedzenie rządu odbyło się w Warszawie.")];

function search(articles: Article[], layout: (typeof LAYOUTS)[number]) {
  const app = appFor(articles, layout);
  return async (q: string): Promise<Body> => {
    const response = await app.request(`/search?q=${encodeURIComponent(q)}&typos=off`);
    expect(response.status).toBe(200);
    return (await response.json()) as Body;
  };
}

const ids = (body: Body) => body.hits.map((hit) => hit.id).sort();

describe.each(LAYOUTS)("%s layout", (layout) => {
  it("finds the articles of an inflected German form's siblings: Regierungen finds Regierung", async () => {
    const query = search(GERMAN, layout);
    expect(ids(await query("Regierungen"))).toEqual(["de-1", "de-2"]);
    expect(ids(await query("Regierung"))).toEqual(["de-1", "de-2"]);
    expect(ids(await query("Haus"))).toEqual(["de-3"]);
  });

  it("finds nothing for German stop words in German-only content: der die das", async () => {
    const body = await search(GERMAN, layout)("der die das");
    expect(body.total).toBe(0);
    expect(body.hits).toEqual([]);
  });

  it("still matches a German stop word where it is an English word, in a mixed archive", async () => {
    const query = search([...GERMAN, ...ENGLISH], layout);
    expect(ids(await query("die"))).toEqual(["en-1"]);
    expect(ids(await query("Regierungen"))).toEqual(["de-1", "de-2"]);
  });

  it("ranks and highlights an English query in a mixed archive as before", async () => {
    const body = await search([...GERMAN, ...ENGLISH], layout)("government");
    expect(ids(body)).toEqual(["en-1"]);
    expect(body.hits[0]!.snippet).toContain("<mark>governments</mark>");
  });

  it("highlights the German article's own inflected form", async () => {
    const body = await search(GERMAN, layout)("Regierung");
    const snippets = body.hits.map((hit) => hit.snippet).join(" ");
    expect(snippets).toContain("<mark>Regierungen</mark>");
    expect(snippets).toContain("<mark>Regierung</mark>");
  });

  it("credits an article once for a word whose terms differ by language", async () => {
    const mixed = search([...GERMAN, ...ENGLISH], layout);
    const german = search(GERMAN, layout);
    const [a, b] = [await mixed("Regierungen"), await german("Regierungen")];
    expect(a.hits.map((hit) => hit.id)).toEqual(b.hits.map((hit) => hit.id));
  });

  it("finds a word of an unsupported language, folded, whichever way it is typed", async () => {
    const query = search([...GERMAN, ...POLISH], layout);
    expect(ids(await query("rządu"))).toEqual(["pl-1"]);
    expect(ids(await query("rzadu"))).toEqual(["pl-1"]);
  });
});
