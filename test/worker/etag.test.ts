// ETags computed from the body text (src/http/etag.ts) and the 304s they allow.
import { describe, expect, it } from "vitest";
import { etagOf, taggedResponse } from "../../src/http/etag.js";
import { LAYOUTS, seedFetch } from "./helpers.js";

describe("etagOf", () => {
  it("gives equal bodies equal tags and bodies differing in one character different tags", () => {
    const body = JSON.stringify({ q: "Kremlin", hits: [1, 2, 3] });
    expect(etagOf(body)).toBe(etagOf(`${body}`));
    expect(etagOf(body)).not.toBe(etagOf(body.replace("Kremlin", "Kremlim")));
    expect(etagOf("ab")).not.toBe(etagOf("ba"));
    expect(etagOf(body)).toMatch(/^"[0-9a-f]{16}-[0-9a-z]+"$/);
  });
  it("tags byte bodies the same way: equal bytes, equal tags; one byte changed, another tag", () => {
    const bytes = new TextEncoder().encode(JSON.stringify({ q: "Kremlin", hits: [1, 2, 3] }));
    const copy = bytes.slice();
    expect(etagOf(bytes)).toBe(etagOf(copy));
    copy[7] = copy[7]! ^ 1;
    expect(etagOf(copy)).not.toBe(etagOf(bytes));
    expect(etagOf(bytes)).toMatch(/^"[0-9a-f]{16}-[0-9a-z]+"$/);
    // An ASCII text and its bytes are the same units: the same tag.
    expect(etagOf(bytes)).toBe(etagOf(JSON.stringify({ q: "Kremlin", hits: [1, 2, 3] })));
  });
});

describe("taggedResponse", () => {
  const tag = etagOf("body");
  const status = (ifNoneMatch: string | null) => taggedResponse(ifNoneMatch, "body", {}).status;
  it("answers 304 when If-None-Match holds the tag itself, its weak form, a list holding it, or *", () => {
    expect(status(tag)).toBe(304);
    expect(status(`W/${tag}`)).toBe(304);
    expect(status(`"other", ${tag}`)).toBe(304);
    expect(status("*")).toBe(304);
  });
  it("answers with the body, tagged, when If-None-Match is absent or holds other tags", () => {
    expect(status(null)).toBe(200);
    expect(status(`"other", W/"else"`)).toBe(200);
    expect(taggedResponse(null, "body", {}).headers.get("etag")).toBe(tag);
  });
});

describe.each(LAYOUTS)("conditional requests (%s layout)", (layout) => {
  const fetch = seedFetch(layout);
  it("answers 304 without a body to an article request whose If-None-Match lists its ETag", async () => {
    const first = await fetch("/search?q=Kremlin&limit=1");
    const { hits } = (await first.json()) as { hits: { id: string }[] };
    const article = await fetch(`/articles/${encodeURIComponent(hits[0]!.id)}`);
    const etag = article.headers.get("etag")!;
    const again = await fetch(`/articles/${encodeURIComponent(hits[0]!.id)}`, {
      headers: { "if-none-match": `"stale", ${etag}` },
    });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    expect(again.headers.get("etag")).toBe(etag);
  });
});
