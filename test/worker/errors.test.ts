// How failures reach the client: an error the engine throws becomes the problem response its
// code stands for, with the engine's message as the detail; anything else is an `internal`
// problem that says nothing of its cause.
import { describe, expect, it, vi } from "vitest";
import * as sharded from "../../dist/index/artefacts.js";
import { createApp } from "../../src/app.js";
import { EngineError } from "../../src/engine/errors.js";
import { NO_EDGE_CACHE, problemOf } from "./helpers.js";

describe("engine errors", () => {
  it("answers an engine index-unavailable error with a 503 index-unavailable problem carrying its message", async () => {
    const message = "The search index cannot be used: its file /index/meta.bin is gone; rebuild it.";
    const app = createApp({
      artefacts: sharded,
      assets: async () => {
        throw new EngineError("index-unavailable", message);
      },
    });
    const response = await app.request("/search?q=Putin", {}, NO_EDGE_CACHE);
    expect(response.status).toBe(503);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await problemOf(response)).toEqual({
      type: "/problems/index-unavailable",
      title: "Search index unavailable",
      status: 503,
      detail: message,
      instance: "/search",
    });
  });

  it("answers an error the engine did not plan with a 500 internal problem, logging it and keeping its message out", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const app = createApp({
      artefacts: sharded,
      assets: async () => {
        throw new Error("secret detail");
      },
    });
    try {
      const response = await app.request("/search?q=Putin", {}, NO_EDGE_CACHE);
      expect(response.status).toBe(500);
      const problem = await problemOf(response);
      expect(problem).toMatchObject({ type: "/problems/internal", title: "Internal server error", status: 500 });
      expect(problem.detail).not.toContain("secret detail");
      expect(logged).toHaveBeenCalledOnce();
    } finally {
      logged.mockRestore();
    }
  });
});
