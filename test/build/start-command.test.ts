// `npm start`'s wrangler invocation: newsfind's corpus options to the environment the build reads,
// every other option to wrangler dev, and the local wrangler environment under the caller's.
import { describe, expect, it } from "vitest";
import { LOCAL_WRANGLER_ENV } from "../../build/local-wrangler.js";
import { startCommand } from "../../build/start-command.js";

describe("startCommand", () => {
  it("passes the corpus options to the build through the environment, the rest to wrangler dev", () => {
    const { args, env } = startCommand(
      ["--corpus", "archive/", "--port", "9000", "--fields=body", "--language", "de", "--strict", "--ip=0.0.0.0"],
      {},
    );
    expect(args).toEqual(["dev", "--port", "9000", "--ip=0.0.0.0"]);
    expect(env).toMatchObject({
      NEWSFIND_CORPUS: "archive/",
      NEWSFIND_FIELDS: "body",
      NEWSFIND_LANGUAGE: "de",
      NEWSFIND_STRICT: "1",
    });
  });

  it("takes --corpus=PATH as well as --corpus PATH, and keeps an = inside the path", () => {
    expect(startCommand(["--corpus=news=2026/"], {}).env.NEWSFIND_CORPUS).toBe("news=2026/");
  });

  it("serves with telemetry, request.cf fetches and wrangler dev's per-request traces off", () => {
    const { env } = startCommand([], { PATH: "/usr/bin" });
    expect(env).toMatchObject({
      PATH: "/usr/bin",
      WRANGLER_SEND_METRICS: "false",
      CLOUDFLARE_CF_FETCH_ENABLED: "false",
      X_LOCAL_OBSERVABILITY: "false",
    });
    expect(env).toMatchObject(LOCAL_WRANGLER_ENV);
  });

  it("lets the caller's environment turn wrangler dev's traces back on", () => {
    expect(startCommand([], { X_LOCAL_OBSERVABILITY: "true" }).env.X_LOCAL_OBSERVABILITY).toBe("true");
  });

  it("adds no corpus variable the caller did not ask for", () => {
    const { args, env } = startCommand(["--local"], {});
    expect(args).toEqual(["dev", "--local"]);
    expect(Object.keys(env).filter((name) => name.startsWith("NEWSFIND_"))).toEqual([]);
  });
});
