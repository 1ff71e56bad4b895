// The sharded layout in workerd: the same answers as the bundle, reads limited to what a query
// needs, each shard fetched once, phrase verification within a read budget, bounded caches.
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import * as seeds from "../../../../dist/test-index/seeds/artefacts.js";
import { compileIndex } from "../../../../build/compile-index.js";
import { inlineTagger } from "../../tagger.js";
import { createApp } from "../../../../src/app.js";
import { DEEP_SNIPPETS } from "../../../../src/engine/search.js";
import { PromiseCache } from "../../../../src/engine/store/promise-cache.js";
import { ARTICLE_CHECKS, VERIFY_BUDGET } from "../../../../src/engine/store/sharded.js";
import { indexLoader } from "../../../../src/engine/store/load.js";
import { SAMPLE, sampleOf } from "../../../../src/engine/phrase/verify.js";
import {
  COMPLETIONS,
  encodeLexicon,
  readLexicon,
  lexiconShardOf,
  shardPaths,
  splitLexicon,
  type Article,
  type ShardedLayout,
} from "../../../../src/index-format.js";
import { appFor, memoryAssets } from "../../helpers.js";

const articles = JSON.parse(seeds.articles!) as Article[];

/** A made-up article whose body starts with `lede`. */
const news = (n: number, lede: string, more: string[]): Article => ({
  id: `news-${n}`,
  title: `Report ${n}`,
  source: "Wire",
  published: "2025-10-20",
  url: null,
  body: [lede, ...more],
});

const QUERIES = [
  "q=Putin",
  "q=Trump+Putin",
  "q=Kyiv",
  "q=Zelenskiy",
  "q=ceasefires",
  "q=Kadafy",
  "q=Trmp+summitt",
  "q=%22Tomahawk+missiles%22",
  "q=Trump+-Budapest",
  "q=Putin+OR+Xi",
  "q=sanctions&sort=date",
  "q=meeting&sort=recent&half_life=3",
  "q=Putin&source=AzerNews",
  "q=Trump&from=2025-10-20&to=2025-10-31",
  "from=2025-10-01",
  "q=-Trump",
  "q=Putin&limit=2&offset=2",
  "q=zzyzxquux",
  "q=the",
  "q=Zelen&prefix=last",
  "q=Tomah&prefix=last",
  "q=Trump+su&prefix=last",
  "q=Putin+T&prefix=last",
  "q=Tomahwk&prefix=last",
  "q=the&prefix=last",
];

