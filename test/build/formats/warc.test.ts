// Web archives (.warc, .warc.gz): the HTML pages a crawler fetched, each read as a saved page,
// with the capture kept apart from publication; made in the test with warcio's own writer.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { WARCRecord, WARCSerializer } from "warcio";
import { describe, expect, it } from "vitest";
import { readWarcRecords } from "../../../build/extract/warc-records.js";
import { eachWarcUnit, httpCharset } from "../../../build/formats/warc.js";
import { readCorpus } from "../../../build/read-corpus.js";
import type { SourceUnit } from "../../../build/types.js";

const CRAWLED = "2025-03-04T05:06:07Z";
const TEXT =
  "The harbour bridge will close to cars next spring, the council decided on Tuesday after a debate that ran for more than a decade and filled the public gallery.";

const page = (
  head: string,
  body = `<p>${TEXT}</p><p>Engineers said repairs would cost more than a new crossing, and that the old deck could not carry buses safely.</p>`,
) => `<!doctype html><html lang="en"><head>${head}</head><body><article>${body}</article></body></html>`;

/** One record written by warcio: an HTTP response (with status line and headers) or another type. */
async function record(
  url: string,
  {
    type = "response",
    status = "200 OK",
    headers = {} as Record<string, string>,
    body = "" as string | Uint8Array,
  } = {},
  gzip = false,
): Promise<Uint8Array> {
  const content = typeof body === "string" ? new TextEncoder().encode(body) : body;
  const warc = WARCRecord.create(
    {
      url,
      date: CRAWLED,
      type: type as "response",
      ...(type === "response" ? { statusline: `HTTP/1.1 ${status}`, httpHeaders: headers } : {}),
      warcHeaders: type === "response" ? {} : { "Content-Type": headers["Content-Type"] ?? "application/octet-stream" },
    },
    [content],
  );
  return WARCSerializer.serialize(warc, { gzip });
}

/** An archive like a small crawl: a request, three HTML responses, a redirect, an image, an empty page. */
async function archive(gzip = false): Promise<Buffer> {
  const latin = Buffer.from(
    page(`<title>Caf\u00e9 guide</title><link rel="canonical" href="https://news.example/cafe">`).replace(
      TEXT,
      `${TEXT} Un caf\u00e9 co\u00fbte deux euros.`,
    ),
    "latin1",
  );
  const records = await Promise.all([
    record(
      "https://news.example/bridge",
      {
        type: "request",
        headers: { "Content-Type": "application/http; msgtype=request" },
        body: "GET /bridge HTTP/1.1\r\nHost: news.example\r\n\r\n",
      },
      gzip,
    ),
    record(
      "https://news.example/bridge",
      {
        headers: { "Content-Type": "text/html; charset=utf-8" },
        body: page(
          `<title>Bridge to close</title><script type="application/ld+json">${JSON.stringify({ "@type": "NewsArticle", headline: "Bridge to close", datePublished: "2025-02-27T18:00:00+01:00" })}</script>`,
        ),
      },
      gzip,
    ),
    record(
      "https://news.example/cafe",
      { headers: { "Content-Type": "text/html; charset=ISO-8859-1" }, body: latin },
      gzip,
    ),
    record(
      "https://news.example/old",
      {
        status: "301 Moved Permanently",
        headers: { "Content-Type": "text/html", Location: "https://news.example/bridge" },
        body: "<title>Moved</title><p>Moved here.</p>",
      },
      gzip,
    ),
    record(
      "https://news.example/logo.png",
      { headers: { "Content-Type": "image/png" }, body: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1]) },
      gzip,
    ),
    record(
      "https://news.example/empty",
      { headers: { "Content-Type": "text/html" }, body: "<html><body><div></div></body></html>" },
      gzip,
    ),
    record(
      "https://news.example/brief",
      { headers: { "Content-Type": "application/xhtml+xml" }, body: page("<title>Flash: ferry cancelled</title>", "") },
      gzip,
    ),
  ]);
  return Buffer.concat(records);
}

function readArchive(name: string, data: Buffer) {
  const dir = mkdtempSync(join(tmpdir(), "newsfind-warc-"));
  writeFileSync(join(dir, name), data);
  return readCorpus(dir, dir);
}

