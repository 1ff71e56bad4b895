// GET /health: whether the index loads, and what it holds.
import { Hono } from "hono";
import { jsonResponse } from "../http/json.js";
import type { LoadedIndex } from "../engine/load-index.js";
import { queryParams } from "../http/params.js";
import { validate } from "../http/validate.js";

export function healthRoutes(loadIndex: () => Promise<LoadedIndex>) {
  return new Hono().get("/", validate("query", queryParams({})), async (c) => {
    const { manifest } = await loadIndex();
    const health = { status: "ok", articles: manifest.articles, indexVersion: manifest.formatVersion, fields: manifest.config.fields, builtAt: manifest.builtAt };
    return jsonResponse(health, { headers: { "cache-control": "no-store" } });
  });
}