describe("sharded layout", () => {
  const bundle = appFor(articles, "bundle");
  const sharded = appFor(articles, "sharded");

  it.each(QUERIES)("answers %s exactly as the bundle does", async (query) => {
    const [a, b] = await Promise.all([bundle.request(`/search?${query}`), sharded.request(`/search?${query}`)]);
    expect(b.status).toBe(200);
    expect(await b.json()).toEqual(await a.json());
  });

  it("serves every article by id exactly as the bundle does", async () => {
    for (const article of articles) {
      const [a, b] = await Promise.all([
        bundle.request(`/articles/${article.id}`),
        sharded.request(`/articles/${article.id}`),
      ]);
      expect(await b.json()).toEqual(await a.json());
    }
  });

  it("reads only the two words' term shards and the hits' card shards when their ledes show the words, then nothing more when it repeats", async () => {
    const made = [
      news(0, "Putin and the Kremlin said on Monday that talks would go on.", []),
      news(1, "The Kremlin denied the report, and Putin did not comment.", []),
    ];
    const reads: string[] = [];
    const app = appFor(made, "sharded", { reads });
    const body = (await (await app.request("/search?q=Putin+Kremlin")).json()) as { hits: { snippet: string }[] };
    expect(body.hits).toHaveLength(2);
    for (const hit of body.hits) expect(hit.snippet).toContain("<mark>Putin</mark>");
    expect(reads.filter((path) => path.includes("/terms/")).length).toBeLessThanOrEqual(2);
    expect(reads.filter((path) => !path.includes("/terms/") && !path.includes("/cards/"))).toEqual([]);
    const before = reads.length;
    await app.request("/search?q=Putin+Kremlin");
    expect(reads.length).toBe(before);
  });

  it("reads the card shards of a page's hits from one pack, once", async () => {
    const made = Array.from({ length: 300 }, (_, n) =>
      news(n, n % 100 === 0 ? `Zanzibar port news number ${n}.` : `Other harbour news number ${n}.`, []),
    );
    const { artefacts, files } = compileIndex(made, {
      tagger: inlineTagger(),
      builtAt: "2025-01-01T00:00:00Z",
      layout: "sharded",
    });
    const layout = artefacts.manifest.layout as ShardedLayout;
    // The three hits are in three card shards of one pack.
    expect(layout.cardShardsPerPack * layout.cardsPerShard).toBeGreaterThan(200);
    const reads: string[] = [];
    const app = createApp({ artefacts, assets: memoryAssets(files, reads) });
    const body = (await (await app.request("/search?q=Zanzibar")).json()) as { hits: { id: string }[] };
    expect(body.hits.map((hit) => hit.id).sort()).toEqual(["news-0", "news-100", "news-200"]);
    expect(reads.filter((path) => path.includes("/cards/"))).toEqual([shardPaths.cards(layout, 0)]);
  });

  it("keeps card packs as read: a later query whose hits share them reads no card file", async () => {
    const made = [
      news(0, "Alpha talks opened in Geneva on Monday.", []),
      news(1, "Bravo shares fell in early trading.", []),
      news(2, "Charlie Brown was not available for comment.", []),
    ];
    const reads: string[] = [];
    const app = appFor(made, "sharded", { reads });
    const cardReads = () => reads.filter((path) => path.includes("/cards/"));
    expect((await app.request("/search?q=Alpha")).status).toBe(200);
    // Three small cards share one pack.
    expect(cardReads()).toHaveLength(1);
    const body = (await (await app.request("/search?q=Bravo")).json()) as { hits: { id: string; snippet: string }[] };
    expect(body.hits.map((hit) => hit.id)).toEqual([made[1]!.id]);
    expect(body.hits[0]!.snippet).toContain("<mark>Bravo</mark>");
    expect(cardReads()).toHaveLength(1);
  });

  it("shows at most DEEP_SNIPPETS hits of a page from their whole text, the best-ranked first", async () => {
    const filler = "The talks went on for hours in a hotel by the lake, with no sign of agreement.";
    const made = Array.from({ length: DEEP_SNIPPETS + 2 }, (_, n) =>
      news(n, filler, [
        filler,
        filler,
        filler,
        filler,
        filler,
        filler,
        `Tomahawk ${"Tomahawk ".repeat(8 - n)}came up.`,
      ]),
    );
    const app = appFor(made, "sharded");
    // Made alike, they are copies of one story: each a hit of its own here.
    const body = (await (await app.request("/search?q=Tomahawk&collapse=off")).json()) as {
      hits: { snippet: string }[];
    };
    expect(body.hits).toHaveLength(made.length);
    const marked = body.hits.map((hit) => hit.snippet.includes("<mark>"));
    expect(marked).toEqual(made.map((_, n) => n < DEEP_SNIPPETS));
  });

  it("shows a hit whose lede lacks its words from its whole text, with the words marked", async () => {
    const filler = "The talks went on for hours in a hotel by the lake, with no sign of agreement.";
    const made = [news(0, filler, [filler, filler, filler, filler, filler, filler, "Then Tomahawk missiles came up."])];
    const reads: string[] = [];
    const app = appFor(made, "sharded", { reads });
    const body = (await (await app.request("/search?q=Tomahawk")).json()) as { hits: { snippet: string }[] };
    expect(body.hits).toHaveLength(1);
    expect(body.hits[0]!.snippet).toContain("<mark>Tomahawk</mark>");
    expect(reads.some((path) => path.includes("/articles/"))).toBe(true);
  });

  it("fetches a shard once when concurrent first requests need it", async () => {
    const reads: string[] = [];
    const app = appFor(articles, "sharded", { reads });
    await Promise.all(Array.from({ length: 8 }, () => app.request("/search?q=Putin")));
    expect(reads.length).toBe(new Set(reads).size);
  });

  it("reads the lexicon only for a word the index lacks", async () => {
    const reads: string[] = [];
    const app = appFor(articles, "sharded", { reads });
    await app.request("/search?q=Putin");
    expect(reads.some((path) => path.includes("/lexicon/"))).toBe(false);
    await app.request("/search?q=Kremlinn");
    expect(reads.some((path) => path.includes("/lexicon/"))).toBe(true);
  });
});

