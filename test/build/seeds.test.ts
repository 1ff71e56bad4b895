// The five seed scrapes: their metadata, their first and last paragraphs, and no furniture.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readText } from "../../build/formats/text.js";

function seed(name: string) {
  const path = `corpus/${name}`;
  const { articles, skipped } = readText(path, readFileSync(path));
  expect(skipped).toEqual([]);
  expect(articles).toHaveLength(1);
  return articles[0]!;
}

const SEEDS = [
  {
    file: "000_6b26aa17d8429dfc.txt",
    title: "Russia Says Diplomatic Momentum from Putin-Trump Meeting Falters",
    published: "2025-10-08",
    source: "MENAFN",
    first:
      "Russia on Wednesday warned that the diplomatic momentum generated from the recent Putin-Trump summit in Alaska has “largely exhausted,” casting fresh doubts over prospects for a peace settlement in Ukraine.",
    last: "The proposed measure, spearheaded by the Czech Republic, would require Russian embassy staff to notify host governments in advance of any travel plans within the bloc.",
    paragraphs: 15,
  },
  {
    file: "001_2abffede5e19e496.txt",
    title: "Putin, Trump Still Open To Meeting: Russia",
    published: "2025-10-25",
    source: "AzerNews",
    first:
      "Kremlin spokesperson Dmitry Peskov has said that Russian President Vladimir Putin and US President Donald Trump have not ruled out the possibility of a future summit, Azernews reports via TRT World.",
    last: 'The official added that dialogue has "virtually ceased" due to "unfriendly steps" taken by previous Japanese governments.',
    paragraphs: 15,
  },
  {
    file: "002_37202947cbd3880e.txt",
    title: "Another Trump-Putin summit? Not so fast.",
    published: "2025-10-21",
    source: null,
    first:
      "President Donald Trump’s second summit with Russian President Vladimir Putin may not come to fruition as quickly as he predicted — or at all — after a senior Kremlin aide said too much daylight remains.",
    last: "Some European officials were also frustrated by Trump’s chosen location of Budapest for the meeting — not just because of its tragic symbolism for Ukraine but because Hungary is a member of the EU.",
    paragraphs: 17,
  },
  {
    file: "003_5823f9338972ec21.txt",
    title: "Trump ends Putin’s isolation without reaching a ceasefire in Ukraine",
    published: null,
    source: null,
    first: "Fine words, but no tangible results.",
    last: "Trump’s next step, for the moment, was a round of phone calls. First to Zelenskiy, to brief him on the meeting. Then to European leaders, who in recent days had mounted a flurry of diplomatic efforts —from a gathering at Chevening, the British foreign minister’s country residence, with Vice President J.D. Vance and other top U.S. officials, to a videoconference with Trump himself— in hopes of preventing the former KGB officer from persuading the White House occupant with his arguments. Trump stressed in his remarks that it would be up to the Ukrainian and Russian leaders to decide what proposals they want to put forward to end the war.",
    paragraphs: 13,
  },
  {
    file: "004_636b1aa654d4a928.txt",
    title: "Kremlin Believes US-Russia Talks Can Continue Despite Ukraine Stance",
    published: null,
    source: "world-today-news.com",
    first:
      "The Kremlin stated Friday that it does not believe President Donald Trump’s firm stance on Ukraine signifies an end to discussions aimed at improving U.S.-Russia relations. Trump had previously given Moscow a 50-day deadline to reach a ceasefire agreement in Ukraine, threatening sanctions if this was not met. He also indicated plans to send more missiles to Kyiv, a move that drew criticism from the Russian Foreign Ministry.",
    last: "In a BBC interview, president Trump stated, “I do not trust anyone,” when asked about his confidence in the Russian president.",
    paragraphs: 22,
  },
] as const;

/** Furniture from the seeds' pages: none of it may survive anywhere in a body. */
const FURNITURE = [
  /^\d+(\.\d+)? ?C$/,
  /^Munich$/,
  /^Must read$/,
  /More articles/,
  /Latest article/,
  /^Home News/,
  /Table of Contents/,
  /Translate/,
  /Sponsored/,
  /Adspot_img/,
  /LEAVE A REPLY/i,
  /Please enter your/,
  /Legal Disclaimer/,
  /MENAFN provides the information/,
  /">/,
  /world-today-news\.com/,
  /MENAFN\d/,
  /^\(MENAFN/,
  /^Search$/,
  /^0$/,
  /GMT$/,
  /^Tuesday, /,
  /\|$/,
  /^- /,
];

describe.each(SEEDS)("seed $file", (expected) => {
  const article = seed(expected.file);

  it("has the article's title, publication date and source", () => {
    expect({ title: article.title, published: article.published, source: article.source, url: article.url }).toEqual({
      title: expected.title,
      published: expected.published,
      source: expected.source,
      url: null,
    });
  });

  it("keeps the body from its first to its last paragraph", () => {
    expect(article.body[0]).toBe(expected.first);
    expect(article.body.at(-1)).toBe(expected.last);
    expect(article.body).toHaveLength(expected.paragraphs);
  });

  it("has no page furniture, repeated paragraph or title line in its body", () => {
    for (const paragraph of article.body) {
      for (const pattern of FURNITURE) expect(paragraph).not.toMatch(pattern);
      expect(paragraph).not.toBe(expected.title);
    }
    expect(new Set(article.body).size).toBe(article.body.length);
    for (const [i, paragraph] of article.body.entries()) {
      for (const [j, other] of article.body.entries())
        if (i !== j && other.length >= 40) expect(paragraph.includes(other)).toBe(false);
    }
  });
});

describe("seed 003's scraper repeats", () => {
  it("strips the two paragraphs glued onto the last one and drops the truncated repeat", () => {
    const article = seed("003_5823f9338972ec21.txt");
    const whether = article.body.filter((p) => p.startsWith("Whether his words reflected reality"));
    expect(whether).toHaveLength(1);
    expect(article.body.filter((p) => p.includes("He also made clear that he had not shifted"))).toHaveLength(1);
  });
});

describe("seed 000's capture stamp", () => {
  it("takes the date from the MENAFN reference, not the scrape time on the first line", () => {
    expect(seed("000_6b26aa17d8429dfc.txt").published).not.toBe("2024-01-02");
  });
});
