// The OpenAPI document is valid OpenAPI 3.1, checked against the specification's own JSON
// Schema (@seriousme/openapi-schema-validator, which compiles schemas: not possible inside
// workerd, so this runs in Node). The document is the one the app serves at /openapi.json;
// making it reads no index.
import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import * as seedBundle from "../../dist/test-index/seeds/artefacts.js";
import { createApp } from "../../src/app.js";

describe("the OpenAPI document", () => {
  it("validates against the OpenAPI 3.1 schema", async () => {
    const response = await createApp({ artefacts: seedBundle, widget: "" }).request("/openapi.json");
    expect(response.status).toBe(200);
    const spec = await response.json();
    const validator = new Validator();
    const result = await validator.validate(spec as Parameters<Validator["validate"]>[0]);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
  });

  it("is refused by the same check when it is broken", async () => {
    const response = await createApp({ artefacts: seedBundle, widget: "" }).request("/openapi.json");
    const spec = (await response.json()) as { paths: Record<string, { get: { responses?: unknown } }> };
    spec.paths["/search"]!.get.responses = "none";
    expect((await new Validator().validate(spec as Parameters<Validator["validate"]>[0])).valid).toBe(false);
  });
});
