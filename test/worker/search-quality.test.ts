// Search quality through the real app: name variants on the seeds, typos, the phonetic
// fallback, query syntax, BM25F ranking and recency. Small fixture indexes are compiled
// inside the tests with the build's own compiler.
import { beforeAll, describe, expect, it } from "vitest";
import type { Article } from "../../src/index-format.js";
import { COMMON_FLOOR, COMMON_SHARE } from "../../src/engine/rank/coverage.js";
import { FULL_FIRST_WORDS } from "../../src/engine/search.js";
import { appFor, LAYOUTS, seedFetch, type Layout } from "./helpers.js";

interface Body {
  total: number;
  partialTotal: number;
  didYouMean: string | null;
  hits: {
    id: string;
    title: string;
    published: string | null;
    snippet: string;
    score: number | null;
    partial: boolean;
  }[];
}

let layout: Layout = "bundle";

async function seeds(query: string): Promise<Body> {
  const response = await seedFetch(layout)(`/search?${query}`);
  expect(response.status).toBe(200);
  return (await response.json()) as Body;
}

const ids = (body: Body) => body.hits.map((hit) => hit.id).sort();

function article(id: string, title: string, body: string, published: string | null = "2025-01-01"): Article {
  return { id, title, source: "Test", published, url: null, body: body.split("\n\n") };
}

function fixture(articles: Article[]) {
  const apps = new Map<Layout, ReturnType<typeof appFor>>();
  return async (query: string): Promise<Body> => {
    if (!apps.has(layout)) apps.set(layout, appFor(articles, layout));
    const response = await apps.get(layout)!.request(`/search?${query}`);
    expect(response.status).toBe(200);
    return (await response.json()) as Body;
  };
}

