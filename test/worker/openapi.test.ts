// The OpenAPI document and the reference page, served by the worker: the document names every
// route and parameter the app has, and the worker's real answers (bodies, statuses, media
// types) are the ones it describes.
import { exports } from "cloudflare:workers";
import type { OpenAPIV3_1 } from "openapi-types";
import * as v from "valibot";
import { describe, expect, it } from "vitest";
import * as seedBundle from "../../dist/test-index/seeds/artefacts.js";
import { source as widget } from "../../dist/widget/widget.js";
import { compileIndex } from "../../build/compile-index.js";
import { inlineTagger } from "./tagger.js";
import { createApp } from "../../src/app.js";
import type { Article } from "../../src/index-format.js";
import {
  articleResponse,
  endpointListResponse,
  filtersResponse,
  healthResponse,
  openSearchSuggestResponse,
  problemResponse,
  relatedResponse,
  searchResponse,
  suggestResponse,
} from "../../src/http/responses.js";
import { feedQuery } from "../../src/routes/feed.js";
import { searchQuery } from "../../src/routes/search.js";
import { suggestQuery } from "../../src/routes/suggest.js";
import { memoryAssets, NO_EDGE_CACHE } from "./helpers.js";

const fetchWorker = (path: string, init?: RequestInit) => exports.default.fetch(`http://newsfind.test${path}`, init);

async function specOf(): Promise<OpenAPIV3_1.Document> {
  const response = await fetchWorker("/openapi.json");
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  return (await response.json()) as OpenAPIV3_1.Document;
}

const operation = (spec: OpenAPIV3_1.Document, path: string) => spec.paths![path]!.get!;
const parameterNames = (spec: OpenAPIV3_1.Document, path: string, place = "query") =>
  ((operation(spec, path).parameters ?? []) as OpenAPIV3_1.ParameterObject[])
    .filter((parameter) => parameter.in === place)
    .map((parameter) => parameter.name);

/** The media type of a response, without its parameters. */
const mediaOf = (response: Response) => (response.headers.get("content-type") ?? "").split(";")[0]!.trim();

