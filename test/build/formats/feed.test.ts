// News feeds as a corpus format: RSS 2.0, RSS 1.0 (RDF) and Atom, made inside each test and
// modelled on real publishers' feeds (their quirks included).
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readDate } from "../../../build/extract/dates.js";
import { formatFor } from "../../../build/formats/index.js";
import { isFeedHead, readFeed } from "../../../build/formats/feed.js";
import { readCorpus } from "../../../build/read-corpus.js";

const rss = (channel: string, items: string[], attributes = "") =>
  `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"${attributes}>
<channel>${channel}
${items.join("\n")}
</channel>
</rss>`;

const read = (xml: string | Buffer, path = "news.rss") => readFeed(path, Buffer.isBuffer(xml) ? xml : Buffer.from(xml));

describe("RSS 2.0", () => {
  it("reads content:encoded as the full text, with the item's metadata", () => {
    const xml = rss("<title>The Daily &amp; Weekly</title><link>https://daily.test/</link><language>en-GB</language>", [
      `<item>
        <title>Council &lt;em&gt;approves&lt;/em&gt; budget &amp;amp; plan</title>
        <link>https://daily.test/2025/10/21/budget</link>
        <guid isPermaLink="false">daily-4711</guid>
        <pubDate>Tue, 21 Oct 2025 12:00:00 +0100</pubDate>
        <dc:creator>Jane Roe</dc:creator>
        <category>Politics</category>
        <category>Local</category>
        <description>A short teaser.</description>
        <content:encoded><![CDATA[<p>The council approved the budget on Tuesday.</p><p>It takes effect in <b>January</b>.</p>]]></content:encoded>
      </item>`,
    ]);
    const { articles, skipped, warnings } = read(xml);
    expect(skipped).toEqual([]);
    expect(warnings).toEqual([]);
    expect(articles).toHaveLength(1);
    expect(articles[0]).toMatchObject({
      id: "daily-4711",
      title: "Council approves budget & plan",
      body: ["The council approved the budget on Tuesday.", "It takes effect in January."],
      published: "2025-10-21",
      byline: "Jane Roe",
      section: "Politics",
      keywords: ["Politics", "Local"],
      language: "en",
      summaryOnly: false,
      source: "The Daily & Weekly",
      url: "https://daily.test/2025/10/21/budget",
      origin: "news.rss#1",
    });
  });

  it("passes the date reader's instant and the channel's language tag through", () => {
    const value = "Tue, 21 Oct 2025 12:00:00 +0100";
    const xml = rss("<title>T</title><language>en-GB</language>", [
      `<item><title>A</title><description>Text.</description><pubDate>${value}</pubDate></item>`,
    ]);
    const [article] = read(xml).articles;
    const expected = readDate(value, { locale: "en-GB" });
    expect(article!.published).toBe(expected!.date);
    expect(article!.publishedTime).toBe(expected!.time);
  });

  it("marks an item with only a description as summary-only and drops its closing read-more link", () => {
    const xml = rss("<title>Wire</title>", [
      `<item>
        <title>Storm closes schools</title>
        <link>https://wire.test/storm</link>
        <description>&lt;p&gt;Schools across the region closed on Monday.&lt;/p&gt;&lt;p&gt;Roads reopen Tuesday.&lt;/p&gt; &lt;a href="https://wire.test/storm"&gt;Continue reading...&lt;/a&gt;</description>
        <author>desk@wire.test (Sam Poe)</author>
      </item>`,
    ]);
    const [article] = read(xml).articles;
    expect(article!.body).toEqual(["Schools across the region closed on Monday.", "Roads reopen Tuesday."]);
    expect(article!.summaryOnly).toBe(true);
    expect(article!.byline).toBe("Sam Poe");
    expect(article!.id).toBeNull();
  });

  it("drops WordPress's closing line naming where the post appeared first", () => {
    const xml = rss("<title>Blog</title>", [
      `<item><title>Launch</title><content:encoded><![CDATA[<p>The rocket launched at dawn.</p><p>The post <a href="https://blog.test/launch">Launch</a> appeared first on <a href="https://blog.test">Blog</a>.</p>]]></content:encoded></item>`,
    ]);
    expect(read(xml).articles[0]!.body).toEqual(["The rocket launched at dawn."]);
  });

  it("takes a permalink guid as the url when the item has no link", () => {
    const xml = rss("<title>T</title>", [
      "<item><title>A</title><description>Text.</description><guid>https://t.test/a</guid></item>",
    ]);
    expect(read(xml).articles[0]).toMatchObject({ id: "https://t.test/a", url: "https://t.test/a" });
  });

  it("joins several authors as the feed's language lists them", () => {
    const xml = rss("<title>T</title><language>de</language>", [
      "<item><title>A</title><description>Text.</description><dc:creator>Anna Alt</dc:creator><dc:creator>Bernd Bach</dc:creator></item>",
    ]);
    expect(read(xml).articles[0]!.byline).toBe("Anna Alt und Bernd Bach");
  });

  it("survives a newline before the XML declaration, CDATA dates with a trailing space and CRLF line ends", () => {
    const xml = `\n${rss("<title><![CDATA[Mint - News]]></title>", [
      "<item><title><![CDATA[Markets rally]]></title><link><![CDATA[https://mint.test/markets]]></link><description><![CDATA[Shares rose.]]></description><pubDate><![CDATA[Wed, 29 May 2019 10:16:00 GMT]]> </pubDate></item>",
    ]).replace(/\n/g, "\r\n")}`;
    const { articles, warnings } = read(xml);
    expect(warnings).toEqual([]);
    expect(articles[0]).toMatchObject({
      title: "Markets rally",
      url: "https://mint.test/markets",
      published: "2019-05-29",
      source: "Mint - News",
    });
  });

  it("reads an RSS feed in a default namespace, and yandex:full-text as the full text", () => {
    const xml = `<?xml version="1.0"?><rss version="2.0" xmlns="http://backend.userland.com/rss2" xmlns:yandex="http://news.yandex.ru">
<channel><title>Regional news</title>
<item><title>Ice palace opens</title><link>http://region.test/news/1/</link>
<description>The short version.</description>
<yandex:full-text>First paragraph of the full text.&lt;br /&gt;
&lt;br /&gt;
Second paragraph.</yandex:full-text>
<pubDate>Wed, 22 Jan 2014 14:31:31 +0600</pubDate></item>
</channel></rss>`;
    const [article] = read(xml).articles;
    expect(article).toMatchObject({
      title: "Ice palace opens",
      body: ["First paragraph of the full text.", "Second paragraph."],
      summaryOnly: false,
      published: "2014-01-22",
      source: "Regional news",
    });
  });

  it("warns of an unreadable date and keeps the item and the rest of the feed", () => {
    const xml = rss("<title>T</title>", [
      "<item><title>A</title><description>Text a.</description><pubDate>sometime soon</pubDate></item>",
      "<item><title>B</title><description>Text b.</description><pubDate>Mon, 02 Jun 2025 12:00:00 GMT</pubDate></item>",
    ]);
    const { articles, warnings } = read(xml);
    expect(articles.map((article) => [article.title, article.published])).toEqual([
      ["A", null],
      ["B", "2025-06-02"],
    ]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ path: "news.rss#1", kind: "unreadable-date" });
    expect(warnings[0]!.reason).toContain("sometime soon");
  });
});