// Many distinct words, so the lexicon takes several shards: ten articles of 800 made-up words
// each, word n spelling n in base 26 (its first letter n mod 26), and `more(a)` after them.
const LETTERS = "abcdefghijklmnopqrstuvwxyz";
const word = (n: number) => Array.from({ length: 8 }, (_, i) => LETTERS[Math.floor(n / 26 ** i + i * 7) % 26]).join("");
const wordlists = (more: (a: number) => string = () => ""): Article[] =>
  Array.from({ length: 10 }, (_, a) => ({
    id: `w${a}`,
    title: `Wordlist ${a}`,
    source: null,
    published: null,
    url: null,
    body: [`${Array.from({ length: 800 }, (_, i) => word(a * 800 + i)).join(" ")}${more(a)}.`],
  }));

describe("lexicon shards", () => {
  const made = wordlists();
  const { artefacts, files } = compileIndex(made, {
    tagger: inlineTagger(),
    builtAt: "2025-01-01T00:00:00Z",
    layout: "sharded",
  });
  const layout = artefacts.manifest.layout as ShardedLayout;

  it("splits the lexicon into shards named by their first terms, in order", () => {
    expect(layout.lexiconShards.length).toBeGreaterThan(3);
    expect([...layout.lexiconShards].sort()).toEqual(layout.lexiconShards);
    layout.lexiconShards.forEach((first, n) => {
      const text = new TextDecoder().decode(gunzipSync(files.get(shardPaths.lexicon(layout, n))!));
      expect(text.startsWith(`${first} `)).toBe(true);
      expect(new TextEncoder().encode(text).length).toBeLessThanOrEqual(16 << 10);
    });
  });

  it("reads the lexicon shards of several misspelled words in one round, not one round a word", async () => {
    let inFlight = 0;
    let most = 0;
    const memory = memoryAssets(files);
    const app = createApp({
      artefacts,
      assets: async (path) => {
        if (!path.includes("/lexicon/")) return memory(path);
        most = Math.max(most, ++inFlight);
        await new Promise((resolve) => setTimeout(resolve, 5));
        inFlight--;
        return memory(path);
      },
    });
    // Two words the index lacks, with first letters far apart: their candidates fall in different shards.
    const typos = [word(1222), word(1247)].map((target) => target.slice(0, 3) + target.slice(4));
    expect(typos[0]![0]).not.toBe(typos[1]![0]);
    const response = await app.request(`/search?q=${typos.join("+")}`);
    expect(response.status).toBe(200);
    expect(most).toBeGreaterThan(1);
  });

  it("gives the frequency of every term it holds, whatever shard each falls in, reading each shard once", async () => {
    // The reference: every shard's lines ("term frequency"), read from the files themselves.
    const held = new Map<string, number>();
    layout.lexiconShards.forEach((_, n) => {
      const text = new TextDecoder().decode(gunzipSync(files.get(shardPaths.lexicon(layout, n))!));
      for (const line of text.split("\n")) {
        const [term, frequency] = line.split(" ");
        held.set(term!, Number(frequency));
      }
    });
    // Terms from the first, a middle and the last shard, interleaved, and some it lacks.
    const terms = [...held.keys()];
    const picked = [0, terms.length >> 1, terms.length - 1].flatMap((at) => terms.slice(Math.max(0, at - 3), at + 3));
    const asked = [
      ...picked.filter((_, n) => n % 2 === 0),
      "aaaaaa",
      ...picked.filter((_, n) => n % 2 === 1),
      "zzzzzzz",
    ];
    const reads: string[] = [];
    const store = await indexLoader(artefacts, memoryAssets(files, reads))();
    const found = await store.frequencies(asked);
    expect(new Map([...found].sort())).toEqual(
      new Map(
        asked
          .filter((term) => held.has(term))
          .map((term) => [term, held.get(term)!] as const)
          .sort(),
      ),
    );
    const lexiconReads = reads.filter((path) => path.includes("/lexicon/"));
    expect(lexiconReads.length).toBeGreaterThanOrEqual(3);
    expect(new Set(lexiconReads).size).toBe(lexiconReads.length);
  });

  it("reads only the shards of a misspelled word's first letter, and still corrects it", async () => {
    const reads: string[] = [];
    const app = createApp({ artefacts, assets: memoryAssets(files, reads) });
    const target = word(1234); // in article 1
    const typo = target.slice(0, 3) + target.slice(4); // one letter deleted, not the first
    const body = (await (await app.request(`/search?q=${typo}`)).json()) as { hits: { id: string }[] };
    expect(body.hits.map((hit) => hit.id)).toContain("w1");
    const shards = reads
      .filter((path) => path.includes("/lexicon/"))
      .map((path) => Number(/(\d+)\.txt\.gz$/.exec(path)![1]));
    expect(shards.length).toBeGreaterThan(0);
    expect(shards.length).toBeLessThan(layout.lexiconShards.length / 2);
    // Each shard read holds terms of the word's first letter: its range starts at or before the
    // letter's last term and the next shard starts at or after the letter's first.
    for (const shard of shards) {
      expect(layout.lexiconShards[shard]! <= `${target[0]}\uffff`).toBe(true);
      expect(layout.lexiconShards[shard + 1] === undefined || layout.lexiconShards[shard + 1]! >= target[0]!).toBe(
        true,
      );
    }
  });
});

