// Content negotiation: HTML only when the client ranks text/html above application/json.
import { describe, expect, it } from "vitest";
import { prefersHtml } from "../../src/http/accept.js";

describe("prefersHtml", () => {
  it.each([
    ["text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", true],
    ["text/html", true],
    ["application/json;q=0.5, text/*", true],
    [undefined, false],
    ["*/*", false],
    ["application/json", false],
    ["application/json, text/html;q=0.9", false],
    ["text/html;q=0", false],
  ])("Accept %s → HTML %s", (accept, html) => {
    expect(prefersHtml(accept)).toBe(html);
  });

  it("weighs each type by its most specific matching range's q-value", () => {
    expect(prefersHtml("text/*;q=0.3, text/html;q=0.7, */*;q=0.5")).toBe(true);
    expect(prefersHtml("text/html;q=0.2, text/*;q=0.9, application/json;q=0.5")).toBe(false);
    expect(prefersHtml("text/*;q=0.6, */*;q=0.5")).toBe(true);
    expect(prefersHtml("text/*;q=0.3, */*;q=0.5")).toBe(false);
  });
});