describe("items without text", () => {
  it("keeps a headline-only item as an article with an empty body", () => {
    const xml = rss("<title>T</title>", [
      `<item><title>Breaking: polls close</title><link>https://t.test/flash</link><description>&lt;img src="https://t.test/pixel.gif" width="1" height="1" alt=""/&gt;</description></item>`,
    ]);
    const { articles, skipped } = read(xml);
    expect(skipped).toEqual([]);
    expect(articles[0]).toMatchObject({ title: "Breaking: polls close", body: [], summaryOnly: false });
  });

  it("skips an empty item and one with neither title nor text, numbering the rest by their place in the file", () => {
    const xml = rss("<title>T</title>", [
      "<item><title>First</title><description>One.</description></item>",
      "<item></item>",
      "<item><link>https://t.test/bare</link><guid>bare-1</guid></item>",
      "<item><title>Fourth</title><description>Four.</description></item>",
    ]);
    const { articles, skipped } = read(xml);
    expect(articles.map((article) => [article.title, article.origin])).toEqual([
      ["First", "news.rss#1"],
      ["Fourth", "news.rss#4"],
    ]);
    expect(skipped.map((entry) => entry.path)).toEqual(["news.rss#2", "news.rss#3"]);
    expect(skipped[1]!.reason).toMatch(/neither a title nor any text/);
  });

  it("numbers items in order and says how many were left out when the parser drops one the scan cannot explain", () => {
    const xml = rss("<title>T</title>", [
      "<item><title>First</title><description>One.</description></item>",
      "<item><unknown>Only an element no feed parser reads</unknown></item>",
      "<item><title>Third</title><description>Three.</description></item>",
    ]);
    const { articles, skipped } = read(xml);
    expect(articles.map((article) => [article.title, article.origin])).toEqual([
      ["First", "news.rss#1"],
      ["Third", "news.rss#2"],
    ]);
    expect(skipped).toEqual([{ path: "news.rss", reason: expect.stringMatching(/^1 of 3 items had nothing/) }]);
  });

  it("falls back to the summary when the full text has no text in it", () => {
    const xml = rss("<title>T</title>", [
      `<item><title>Photo story</title><description>Pictures from the march.</description><content:encoded><![CDATA[<figure><img src="https://t.test/1.jpg"></figure>]]></content:encoded></item>`,
    ]);
    expect(read(xml).articles[0]).toMatchObject({ body: ["Pictures from the march."], summaryOnly: true });
  });

  it("reports a file that is not a feed, and a feed without items", () => {
    expect(read("<html><body>Not found</body></html>").skipped[0]!.reason).toMatch(/not an RSS, RDF or Atom feed/);
    const empty = read(rss("<title>T</title>", []));
    expect(empty.articles).toEqual([]);
    expect(empty.skipped).toEqual([{ path: "news.rss", reason: "the feed has no items" }]);
  });
});