describe("completions of a prefix", () => {
  // The wordlists in both layouts, a word of each in the next one too, so completions differ in frequency.
  const made = wordlists((a) => ` ${word(((a + 9) % 10) * 800 + 3)}`);
  const sharded = compileIndex(made, { tagger: inlineTagger(), builtAt: "2025-01-01T00:00:00Z", layout: "sharded" });
  const layout = sharded.artefacts.manifest.layout as ShardedLayout;
  const bundle = compileIndex(made, { tagger: inlineTagger(), builtAt: "2025-01-01T00:00:00Z", layout: "bundle" });
  const prefixes = [
    ...LETTERS,
    ...["ab", "zz", "qe", "hx"],
    ...Array.from({ length: 40 }, (_, n) => word(n * 197).slice(0, 3 + (n % 4))),
    ...layout.lexiconShards.map((first) => first.slice(0, 3)),
    "zzzzz",
  ];

  it("are the same in both layouts: the most frequent terms the prefix begins, equal ones in term order", async () => {
    const reads: string[] = [];
    const a = await indexLoader(bundle.artefacts)();
    const b = await indexLoader(sharded.artefacts, memoryAssets(sharded.files, reads))();
    for (const prefix of prefixes) {
      const expected = await a.completions(prefix);
      expect({ prefix, got: await b.completions(prefix) }).toEqual({ prefix, got: expected });
      expect(expected.length).toBeLessThanOrEqual(COMPLETIONS);
      expect(expected.every((term) => term.startsWith(prefix))).toBe(true);
    }
    expect(await a.completions("ab")).toHaveLength(COMPLETIONS);
  });

  it("reads only the prefix table for one or two characters, and only the lexicon shards of the range for more", async () => {
    const reads: string[] = [];
    const store = await indexLoader(sharded.artefacts, memoryAssets(sharded.files, reads))();
    await store.completions("k");
    await store.completions("kq");
    expect(reads).toEqual([shardPaths.prefixes(layout)]);
    reads.length = 0;
    const prefix = layout.lexiconShards[2]!.slice(0, 3);
    await store.completions(prefix);
    const shards = reads.map((path) => Number(/(\d+)\.txt\.gz$/.exec(path)![1]));
    expect(shards.length).toBeGreaterThan(0);
    for (const shard of shards) {
      expect(layout.lexiconShards[shard]! <= `${prefix}\uffff`).toBe(true);
      expect(layout.lexiconShards[shard + 1] === undefined || layout.lexiconShards[shard + 1]! >= prefix).toBe(true);
    }
  });
});

