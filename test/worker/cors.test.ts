// CORS origins from NEWSFIND_CORS_ORIGINS: any origin by default (wrangler.toml), or only the
// listed ones, named back to them, for answers and preflights alike.
import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import * as seedBundle from "../../dist/test-index/seeds/artefacts.js";
import { createApp } from "../../src/app.js";

const app = createApp({ artefacts: seedBundle });
const LISTED = { NEWSFIND_CORS_ORIGINS: "https://news.example, https://www.news.example" };

describe("CORS origins", () => {
  it("lets any origin read the API by default", async () => {
    const response = await exports.default.fetch("http://newsfind.test/search?q=Putin", {
      headers: { origin: "https://anywhere.example" },
    });
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("access-control-expose-headers")).toBe("ETag");
  });

  it("names a listed origin back, and leaves others without the header", async () => {
    for (const origin of ["https://news.example", "https://www.news.example"]) {
      const response = await app.request("/search?q=Putin", { headers: { origin } }, LISTED);
      expect(response.status).toBe(200);
      expect(response.headers.get("access-control-allow-origin")).toBe(origin);
      expect(response.headers.get("vary")).toContain("Origin");
    }
    const other = await app.request("/search?q=Putin", { headers: { origin: "https://evil.example" } }, LISTED);
    expect(other.status).toBe(200);
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
    expect(other.headers.get("vary")).toContain("Origin");
    // Errors say the same.
    const problem = await app.request("/search?limit=0", { headers: { origin: "https://news.example" } }, LISTED);
    expect(problem.status).toBe(400);
    expect(problem.headers.get("access-control-allow-origin")).toBe("https://news.example");
  });

  it("answers preflights for listed origins only", async () => {
    const preflight = (origin: string) =>
      app.request(
        "/search?q=Putin",
        { method: "OPTIONS", headers: { origin, "access-control-request-method": "GET" } },
        LISTED,
      );
    const listed = await preflight("https://news.example");
    expect(listed.headers.get("access-control-allow-origin")).toBe("https://news.example");
    expect(listed.headers.get("access-control-allow-methods")).toContain("GET");
    expect((await preflight("https://evil.example")).headers.get("access-control-allow-origin")).toBeNull();
  });
});