describe("hostile item text", () => {
  it("keeps scripts, event handlers and markup out of titles and bodies", () => {
    const xml = rss("<title>T</title>", [
      `<item>
        <title>&lt;script&gt;alert("title")&lt;/script&gt;Safe &lt;b onclick="x()"&gt;headline&lt;/b&gt;</title>
        <description><![CDATA[<p>Before<script>alert("body")</script> after.</p><img src="x" onerror="alert('img')"><style>p{color:red}</style><iframe src="https://evil.test">frame text</iframe><p>End &lt;not a tag&gt;.</p>]]></description>
      </item>`,
    ]);
    const [article] = read(xml).articles;
    expect(article!.title).toBe("Safe headline");
    expect(article!.body).toEqual(["Before after.", "End <not a tag>."]);
    const text = [article!.title, ...article!.body].join(" ");
    expect(text).not.toMatch(/alert|onerror|onclick|color:red|frame text|<script|<img/);
  });
});

describe("RSS 1.0 (RDF)", () => {
  it("reads items beside the channel, with Dublin Core dates, creators, subjects and language", () => {
    const xml = `<?xml version="1.0" encoding="utf-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://science.test/rss">
    <title>Science Desk</title><link>https://science.test/</link><description>Research news</description>
    <dc:language>fr-FR</dc:language>
    <items><rdf:Seq><rdf:li rdf:resource="https://science.test/comet"/></rdf:Seq></items>
  </channel>
  <item rdf:about="https://science.test/comet">
    <title>Comet seen from Lyon</title>
    <link>https://science.test/comet</link>
    <description>Astronomers followed the comet for a week.</description>
    <dc:date>2024-03-05T20:15:00+01:00</dc:date>
    <dc:creator>Claire Dupont</dc:creator>
    <dc:subject>Astronomy</dc:subject>
  </item>
</rdf:RDF>`;
    const { articles, skipped } = read(xml, "science.rdf");
    expect(skipped).toEqual([]);
    expect(articles).toEqual([
      expect.objectContaining({
        id: "https://science.test/comet",
        title: "Comet seen from Lyon",
        body: ["Astronomers followed the comet for a week."],
        published: "2024-03-05",
        byline: "Claire Dupont",
        section: "Astronomy",
        keywords: ["Astronomy"],
        language: "fr",
        summaryOnly: true,
        source: "Science Desk",
        url: "https://science.test/comet",
        origin: "science.rdf#1",
      }),
    ]);
  });
});

