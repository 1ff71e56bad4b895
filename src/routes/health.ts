// GET /health: whether the index loads, and what it holds. Once a request has found an index
// file missing or damaged, it answers 503 "degraded" with the files, until they read whole again.
import { Hono } from "hono";
import { jsonResponse } from "../http/json.js";
import type { IndexStore } from "../engine/store/store.js";
import { queryParams } from "../http/params.js";
import { documented } from "../http/documented.js";
import { healthResponse } from "../http/responses.js";
import { validate } from "../http/validate.js";

const HEALTH_DOC = documented({
  summary: "Whether the index loads, and what it holds",
  description:
    "ok, or, once a request has found an index file missing or damaged, 503 degraded with the files and the fix, until they read whole again.",
  tag: "service",
  ok: { description: "The index is whole.", content: { "application/json": healthResponse } },
  also: {
    503: {
      description: 'The index is "degraded": a request found files missing or damaged, named in `reason`',
      content: { "application/json": healthResponse },
    },
  },
  problems: ["index-unavailable"],
});

export function healthRoutes(loadIndex: (env: unknown) => Promise<IndexStore>) {
  return new Hono().get("/", HEALTH_DOC, validate("query", queryParams({})), async (c) => {
    const store = await loadIndex(c.env);
    const { manifest } = store;
    const damaged = store.damaged();
    const health = {
      status: damaged.length > 0 ? "degraded" : "ok",
      ...(damaged.length > 0 && {
        reason: `index files missing or damaged: ${damaged.join(", ")}; rebuild with "npm run build" and deploy the assets with the worker`,
      }),
      articles: manifest.articles,
      indexVersion: manifest.formatVersion,
      contentId: manifest.contentId,
      fields: manifest.config.fields,
      builtAt: manifest.builtAt,
    };
    return jsonResponse(health, { status: damaged.length > 0 ? 503 : 200, headers: { "cache-control": "no-store" } });
  });
}