describe("GET /openapi.json", () => {
  it("is an OpenAPI 3.1 document with a path for every GET route the app serves", async () => {
    const spec = await specOf();
    expect(spec.openapi).toBe("3.1.0");
    const app = createApp({ artefacts: seedBundle, widget });
    const routes = new Set(
      app.routes
        .filter((route) => route.method === "GET" && route.path !== "*" && !route.path.endsWith("/*"))
        .map((route) => route.path.replace(/:(\w+)/g, "{$1}")),
    );
    expect(routes.size).toBeGreaterThan(8);
    expect(new Set(Object.keys(spec.paths ?? {}))).toEqual(routes);
  });

  it("documents exactly the parameters each endpoint accepts, with what each is for", async () => {
    const spec = await specOf();
    expect(parameterNames(spec, "/search")).toEqual(Object.keys(searchQuery.entries));
    expect(parameterNames(spec, "/feed")).toEqual(Object.keys(feedQuery.entries));
    expect(parameterNames(spec, "/suggest")).toEqual(Object.keys(suggestQuery.entries));
    expect(parameterNames(spec, "/articles/{id}", "path")).toEqual(["id"]);
    expect(parameterNames(spec, "/articles/{id}/related", "path")).toEqual(["id"]);
    expect(parameterNames(spec, "/articles/{id}/related")).toEqual(["limit"]);
    expect(parameterNames(spec, "/filters")).toEqual([]);
    // Each says what it is for, then its form: "Hits to return: a whole number between 1 and 100; default 10."
    for (const path of ["/search", "/feed", "/suggest", "/articles/{id}/related"])
      for (const parameter of operation(spec, path).parameters as OpenAPIV3_1.ParameterObject[]) {
        if (parameter.in === "path") continue;
        expect(parameter.description, `${path} ${parameter.name}`).toMatch(
          /^[A-Za-z0-9].{8,}(?::|;) .*(?:whole number|one of|default|characters|YYYY-MM-DD|days between).*\.$/,
        );
      }
  });

  it("names every problem type, each response pointing at the one Problem schema", async () => {
    const spec = await specOf();
    const problem = spec.components!.schemas!.Problem as OpenAPIV3_1.SchemaObject;
    const types = (problem.properties!.type as OpenAPIV3_1.SchemaObject).enum;
    expect(types).toContain("/problems/index-unavailable");
    expect(types).toContain("/problems/rate-limited");
    const search = operation(spec, "/search").responses!;
    for (const status of ["400", "429", "500", "503"])
      expect((search[status] as OpenAPIV3_1.ResponseObject).content!["application/problem+json"]!.schema).toEqual({
        $ref: "#/components/schemas/Problem",
      });
    expect(Object.keys(operation(spec, "/articles/{id}").responses!)).toContain("404");
  });

  it("describes the worker's real answers: their bodies, statuses and media types", async () => {
    const spec = await specOf();
    const first = v.parse(searchResponse, await (await fetchWorker("/search?q=Putin&limit=2")).json());
    const id = first.hits[0]!.id;
    const cases: [path: string, documented: string, schema: v.GenericSchema | null, init?: RequestInit][] = [
      ["/search?q=Putin+Kremlin", "/search", searchResponse],
      ["/search", "/search", searchResponse],
      ["/search?q=Pution", "/search", searchResponse],
      ["/suggest?q=kre", "/suggest", suggestResponse],
      ["/suggest?q=kre&format=opensearch", "/suggest", openSearchSuggestResponse],
      [`/articles/${encodeURIComponent(id)}`, "/articles/{id}", articleResponse],
      [`/articles/${encodeURIComponent(id)}`, "/articles/{id}", null, { headers: { accept: "text/html" } }],
      ["/articles/nothing-has-this-id", "/articles/{id}", problemResponse],
      [`/articles/${encodeURIComponent(id)}/related`, "/articles/{id}/related", relatedResponse],
      ["/articles/nothing-has-this-id/related", "/articles/{id}/related", problemResponse],
      [`/articles/${encodeURIComponent(id)}/related?limit=0`, "/articles/{id}/related", problemResponse],
      ["/filters", "/filters", filtersResponse],
      ["/health", "/health", healthResponse],
      ["/", "/", endpointListResponse],
      ["/search?limit=500", "/search", problemResponse],
      ["/suggest?q=a&q=b", "/suggest", problemResponse],
      ["/feed?q=Putin", "/feed", null],
      ["/opensearch.xml", "/opensearch.xml", null],
      ["/widget.js", "/widget.js", null],
      ["/docs", "/docs", null],
    ];
    for (const [path, documented, schema, init] of cases) {
      const response = await fetchWorker(path, init);
      const described = operation(spec, documented).responses![String(response.status)] as
        | OpenAPIV3_1.ResponseObject
        | undefined;
      expect(described, `${path}: status ${response.status}`).toBeDefined();
      expect(Object.keys(described!.content ?? {}), path).toContain(mediaOf(response));
      if (schema) v.parse(schema, await response.json());
    }
  });

  it("describes /health's degraded answer and a damaged index's problem", async () => {
    const spec = await specOf();
    const { artefacts, files } = compileIndex(JSON.parse(seedBundle.articles!) as Article[], {
      tagger: inlineTagger(),
      builtAt: "2025-01-01T00:00:00Z",
      layout: "sharded",
    });
    const served = new Map(files);
    for (const [path, data] of files)
      if (path.includes("/terms/"))
        served.set(
          path,
          data!.map((byte, i) => (i === data!.length >> 1 ? byte ^ 1 : byte)),
        );
    const app = createApp({ artefacts, assets: memoryAssets(served) });
    const search = await app.request("/search?q=Putin", {}, NO_EDGE_CACHE);
    const health = await app.request("/health", {}, NO_EDGE_CACHE);
    for (const [response, path, schema] of [
      [search, "/search", problemResponse],
      [health, "/health", healthResponse],
    ] as const) {
      expect(response.status).toBe(503);
      const described = operation(spec, path).responses!["503"] as OpenAPIV3_1.ResponseObject;
      expect(Object.keys(described.content ?? {})).toContain(mediaOf(response));
      v.parse(schema, await response.json());
    }
  });

  it("answers If-None-Match with 304, as it says", async () => {
    const first = await fetchWorker("/openapi.json");
    const etag = first.headers.get("etag");
    expect(etag).toBeTruthy();
    expect((await fetchWorker("/openapi.json", { headers: { "if-none-match": etag! } })).status).toBe(304);
  });
});

describe("GET /docs", () => {
  it("is the reference page of every endpoint, with no script, under the strict policy", async () => {
    const response = await fetchWorker("/docs");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    const policy = response.headers.get("content-security-policy")!;
    expect(policy).toContain("default-src 'none'");
    expect(policy).not.toContain("script-src");
    const html = await response.text();
    expect(html).not.toMatch(/<script/i);
    const spec = await specOf();
    for (const path of Object.keys(spec.paths ?? {})) expect(html).toContain(`<code>GET ${path}</code>`);
    for (const name of Object.keys(searchQuery.entries)) expect(html).toContain(`<code>${name}</code>`);
    expect(html).toContain("/problems/index-unavailable");
  });

  it("escapes the document's text: markup in a description is shown, never parsed", async () => {
    const html = await (await fetchWorker("/docs")).text();
    expect(html).toContain("matches in &lt;mark&gt;");
    expect(html).not.toContain("<mark>");
    expect(html).toContain("The &lt;newsfind-search&gt; custom element");
  });
});