describe("Atom", () => {
  const atom = (entries: string[]) => `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="de-AT">
  <title type="text">Entwickler-Nachrichten</title>
  <link rel="self" href="https://dev.test/atom.xml"/>
  <link rel="alternate" type="text/html" href="https://dev.test/"/>
  <id>https://dev.test/</id>
  <updated>2016-02-01T17:54:50+01:00</updated>
  <author><name>Redaktion</name></author>
  ${entries.join("\n")}
</feed>`;

  it("reads html content as the full text, with its author, links and dates", () => {
    const xml = atom([
      `<entry>
        <title type="html">Server &lt;i&gt;10&lt;/i&gt; freigegeben</title>
        <link rel="alternate" type="text/html" href="/meldung/server-10"/>
        <id>tag:dev.test,2016:3088438</id>
        <published>2016-02-01T17:22:00+01:00</published>
        <updated>2016-02-03T09:00:00+01:00</updated>
        <author><name>Eva Ernst</name></author>
        <category term="java" label="Java"/>
        <summary type="html">Kurzfassung.</summary>
        <content type="html">&lt;p&gt;Die Version 10 ist da.&lt;/p&gt;&lt;ul&gt;&lt;li&gt;Schneller&lt;/li&gt;&lt;li&gt;Kleiner&lt;/li&gt;&lt;/ul&gt;</content>
      </entry>`,
    ]);
    const [article] = read(xml, "dev.atom").articles;
    expect(article).toMatchObject({
      id: "tag:dev.test,2016:3088438",
      title: "Server 10 freigegeben",
      body: ["Die Version 10 ist da.", "Schneller", "Kleiner"],
      published: "2016-02-01",
      modified: "2016-02-03",
      byline: "Eva Ernst",
      section: "Java",
      keywords: ["Java"],
      language: "de",
      summaryOnly: false,
      source: "Entwickler-Nachrichten",
      url: "https://dev.test/meldung/server-10",
      origin: "dev.atom#1",
    });
  });

  it("gives an entry without authors the feed's, and dates an entry without published by its updated", () => {
    const xml = atom([
      `<entry><title>Kurz</title><id>urn:kurz</id><updated>2016-01-28T11:00:00+01:00</updated>
        <summary>Nur eine Zusammenfassung.</summary></entry>`,
    ]);
    const [article] = read(xml, "dev.atom").articles;
    expect(article).toMatchObject({
      byline: "Redaktion",
      published: "2016-01-28",
      modified: "2016-01-28",
      body: ["Nur eine Zusammenfassung."],
      summaryOnly: true,
    });
  });

  it("reads xhtml content and plain-text content split at blank lines", () => {
    const xml = atom([
      `<entry><title>X</title><id>urn:x</id><updated>2016-01-29T11:00:00Z</updated>
        <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Eins.</p><p>Zwei &amp; drei.</p></div></content></entry>`,
      `<entry><title>T</title><id>urn:t</id><updated>2016-01-29T11:00:00Z</updated>
        <content type="text">Erste Zeile &lt;b&gt; bleibt.

Zweiter Absatz.</content></entry>`,
    ]);
    const { articles } = read(xml, "dev.atom");
    expect(articles.map((article) => article.body)).toEqual([
      ["Eins.", "Zwei & drei."],
      ["Erste Zeile <b> bleibt.", "Zweiter Absatz."],
    ]);
  });
});

/** Bytes of text in windows-1251: ASCII as it is, the Russian alphabet at 0xC0 to 0xFF (А to я). */
function windows1251(text: string): Buffer {
  return Buffer.from(
    Array.from(text, (char) => {
      const code = char.codePointAt(0)!;
      if (code < 0x80) return code;
      if (code >= 0x410 && code <= 0x44f) return code - 0x410 + 0xc0;
      throw new Error(`no windows-1251 byte in this test for ${char}`);
    }),
  );
}

describe("encodings", () => {
  it("reads a feed in the windows-1251 its XML declaration names", () => {
    // Mostly markup around short Cyrillic text, as real feeds are: decodeText takes a file
    // whose bytes are mostly above 0x7F for binary.
    const xml = `<?xml version="1.0" encoding="windows-1251"?>
<rss version="2.0" xmlns="http://backend.userland.com/rss2" xmlns:yandex="http://news.yandex.ru">
<channel>
<title>Новости Оренбурга</title>
<link>http://www.region.test</link>
<lastBuildDate>Thu, 23 Jan 2014 09:33:08 +0600</lastBuildDate>
<ttl>30</ttl>
<item>
  <title>Ледовый дворец откроют зимой</title>
  <link>http://www.region.test/news/2743422/</link>
  <description>Строители ускорили работы.</description>
  <enclosure url="http://www.region.test/upload/iblock/be8/stroitelstvo_krany.jpg" length="9683" type="image/jpeg"/>
  <pubDate>Wed, 22 Jan 2014 14:31:31 +0600</pubDate>
</item>
</channel>
</rss>`;
    const { articles, warnings } = read(windows1251(xml));
    expect(warnings).toEqual([]);
    expect(articles[0]).toMatchObject({
      title: "Ледовый дворец откроют зимой",
      body: ["Строители ускорили работы."],
      source: "Новости Оренбурга",
    });
  });

  it("reads a feed in the ISO-8859-1 its XML declaration names", () => {
    const xml = `<?xml version="1.0" encoding="ISO-8859-1"?><rss version="2.0"><channel><title>Jornal de Notícias</title><language>pt-PT</language>
<item><title>Mãe é a nova presidente da Raríssimas</title><description>Sónia é a nova presidente da direção.</description></item></channel></rss>`;
    const { articles, warnings } = read(Buffer.from(xml, "latin1"));
    expect(warnings).toEqual([]);
    expect(articles[0]).toMatchObject({
      title: "Mãe é a nova presidente da Raríssimas",
      body: ["Sónia é a nova presidente da direção."],
      source: "Jornal de Notícias",
      language: "pt",
    });
  });

  it("warns that a feed declaring nothing, in bytes that are not UTF-8, was repaired", () => {
    const xml = `<rss><channel><title>UOL Notícias</title><language></language>
<item><title>Eleições: candidato não tem o mesmo desempenho nas simulações de segundo turno</title><description>Líder na pesquisa, o candidato não lidera as simulações.</description></item></channel></rss>`;
    const { articles, warnings } = read(Buffer.from(xml, "latin1"));
    expect(articles).toHaveLength(1);
    expect(warnings.filter((warning) => warning.kind === "repaired-encoding")).toEqual([
      expect.objectContaining({ path: "news.rss" }),
    ]);
  });
});