describe.each(LAYOUTS)("%s layout", (current) => {
  beforeAll(() => {
    layout = current;
  });

  describe("name and place variants on the seed articles", () => {
    it("finds Kiev and Kyiv articles whichever spelling is searched", async () => {
      const kyiv = await seeds("q=Kyiv");
      const kiev = await seeds("q=Kiev");
      expect(ids(kyiv)).toEqual(ids(kiev));
      expect(kyiv.total).toBe(3); // 001 writes Kiev, 003 and 004 write Kyiv
    });

    it("finds Zelenskyy and Zelenskiy articles from any of the three spellings, and highlights the article's own spelling", async () => {
      const results = await Promise.all(["Zelenskyy", "Zelensky", "Zelenskiy"].map((q) => seeds(`q=${q}`)));
      for (const result of results) expect(ids(result)).toEqual(ids(results[0]!));
      expect(results[0]!.total).toBe(2);
      const snippets = results[0]!.hits.map((hit) => hit.snippet).join(" ");
      expect(snippets).toMatch(/<mark>Zelenskyy<\/mark>/);
      expect(snippets).toMatch(/<mark>Zelenskiy<\/mark>/);
    });

    it("folds diacritics: Turkiye finds the article that writes Türkiye", async () => {
      const body = await seeds("q=Turkiye");
      expect(body.total).toBe(1);
      expect(body.hits[0]!.snippet).toContain("<mark>Türkiye</mark>");
    });

    it("stems: ceasefires finds ceasefire", async () => {
      expect(ids(await seeds("q=ceasefires"))).toEqual(ids(await seeds("q=ceasefire")));
    });
  });

  describe("missing words and typos", () => {
    it("does not come back empty when one word of many is missing", async () => {
      const body = await seeds("q=Tomahawk+missiles+xyzzyplugh+quux");
      // No article holds every word: each hit is flagged, and they are the two words' hits.
      expect(body.total).toBe(0);
      expect(body.partialTotal).toBeGreaterThan(0);
      expect(body.hits.every((hit) => hit.partial)).toBe(true);
      expect(ids(body).sort()).toEqual(ids(await seeds("q=Tomahawk+missiles")).sort());
    });

    it("finds a word typed with one typo, and not with typos=off", async () => {
      const clean = await seeds("q=Tomahawk");
      expect(ids(await seeds("q=Tomahwak"))).toEqual(ids(clean));
      expect(ids(await seeds("q=Tomahawks"))).toEqual(ids(clean));
      expect((await seeds("q=Tomahwak&typos=off")).total).toBe(0);
    });

    it("suggests the query in the index's spelling when a word was corrected, as the hits write it", async () => {
      expect((await seeds("q=Tomahwak")).didYouMean).toBe("Tomahawk");
      expect((await seeds("q=Trmp+summitt+in+Alaska")).didYouMean).toBe("Trump summit in Alaska");
      expect((await seeds("q=Tomahawk")).didYouMean).toBeNull();
      expect((await seeds("q=Tomahwak&typos=off")).didYouMean).toBeNull();
    });

    it("suggests a far commoner spelling when a query finds almost nothing", async () => {
      const search = fixture([
        article("typo", "Missile report", "The Tomahwak order was signed."),
        ...Array.from({ length: 12 }, (_, n) => article(`t${n}`, `Tomahawk ${n}`, "Tomahawk missiles were shipped.")),
      ]);
      const body = await search("q=Tomahwak+order");
      expect(body.total + body.partialTotal).toBeLessThan(3);
      expect(body.didYouMean).toBe("tomahawk order");
      // A query that finds enough is not second-guessed.
      expect((await search("q=Tomahwak+missiles")).didYouMean).toBeNull();
    });

    it("falls back to names that sound alike, without flooding the results", async () => {
      const search = fixture([
        article("a", "Gaddafi forces retreat", "Gaddafi forces retreated from the coast."),
        article("b", "Gaddafi son speaks", "A son of Gaddafi spoke on television."),
        article("c", "Markets calm", "Markets were calm on Tuesday in Cairo and Caracas."),
        article("d", "Kidnap case", "A kidnap case went to court."),
      ]);
      const body = await search("q=Kadafy");
      expect(ids(body)).toEqual(["a", "b"]);
      expect(body.didYouMean).toBe("Gaddafi");
      expect((await search("q=Kadafy&typos=off")).total).toBe(0);
    });
  });

  describe("query syntax", () => {
    const search = fixture([
      article("peace", "Peace talks resume", "Peace talks between the two sides resumed in Geneva."),
      article("talks-peace", "Talks on peace", "Talks were held, but peace remained far away."),
      article("trade", "Trade talks", "Trade talks stalled over tariffs."),
    ]);

    it('"exact phrase" requires the words in that order', async () => {
      expect(ids(await search(`q=${encodeURIComponent('"peace talks"')}`))).toEqual(["peace"]);
    });

    it('-word excludes articles with the word, -"phrase" those with the phrase', async () => {
      expect(ids(await search("q=talks+-trade"))).toEqual(["peace", "talks-peace"]);
      expect(ids(await search(`q=${encodeURIComponent('talks -"peace talks"')}`))).toEqual(["talks-peace", "trade"]);
    });

    it("a lone exclusion lists every article but the excluded ones", async () => {
      expect(ids(await search("q=-peace"))).toEqual(["trade"]);
    });

    it("OR accepts either phrase", async () => {
      expect(ids(await search(`q=${encodeURIComponent('"peace talks" OR "trade talks"')}`))).toEqual([
        "peace",
        "trade",
      ]);
    });

    it.each(['"', "OR", "- -", '-"', "\"'<script>", "OR OR OR", '""""', "the", "%00", "((", "a".repeat(500)])(
      "answers %j with 200, never 500",
      async (q) => {
        const response = await appFor([article("x", "X", "x")], layout).request(`/search?q=${encodeURIComponent(q)}`);
        expect(response.status).toBe(200);
      },
    );
  });

  describe("BM25F ranking", () => {
    it("ranks a title match above a body-only match", async () => {
      const search = fixture([
        article("body", "Markets", "Oil prices rose as markets opened."),
        article("title", "Oil prices", "Markets opened higher."),
      ]);
      expect((await search("q=oil")).hits[0]!.id).toBe("title");
    });

    it("ranks more occurrences higher, with diminishing returns, and shorter articles above longer ones", async () => {
      const filler = " The weather was mild and the roads were quiet.".repeat(20);
      const search = fixture([
        article("once", "News", `Tariffs were mentioned.${filler}`),
        article("thrice", "News", `Tariffs, tariffs and more tariffs.${filler}`),
        article("short", "News", "Tariffs were mentioned."),
      ]);
      const body = await search("q=tariffs");
      const ids = body.hits.map((hit) => hit.id);
      const score = (id: string) => body.hits.find((hit) => hit.id === id)!.score!;
      // More occurrences, the same length: higher, but less than three times as high.
      expect(ids.indexOf("thrice")).toBeLessThan(ids.indexOf("once"));
      expect(score("thrice")).toBeLessThan(3 * score("once"));
      // The same occurrences, a shorter article: higher.
      expect(ids.indexOf("short")).toBeLessThan(ids.indexOf("once"));
    });

    it("weighs a rare word above a common one", async () => {
      const common = Array.from({ length: 8 }, (_, i) => article(`c${i}`, "Report", "The government said something."));
      const search = fixture([
        ...common,
        article("rare", "Report", "The government said nothing."),
        article("other", "Report", "Sanctions were discussed."),
      ]);
      const body = await search("q=government+sanctions");
      expect(body.hits[0]!.id).toBe("other");
      // No article holds both words.
      expect({ total: body.total, partialTotal: body.partialTotal }).toEqual({ total: 0, partialTotal: 10 });
    });

    it("ranks an article with every query word above one with some", async () => {
      const search = fixture([
        article("one", "Summit", "A summit was planned."),
        article("both", "Summit in Budapest", "A summit in Budapest was planned."),
      ]);
      expect((await search("q=Budapest+summit")).hits.map((hit) => hit.id)).toEqual(["both", "one"]);
    });
  });

  describe("a query being typed (prefix=last)", () => {
    it("completes the last word: Zelen finds the Zelenskyy articles, which whole words do not", async () => {
      const whole = await seeds("q=Zelen");
      expect(whole.total + whole.partialTotal).toBe(0);
      const typed = await seeds("q=Zelen&prefix=last");
      expect(ids(typed)).toEqual(ids(await seeds("q=Zelenskyy")));
      expect(typed.hits.map((hit) => hit.snippet).join(" ")).toMatch(/<mark>Zelensk[iy]y<\/mark>/);
    });

    it("takes Tomah as the start of Tomahawk, not a typo of another word", async () => {
      expect(ids(await seeds("q=Tomah&prefix=last"))).toEqual(ids(await seeds("q=Tomahawk")));
    });

    it("completes only the last word, and not once a space or punctuation follows it", async () => {
      expect((await seeds("q=Zelen+Putin&prefix=last")).total).toBe(0);
      expect((await seeds(`q=${encodeURIComponent("Zelen ")}&prefix=last`)).total).toBe(0);
      expect((await seeds(`q=${encodeURIComponent("Zelen,")}&prefix=last`)).total).toBe(0);
      expect((await seeds("q=Putin+Zelen&prefix=last")).total).toBeGreaterThan(0);
    });

    it("corrects a typo when the last word begins no index word", async () => {
      expect(ids(await seeds("q=Tomahwk&prefix=last"))).toEqual(ids(await seeds("q=Tomahawk")));
    });

    it("completes a last word that is no index word on its own", async () => {
      // "wh" and "whit" (on its way to "white") are no words of the index, yet both complete.
      for (const typed of ["wh", "whit"]) {
        const body = await seeds(`q=Trump+${typed}&prefix=last`);
        expect(body.total).toBeGreaterThan(0);
        // The word counts: articles holding a completion match in full, the other Trump ones in part.
        expect(body.partialTotal).toBeGreaterThan(0);
      }
    });
  });

  describe("results that say what they match", () => {
    const order = (body: Body) => body.hits.map((hit) => `${hit.id}${hit.partial ? " (partial)" : ""}`);

    it("puts the one seed article that mentions the Czech Republic and diplomats first, and flags the rest", async () => {
      const body = await seeds("q=Czech+diplomats");
      expect(body.total).toBe(1);
      expect(body.partialTotal).toBe(body.hits.length - 1);
      expect(body.hits.map((hit) => hit.partial)).toEqual([false, ...body.hits.slice(1).map(() => true)]);
      expect(body.hits[0]!.title).toBe("Russia Says Diplomatic Momentum from Putin-Trump Meeting Falters");
    });

    // Many sanctions in the title and lede, against one article holding every word once.
    const filler = " Officials met again.".repeat(6);
    const search = fixture([
      article("loud", "Sanctions sanctions sanctions", `Sanctions on sanctions.${filler}`, "2025-03-01"),
      article("full", "A meeting", `${filler} Sanctions were discussed in Budapest.${filler}`, "2025-01-01"),
      article("city", "Budapest notes", `Budapest was calm.${filler}`, "2025-02-01"),
      article("town", "Budapest", `Budapest, Budapest.${filler}`, "2024-02-01"),
      ...Array.from({ length: 8 }, (_, n) => article(`other-${n}`, "Weather", `Rain fell.${filler}`)),
    ]);

    it("ranks an article holding every word above one that scores higher on some", async () => {
      const byScore = await search("q=sanctions+Budapest&limit=1");
      expect(order(byScore)).toEqual(["full"]);
      const body = await search("q=sanctions+Budapest");
      expect(order(body)).toEqual(["full", "loud (partial)", "town (partial)", "city (partial)"]);
      expect(body.hits[1]!.score).toBeGreaterThan(body.hits[0]!.score!);
      expect({ total: body.total, partialTotal: body.partialTotal }).toEqual({ total: 1, partialTotal: 3 });
    });

    it("pages from the full matches on into the partial ones over stable totals", async () => {
      const second = await search("q=sanctions+Budapest&limit=1&offset=1");
      expect(order(second)).toEqual(["loud (partial)"]);
      expect({ total: second.total, partialTotal: second.partialTotal }).toEqual({ total: 1, partialTotal: 3 });
    });

    it("keeps full matches first with filters, exclusions, phrases and sort=recent", async () => {
      expect(order(await search("q=sanctions+Budapest&from=2024-06-01"))).toEqual([
        "full",
        "loud (partial)",
        "city (partial)",
      ]);
      expect(order(await search("q=sanctions+Budapest+-calm"))).toEqual(["full", "loud (partial)", "town (partial)"]);
      expect(order(await search("q=sanctions+Budapest&sort=recent"))[0]).toBe("full");
      const phrase = await search(`q=${encodeURIComponent('"were discussed" Budapest')}`);
      expect(order(phrase)).toEqual(["full"]);
    });

    it("counts words joined by OR as one word", async () => {
      const body = await search("q=sanctions+Budapest+OR+Vienna");
      expect(order(body)).toEqual(["full", "loud (partial)", "town (partial)", "city (partial)"]);
    });

    it("sorts by date within the full matches first, then the partial ones", async () => {
      const body = await search("q=sanctions+Budapest&sort=date");
      expect(order(body)).toEqual(["full", "loud (partial)", "city (partial)", "town (partial)"]);
      expect(body.total).toBe(1);
    });

    it(`ranks queries of more than ${FULL_FIRST_WORDS} words by score alone, still flagging and counting them`, async () => {
      const words = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf"];
      expect(words.length).toBeGreaterThan(FULL_FIRST_WORDS);
      const long = fixture([
        article("all", "Notes", `${filler} ${words.join(" ")}.${filler}`),
        article("most", "Alpha bravo charlie delta echo foxtrot", "Alpha bravo charlie delta echo foxtrot."),
        ...Array.from({ length: 20 }, (_, n) => article(`other-${n}`, "Weather", `Rain fell.${filler}`)),
      ]);
      const body = await long(`q=${words.join("+")}`);
      expect(order(body)).toEqual(["most (partial)", "all"]);
      expect({ total: body.total, partialTotal: body.partialTotal }).toEqual({ total: 1, partialTotal: 1 });
      // Two of them, golf among them (which the first lacks): full matches first again.
      const short = ["alpha", "golf"];
      expect(short.length).toBeLessThanOrEqual(FULL_FIRST_WORDS);
      expect(order(await long(`q=${short.join("+")}`))).toEqual(["all", "most (partial)"]);
    });

    describe("a word held by a large share of a large archive", () => {
      // 480 articles: "algorithm" in 200 (more than a quarter, and more than COMMON_FLOOR),
      // "sorting" in 50 (below the floor), "parallel" in 6: three with "algorithm" and
      // "sorting", three without either; "weather" in 240 others.
      const archive = fixture(
        Array.from({ length: 480 }, (_, n) => {
          const words = [
            n < 200 ? "algorithm" : "",
            n >= 150 && n < 200 ? "sorting" : "",
            n >= 197 && n < 203 ? "parallel" : "",
            n < 240 ? "" : "weather",
          ].join(" ");
          return article(`a${n}`, "Notes", `${words}.${filler}`);
        }),
      );
      const partials = (body: Body) => body.hits.map((hit) => hit.partial);

      it("is not asked for beside a rarer one: an article without it is a full match", async () => {
        expect(COMMON_SHARE * 480).toBeLessThan(200);
        expect(COMMON_FLOOR).toBeLessThan(200);
        const body = await archive("q=parallel+algorithm&limit=8");
        expect({ total: body.total, partialTotal: body.partialTotal }).toEqual({ total: 6, partialTotal: 197 });
        expect(
          body.hits
            .slice(0, 6)
            .map((hit) => hit.id)
            .sort(),
        ).toEqual(["a197", "a198", "a199", "a200", "a201", "a202"]);
        expect(partials(body)).toEqual([false, false, false, false, false, false, true, true]);
      });

      it("is asked for by a query of common words alone, and a word below the floor always is", async () => {
        const both = await archive("q=algorithm+weather");
        expect({ total: both.total, partialTotal: both.partialTotal }).toEqual({ total: 0, partialTotal: 440 });
        const rare = await archive("q=parallel+sorting");
        expect({ total: rare.total, partialTotal: rare.partialTotal }).toEqual({ total: 3, partialTotal: 50 });
      });

      it("is not asked for when sorting by date either", async () => {
        const body = await archive("q=parallel+algorithm&sort=date&limit=7");
        expect({ total: body.total, partialTotal: body.partialTotal }).toEqual({ total: 6, partialTotal: 197 });
        expect(partials(body)).toEqual([false, false, false, false, false, false, true]);
      });
    });

    it("flags a hit lacking a word even when no article holds it", async () => {
      const body = await search("q=sanctions+zzyzx");
      expect(body.total).toBe(0);
      expect(order(body)).toEqual(["loud (partial)", "full (partial)"]);
    });
  });

  describe("long queries", () => {
    // 39 words every article but one holds, and the rare word that finds that one, typed last.
    const common =
      "harbour market council budget river station tunnel bridge railway airport hospital school college museum library stadium garden forest mountain valley island desert village church castle palace factory engine motor cable signal sensor battery rocket planet comet meteor galaxy nebula".split(
        " ",
      );
    const search = fixture([
      ...Array.from({ length: 30 }, (_, n) => article(`common-${n}`, "Notes", `${common.join(" ")}.`)),
      article("target", "Travel", "A ferry to Zanzibar left at dawn."),
    ]);

    it("scores a query's rarest words when it has more than 32, not its first 32", async () => {
      expect(common).toHaveLength(39);
      const body = await search(`q=${encodeURIComponent(`${common.join(" ")} zanzibar`)}`);
      expect(body.hits[0]!.id).toBe("target");
      expect(body.hits[0]!.snippet).toContain("<mark>Zanzibar</mark>");
      // The common words it kept still find the others; none holds every word.
      expect({ total: body.total, partialTotal: body.partialTotal }).toEqual({ total: 0, partialTotal: 31 });
    });
  });

  describe("sort orders", () => {
    const filler = " Officials met again.".repeat(10);
    const search = fixture([
      article("old-strong", "Earthquake earthquake", `Earthquake. Earthquake damage.${filler}`, "2025-01-01"),
      article("new-weak", "Aftershocks", `An earthquake was felt.${filler}`, "2025-03-01"),
      article("newest-other", "Floods", `Floods hit the coast.${filler}`, "2025-03-05"),
      article("undated", "Earthquake report", `Earthquake report.${filler}`, null),
    ]);

    it("relevance puts the strongest match first", async () => {
      expect((await search("q=earthquake")).hits[0]!.id).toBe("old-strong");
    });

    it("date puts the newest match first, undated last, and leaves out non-matches", async () => {
      const body = await search("q=earthquake&sort=date");
      expect(body.hits.map((hit) => hit.id)).toEqual(["new-weak", "old-strong", "undated"]);
    });

    it("recent lets a newer article overtake an older, more relevant one; a long half-life does not", async () => {
      expect((await search("q=earthquake&sort=recent")).hits[0]!.id).toBe("new-weak");
      expect((await search("q=earthquake&sort=recent&half_life=36500")).hits[0]!.id).toBe("old-strong");
    });

    it("refuses a half_life that is not a positive number of days", async () => {
      const response = await appFor([article("x", "X", "x")], layout).request("/search?q=x&sort=recent&half_life=-3");
      expect(response.status).toBe(400);
      expect(await response.text()).toContain("half_life must be a number of days");
    });
  });
});