describe("web archives", () => {
  for (const [name, gzip] of [
    ["crawl.warc", false],
    ["crawl.warc.gz", true],
  ] as const) {
    it(`reads each HTML page of a ${name} as an article and passes over the other records`, async () => {
      const { articles, skipped, warnings } = readArchive(name, await archive(gzip));
      expect(articles.map(({ origin, title, url }) => ({ origin, title, url }))).toEqual([
        { origin: `${name}#https://news.example/bridge`, title: "Bridge to close", url: "https://news.example/bridge" },
        { origin: `${name}#https://news.example/cafe`, title: "Café guide", url: "https://news.example/cafe" },
        {
          origin: `${name}#https://news.example/brief`,
          title: "Flash: ferry cancelled",
          url: "https://news.example/brief",
        },
      ]);
      expect(skipped).toEqual([
        { path: `${name}#https://news.example/empty`, reason: "no article text and no title in the page" },
      ]);
      // The brief is kept with an empty body; the build, not the format, warns of headline-only items.
      expect(warnings).toEqual([]);
    });
  }

  it("keeps WARC-Date as the capture time and never as the publication date", async () => {
    const { articles } = readArchive("crawl.warc", await archive());
    expect(articles.map(({ published, crawled, body }) => ({ published, crawled, paragraphs: body.length }))).toEqual([
      { published: "2025-02-27", crawled: CRAWLED, paragraphs: 2 },
      { published: null, crawled: CRAWLED, paragraphs: 2 },
      { published: null, crawled: CRAWLED, paragraphs: 0 },
    ]);
  });

  it("decodes a page by the charset of its HTTP Content-Type", async () => {
    const { articles, warnings } = readArchive("crawl.warc", await archive());
    expect(articles[1]!.body[0]).toBe(`${TEXT} Un café coûte deux euros.`);
    expect(warnings.filter((warning) => warning.kind === "repaired-encoding")).toEqual([]);
    expect(httpCharset('text/html; charset="Windows-1252"')).toBe("windows-1252");
    expect(httpCharset("text/html")).toBeNull();
  });

  it("reads a page again from the file, as the build cache does for an unchanged page", async () => {
    const dir = mkdtempSync(join(tmpdir(), "newsfind-warc-"));
    const file = join(dir, "crawl.warc.gz");
    writeFileSync(file, await archive(true));
    const units: SourceUnit[] = [];
    eachWarcUnit(file, "crawl.warc.gz", (unit) => units.push(unit));
    expect(units.map((unit) => unit.reread().articles[0]?.body)).toEqual(
      units.map((unit) => unit.read().articles[0]?.body),
    );
    expect(new Set(units.map((unit) => unit.hash)).size).toBe(units.length);
  });

  it("keeps the pages before a damaged record and reports the damage", async () => {
    const whole = await archive();
    const damaged = Buffer.concat([
      whole,
      Buffer.from("<html>a page saved into the archive by mistake</html>\r\n\r\n"),
    ]);
    const { articles, skipped } = readArchive("crawl.warc", damaged);
    expect(articles.map((article) => article.origin)).toEqual(
      readArchive("crawl.warc", whole).articles.map((article) => article.origin),
    );
    expect(skipped).toContainEqual({
      path: "crawl.warc",
      reason: "1 of 8 records are not WARC records (a damaged archive?)",
    });
  });

  it("reports an archive with no HTML page rather than passing over it silently", async () => {
    const images = Buffer.from(
      await record("https://news.example/logo.png", { headers: { "Content-Type": "image/png" }, body: "PNG" }),
    );
    expect(readArchive("images.warc", images).skipped).toEqual([
      {
        path: "images.warc",
        reason: "no HTML page in the web archive (no response record of an HTML type with status 200 among 1)",
      },
    ]);
  });

  it("reads records' headers without copying content it was not asked for", async () => {
    const { records, error } = readWarcRecords(await archive(true));
    expect(error).toBeNull();
    expect(records.map(({ type, status, content }) => [type, status, content !== null])).toEqual([
      ["request", null, false],
      ["response", 200, true],
      ["response", 200, true],
      ["response", 301, true],
      ["response", 200, false],
      ["response", 200, true],
      ["response", 200, true],
    ]);
  });
});
