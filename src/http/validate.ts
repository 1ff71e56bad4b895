// Parameter validation: valibot schemas through @hono/valibot-validator, with every failure
// turned into one NewsfindError that names each parameter and its fix.
import { vValidator } from "@hono/valibot-validator";
import type { ValidationTargets } from "hono";
import type { BaseIssue, GenericSchema } from "valibot";
import { NewsfindError, type ParamError } from "./errors.js";

function paramOf(issue: BaseIssue<unknown>): string {
  const key = issue.path?.[0]?.key;
  return typeof key === "string" ? key : "(request)";
}

export function toParamErrors(issues: readonly BaseIssue<unknown>[]): ParamError[] {
  const seen = new Set<string>();
  return issues
    .map((issue) => ({ param: paramOf(issue), message: issue.message }))
    .filter((error) => !seen.has(error.param) && seen.add(error.param));
}

/** A validator middleware for one request target that throws on the first failed parse. */
export function validate<T extends GenericSchema, Target extends keyof ValidationTargets>(target: Target, schema: T) {
  return vValidator(target, schema, (result) => {
    if (!result.success) {
      const errors = toParamErrors(result.issues);
      throw new NewsfindError("invalid-parameter", errors.map((error) => error.message).join("; "), { errors });
    }
  });
}
