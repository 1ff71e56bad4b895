// Parameter validation: valibot schemas through hono-openapi's validator, which also records
// each schema for the OpenAPI document, with every failure turned into one NewsfindError that
// names each parameter and its fix.
import type { StandardSchemaV1 } from "@standard-schema/spec";
import type { ValidationTargets } from "hono";
import { validator } from "hono-openapi";
import type { GenericSchema } from "valibot";
import { NewsfindError, type ParamError } from "./errors.js";

function paramOf(issue: StandardSchemaV1.Issue): string {
  const [first] = issue.path ?? [];
  const key = typeof first === "object" && first !== null ? first.key : first;
  return typeof key === "string" ? key : "(request)";
}

export function toParamErrors(issues: readonly StandardSchemaV1.Issue[]): ParamError[] {
  const seen = new Set<string>();
  return issues
    .map((issue) => ({ param: paramOf(issue), message: issue.message }))
    .filter((error) => !seen.has(error.param) && seen.add(error.param));
}

/** A validator middleware for one request target that throws on the first failed parse. */
export function validate<T extends GenericSchema, Target extends keyof ValidationTargets>(target: Target, schema: T) {
  return validator(target, schema, (result) => {
    if (!result.success) {
      const errors = toParamErrors(result.error);
      throw new NewsfindError("invalid-parameter", errors.map((error) => error.message).join("; "), { errors });
    }
  });
}
