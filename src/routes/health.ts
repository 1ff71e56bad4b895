// GET /health: whether the index loads, and what it holds.
import { Hono } from "hono";
import { jsonResponse } from "../http/json.js";
import type { IndexStore } from "../engine/store/store.js";
import { queryParams } from "../http/params.js";
import { validate } from "../http/validate.js";

export function healthRoutes(loadIndex: (env: unknown) => Promise<IndexStore>) {
  return new Hono().get("/", validate("query", queryParams({})), async (c) => {
    const { manifest } = await loadIndex(c.env);
    const health = {
      status: "ok",
      articles: manifest.articles,
      indexVersion: manifest.formatVersion,
      fields: manifest.config.fields,
      builtAt: manifest.builtAt,
    };
    return jsonResponse(health, { headers: { "cache-control": "no-store" } });
  });
}