describe("phrase verification", () => {
  // More candidates than one query may read: every article holds both words, one in three as the phrase.
  const many: Article[] = Array.from({ length: VERIFY_BUDGET + 100 }, (_, n) => ({
    id: `a${n}`,
    title: `Report ${n}`,
    source: null,
    published: null,
    url: null,
    body: [n % 3 === 0 ? `The peace talks resumed in round ${n}.` : `Talks stalled; peace seemed far in round ${n}.`],
  }));

  it("fills the page from verified hits and says the total is an estimate when candidates exceed the read budget", async () => {
    const reads: string[] = [];
    const { artefacts, files } = compileIndex(many, {
      tagger: inlineTagger(),
      builtAt: "2025-01-01T00:00:00Z",
      layout: "sharded",
    });
    const app = createApp({ artefacts, assets: memoryAssets(files, reads) });
    const body = (await (await app.request(`/search?q=${encodeURIComponent('"peace talks"')}&limit=10`)).json()) as {
      total: number;
      totalExact: boolean;
      hits: { id: string }[];
    };
    expect(body.hits).toHaveLength(10);
    for (const hit of body.hits) expect(Number(hit.id.slice(1)) % 3).toBe(0);
    expect(body.totalExact).toBe(false);
    expect(body.total).toBeGreaterThan(many.length / 3 - 40);
    expect(body.total).toBeLessThan(many.length / 3 + 40);
    // Short articles: each card holds the whole text, so no article is read.
    expect(reads.filter((path) => path.includes("/articles/"))).toEqual([]);
    expect(reads.filter((path) => path.includes("/cards/")).length).toBeLessThanOrEqual(VERIFY_BUDGET + SAMPLE);
  });

  const filler = "The talks went on for hours in a hotel by the lake, with no sign of agreement on anything.";
  const long = (n: number, last: string): Article => ({
    id: `long-${n}`,
    title: `Talks ${n}`,
    source: null,
    published: null,
    url: null,
    body: [...Array.from({ length: 8 }, () => filler), last],
  });

  it("passes a phrase its card's lede shows without reading the article, and reads the article when the lede cannot tell", async () => {
    const made = [
      { ...long(0, "Nothing more."), body: ["Peace talks began at dawn.", ...long(0, "Nothing more.").body] },
      long(1, "Late on, the peace talks ended."),
      long(2, "Talks on peace never began."),
    ];
    const reads: string[] = [];
    const app = appFor(made, "sharded", { reads });
    const body = (await (await app.request(`/search?q=${encodeURIComponent('"peace talks"')}`)).json()) as {
      hits: { id: string }[];
      totalExact: boolean;
    };
    expect(body.hits.map((hit) => hit.id).sort()).toEqual(["long-0", "long-1"]);
    expect(body.totalExact).toBe(true);
    // long-0 is settled by its lede; long-1 and long-2 are read whole.
    const articleReads = reads.filter((path) => path.includes("/articles/"));
    expect(articleReads.length).toBeGreaterThan(0);
  });

  it("reads at most ARTICLE_CHECKS articles whole, and says the total is an estimate when it leaves some unjudged", async () => {
    const made = Array.from({ length: ARTICLE_CHECKS + 6 }, (_, n) =>
      long(n, n % 2 ? "Late on, the peace talks ended." : "Talks on peace never began."),
    );
    const reads: string[] = [];
    const app = appFor(made, "sharded", { reads });
    const body = (await (await app.request(`/search?q=${encodeURIComponent('"peace talks"')}&limit=50`)).json()) as {
      hits: { id: string }[];
      totalExact: boolean;
    };
    expect(body.totalExact).toBe(false);
    expect(body.hits.length).toBeGreaterThan(0);
    expect(body.hits.length).toBeLessThanOrEqual(ARTICLE_CHECKS);
    for (const hit of body.hits) expect(Number(hit.id.slice("long-".length)) % 2).toBe(1);
  });

  it("finds a quoted single word from its postings alone, reading no article and no typo candidate", async () => {
    const made = [
      news(0, "Analysts said buy.", []),
      news(1, "Analysts said hold.", []),
      news(2, "Analysts said buyers left.", []),
    ];
    const reads: string[] = [];
    const app = appFor(made, "sharded", { reads });
    const body = (await (await app.request(`/search?q=analysts+${encodeURIComponent('"buy"')}`)).json()) as {
      hits: { id: string }[];
      totalExact: boolean;
    };
    expect(body.hits.map((hit) => hit.id)).toEqual(["news-0"]);
    expect(body.totalExact).toBe(true);
    expect(reads.filter((path) => path.includes("/articles/") || path.includes("/lexicon/"))).toEqual([]);
    const missing = (await (await app.request(`/search?q=${encodeURIComponent('"analystz"')}`)).json()) as {
      hits: unknown[];
    };
    expect(missing.hits).toEqual([]);
  });

  it("reads the whole article to leave out an excluded phrase, even when the lede passes", async () => {
    const made = [long(0, "Then the ceasefire plan collapsed."), long(1, "Then the talks collapsed.")];
    const app = appFor(made, "sharded");
    const body = (await (await app.request(`/search?q=talks+${encodeURIComponent('-"ceasefire plan"')}`)).json()) as {
      hits: { id: string }[];
    };
    expect(body.hits.map((hit) => hit.id)).toEqual(["long-1"]);
  });

  it("counts exactly when the bundle has every article in memory", async () => {
    const app = appFor(many, "bundle");
    const body = (await (await app.request(`/search?q=${encodeURIComponent('"peace talks"')}`)).json()) as {
      total: number;
      totalExact: boolean;
    };
    expect(body).toMatchObject({ total: Math.ceil(many.length / 3), totalExact: true });
  });
});