describe("recognising feeds", () => {
  const head = (text: string) => () => Buffer.from(text);

  it("claims an .xml file whose root is rss, an RSS 1.0 rdf:RDF or an Atom feed", () => {
    for (const xml of [
      '\n<?xml version="1.0"?>\n<!-- generated -->\n<rss version="2.0"><channel>',
      '<?xml version="1.0"?><?xml-stylesheet href="s.xsl"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">',
      '\uFEFF<feed xml:lang="en" xmlns="http://www.w3.org/2005/Atom">',
    ]) {
      const format = formatFor("export/news.xml", head(xml));
      expect(format?.endings).toContain(".xml");
      expect(format?.sniff).toBe(isFeedHead);
    }
  });

  it("leaves other XML alone: plain XML, RDF that is not a feed, a feed element of another vocabulary", () => {
    for (const xml of [
      '<?xml version="1.0"?><catalog><book id="1"><title>Feeds</title></book></catalog>',
      '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:foaf="http://xmlns.com/foaf/0.1/">',
      '<feed xmlns="http://example.test/inventory"><entry/></feed>',
      "<!-- <rss> in a comment --><sitemap/>",
    ]) {
      expect(formatFor("export/data.xml", head(xml))).toBeNull();
    }
  });

  it("reads .rss, .atom and .rdf files by their name in a build", () => {
    const dir = mkdtempSync(join(tmpdir(), "newsfind-feed-"));
    writeFileSync(join(dir, "a.rss"), rss("<title>A</title>", ["<item><title>From RSS</title></item>"]));
    writeFileSync(
      join(dir, "b.atom"),
      '<feed xmlns="http://www.w3.org/2005/Atom"><title>B</title><entry><title>From Atom</title><id>urn:b</id></entry></feed>',
    );
    const { articles, skipped } = readCorpus(dir, dir);
    expect(skipped).toEqual([]);
    expect(articles.map((article) => [article.origin, article.title])).toEqual([
      ["a.rss#1", "From RSS"],
      ["b.atom#1", "From Atom"],
    ]);
  });
});

describe("large feeds", () => {
  // A generous limit, not a measure: parsing, HTML and dates for 10,000 items take seconds.
  it("reads all 10,000 items of a feed", { timeout: 60_000 }, () => {
    const items = Array.from(
      { length: 10_000 },
      (_, i) =>
        `<item><title>Story ${i + 1}</title><link>https://big.test/${i + 1}</link><guid>https://big.test/${i + 1}</guid><pubDate>Mon, 02 Jun 2025 12:00:00 GMT</pubDate><description>&lt;p&gt;Paragraph one of story ${i + 1}.&lt;/p&gt;&lt;p&gt;Paragraph two.&lt;/p&gt;</description></item>`,
    );
    const { articles, skipped } = read(rss("<title>Big</title>", items), "big.rss");
    expect(skipped).toEqual([]);
    expect(articles).toHaveLength(10_000);
    expect(articles[9_999]).toMatchObject({
      title: "Story 10000",
      body: ["Paragraph one of story 10000.", "Paragraph two."],
      origin: "big.rss#10000",
    });
    expect(new Set(articles.map((article) => article.id)).size).toBe(10_000);
  });
});
