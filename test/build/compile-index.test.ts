// The index compiler: BM25 impacts in FlexSearch slots, the field choice, the phonetic table.
import { inflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { story } from "../articles.js";
import { compileIndex } from "../../build/compile-index.js";
import { noTagging } from "../../build/entities/extract.js";
import { parseFields } from "../../build/options.js";
import { impactSlot } from "../../build/postings.js";
import { indexLoader } from "../../src/engine/store/load.js";
import { rank } from "../../src/engine/search.js";
import {
  BM25,
  CARD_TEXT_CHARS,
  packMember,
  PHONETIC_TERMS,
  leadText,
  shardPaths,
  type Article,
  type HitCard,
  type IndexedField,
  type ShardedLayout,
} from "../../src/index-format.js";

const bundle = (articles: Article[], fields?: IndexedField[]) =>
  compileIndex(articles, { tagger: noTagging(), builtAt: "2025-01-01T00:00:00Z", fields, layout: "bundle" }).artefacts;

describe("index compiler", () => {
  it("gives more occurrences a better (lower) impact slot, with diminishing returns", () => {
    const slots = [1, 2, 4, 8, 16].map((tf) => impactSlot(tf, 100, 100));
    for (let i = 1; i < slots.length; i++) expect(slots[i]!).toBeLessThanOrEqual(slots[i - 1]!);
    expect(slots[0]! - slots[1]!).toBeGreaterThan(slots[3]! - slots[4]!);
    for (const slot of slots) expect(slot).toBeGreaterThanOrEqual(0);
  });

  it("gives the same count a worse slot in a longer article, and stays within the resolution", () => {
    expect(impactSlot(2, 400, 100)).toBeGreaterThan(impactSlot(2, 50, 100));
    expect(impactSlot(1, 1e6, 1)).toBeLessThanOrEqual(BM25.levels - 2);
  });

  it("indexes the body alone with fields body, and records the fields in the manifest", async () => {
    const artefacts = bundle([story("a", "Zanzibar", "Spices and trade.")], ["body"]);
    expect(artefacts.manifest.config.fields).toEqual(["body"]);
    const index = await indexLoader(artefacts)();
    expect((await rank(index, { q: "Zanzibar", limit: 10, offset: 0, sort: "relevance", typos: false })).total).toBe(0);
    expect((await rank(index, { q: "spices", limit: 10, offset: 0, sort: "relevance" })).total).toBe(1);
  });

  it("refuses an unknown field, naming the allowed ones", () => {
    expect(() => parseFields("body,headline")).toThrow("--fields must list fields among title, body (got headline)");
    expect(parseFields("body")).toEqual(["body"]);
  });

  it("keeps at most a few terms per phonetic key, most frequent first", () => {
    const articles = ["smith", "smyth", "smithe", "smit", "schmidt"].map((name, i) =>
      story(String(i), "x", `${name} ${"smith ".repeat(i === 0 ? 3 : 0)}`),
    );
    articles.push(story("9", "x", "smith"));
    const lines = bundle(articles).phonetic!.split("\n");
    for (const line of lines) expect(line.split(" ").length - 1).toBeLessThanOrEqual(PHONETIC_TERMS);
    const smith = lines.find((line) => line.split(" ").includes("smith"))!;
    expect(smith.split(" ")[1]).toBe("smith");
  });
});

describe("term shards inverted a group at a time", () => {
  const words = [
    "harbour",
    "crane",
    "strike",
    "union",
    "port",
    "ship",
    "cargo",
    "dock",
    "tide",
    "quay",
    "pilot",
    "berth",
  ];
  // Enough postings for several term shards, so the passes split them.
  const articles = Array.from({ length: 2000 }, (_, n) =>
    story(
      `a${n}`,
      `${words[n % words.length]} ${words[(n * 7) % words.length]} report ${n}`,
      Array.from({ length: 40 }, (_, k) =>
        k % 3 === 0 ? words[(n * k + k) % words.length] : `w${(n * 31 + k * 17) % 900}`,
      ).join(" "),
    ),
  );
  const sharded = (postingsPerPass?: number) =>
    compileIndex(articles, { tagger: noTagging(), builtAt: "2025-01-01T00:00:00Z", layout: "sharded", postingsPerPass })
      .files;

  it("writes the same files whether the postings are inverted at once or in many small passes", () => {
    const whole = sharded();
    const passes = sharded(5_000);
    const termFiles = [...whole.keys()].filter((path) => path.includes("/terms/"));
    expect(termFiles.length).toBeGreaterThan(2);
    expect([...passes.keys()].sort()).toEqual([...whole.keys()].sort());
    for (const [path, data] of whole) expect(Buffer.from(passes.get(path)!).equals(Buffer.from(data!))).toBe(true);
  });
});

describe("hit cards", () => {
  const long = (n: number) => Array.from({ length: 30 }, (_, k) => `Paragraph ${k} of story ${n} says a little more.`);
  // Enough cards for more than one pack.
  const articles = Array.from({ length: 1400 }, (_, n) => ({
    ...story(`c${n}`, `Story ${n}`, ""),
    body: long(n),
    ...(n % 2 ? { language: "de" } : {}),
  }));

  it("writes every article's card, in position order, its text the lede within CARD_TEXT_CHARS", () => {
    const { artefacts, files } = compileIndex(articles, {
      tagger: noTagging(),
      builtAt: "2025-01-01T00:00:00Z",
      layout: "sharded",
    });
    const layout = artefacts.manifest.layout as ShardedLayout;
    expect(layout.cardShards).toBe(Math.ceil(articles.length / layout.cardsPerShard));
    expect(layout.cardPacks).toBe(Math.ceil(layout.cardShards / layout.cardShardsPerPack));
    expect(layout.cardShardsPerPack).toBeGreaterThan(1);
    expect(layout.cardPacks).toBeGreaterThan(1);
    expect(files.has(shardPaths.cards(layout, layout.cardPacks))).toBe(false);
    const cards = Array.from({ length: layout.cardShards }, (_, shard) => {
      const pack = files.get(shardPaths.cards(layout, Math.floor(shard / layout.cardShardsPerPack)))!;
      const member = packMember(pack, shard % layout.cardShardsPerPack);
      // JSON lines: a card a line, raw-deflated with the layout's dictionary.
      return inflateRawSync(member, { dictionary: Buffer.from(layout.cardDictionary) })
        .toString("utf8")
        .split("\n")
        .map((line) => JSON.parse(line) as HitCard);
    }).flat();
    expect(cards.map((card) => card.id)).toEqual(articles.map((a) => a.id));
    for (const [n, card] of cards.entries()) {
      expect(card).toMatchObject({ title: `Story ${n}`, url: articles[n]!.url, source: articles[n]!.source });
      expect(card.language).toBe(n % 2 ? "de" : undefined);
      expect(card.text.join(" ").length).toBeLessThanOrEqual(CARD_TEXT_CHARS + 2);
      expect(card.text[0]).toBe(articles[n]!.body[0]);
    }
  });

  it("cuts the lede at a word and marks the cut", () => {
    const text = leadText(["One two three.", "Four five six seven eight nine ten."], 30);
    expect(text).toEqual(["One two three.", "Four five six …"]);
    expect(leadText(["Short."], 30)).toEqual(["Short."]);
  });
});