describe("the sample that estimates an unread total", () => {
  const candidates = Array.from({ length: 3000 }, (_, n) => n);

  it("is the same whatever order the candidates come in", () => {
    const shuffled = [...candidates].sort((a, b) => ((a * 7919) % 3001) - ((b * 7919) % 3001));
    expect(sampleOf(shuffled)).toEqual(sampleOf(candidates));
    expect(new Set(sampleOf(candidates)).size).toBe(SAMPLE);
  });

  it("does not fall in step with every third article, and spreads over the whole range", () => {
    const sample = sampleOf(candidates);
    const thirds = sample.filter((n) => n % 3 === 0).length / sample.length;
    expect(thirds).toBeGreaterThan(0.15);
    expect(thirds).toBeLessThan(0.55);
    expect(Math.min(...sample)).toBeLessThan(3000 / SAMPLE);
    expect(Math.max(...sample)).toBeGreaterThanOrEqual(3000 - 3000 / SAMPLE);
  });
});

describe("load-once cache", () => {
  it("shares one load per key, drops the least recently used beyond its budget, and retries a failed load", async () => {
    const cache = new PromiseCache<string, string>(6, (value) => value.length);
    let loads = 0;
    const load = (value: string) => async () => {
      loads++;
      return value;
    };
    await Promise.all([cache.get("a", load("aaa")), cache.get("a", load("aaa"))]);
    expect(loads).toBe(1);
    await cache.get("b", load("bbb"));
    await cache.get("a", load("aaa")); // a is now the most recent
    await cache.get("c", load("ccc")); // over budget: b goes
    expect(cache.size).toBe(2);
    await cache.get("a", load("aaa"));
    expect(loads).toBe(3);
    await expect(cache.get("x", () => Promise.reject(new Error("offline")))).rejects.toThrow("offline");
    expect(await cache.get("x", load("x"))).toBe("x");
  });
});

describe("lexicon", () => {
  it("finds every term's document frequency by binary search, and 0 for others", () => {
    const terms = new Map([
      ["zebra", 2],
      ["apple", 7],
      ["appl", 1],
      ["applesauce", 3],
      ["ünïcode", 4],
      ["42", 9],
    ]);
    const read = readLexicon(encodeLexicon(terms)).frequency;
    for (const [term, df] of terms) expect(read(term)).toBe(df);
    for (const absent of ["", "app", "apples", "zebras", "a", "zz"]) expect(read(absent)).toBe(0);
    expect(readLexicon("").frequency("x")).toBe(0);
  });

  it("cuts into shards at line ends, each found again by its first term", () => {
    const terms = new Map(Array.from({ length: 300 }, (_, n) => [`term${String(n).padStart(3, "0")}`, n + 1] as const));
    const shards = splitLexicon(encodeLexicon(terms), 200);
    expect(shards.length).toBeGreaterThan(10);
    expect(shards.map((shard) => shard.text).join("\n")).toBe(encodeLexicon(terms));
    const firsts = shards.map((shard) => shard.first);
    for (const [term, df] of terms)
      expect(readLexicon(shards[lexiconShardOf(term, firsts)]!.text).frequency(term)).toBe(df);
    expect(lexiconShardOf("a", firsts)).toBe(0); // before every term: the first shard, where it is not
    expect(lexiconShardOf("zzz", firsts)).toBe(shards.length - 1);
    expect(lexiconShardOf("x", [])).toBe(-1);
    expect(splitLexicon("", 200)).toEqual([]);
  });
});
