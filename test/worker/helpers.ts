// Helpers for the worker tests: an app over the hostile fixture index, and problem parsing.
import { expect } from "vitest";
import { createApp } from "../../src/app.js";
import * as hostile from "../../dist/test-index/hostile/artefacts.js";
import type { Problem } from "../../src/http/errors.js";

export const hostileApp = createApp({ artefacts: hostile });

export async function problemOf(response: Response): Promise<Problem> {
  expect(response.headers.get("content-type")).toMatch(/^application\/problem\+json/);
  return (await response.json()) as Problem;
}
